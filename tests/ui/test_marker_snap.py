"""The marker snaps to the printed line: start of a word to the end of one, steady height."""

from __future__ import annotations

import pymupdf
from PySide6.QtCore import QPoint

from meeting.core.annotations import Tool
from meeting.pdf.text import page_words
from meeting.ui.ink_tools import Mode
from tests.ui.conftest import annotations, draw


def on_screen(window, x: float, y: float) -> QPoint:
    scale = window.page_view.current_scale()
    return window.page_view.canvas.mapTo(window.page_view.viewport(),
                                         QPoint(round(x * scale), round(y * scale)))


def test_a_marker_stroke_follows_the_line_it_starts_on(qtbot, open_viewer):
    olga = open_viewer("olga")
    path, page = olga.page_view.document_path, olga.follow.shown.page
    with pymupdf.open(path) as document:
        words = page_words(document[page])
    word = max(words, key=lambda w: w.x1 - w.x0)  # a long word: easy to land inside
    qtbot.waitUntil(lambda: bool(olga.ink.words_on_shown_page()), timeout=10_000)
    olga.ink_toolbar.set_mode(Mode.MARKER)
    assert olga.ink_toolbar.snap_action.isChecked()
    start = on_screen(olga, (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2)
    end = start + QPoint(60, 9)  # a hand that drifts downwards
    draw(qtbot, olga, start, end)

    def snapped() -> None:
        marks = [a for a in annotations(olga) if a.complete]
        assert len(marks) == 1
        (mark,) = marks
        assert mark.tool is Tool.MARKER
        assert mark.points[0][0] == word.x0  # from the start of the word
        assert len({y for _, y in mark.points}) == 1  # level, whatever the hand did
        assert abs(mark.points[0][1] - (word.y0 + word.y1) / 2) < (word.y1 - word.y0) / 2
        assert mark.width >= (word.y1 - word.y0)  # covers the letters
        assert any(abs(mark.points[-1][0] - w.x1) < 0.01 for w in words)  # to a word's end

    qtbot.waitUntil(snapped, timeout=10_000)


def test_snapping_can_be_turned_off(qtbot, open_viewer):
    olga = open_viewer("olga")
    path, page = olga.page_view.document_path, olga.follow.shown.page
    qtbot.waitUntil(lambda: bool(olga.ink.words_on_shown_page()), timeout=10_000)
    olga.ink_toolbar.set_mode(Mode.MARKER)
    olga.ink_toolbar.snap_action.setChecked(False)
    with pymupdf.open(path) as document:
        word = page_words(document[page])[0]
    start = on_screen(olga, (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2)
    draw(qtbot, olga, start, start + QPoint(60, 20))
    qtbot.waitUntil(lambda: [a.complete for a in annotations(olga)] == [True], timeout=10_000)
    (mark,) = annotations(olga)
    assert len({y for _, y in mark.points}) > 1  # freehand: it went where the hand went
