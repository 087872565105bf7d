"""The words of every page of a PDF, for re-anchoring annotations to a revised version.

Run in a child process (see server.child) because it reads whole documents with PyMuPDF. Words
come in the coordinates the viewers draw in: points on the page as shown (rotation applied).
Pages without words get a tiny grey thumbnail instead, so scans can be told apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from meeting.core.reanchor import PageText
from meeting.core.words import Word
from server.child import run_child

TEXT_SECONDS = 60.0
LOOK_SIZE = 8


def extract(path: str) -> list[dict]:
    import pymupdf

    from meeting.pdf.text import page_words

    pymupdf.TOOLS.mupdf_display_errors(False)
    pages = []
    with pymupdf.open(path) as document:
        for page in document:
            words = [[w.x0, w.y0, w.x1, w.y1, w.text] for w in page_words(page)]
            look = []
            if not words:
                scale = pymupdf.Matrix(LOOK_SIZE / page.rect.width,
                                       LOOK_SIZE / page.rect.height)
                look = list(page.get_pixmap(matrix=scale, colorspace=pymupdf.csGRAY).samples)
            pages.append({"width": page.rect.width, "height": page.rect.height,
                          "words": words, "look": look})
    return pages


async def page_texts(path: Path, timeout: float = TEXT_SECONDS) -> list[PageText]:
    """Raises server.child.ChildFailed if the file could not be read in time."""
    answer = await run_child("server.pdftext", path, timeout=timeout)
    return [PageText(page["width"], page["height"],
                     tuple(Word(*word) for word in page["words"]), tuple(page["look"]))
            for page in answer["pages"]]


if __name__ == "__main__":
    print(json.dumps({"pages": extract(sys.argv[1])}, ensure_ascii=False), flush=True)
