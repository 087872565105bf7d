"""The watermark drawn into a PDF page with PyMuPDF: for exports and the server's page images."""

from __future__ import annotations

import pymupdf

from meeting.core.watermark import ANGLE_DEGREES, COLOR, OPACITY, font_size, tile_origins

FONT = "helv"
"""User names are ASCII (see `UserName`), so a base-14 font does: nothing to embed."""


def stamp_page(page: pymupdf.Page, text: str) -> None:
    """Write `text` across the whole page, turned and faint, over its content."""
    rect = page.rect
    size = font_size(rect.width, rect.height)
    text_width = pymupdf.get_text_length(text, fontname=FONT, fontsize=size)
    centre = pymupdf.Point(rect.x0 + rect.width / 2, rect.y0 + rect.height / 2)
    # PyMuPDF turns counter-clockwise for positive angles with y pointing down on screen.
    turn = (centre, pymupdf.Matrix(-ANGLE_DEGREES))
    writer = pymupdf.TextWriter(rect, opacity=OPACITY, color=COLOR)
    font = pymupdf.Font(FONT)
    for x, y in tile_origins(rect.width, rect.height, text_width):
        writer.append(pymupdf.Point(rect.x0 + x, rect.y0 + y), text, font=font, fontsize=size)
    writer.write_text(page, morph=turn, overlay=True)
