"""The GUI thread's longest stall while pages render, per corpus file, at tablet size and 4K.

    QT_QPA_PLATFORM=offscreen python bench/gui_stall.py [--corpus ../shared/corpus] [--export]

For every PDF of the corpus (and a generated hostile page that takes seconds to draw), a real
offscreen page view of the screen's size shows page 1, which also prefetches page 2, while a
10 ms timer ticks on the GUI thread; the figure is the longest gap between two ticks, from
asking for the page until it is painted and its neighbour is ready (aim: under 50 ms). With
--export, the notes-PDF export of the file runs at the same time.

The baseline in the same run: PyMuPDF drawing the same page in a Python thread of this process
(what the client's render thread did before issue 18), timed the same way.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from meeting.pdf import documents
from meeting.pdf.notes_pdf import ExportPart, export_meeting
from meeting.render.worker import BACKGROUND_PRIORITY, DocumentLayout, RenderWorker
from tests.helpers.hostile_pdf import write_hostile_pdf

SCREENS = {"tablet 1280x800": (1280, 800), "4K 3840x2160": (3840, 2160)}
ROOT = Path(__file__).resolve().parents[1]
WATCH_LIMIT = 30.0
"""Seconds to watch one page at most (a page past the worker's time limit has failed by then)."""


class GapWatch:
    """A 10 ms timer on the GUI thread; `longest` is the largest gap between its ticks (s)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest


def run_until(done, limit: float = WATCH_LIMIT) -> bool:
    """Spin the GUI's event loop until `done()` or the limit; True if done."""
    loop, deadline = QEventLoop(), time.monotonic() + limit
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if done() or time.monotonic() > deadline
                          else None)
    timer.start(5)
    loop.exec()
    timer.stop()
    return done()


def pool_gap(view, worker: RenderWorker, layout: DocumentLayout, out: Path | None) -> str:
    """Show page 1 (and prefetch page 2) through the worker processes; the longest gap."""
    view.set_document(None)
    run_until(lambda: worker.pending() == 0, 5)
    watch = GapWatch()
    export = (worker.call(export_meeting, [ExportPart(Path(layout.path), "bench", [])], out,
                          priority=BACKGROUND_PRIORITY) if out else None)
    view.set_document(layout, 0)
    shown = run_until(lambda: view.painted == (layout.path, 0) or view.page_failed)
    run_until(lambda: worker.pending() == 0 and (export is None or export.done()))
    run_until(lambda: False, 0.2)  # the prefetched neighbour lands
    gap = watch.stop() * 1000
    state = "failed" if view.page_failed else ("shown" if shown else "not shown")
    return f"{gap:7.1f} ({state})"


def thread_gap(layout: DocumentLayout, scale: float) -> str:
    """The same page drawn by PyMuPDF in a thread of this process (the old render thread)."""
    import pymupdf

    finished = threading.Event()

    def draw() -> None:
        try:
            with pymupdf.open(layout.path) as document:
                document[0].get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
        except Exception:
            pass
        finally:
            finished.set()

    watch = GapWatch()
    threading.Thread(target=draw, name="bench-thread-render", daemon=True).start()
    done = run_until(finished.is_set)
    gap = watch.stop() * 1000
    return f"{gap:7.1f}" if done else f">{WATCH_LIMIT * 1000:.0f} (still drawing)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--export", action="store_true", help="export the file meanwhile")
    parser.add_argument("--no-thread", action="store_true", help="skip the thread baseline")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from meeting.ui import main_thread
    from meeting.ui.page_view import PageView

    main_thread.install()
    tmp = Path(tempfile.mkdtemp(prefix="meeting-bench-stall-"))
    worker = RenderWorker()
    worker.worker_pids()  # started and waiting, as in the app
    files = [*sorted(args.corpus.glob("*.pdf")), write_hostile_pdf(tmp / "hostile.pdf", 4)]
    print(f"{os.cpu_count()} cores, shared with other work (load {os.getloadavg()[0]:.1f}); "
          f"longest gap of a 10 ms GUI timer in ms (aim < 50); worker time limit "
          f"{worker.time_limit:g} s")
    worst: dict[str, float] = {}
    try:
        for label, (width, height) in SCREENS.items():
            view = PageView(worker)
            view.resize(width, height)
            view.show()
            view.grab()  # Qt's first text and first paint at this size (fonts load once)
            print(f"{label}:  {'file':<48} {'pool':>18} {'thread (old)':>16}")
            for path in files:
                try:
                    sizes = worker.call(documents.page_sizes, str(path)).result(timeout=30)
                except Exception as error:
                    print(f"  {path.name:<48} skipped: {str(error)[:60]}")
                    continue
                if not sizes:
                    print(f"  {path.name:<48} skipped: no pages")
                    continue
                layout = DocumentLayout(str(path), sizes)
                out = tmp / "export.pdf" if args.export else None
                pool = pool_gap(view, worker, layout, out)
                scale = view.current_scale() * view.devicePixelRatioF()
                thread = "" if args.no_thread else thread_gap(layout, scale)
                worst[label] = max(worst.get(label, 0.0), float(pool.split()[0]))
                print(f"  {path.name:<48} {pool:>18} {thread:>16}", flush=True)
            view.close()
            view.deleteLater()
        for label, gap in worst.items():
            print(f"worst pool gap, {label}: {gap:.1f} ms")
    finally:
        worker.close()
        shutil.rmtree(tmp, ignore_errors=True)
        app.processEvents()


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)  # (as bench/render.py: no teardown of Qt and PyMuPDF objects at exit)
