"""Lines, arrows, boxes and typed notes (Japanese included), drawn with the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from meeting.core.annotations import Tool
from meeting.ui.ink_tools import Mode
from tests.ui.conftest import annotations, draw

NOTE = "要確認: 歳入の数値\nCheck the revenue figure"


def test_shapes_and_a_note_reach_the_room(qtbot, open_viewer):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    toolbar = presenter.ink_toolbar
    center = presenter.page_view.viewport().rect().center()
    for mode, offset in ((Mode.LINE, 0), (Mode.ARROW, 40), (Mode.RECT, 80)):
        toolbar.set_mode(mode)
        assert toolbar.shapes_button.defaultAction() is toolbar._mode_actions[mode]
        draw(qtbot, presenter, center + QPoint(-90, offset), center + QPoint(90, offset + 30))
    toolbar.set_mode(Mode.RECT)
    draw(qtbot, presenter, center, center + QPoint(1, 1), steps=1)  # a slip: no shape
    toolbar.set_mode(Mode.TEXT)
    presenter.activateWindow()
    qtbot.mouseClick(presenter.page_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=center + QPoint(-90, 140))
    qtbot.waitUntil(lambda: presenter.ink.note_editor is not None, timeout=5000)
    presenter.ink.note_editor.setPlainText(NOTE)  # (typed in place: tests/ui/test_mark_layers)
    QTest.keyClick(presenter.ink.note_editor, Qt.Key.Key_Return)

    def arrived() -> None:
        marks = annotations(follower)
        assert [a.tool for a in marks] == [Tool.LINE, Tool.ARROW, Tool.RECT, Tool.TEXT]
        assert marks[-1].text == NOTE
        assert all(len(a.points) == 2 for a in marks[:3])

    qtbot.waitUntil(arrived, timeout=10_000)
    qtbot.waitUntil(lambda: len(follower.page_view.strokes) == 4, timeout=10_000)
    # the box is selectable by its edge, and goes with the eraser like any mark
    scale = presenter.page_view.current_scale()
    box = annotations(presenter)[2]
    edge = QPoint(round(box.points[0][0] * scale) + 30, round(box.points[0][1] * scale))
    edge = presenter.page_view.canvas.mapTo(presenter.page_view.viewport(), edge)
    toolbar.set_mode(Mode.ERASER)
    draw(qtbot, presenter, edge + QPoint(0, -3), edge + QPoint(0, 3), steps=2)
    qtbot.waitUntil(lambda: [a.tool for a in annotations(follower)] == [
        Tool.LINE, Tool.ARROW, Tool.TEXT], timeout=10_000)
