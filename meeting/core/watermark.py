"""The watermark: who is looking, and when, written across every page.

A photo of a screen, a saved browser image or an exported PDF then names the person it came
from. The same text and layout are drawn by the Qt views, the server's page images and the PDF
export, so a page looks the same wherever it leaks from.
"""

from __future__ import annotations

import math
from datetime import datetime

ANGLE_DEGREES = -30.0
"""Rising to the right, as stamps on paper are."""
OPACITY = 0.16
"""Readable on white and on dark slides, without hiding the page."""
COLOR = (0.45, 0.45, 0.5)
"""Grey, neither the presenter's red nor a highlighter's colour."""
FONT_SHARE = 0.028
"""Text height as a share of the page's longer side: legible on a tablet, a 4K monitor and
paper alike."""


def watermark_text(user: str, when: datetime) -> str:
    """`paul  2026-11-23 14:05`: the viewer and the local time to the minute."""
    return f"{user}  {when:%Y-%m-%d %H:%M}"


def font_size(width: float, height: float) -> float:
    return max(width, height) * FONT_SHARE


def tile_origins(width: float, height: float, text_width: float
                 ) -> list[tuple[float, float]]:
    """Where to start each copy of the text (baseline origin, page units, y down), before the
    whole pattern is turned by ANGLE_DEGREES about the page's centre: staggered rows that still
    cover every corner once turned."""
    size = font_size(width, height)
    step_x = text_width + size * 4
    step_y = size * 6
    centre_x, centre_y = width / 2, height / 2
    reach = math.hypot(width, height) / 2
    origins = []
    y = centre_y - reach
    row = 0
    while y < centre_y + reach + size:
        x = centre_x - reach - text_width + (step_x / 2) * (row % 2)
        while x < centre_x + reach:
            origins.append((x, y))
            x += step_x
        y += step_y
        row += 1
    return origins
