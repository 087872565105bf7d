"""Qt fixtures: a client runtime (render worker, fonts), and signed-in viewer windows on a real
server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication

from meeting.net.api import ServerApi
from meeting.ui import main_thread
from meeting.ui.base import touch
from meeting.ui.display_window import DisplayWindow
from meeting.ui.runtime import ClientRuntime
from meeting.ui.viewer_window import ViewerWindow
from tests.helpers.live import PASSWORD


@pytest.fixture(autouse=True)
def gui_thread_door(qapp):
    main_thread.install()


@pytest.fixture(autouse=True)
def no_touch_mode_left_behind(qapp):
    """Touch mode is process-wide (an application style sheet): a test that turned it on (or
    a client that found the touch device another test made) must not change the next one."""
    yield
    touch.apply(qapp, False)


@pytest.fixture
def runtime(qapp, tmp_path):
    runtime = ClientRuntime.start(tmp_path / "client-cache", language="en")  # (tests read English)
    yield runtime
    runtime.close()


@pytest.fixture
def open_viewer(qtbot, runtime, seeded_server):
    live, seeded = seeded_server
    opened = []

    def open_as(name: str, *, wait: bool = True, settings=None) -> ViewerWindow:
        login = ServerApi(live.url).login(name, PASSWORD)
        session, bridge = runtime.open_session(live.url, login.token, login.user)
        window = ViewerWindow(session, bridge, runtime.worker, seeded.meeting_id,
                              settings=settings)
        window.resize(1000, 700)
        window.show()
        opened.append((window, session))
        if wait:
            wait_for_page(qtbot, window)
        return window

    yield open_as
    for window, session in reversed(opened):  # (the last to join leaves first)
        window.close_now()
        session.close()
    delete_now([window for window, _ in opened])


def wait_for_page(qtbot, window: ViewerWindow, page: int | None = None,
                  document_id: int | None = None, timeout: int = 10_000) -> None:
    """Wait until the window has painted the page it should show, sharp."""

    def painted() -> None:
        shown = window.follow.shown
        assert shown is not None
        if page is not None:
            assert shown.page == page
        if document_id is not None:
            assert shown.document_id == document_id
        view = window.page_view
        assert view.page == shown.page
        assert view.painted == (view.document_path, shown.page)

    qtbot.waitUntil(painted, timeout=timeout)


def draw(qtbot, window: ViewerWindow, start: QPoint, end: QPoint, steps: int = 12) -> None:
    """A straight pen stroke with the mouse, as a finger or a stylus would draw it."""
    viewport = window.page_view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, steps + 1):
        qtbot.mouseMove(viewport, start + (end - start) * (i / steps))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def annotations(window: ViewerWindow) -> list:
    """The marks the window's meeting view holds (what the server has sent it)."""
    view = window.session.view(window.meeting_id)
    return list(view.snapshot.annotations) if view else []


@pytest.fixture
def open_display(qtbot, runtime, seeded_server):
    live, seeded = seeded_server
    opened = []

    def open_as(name: str = "dora") -> DisplayWindow:
        login = ServerApi(live.url).login(name, PASSWORD)
        session, bridge = runtime.open_session(live.url, login.token, login.user)
        display = DisplayWindow(session, bridge, runtime.worker, seeded.meeting_id)
        opened.append((display, session))
        return display

    yield open_as
    for display, session in opened:
        display.close()
        session.close()
    delete_now([display for display, _ in opened])


def delete_now(widgets) -> None:
    """Destroy the windows here, on the GUI thread. Left to Python, a window caught in a
    reference cycle is freed by whichever thread runs the garbage collector next (a server's,
    a socket's), and Qt objects destroyed off the GUI thread can hang it."""
    for widget in widgets:
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def shows(display: DisplayWindow, page: int, document_id: int | None = None) -> None:
    shown = display.follow.shown
    assert shown is not None and shown.page == page
    assert document_id is None or shown.document_id == document_id
    view = display.page_view
    assert view.painted == (view.document_path, page)
