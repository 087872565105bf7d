"""The marker snapping to a line of text, as a highlighter follows print."""

from __future__ import annotations

from meeting.core.words import MarkerSnap, snap_at
from tests.core.test_reanchor import line

TWO_COLUMNS = [*line(100, "Revenue rises two percent"), *line(100, "Other column", x=400),
               *line(130, "the next line of text")]


def test_a_marker_down_on_a_word_keeps_to_its_line_from_word_start_to_word_end():
    snap = snap_at(TWO_COLUMNS, 100, 104, reach=6)  # inside "Revenue"
    assert isinstance(snap, MarkerSnap)
    assert [w.text for w in snap.words] == ["Revenue", "rises", "two", "percent"]
    assert snap.y == 106 and abs(snap.width - 12 * 1.15) < 1e-9
    assert snap.start(100) == (72, 106)  # the start of "Revenue", not where the pen landed
    assert snap.follow(150) == (150, 106)  # the hand wobbles, the mark does not
    assert snap.follow(900)[0] == snap.words[-1].x1  # not past the end of the line
    assert snap.finish(140) == (snap.words[1].x1, 106)  # to the end of "rises"


def test_no_snap_away_from_text():
    assert snap_at(TWO_COLUMNS, 100, 200, reach=6) is None
    assert snap_at([], 1, 1, reach=6) is None
