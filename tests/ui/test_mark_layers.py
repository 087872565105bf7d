"""The room's marks and one's private notes told apart on the page, each shown or hidden on this
device, and typed notes written on the page where they go (the input method in place)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from meeting.core.annotations import Layer, Tool
from meeting.core.mark_layers import PRIVATE_TINT
from meeting.ui.ink_painter import Drawable, paint_strokes
from meeting.ui.ink_tools import Mode
from meeting.ui.note_editor import NoteEditor
from tests.ui.conftest import annotations, draw


def painted(layer: Layer, tool: Tool) -> QImage:
    image = QImage(200, 120, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    points = ((20.0, 60.0), (180.0, 60.0)) if tool is not Tool.TEXT else ((20.0, 40.0),)
    paint_strokes(painter, [Drawable(tool, "#d93025", 2.0, points, "メモ", layer=layer)], 1.0)
    painter.end()
    return image


def tinted_pixels(image: QImage) -> int:
    """Pixels leaning to the private tint's violet (blue well above green)."""
    count = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            pixel = QColor(image.pixel(x, y))
            if pixel.blue() - pixel.green() > 12 and pixel.red() - pixel.green() > 8:
                count += 1
    return count


def test_the_two_layers_paint_differently(qapp):
    violet = QColor(PRIVATE_TINT)
    assert violet.blue() > violet.green()
    for tool in (Tool.PEN, Tool.LINE, Tool.RECT, Tool.TEXT):
        shared, private = painted(Layer.SHARED, tool), painted(Layer.PRIVATE, tool)
        assert shared != private, tool
        assert tinted_pixels(shared) == 0, tool
        assert tinted_pixels(private) > 20, tool


def open_note(qtbot, window, at: QPoint) -> NoteEditor:
    # A person's next tap comes after the loop has turned: the tap that closed the last note
    # is not taken for a new one only until then (a test's click could come before it).
    QApplication.processEvents()
    window.activateWindow()
    qtbot.mouseClick(window.page_view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: window.ink.note_editor is not None
                    and window.ink.note_editor.hasFocus(), timeout=5000)
    return window.ink.note_editor


def compose(editor: NoteEditor, preedit: str, commit: str) -> None:
    """What an input method sends: the reading while composing, then the chosen characters."""
    QApplication.sendEvent(editor, QInputMethodEvent(preedit, []))
    done = QInputMethodEvent("", [])
    done.setCommitString(commit)
    QApplication.sendEvent(editor, done)


def test_a_note_is_typed_in_place_with_the_input_method_and_lands_where_tapped(qtbot,
                                                                               open_viewer):
    paul = open_viewer("paul")
    paul.ink_toolbar.set_mode(Mode.TEXT)
    at = paul.page_view.viewport().rect().center() - QPoint(120, 60)
    expected = paul.page_view.page_point(at.toPointF())
    editor = open_note(qtbot, paul, at)
    assert editor.parent() is paul.page_view.canvas  # on the page, not in a dialog
    assert QApplication.activeModalWidget() is None
    on_canvas = paul.page_view.canvas.mapFrom(paul.page_view.viewport(), at)
    assert (editor.pos() - on_canvas).manhattanLength() <= 3  # typed where it goes
    scale = paul.page_view.current_scale()
    paul.resize(1200, 760)  # the page grows with the window: the editor stays on its point
    qtbot.waitUntil(lambda: abs(editor.x() - expected[0] * paul.page_view.current_scale())
                    <= 3 and paul.page_view.current_scale() != scale, timeout=5000)
    paul.resize(1000, 700)
    QTest.keyClicks(editor, "Check ")
    compose(editor, "ようかくにん", "要確認")
    assert editor.toPlainText() == "Check 要確認"
    QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(editor, "p.2")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # done

    def arrived() -> None:
        assert len(annotations(paul)) == 1  # (waitUntil retries on AssertionError only)
        (note,) = annotations(paul)
        assert (note.tool, note.text, note.layer) == (Tool.TEXT, "Check 要確認\np.2",
                                                      Layer.PRIVATE)
        assert abs(note.points[0][0] - expected[0]) < 1.0
        assert abs(note.points[0][1] - expected[1]) < 1.0

    qtbot.waitUntil(arrived, timeout=10_000)
    assert paul.ink.note_editor is None
    assert [s.text for s in paul.page_view.strokes] == ["Check 要確認\np.2"]


