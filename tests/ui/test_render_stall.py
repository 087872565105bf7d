"""The window never waits for a page: PyMuPDF draws in worker processes (issue 18).

With the old render thread, PyMuPDF held the interpreter lock for the whole of a slow page, so
a 10 ms timer on the GUI thread missed seconds of ticks; a page that could not be drawn was
waited for forever. The hostile page here takes seconds to draw (nested form XObjects).
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor

from meeting.render.worker import DocumentLayout, RenderWorker
from meeting.ui.page_view import PageView
from tests.helpers.hostile_pdf import write_hostile_pdf

A4 = (595.0, 842.0)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> DocumentLayout:
    path = write_hostile_pdf(tmp_path_factory.mktemp("hostile") / "hostile.pdf", depth=4)
    return DocumentLayout(str(path), (A4, A4))


class GapWatch:
    """A 10 ms timer on the GUI thread; `longest` is the largest gap between its ticks."""

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

    def stop(self) -> None:
        self._timer.stop()


def shown_view(qtbot, worker: RenderWorker) -> PageView:
    view = PageView(worker)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_gui_thread_keeps_ticking_while_a_slow_page_renders(qtbot, runtime, hostile):
    view = shown_view(qtbot, runtime.worker)
    qtbot.wait(100)
    watch = GapWatch()
    try:
        view.set_document(hostile, 0)  # the page, then (once it is up) its neighbour
        qtbot.wait(2500)  # the page takes longer than this to draw
    finally:
        watch.stop()
    assert watch.longest < 0.2, f"the GUI thread stopped for {watch.longest * 1000:.0f} ms"


def test_a_page_past_its_time_limit_says_so_and_the_rest_goes_on(qtbot, hostile):
    worker = RenderWorker(time_limit=1.0)
    try:
        view = shown_view(qtbot, worker)
        watch = GapWatch()
        started = time.monotonic()
        view.set_document(hostile, 0)
        qtbot.waitUntil(lambda: view.page_failed, timeout=5000)
        assert time.monotonic() - started < 3.0  # its time limit, not the page's seconds
        view.set_laser((300.0, 400.0))  # the laser still shows over the message
        qtbot.wait(50)
        image = view.canvas.grab().toImage()
        laser = view.current_scale() * 300, view.current_scale() * 400
        assert image.pixelColor(round(laser[0]), round(laser[1])) != QColor("white")
        with qtbot.waitSignal(view.pageShown, timeout=10_000) as shown:
            view.show_page(1)  # the next page of the same file draws
        assert shown.args == [hostile.path, 1]
        watch.stop()
        assert watch.longest < 0.2
        view.show_page(0)
        qtbot.wait(50)
        assert view.page_failed  # remembered: not drawn (and timed out) again
    finally:
        worker.close()
