"""Select, move, delete, and showing a private note to the room (when the organizer allows)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from meeting.core.annotations import Layer
from meeting.ui.ink_tools import Mode
from tests.ui.conftest import annotations, draw


def complete(window) -> list:
    return [a for a in annotations(window) if a.complete]


def test_move_a_mark_by_dragging_it_and_undo_the_move(qtbot, open_viewer):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    toolbar = presenter.ink_toolbar
    toolbar.set_mode(Mode.PEN)
    center = presenter.page_view.viewport().rect().center()
    draw(qtbot, presenter, center - QPoint(80, 0), center + QPoint(80, 0))
    qtbot.waitUntil(lambda: len(complete(follower)) == 1, timeout=10_000)
    (original,) = complete(follower)
    # The presenter selects the stored mark, so wait for its own copy of it too (a busy machine
    # may deliver the follower's first).
    qtbot.waitUntil(lambda: len(complete(presenter)) == 1 and len(presenter.page_view.strokes)
                    == 1, timeout=10_000)

    toolbar.set_mode(Mode.SELECT)
    assert toolbar.delete_action.isVisible() and not toolbar.delete_action.isEnabled()
    draw(qtbot, presenter, center, center + QPoint(0, 60), steps=6)  # grab it, drag it down
    scale = presenter.page_view.current_scale()

    def moved() -> None:
        assert len(annotations(follower)) == 1
        (mark,) = annotations(follower)
        assert mark.id != original.id
        assert abs(mark.points[0][1] - (original.points[0][1] + 60 / scale)) < 0.5
        assert mark.points[0][0] == original.points[0][0]

    qtbot.waitUntil(moved, timeout=10_000)
    assert toolbar.delete_action.isEnabled()  # the moved mark stays selected
    # The presenter's own window shows one mark, once its echo of the move has come back.
    qtbot.waitUntil(lambda: len(presenter.page_view.strokes) == 1)
    toolbar.undo_action.trigger()
    qtbot.waitUntil(lambda: [a.id for a in annotations(follower)] == [original.id],
                    timeout=10_000)


def test_delete_the_selected_mark(qtbot, open_viewer):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    toolbar = presenter.ink_toolbar
    toolbar.set_mode(Mode.PEN)
    center = presenter.page_view.viewport().rect().center()
    for dy in (0, 80):
        draw(qtbot, presenter, center + QPoint(-80, dy), center + QPoint(80, dy))
    qtbot.waitUntil(lambda: len(complete(follower)) == 2, timeout=10_000)
    toolbar.set_mode(Mode.SELECT)
    qtbot.mouseClick(presenter.page_view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert toolbar.delete_action.isEnabled()
    toolbar.delete_action.trigger()
    qtbot.waitUntil(lambda: len(annotations(follower)) == 1, timeout=10_000)
    (kept,) = annotations(follower)
    assert kept.points[0][1] > center.y() / presenter.page_view.current_scale()


def test_organizer_lets_everyone_draw_and_a_note_is_shown_to_the_room(qtbot, open_viewer):
    organizer, paul = open_viewer("olga"), open_viewer("paul")
    assert not paul.ink_toolbar.share_action.isEnabled()
    assert not paul.ink_toolbar.everyone_action.isVisible()
    assert organizer.ink_toolbar.everyone_action.isVisible()
    center = paul.page_view.viewport().rect().center()
    paul.ink_toolbar.set_mode(Mode.PEN)
    draw(qtbot, paul, center - QPoint(60, 0), center + QPoint(60, 0))
    qtbot.waitUntil(lambda: len(complete(paul)) == 1, timeout=10_000)
    assert annotations(organizer) == []  # private: the organizer never receives it

    organizer.ink_toolbar.everyone_action.trigger()
    qtbot.waitUntil(lambda: paul.ink_toolbar.share_action.isEnabled(), timeout=10_000)
    assert not paul.ink_toolbar.share_action.isChecked()  # private stays the default for him
    paul.ink_toolbar.set_mode(Mode.SELECT)
    qtbot.mouseClick(paul.page_view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert paul.ink_toolbar.share_note_action.isEnabled()
    paul.ink_toolbar.share_note_action.trigger()

    def shown_to_the_room() -> None:  # (waitUntil retries on AssertionError only)
        assert [(a.owner, a.layer) for a in annotations(organizer)] == [("paul", Layer.SHARED)]

    qtbot.waitUntil(shown_to_the_room, timeout=10_000)
    qtbot.waitUntil(lambda: [a.layer for a in annotations(paul)] == [Layer.SHARED],
                    timeout=10_000)