def test_a_note_is_changed_in_place_and_esc_or_a_tap_elsewhere_end_typing(qtbot, open_viewer):
    paul = open_viewer("paul")
    paul.ink_toolbar.set_mode(Mode.TEXT)
    at = paul.page_view.viewport().rect().center() - QPoint(100, 0)
    editor = open_note(qtbot, paul, at)
    compose(editor, "", "歳入")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [a.text for a in annotations(paul)] == ["歳入"], timeout=10_000)
    (first,) = annotations(paul)

    editor = open_note(qtbot, paul, at + QPoint(4, 6))  # on the note: changes it
    assert editor.toPlainText() == "歳入"
    assert paul.page_view.strokes == []  # the note is in the editor while it is changed
    compose(editor, "", "の数値")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [a.text for a in annotations(paul)] == ["歳入の数値"],
                    timeout=10_000)
    assert annotations(paul)[0].points == first.points

    elsewhere = at + QPoint(0, 150)
    editor = open_note(qtbot, paul, elsewhere)
    QTest.keyClicks(editor, "dropped")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert paul.ink.note_editor is None
    editor = open_note(qtbot, paul, elsewhere)
    QTest.keyClicks(editor, "kept")
    qtbot.mouseClick(paul.page_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=elsewhere + QPoint(0, 120))  # a tap away keeps it, opens nothing
    qtbot.waitUntil(lambda: sorted(a.text for a in annotations(paul)) == ["kept", "歳入の数値"],
                    timeout=10_000)
    assert paul.ink.note_editor is None
    editor = open_note(qtbot, paul, elsewhere + QPoint(0, 60))
    QTest.keyClicks(editor, "pen")
    paul.ink_toolbar.set_mode(Mode.PEN)  # another tool: the note is kept
    assert paul.ink.note_editor is None
    qtbot.waitUntil(lambda: len(annotations(paul)) == 3, timeout=10_000)
    paul.ink_toolbar.set_mode(Mode.TEXT)
    for _ in range(3):  # the pen note, "kept", then the change: one step, the note as it was
        paul.ink_toolbar.undo_action.trigger()
    qtbot.waitUntil(lambda: [a.text for a in annotations(paul)] == ["歳入"], timeout=10_000)


def test_hiding_a_layer_hides_its_marks_and_is_remembered_on_this_device(qtbot, open_viewer,
                                                                        tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    olga, paul = open_viewer("olga"), open_viewer("paul", settings=settings)
    center = olga.page_view.viewport().rect().center()
    olga.ink_toolbar.set_mode(Mode.PEN)
    draw(qtbot, olga, center - QPoint(150, 80), center + QPoint(150, -80))
    paul.ink_toolbar.set_mode(Mode.PEN)
    draw(qtbot, paul, center - QPoint(150, -80), center + QPoint(150, 80))
    qtbot.waitUntil(lambda: sorted(a.layer for a in annotations(paul))
                    == [Layer.PRIVATE, Layer.SHARED], timeout=10_000)
    qtbot.waitUntil(lambda: len(paul.page_view.strokes) == 2, timeout=10_000)
    assert tinted_pixels(paul.page_view.canvas.grab().toImage()) > 20
    menu = paul.ink.layers_menu
    assert menu.menuAction() in paul.ink_toolbar.actions()

    menu.layer_boxes[Layer.PRIVATE].click()  # "My private notes" off
    assert [s.layer for s in paul.page_view.strokes] == [Layer.SHARED]
    assert tinted_pixels(paul.page_view.canvas.grab().toImage()) == 0
    assert not paul.beside_pane.ink.visibility.shows(Layer.PRIVATE)  # the page beside too
    menu.layer_boxes[Layer.SHARED].click()  # the room's marks off too
    assert paul.page_view.strokes == []
    paul.ink_toolbar.set_mode(Mode.ERASER)  # what is hidden cannot be erased by mistake
    draw(qtbot, paul, center - QPoint(150, -80), center + QPoint(150, 80))
    qtbot.wait(200)
    assert len(annotations(paul)) == 2

    again = open_viewer("paul", settings=settings)  # this device remembers
    assert not again.ink.visibility.shows(Layer.PRIVATE)
    assert not again.ink.visibility.shows(Layer.SHARED)
    assert again.page_view.strokes == []
    assert again.beside_pane.ink.visibility == again.ink.visibility
    again.ink_toolbar.set_mode(Mode.PEN)  # drawing on a hidden layer shows it again
    draw(qtbot, again, center, center + QPoint(60, 10))
    assert again.ink.visibility.shows(Layer.PRIVATE)
    assert again.ink.layers_menu.layer_boxes[Layer.PRIVATE].isChecked()
    assert Layer.PRIVATE in {s.layer for s in again.page_view.strokes}
