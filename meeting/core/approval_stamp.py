"""The date stamp (日付印): what it says and where it goes on the page.

A date stamp is a red circle with the section on top, the date across the middle and the name
below: it records who approved and when. The approver puts it where they tap, or leaves it to
the stamp column (押印欄) at the top right of the first page, one slot per step, right to left
as Japanese approval columns run. Sizes and places are in PDF points; the screens draw it and
the server writes it into the signed PDF from the same rectangle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

Rect = tuple[float, float, float, float]

STAMP_PT = 54.0
"""A stamp's diameter: 19 mm, the common size of a date stamp."""
COLUMN_MARGIN = 24.0
"""The stamp column's distance from the page's top and right edges."""
COLUMN_GAP = 6.0


@dataclass(frozen=True)
class StampFace:
    section: str
    date_text: str
    name: str


def date_text(day: date) -> str:
    """The date as a date stamp prints it: '26.12.01."""
    return f"'{day.year % 100:02d}.{day.month:02d}.{day.day:02d}"


def stamp_face(name: str, section: str, day: date) -> StampFace:
    return StampFace(section.strip(), date_text(day), name.strip())


def placed_at(point: tuple[float, float], page_size: tuple[float, float]) -> Rect:
    """The stamp centred where the approver tapped, kept whole on the page."""
    width, height = page_size
    size = min(STAMP_PT, width, height)
    x = min(max(point[0] - size / 2, 0.0), width - size)
    y = min(max(point[1] - size / 2, 0.0), height - size)
    return (x, y, x + size, y + size)


def column_slot(step_index: int, page_size: tuple[float, float]) -> Rect:
    """The slot of the step's stamp in the first page's stamp column (step 0 rightmost); a
    long route wraps onto a second row."""
    width, height = page_size
    per_row = max(1, int((width - 2 * COLUMN_MARGIN + COLUMN_GAP) // (STAMP_PT + COLUMN_GAP)))
    row, column = divmod(step_index, per_row)
    x1 = width - COLUMN_MARGIN - column * (STAMP_PT + COLUMN_GAP)
    y0 = COLUMN_MARGIN + row * (STAMP_PT + COLUMN_GAP)
    return placed_at((x1 - STAMP_PT / 2, y0 + STAMP_PT / 2), (width, height))
