"""Check points: the places an approver marked with the marker, each with its comment.

On paper an approver runs a highlighter over what must be checked and writes a word beside it.
Here a check point is a marker stroke; its comment is the typed note its author put at it (the
review window opens the note right below the stroke's end when the stroke is done). A note far
from every marker is a check point of its own. One list of them, in binder order, across every
document, is what the approver jumps through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from meeting.core.annotations import AnnotationData, Tool, bounds, outline

Rect = tuple[float, float, float, float]

COMMENT_REACH = 36.0
"""A typed note whose corner is this near (page points, half an inch) to a marker stroke of
the same author, on the same page, is that stroke's comment."""
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
    mark_id: str | None
    """The marker stroke (None: a note on its own)."""
    note_id: str | None
    """The comment's note (None: no comment yet)."""


def comment_anchor(stroke_rect: Rect) -> tuple[float, float]:
    """Where a stroke's comment is typed: just below its left end."""
    x0, _, _, y1 = stroke_rect
    return (x0, y1 + COMMENT_GAP)


def _gap(rect: Rect, point: tuple[float, float]) -> float:
    x0, y0, x1, y1 = rect
    dx = max(x0 - point[0], 0.0, point[0] - x1)
    dy = max(y0 - point[1], 0.0, point[1] - y1)
    return (dx * dx + dy * dy) ** 0.5


def _rect(annotation: AnnotationData) -> Rect:
    if annotation.tool is Tool.TEXT:
        return bounds(outline(annotation), 0)
    return bounds(annotation.points, annotation.width)


def check_points(annotations: Iterable[AnnotationData],
                 order: Callable[[int, int], tuple[int, int]] | None = None) -> list[CheckPoint]:
    """Every check point among the marks, top to bottom on each page, pages in `order`
    (document, page → sort key; default: by document id). Marks a revision could not place,
    and strokes still being drawn, are left out."""
    placed = [a for a in annotations if a.unplaced is None and a.complete and a.points]
    markers = [a for a in placed if a.tool is Tool.MARKER]
    notes = [a for a in placed if a.tool is Tool.TEXT]
    comment_of: dict[str, AnnotationData] = {}
    paired: set[str] = set()
    for note in notes:  # each note to the nearest stroke it is near, the newest note kept
        near = [(_gap(_rect(m), note.points[0]), i, m) for i, m in enumerate(markers)
                if (m.owner, m.document_id, m.page) == (note.owner, note.document_id, note.page)]
        near = [n for n in near if n[0] <= COMMENT_REACH]
        if near:
            marker = min(near, key=lambda n: (n[0], n[1]))[2]
            older = comment_of.get(marker.id)
            if older is not None:  # (the older note stands as a check point of its own)
                paired.discard(older.id)
            comment_of[marker.id] = note
            paired.add(note.id)
    points = [CheckPoint(m.document_id, m.page, _rect(m), m.owner,
                         comment_of[m.id].text if m.id in comment_of else "", m.id,
                         comment_of[m.id].id if m.id in comment_of else None)
              for m in markers]
    points += [CheckPoint(n.document_id, n.page, _rect(n), n.owner, n.text, None, n.id)
               for n in notes if n.id not in paired]
    sort = order or (lambda document_id, page: (document_id, page))
    return sorted(points, key=lambda p: (*sort(p.document_id, p.page), p.rect[1], p.rect[0]))
