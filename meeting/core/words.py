"""Words on a page, and a marker that snaps to them the way a highlighter follows a printed line.

Words are boxes in page points as shown (rotation applied), read by PyMuPDF in the client's
render worker or the server's child process. The snapping itself is plain geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LINE_OVERLAP = 0.5
"""Two words are on one line when their boxes overlap by this much of the smaller height."""
COLUMN_GAP = 2.5
"""A horizontal gap wider than this many line heights separates columns, not words."""
MARKER_COVER = 1.15
"""A snapped marker is this much taller than the line, like ink that covers the letters."""


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def center(self) -> tuple[float, float]:
        return ((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)


def same_line(a: Word, b: Word) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap >= LINE_OVERLAP * min(a.y1 - a.y0, b.y1 - b.y0)


@dataclass(frozen=True)
class MarkerSnap:
    """The line of text a marker stroke started on: its points keep to it."""

    words: tuple[Word, ...]
    """The line's words, left to right."""

    @property
    def y(self) -> float:
        return (min(w.y0 for w in self.words) + max(w.y1 for w in self.words)) / 2

    @property
    def width(self) -> float:
        return (max(w.y1 for w in self.words) - min(w.y0 for w in self.words)) * MARKER_COVER

    def start(self, x: float) -> tuple[float, float]:
        """Where the stroke begins: the start of the word under the pen."""
        return (self._word_at(x).x0, self.y)

    def follow(self, x: float) -> tuple[float, float]:
        left, right = self.words[0].x0, self.words[-1].x1
        return (min(max(x, left), right), self.y)

    def finish(self, x: float) -> tuple[float, float]:
        """Where the stroke ends: the end of the word under the pen."""
        return (self._word_at(x).x1, self.y)

    def _word_at(self, x: float) -> Word:
        return min(self.words, key=lambda w: 0 if w.x0 <= x <= w.x1 else min(
            abs(x - w.x0), abs(x - w.x1)))


def snap_at(words: Sequence[Word], x: float, y: float, reach: float) -> MarkerSnap | None:
    """The line of text under (x, y), if the pen went down on (or within `reach` of) a word."""
    hit = None
    for word in words:
        dx = max(word.x0 - x, 0, x - word.x1)
        dy = max(word.y0 - y, 0, y - word.y1)
        if dx <= reach and dy <= reach / 2 and (hit is None or dx + dy < hit[0]):
            hit = (dx + dy, word)
    if hit is None:
        return None
    line = sorted((w for w in words if same_line(w, hit[1])), key=lambda w: w.x0)
    # only the run of words around the hit: not the next column's line at the same height
    gap = COLUMN_GAP * (hit[1].y1 - hit[1].y0)
    start = end = line.index(hit[1])
    while start > 0 and line[start].x0 - line[start - 1].x1 <= gap:
        start -= 1
    while end < len(line) - 1 and line[end + 1].x0 - line[end].x1 <= gap:
        end += 1
    return MarkerSnap(tuple(line[start:end + 1]))
