"""Page rendering over the shared corpus, at tablet size and at 4K, against pdftoppm.

    QT_QPA_PLATFORM=offscreen python bench/render.py [--corpus ../shared/corpus] [--pages 400]

For every PDF in the corpus that opens (encrypted and broken ones are listed and skipped):
  first   open + page layout + render page 1 fitted to the screen + QImage, through the client's
          own render worker (what a viewer waits for before the first page shows);
  cold    a page turn to a page not rendered yet (page 2, or page 1 again at another size);
  warm    a page turn to a page already rendered: painting the cached image (what the viewer
          does; aim: within one frame, 16 ms);
  poppler `pdftoppm` rendering the same page at the same size to PNG (its process start and
          file open included, as ours includes opening); ratio = first / poppler.
Then memory: a generated document of N pages paged through, one page turn at a time, in a real
offscreen page view at 1280×800; the client's resident memory is printed as it goes (aim: flat).
pdftoppm comes from Debian's poppler-utils; without it that column says n/a.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pymupdf
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from meeting.render.worker import RenderRequest, RenderWorker

SCREENS = {"tablet 1280x800": (1280, 800), "4K 3840x2160": (3840, 2160)}
ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def wait(future: Future, timeout: float = 60):
    return future.result(timeout=timeout)


def _settle(future: Future):
    return lambda result: (future.set_exception(result) if isinstance(result, Exception)
                           else future.set_result(result))


def layout_of(worker: RenderWorker, path: Path):
    future: Future = Future()
    worker.layout(str(path), _settle(future))
    return wait(future)


def render_of(worker: RenderWorker, request: RenderRequest):
    future: Future = Future()
    worker.render(request, _settle(future), "bench")
    return wait(future)


def to_qimage(rendered) -> QImage:
    return QImage(rendered.samples, rendered.width, rendered.height, rendered.stride,
                  QImage.Format.Format_RGB888).copy()


def fit_scale(page_size: tuple[float, float], screen: tuple[int, int]) -> float:
    return min(screen[0] / page_size[0], screen[1] / page_size[1])


def poppler_ms(path: Path, page: int, scale: float, out: Path) -> float | None:
    if shutil.which("pdftoppm") is None:
        return None
    started = time.perf_counter()
    done = subprocess.run(["pdftoppm", "-f", str(page + 1), "-l", str(page + 1), "-r",
                           f"{72 * scale:.2f}", "-png", str(path), str(out)],
                          capture_output=True, timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed if done.returncode == 0 else None


def warm_ms(image: QImage, screen: tuple[int, int]) -> float:
    target = QImage(screen[0], screen[1], QImage.Format.Format_RGB32)
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        painter = QPainter(target)
        painter.drawImage(0, 0, image)
        painter.end()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def bench_file(path: Path, tmp: Path) -> list[str] | str:
    try:
        with pymupdf.open(path) as probe:
            if probe.needs_pass:
                return "password-protected"
            if probe.page_count < 1:
                return "no pages"
    except Exception as error:  # broken: the server refuses it at upload anyway
        return f"does not open ({type(error).__name__})"
    rows = []
    for label, screen in SCREENS.items():
        worker = RenderWorker()  # a fresh worker: nothing open, nothing cached
        try:
            started = time.perf_counter()
            layout = layout_of(worker, path)
            scale = fit_scale(layout.page_sizes[0], screen)
            first = render_of(worker, RenderRequest(str(path), 0, scale))
            image = to_qimage(first)
            first_ms = (time.perf_counter() - started) * 1000
            cold_page = 1 if layout.page_count > 1 else 0
            cold_scale = fit_scale(layout.page_sizes[cold_page], screen) * (
                1 if cold_page else 0.999)
            started = time.perf_counter()
            cold = render_of(worker, RenderRequest(str(path), cold_page, cold_scale))
            to_qimage(cold)
            cold_ms = (time.perf_counter() - started) * 1000
        except Exception as error:
            return f"render failed ({type(error).__name__}: {error})"
        finally:
            worker.close()
        poppler = poppler_ms(path, 0, scale, tmp / "page")
        ratio = f"x{first_ms / poppler:5.2f}" if poppler else "  n/a"
        poppler_text = f"{poppler:8.1f}" if poppler else "     n/a"
        rows.append(f"  {label:<16} first {first_ms:8.1f}  cold {cold_ms:8.1f}  "
                    f"warm {warm_ms(image, screen):6.2f}  poppler {poppler_text}  "
                    f"first/poppler {ratio}")
    return rows


def long_document(path: Path, pages: int) -> Path:
    document = pymupdf.open()
    for index in range(pages):
        page = document.new_page(width=595, height=842)
        for line in range(40):
            page.insert_text((56, 60 + line * 19), f"Page {index + 1}, line {line + 1}: "
                             "the quick brown fox jumps over the lazy dog " * 2, fontsize=9)
    document.save(path)
    document.close()
    return path


def memory_run(path: Path, pages: int) -> list[str]:
    from meeting.ui import main_thread
    from meeting.ui.page_view import PageView

    main_thread.install()
    worker = RenderWorker()
    view = PageView(worker)
    view.resize(1280, 800)
    view.show()
    layout = layout_of(worker, path)
    lines, loop = [], QEventLoop()

    def settle(page: int) -> None:
        deadline = time.monotonic() + 20
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if view.painted == (str(path), page)
                              or time.monotonic() > deadline else None)
        timer.start(1)
        loop.exec()
        timer.stop()

    start_rss = rss_mb()
    for page in range(pages):
        view.set_document(layout, page)
        view.canvas.repaint()
        settle(page)
        if page + 1 in (1, 25, 50, 100, 200, 300, pages):
            lines.append(f"  after page {page + 1:>4}: {rss_mb():7.1f} MB resident")
    lines.append(f"  growth from page 1 to page {pages}: {rss_mb() - start_rss:+.1f} MB")
    view.close()
    worker.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="meeting-bench-render-"))
    try:
        print(f"{os.cpu_count()} cores; times in ms; pdftoppm: "
              f"{shutil.which('pdftoppm') or 'not installed'}")
        firsts = {label: [] for label in SCREENS}
        for path in sorted(args.corpus.glob("*.pdf")):
            result = bench_file(path, tmp)
            if isinstance(result, str):
                print(f"{path.name}: skipped, {result}")
                continue
            print(path.name)
            for row in result:
                print(row)
                label = next(lbl for lbl in SCREENS if row.startswith(f"  {lbl}"))
                firsts[label].append(float(row.split("first")[1].split()[0]))
        for label, values in firsts.items():
            if values:
                print(f"median first page, {label}: {statistics.median(values):.1f} ms "
                      f"over {len(values)} files")
        print(f"memory, paging through {args.pages} pages at 1280x800:")
        for line in memory_run(long_document(tmp / "long.pdf", args.pages), args.pages):
            print(line)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        app.processEvents()


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    # Tearing down PyMuPDF and Qt objects in the interpreter's final garbage collection has
    # crashed here ("bool_dealloc" in a C extension) after all figures were printed; the
    # figures are complete, so leave without that teardown.
    os._exit(0)
