"""The words of a PDF page as the viewers see it, read with PyMuPDF (by whoever owns it: the
client's render worker, or the server's child process)."""

from __future__ import annotations

import pymupdf

from meeting.core.words import Word


def page_words(page: pymupdf.Page) -> list[Word]:
    """Each word's box in page points as shown (rotation applied), in reading order."""
    rotate = page.rotation_matrix
    words = []
    for x0, y0, x1, y1, text, *_ in page.get_text("words", sort=True):
        shown = pymupdf.Rect(x0, y0, x1, y1) * rotate
        shown.normalize()
        words.append(Word(round(shown.x0, 2), round(shown.y0, 2), round(shown.x1, 2),
                          round(shown.y1, 2), text))
    return words
