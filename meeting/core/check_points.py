"""Check points: the places an approver marked with the marker, each with its comment.

On paper an approver runs a highlighter over what must be checked and writes a word beside it.
Here a check point is a marker stroke; its comment is the typed notes its author wrote at it
(the review window opens one right below the stroke when the stroke is done): each note goes to
the nearest marker stroke of the same author on its page, if one is near. A note near no marker
is a check point of its own. The review lists them, in binder order, across every document;
the signed PDF carries the same ones as annotations (`server/approval_signing.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from meeting.core.annotations import AnnotationData, Tool, bounds, outline

Rect = tuple[float, float, float, float]

NOTE_REACH = 80.0
"""How far (page points, a little over an inch) a typed note may be from a marker stroke of the
same author on the same page to be that stroke's comment."""
COMMENT_GAP = 4.0
"""Where the comment goes: this far below the stroke, at its left end."""


@dataclass(frozen=True)
class CheckPoint:
    document_id: int
    page: int
    rect: Rect
    """What the check point covers (the stroke's bounds, or the lone note's box)."""
    owner: str
    comment: str
    """The notes' texts, one a line, in the order they were written ("" for none)."""
    mark_id: str | None
    """The marker stroke (None: a note on its own)."""
    note_ids: tuple[str, ...]
    """The notes that make its comment."""


def comment_anchor(stroke_rect: Rect) -> tuple[float, float]:
    """Where a stroke's comment is typed: just below its left end."""
    x0, _, _, y1 = stroke_rect
    return (x0, y1 + COMMENT_GAP)


def rect_of(mark: AnnotationData) -> Rect:
    if mark.tool is Tool.TEXT:
        return bounds(outline(mark), 0)
    return bounds(mark.points, mark.width)


def _distance(a: Rect, b: Rect) -> float:
    """Between two rectangles' nearest edges (0 when they touch or overlap)."""
    dx = max(0.0, b[0] - a[2], a[0] - b[2])
    dy = max(0.0, b[1] - a[3], a[1] - b[3])
    return (dx * dx + dy * dy) ** 0.5


def check_points(annotations: Iterable[AnnotationData],
                 order: Callable[[int, int], tuple[int, int]] | None = None) -> list[CheckPoint]:
    """Every check point among the marks, top to bottom on each page, pages in `order`
    (document, page → sort key; default: by document id). Marks a revision could not place,
    and strokes still being drawn, are left out."""
    placed = [a for a in annotations if a.unplaced is None and a.complete and a.points]
    markers = [(m, rect_of(m)) for m in placed if m.tool is Tool.MARKER]
    notes: dict[str, list[AnnotationData]] = {m.id: [] for m, _ in markers}
    alone: list[AnnotationData] = []
    for note in (a for a in placed if a.tool is Tool.TEXT and a.text.strip()):
        box = rect_of(note)
        near = [(_distance(box, rect), index) for index, (m, rect) in enumerate(markers)
                if (m.owner, m.document_id, m.page) == (note.owner, note.document_id, note.page)]
        best = min(near, default=None)
        if best is not None and best[0] <= NOTE_REACH:
            notes[markers[best[1]][0].id].append(note)
        else:
            alone.append(note)
    points = [CheckPoint(m.document_id, m.page, rect, m.owner,
                         "\n".join(n.text for n in notes[m.id]), m.id,
                         tuple(n.id for n in notes[m.id])) for m, rect in markers]
    points += [CheckPoint(n.document_id, n.page, rect_of(n), n.owner, n.text, None, (n.id,))
               for n in alone]
    sort = order or (lambda document_id, page: (document_id, page))
    return sorted(points, key=lambda p: (*sort(p.document_id, p.page), p.rect[1], p.rect[0]))
