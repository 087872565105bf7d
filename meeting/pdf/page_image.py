"""A page as a PNG for the browser viewer: a job for the server's `PdfPool` workers.

Imports PyMuPDF only inside the job, so the server that names this function (to send it to a
worker) never loads PyMuPDF itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from meeting.pdf.niceness import yield_cpu

if TYPE_CHECKING:
    import pymupdf

MAX_HEIGHT = 8192
"""A very tall page is rendered no taller than this (the width shrinks to match)."""


@dataclass(frozen=True)
class PageImage:
    png: bytes
    width_pt: float
    height_pt: float
    """The page's size in PDF points, as shown (rotation applied): marks and the laser are in
    these coordinates."""


def render_png(path: str, page: int, width: int, watermark: str | None = None) -> PageImage:
    """The page as a PNG `width` pixels wide; with a watermark, written into the image itself
    (a saved or copied image carries it too). A watermarked page is stamped on a document
    opened for this one image; a plain one comes from the worker's open documents (warm)."""
    yield_cpu()
    import pymupdf

    from meeting.pdf import documents
    from meeting.pdf.watermark import stamp_page

    if not watermark:
        return page_png(documents.document(path)[page], width)
    with pymupdf.open(path) as opened:
        shown = opened[page]
        stamp_page(shown, watermark)
        return page_png(shown, width)


def page_png(shown: pymupdf.Page, width: int) -> PageImage:
    import pymupdf

    rect = shown.rect
    zoom = min(width / rect.width, MAX_HEIGHT / rect.height)
    pixmap = shown.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    return PageImage(pixmap.tobytes("png"), rect.width, rect.height)
