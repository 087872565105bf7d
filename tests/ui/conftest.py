"""Qt fixtures: a client runtime (render worker, fonts), and signed-in viewer windows on a real
server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import capture_exceptions, format_captured_exceptions

from meeting.net.api import ServerApi
from meeting.ui import main_thread
from meeting.ui.base import touch
from meeting.ui.display_window import DisplayWindow
from meeting.ui.runtime import ClientRuntime
from meeting.ui.viewer_window import ViewerWindow
from tests.helpers.hygiene import describe_timer, running_timers
from tests.helpers.live import PASSWORD


@pytest.fixture(autouse=True)
def gui_thread_door(qapp):
    main_thread.install()


@pytest.fixture(autouse=True)
def qt_left_clean(qapp):
    """Fails a test that leaves top-level widgets or running timers behind, or whose queued
    work raises once its windows are gone (checked after the test's own fixtures tore down:
    autouse fixtures are set up first, so torn down last)."""
    widgets_before = set(QApplication.topLevelWidgets())
    timers_before = set(running_timers())
    yield
    with capture_exceptions() as exceptions:
        flush_events()
    widgets = [w for w in QApplication.topLevelWidgets()  # (a menu or a dialog goes with its
               if w not in widgets_before and w.parentWidget() is None]  # window: not listed)
    timers = [t for t in running_timers() if t not in timers_before]
    problems = []
    if exceptions:
        problems.append(format_captured_exceptions(exceptions))
    if widgets:
        problems.append("top-level widgets left: " + ", ".join(
            f"{type(w).__name__}{' (shown)' if w.isVisible() else ''}" for w in widgets))
    if timers:
        problems.append("timers left running: " + ", ".join(map(describe_timer, timers)))
    for timer in timers:  # (cleared, so that the next test is not blamed for them)
        timer.stop()
    delete_now(widgets)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def flush_events() -> None:
    """Deliver what is still queued: queued signals, deferred deletes (and what they post)."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


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


def after_a_marker(qtbot, live, meeting_id: int, *windows) -> None:
    """Wait until everything the server sent these windows before now has reached them, with
    no fixed wait: the presenter's other device makes a numbered change that changes nothing
    (the followers stay unheld), and a session takes numbered changes in order (a gap fetches
    the snapshot), so once a window's view has that number, what came before is in it, and
    what did not come, will not. (Use only where the room is not held.)"""
    device = live.peer("olga")
    assert device.call("meeting:join", {"meeting_id": meeting_id})["ok"]
    marker = device.call("followers:lock", {"meeting_id": meeting_id, "locked": False})
    for window in windows:
        qtbot.waitUntil(lambda w=window: w.session.view(meeting_id).seq >= marker["data"]["seq"],
                        timeout=10_000)


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
