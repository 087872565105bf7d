"""The words of every page of a PDF, for re-anchoring marks to a revised version: a job for
the server's `PdfPool` workers (it reads whole documents).

Words come in the coordinates the viewers draw in: points on the page as shown (rotation
applied). Pages without words get a tiny grey thumbnail instead, so scans can be told apart.
PyMuPDF is imported inside the job only.
"""

from __future__ import annotations

from meeting.core.reanchor import PageText
from meeting.pdf.niceness import yield_cpu

LOOK_SIZE = 8


def page_texts(path: str) -> list[PageText]:
    yield_cpu()
    import pymupdf

    from meeting.pdf.text import page_words

    pages = []
    with pymupdf.open(path) as document:
        for page in document.pages():
            words = tuple(page_words(page))
            look: tuple[int, ...] = ()
            if not words:
                scale = pymupdf.Matrix(LOOK_SIZE / page.rect.width,
                                       LOOK_SIZE / page.rect.height)
                look = tuple(page.get_pixmap(matrix=scale, colorspace=pymupdf.csGRAY).samples)
            pages.append(PageText(page.rect.width, page.rect.height, words, look))
    return pages
