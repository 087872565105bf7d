"""Drawing with the mouse (as a finger or stylus would): live to the room, same spot at any zoom."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from meeting.ui.ink_tools import Mode
from meeting.ui.page_view import ZoomMode
from tests.ui.conftest import after_a_marker, annotations, draw, wait_for_page


def red_near(image, x: float, y: float, reach: int = 3) -> bool:
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            pixel = QColor(image.pixel(round(x) + dx, round(y) + dy))
            if pixel.red() > 180 and pixel.green() < 90 and pixel.blue() < 90:
                return True
    return False


def test_presenter_draws_and_the_follower_sees_it_at_the_same_spot(qtbot, open_viewer,
                                                                     seeded_server):
    _, seeded = seeded_server
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    presenter.documents.itemClicked.emit(presenter.documents.item(1))
    wait_for_page(qtbot, follower, page=0, document_id=seeded.documents[1])
    presenter.ink_toolbar.set_mode(Mode.PEN)
    assert presenter.ink_toolbar.layer.value == "shared"
    viewport = presenter.page_view.viewport().rect()
    start, end = viewport.center() - QPoint(150, 0), viewport.center() + QPoint(150, 40)
    expected_start = presenter.page_view.page_point(start.toPointF())
    draw(qtbot, presenter, start, end)

    def arrived() -> None:
        strokes = annotations(follower)  # (waitUntil retries on AssertionError only)
        assert len(strokes) == 1 and strokes[0].complete and len(strokes[0].points) >= 10
        assert strokes[0].owner == "olga"
        # ... and the window has taken it in (the view is updated first, then the GUI thread)
        assert [len(s.points) for s in follower.page_view.strokes] == [len(strokes[0].points)]

    qtbot.waitUntil(arrived, timeout=10_000)
    (stroke,) = annotations(follower)
    assert stroke.points[0] == (round(expected_start[0], 6), round(expected_start[1], 6)) or (
        abs(stroke.points[0][0] - expected_start[0]) < 0.01)
    middle = stroke.points[len(stroke.points) // 2]
    for mode in (ZoomMode.FIT_PAGE, ZoomMode.FIT_WIDTH):
        follower.page_view.set_zoom_mode(mode)
        follower.page_view.zoom_in()
        wait_for_page(qtbot, follower, page=0)
        scale = follower.page_view.current_scale()
        image = follower.page_view.canvas.grab().toImage()
        assert red_near(image, middle[0] * scale, middle[1] * scale), mode


def test_private_note_stays_on_the_participants_screen(qtbot, open_viewer, seeded_server):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    follower.ink_toolbar.set_mode(Mode.MARKER)
    assert follower.ink_toolbar.layer.value == "private"
    assert not follower.ink_toolbar.share_action.isEnabled()
    center = follower.page_view.viewport().rect().center()
    draw(qtbot, follower, center, center + QPoint(120, 0))
    qtbot.waitUntil(lambda: len(annotations(follower)) == 1 and annotations(follower)[0].complete,
                    timeout=10_000)
    assert annotations(follower)[0].layer.value == "private"
    after_a_marker(qtbot, seeded_server[0], presenter.meeting_id, presenter)
    assert annotations(presenter) == []


def test_eraser_undo_and_redo(qtbot, open_viewer):
    presenter = open_viewer("olga")
    toolbar = presenter.ink_toolbar
    toolbar.set_mode(Mode.PEN)
    center = presenter.page_view.viewport().rect().center()
    draw(qtbot, presenter, center - QPoint(100, 0), center + QPoint(100, 0))
    qtbot.waitUntil(lambda: [a.complete for a in annotations(presenter)] == [True],
                    timeout=10_000)
    toolbar.set_mode(Mode.ERASER)
    draw(qtbot, presenter, center - QPoint(0, 30), center + QPoint(0, 30), steps=6)
    qtbot.waitUntil(lambda: annotations(presenter) == [], timeout=10_000)
    assert presenter.page_view.strokes == []
    toolbar.undo_action.trigger()  # the erase comes undone
    qtbot.waitUntil(lambda: len(annotations(presenter)) == 1, timeout=10_000)
    toolbar.undo_action.trigger()  # and then the stroke itself
    qtbot.waitUntil(lambda: annotations(presenter) == [], timeout=10_000)
    toolbar.redo_action.trigger()
    qtbot.waitUntil(lambda: len(annotations(presenter)) == 1, timeout=10_000)


def test_clear_page_and_undo(qtbot, open_viewer):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    presenter.ink_toolbar.set_mode(Mode.PEN)
    center = presenter.page_view.viewport().rect().center()
    for offset in (0, 40):
        draw(qtbot, presenter, center + QPoint(-80, offset), center + QPoint(80, offset))
    qtbot.waitUntil(lambda: len(annotations(follower)) == 2, timeout=10_000)
    assert presenter.ink_toolbar.clear_action.isVisible()
    assert not follower.ink_toolbar.clear_action.isVisible()
    presenter.ink_toolbar.clear_action.trigger()
    qtbot.waitUntil(lambda: annotations(follower) == [], timeout=10_000)
    presenter.ink_toolbar.undo_action.trigger()
    qtbot.waitUntil(lambda: len(annotations(follower)) == 2, timeout=10_000)


def test_laser_pointer_reaches_the_room_and_goes_away(qtbot, open_viewer):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    assert not follower.ink_toolbar._mode_actions[Mode.LASER].isVisible()
    presenter.ink_toolbar.set_mode(Mode.LASER)
    viewport = presenter.page_view.viewport()
    start = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 31):  # thirty moves in a burst: coalesced, never one message each
        qtbot.mouseMove(viewport, start + QPoint(step * 4, 0))
    end = presenter.page_view.page_point((start + QPoint(120, 0)).toPointF())
    assert presenter.page_view.laser == end  # the presenter sees their own dot at once

    def arrived() -> None:
        shown = follower.page_view.laser
        assert shown is not None and abs(shown[0] - end[0]) < 0.01 and abs(shown[1] - end[1]) < 0.01

    qtbot.waitUntil(arrived, timeout=10_000)
    assert presenter.ink.laser.sent < 30
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(120, 0))
    assert presenter.page_view.laser is None
    qtbot.waitUntil(lambda: follower.page_view.laser is None, timeout=10_000)
    assert annotations(follower) == []  # pointed at, never drawn


def test_laser_shows_only_on_the_page_it_points_at(qtbot, open_viewer):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    presenter.ink_toolbar.set_mode(Mode.LASER)
    viewport = presenter.page_view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    qtbot.waitUntil(lambda: follower.page_view.laser is not None, timeout=10_000)
    follower.go_to_page(follower.follow.shown.page + 1)  # browsing away
    assert follower.page_view.laser is None
    follower.back_to_presenter()
    assert follower.page_view.laser is not None


def test_a_display_account_shows_the_rooms_marks_and_has_no_tools(qtbot, open_viewer):
    presenter, display = open_viewer("olga"), open_viewer("dora")
    assert not display.ink_toolbar.isVisible()
    presenter.ink_toolbar.set_mode(Mode.PEN)
    center = presenter.page_view.viewport().rect().center()
    draw(qtbot, presenter, center - QPoint(100, 0), center + QPoint(100, 0))
    qtbot.waitUntil(lambda: [len(s.points) for s in display.page_view.strokes] == [13],
                    timeout=10_000)


def test_pen_width_is_chosen_and_kept_in_page_points(qtbot, open_viewer):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    presenter.ink_toolbar.set_pen_width(4.0)
    assert presenter.ink_toolbar.mode is Mode.PEN  # choosing a width picks up the pen
    center = presenter.page_view.viewport().rect().center()
    draw(qtbot, presenter, center - QPoint(100, 0), center + QPoint(100, 0))
    qtbot.waitUntil(lambda: [a.width for a in annotations(follower) if a.complete] == [4.0],
                    timeout=10_000)
