"""Page rendering through the client's worker processes, against PyMuPDF in this process and
pdftoppm, over the shared corpus at tablet size and at 4K; and the client's memory.

    QT_QPA_PLATFORM=offscreen python bench/render.py [--corpus ../shared/corpus] [--pages 400]
                                                     [--workers 2]

For every PDF in the corpus that opens (encrypted and broken ones are listed and skipped):
  first   open + page layout + page 1 fitted to the screen + QImage, through the client's render
          worker (its processes started and idle, as in the app; the document not yet open);
  raw     the same in this process with PyMuPDF itself (MuPDF's cache emptied first);
  warm    a page turn to page 2 of the open document, drawn by the worker, against raw;
  paint   a page turn to a prefetched page: painting its image (aim: within a frame, 16 ms);
          first, raw and warm are medians of REPEATS runs, the worker's and raw alternating;
  poppler `pdftoppm` rendering page 1 at the same size to PNG (its process start and file open
          included, as ours includes opening). Ratios: first/raw (aim: at most 1.3), warm/raw.
Then the cost of replacing a killed worker (for the abandon rule in meeting/pdf/processes.py),
and memory: a generated document of N pages paged through, one page turn at a time, in a real
offscreen page view at 1280x800. Memory is the GUI process's resident set plus its workers';
"PSS" shares pages the processes have in common (the fork server's PyMuPDF) out fairly, so it
is the honest total. The machine may be shared: the load average is printed with the figures.
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

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from meeting.render.worker import RenderRequest, RenderWorker
from meeting.ui.rendered_image import image_of

SCREENS = {"tablet 1280x800": (1280, 800), "4K 3840x2160": (3840, 2160)}
ROOT = Path(__file__).resolve().parents[1]
REPEATS = 3
"""Each figure is the median of this many runs (the machine may be shared)."""


def status_kb(pid: int | str, field: str, source: str = "status") -> float:
    try:
        with open(f"/proc/{pid}/{source}") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return float(line.split()[1])
    except OSError:
        pass
    return float("nan")


def memory_mb(worker: RenderWorker) -> tuple[float, float, float]:
    """(GUI process RSS, its workers' RSS, PSS of all of them), in MB."""
    workers = worker.worker_pids()
    own = status_kb("self", "VmRSS") / 1024
    theirs = sum(status_kb(pid, "VmRSS") for pid in workers) / 1024
    pss = sum(status_kb(pid, "Pss", "smaps_rollup") for pid in ["self", *workers]) / 1024
    return own, theirs, pss


def _settle(future: Future):
    return lambda result: (future.set_exception(result) if isinstance(result, Exception)
                           else future.set_result(result))


def layout_of(worker: RenderWorker, path: Path):
    future: Future = Future()
    worker.layout(str(path), _settle(future))
    return future.result(timeout=60)


def render_of(worker: RenderWorker, request: RenderRequest):
    future: Future = Future()
    worker.render(request, _settle(future), "bench")
    return future.result(timeout=60)


def fit_scale(page_size: tuple[float, float], screen: tuple[int, int]) -> float:
    return min(screen[0] / page_size[0], screen[1] / page_size[1])


def raw_image(document, page: int, scale: float) -> QImage:
    import pymupdf

    pixmap = document[page].get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
    return QImage(pixmap.samples, pixmap.width, pixmap.height, pixmap.stride,
                  QImage.Format.Format_RGB888).copy()


def raw_ms(path: Path, screen: tuple[int, int]) -> tuple[float, float]:
    """PyMuPDF in this process: (first page as for `first`, warm turn to page 2)."""
    import pymupdf

    pymupdf.TOOLS.store_shrink(100)
    started = time.perf_counter()
    with pymupdf.open(path) as document:
        sizes = [(document[i].rect.width, document[i].rect.height)
                 for i in range(document.page_count)]
        raw_image(document, 0, fit_scale(sizes[0], screen))
        first = (time.perf_counter() - started) * 1000
        second = 1 if len(sizes) > 1 else 0
        started = time.perf_counter()
        raw_image(document, second, fit_scale(sizes[second], screen) * (1 if second else 0.999))
        return first, (time.perf_counter() - started) * 1000


def poppler_ms(path: Path, page: int, scale: float, out: Path) -> float | None:
    if shutil.which("pdftoppm") is None:
        return None
    started = time.perf_counter()
    done = subprocess.run(["pdftoppm", "-f", str(page + 1), "-l", str(page + 1), "-r",
                           f"{72 * scale:.2f}", "-png", str(path), str(out)],
                          capture_output=True, timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    return elapsed if done.returncode == 0 else None


def paint_ms(image: QImage, screen: tuple[int, int]) -> float:
    target = QImage(screen[0], screen[1], QImage.Format.Format_ARGB32_Premultiplied)
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        painter = QPainter(target)
        painter.drawImage(0, 0, image)
        painter.end()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def bench_file(path: Path, tmp: Path, workers: int, ratios: dict) -> list[str] | str:
    import pymupdf

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
        pool_runs, raw_runs = [], []
        try:
            for _ in range(REPEATS):  # alternating, so that the machine's load hits both alike
                pool_runs.append(pool_ms(path, screen, workers))
                raw_runs.append(raw_ms(path, screen))
        except Exception as error:
            return f"render failed ({type(error).__name__}: {error})"
        first = statistics.median(run[0] for run in pool_runs)
        warm = statistics.median(run[1] for run in pool_runs)
        image, scale = pool_runs[-1][2], pool_runs[-1][3]
        raw_first = statistics.median(run[0] for run in raw_runs)
        raw_warm = statistics.median(run[1] for run in raw_runs)
        ratios[label]["first"].append(first / raw_first)
        ratios[label]["warm"].append(warm / raw_warm)
        poppler = poppler_ms(path, 0, scale, tmp / "page")
        poppler_text = f"{poppler:7.1f}" if poppler else "    n/a"
        rows.append(f"  {label:<16} first {first:7.1f} raw {raw_first:7.1f} "
                    f"x{first / raw_first:4.2f}  warm {warm:7.1f} raw {raw_warm:7.1f} "
                    f"x{warm / raw_warm:4.2f}"
                    f"  paint {paint_ms(image, screen):5.2f}  poppler {poppler_text}")
    return rows


def pool_ms(path: Path, screen: tuple[int, int], workers: int
            ) -> tuple[float, float, QImage, float]:
    """Through fresh worker processes: (first page, warm turn to page 2, the image, scale)."""
    worker = RenderWorker(workers)  # fresh processes: nothing open, nothing cached
    worker.worker_pids()  # started and ready, as in the app before a document opens
    try:
        started = time.perf_counter()
        layout = layout_of(worker, path)
        scale = fit_scale(layout.page_sizes[0], screen)
        image = image_of(render_of(worker, RenderRequest(str(path), 0, scale)))
        first = (time.perf_counter() - started) * 1000
        second = 1 if layout.page_count > 1 else 0
        second_scale = fit_scale(layout.page_sizes[second], screen) * (1 if second else 0.999)
        started = time.perf_counter()
        image_of(render_of(worker, RenderRequest(str(path), second, second_scale)))
        return first, (time.perf_counter() - started) * 1000, image, scale
    finally:
        worker.close()


def respawn_ms(path: Path) -> str:
    """Killing a worker and having its replacement draw a page again, against a warm page."""
    worker = RenderWorker(1)
    try:
        request = RenderRequest(str(path), 0, 1.0)
        render_of(worker, request)
        started = time.perf_counter()
        render_of(worker, request)
        warm = (time.perf_counter() - started) * 1000
        pool = worker._view
        [before] = pool.worker_pids()
        slow = pool.submit(time.sleep, 30)
        while not slow.running():
            time.sleep(0.001)
        started = time.perf_counter()
        from meeting.pdf.processes import ABANDON_GRACE

        pool.abandon(slow)
        pool.submit(len, "").result(timeout=30)
        killed = (time.perf_counter() - started) * 1000 - ABANDON_GRACE * 1000
        started = time.perf_counter()
        render_of(worker, request)
        reopened = (time.perf_counter() - started) * 1000
        assert pool.worker_pids() != [before]
        return (f"replacing a killed worker: {killed:.1f} ms to kill and start one, then "
                f"{reopened:.1f} ms for its first page (reopening the file) against "
                f"{warm:.1f} ms warm")
    finally:
        worker.close()


def long_document(path: Path, pages: int) -> Path:
    import pymupdf

    document = pymupdf.open()
    for index in range(pages):
        page = document.new_page(width=595, height=842)
        for line in range(40):
            page.insert_text((56, 60 + line * 19), f"Page {index + 1}, line {line + 1}: "
                             "the quick brown fox jumps over the lazy dog " * 2, fontsize=9)
    document.save(path)
    document.close()
    return path


def memory_run(path: Path, pages: int, workers: int) -> list[str]:
    from meeting.ui import main_thread
    from meeting.ui.page_view import PageView

    main_thread.install()
    worker = RenderWorker(workers)
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

    def line(label: str) -> str:
        own, theirs, pss = memory_mb(worker)
        return (f"  {label}: GUI process {own:6.1f} MB + workers {theirs:6.1f} MB resident "
                f"= {own + theirs:6.1f} MB; PSS of all {pss:6.1f} MB")

    lines.append(line("before the first page"))
    first = None
    for page in range(pages):
        view.set_document(layout, page)
        view.canvas.repaint()
        settle(page)
        if page == 0:
            first = memory_mb(worker)
        if page + 1 in (1, 25, 50, 100, 200, 300, pages):
            lines.append(line(f"after page {page + 1:>4}"))
    if first is not None:
        own, theirs, pss = memory_mb(worker)
        lines.append(f"  growth from page 1 to page {pages}: GUI {own - first[0]:+.1f} MB, "
                     f"workers {theirs - first[1]:+.1f} MB, PSS {pss - first[2]:+.1f} MB")
    view.close()
    worker.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2, choices=(1, 2))
    parser.add_argument("--memory-only", type=Path, metavar="DOCUMENT",
                        help="(run by the benchmark in a fresh process) only page through it")
    parser.add_argument("--make-document", type=Path, metavar="OUT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_document:
        long_document(args.make_document, args.pages)
        return
    if args.memory_only:
        QApplication.instance() or QApplication([])
        for line in memory_run(args.memory_only, args.pages, args.workers):
            print(line, flush=True)
        return
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="meeting-bench-render-"))
    try:
        print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (a shared machine:"
              f" other work runs too); {args.workers} worker(s); times in ms; pdftoppm: "
              f"{shutil.which('pdftoppm') or 'not installed'}")
        ratios = {label: {"first": [], "warm": []} for label in SCREENS}
        for path in sorted(args.corpus.glob("*.pdf")):
            result = bench_file(path, tmp, args.workers, ratios)
            if isinstance(result, str):
                print(f"{path.name}: skipped, {result}")
                continue
            print(path.name)
            for row in result:
                print(row, flush=True)
        for label, values in ratios.items():
            if values["first"]:
                print(f"median over {len(values['first'])} files, {label}: first page "
                      f"x{statistics.median(values['first']):.2f} of raw PyMuPDF, warm turn "
                      f"x{statistics.median(values['warm']):.2f}")
        samples = sorted(Path(ROOT / "meeting" / "resources" / "samples").glob("*.pdf"))
        print(respawn_ms(samples[1]))
        print(f"memory, paging through {args.pages} pages at 1280x800 in a fresh process "
              f"(this one has PyMuPDF loaded for the raw figures; load average "
              f"{os.getloadavg()[0]:.1f}):", flush=True)
        document = long_document(tmp / "long.pdf", args.pages)
        subprocess.run([sys.executable, __file__, "--memory-only", str(document),
                        "--pages", str(args.pages), "--workers", str(args.workers)],
                       check=False, timeout=1800)
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
