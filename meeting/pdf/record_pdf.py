"""The record of a meeting as one PDF: a summary page, then every page that was shown with its
marks as PDF annotations and a bookmark each. A job for the server's `PdfPool` workers.

It takes plain values (the summary as HTML, each shown page's file, page and marks), never the
server's store, so it can run in another process. PyMuPDF is imported inside the job only.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from meeting.core.annotations import AnnotationData
from meeting.pdf.niceness import yield_cpu

MARGIN = 48


@dataclass(frozen=True)
class ShownPage:
    path: str
    page: int
    bookmark: str
    marks: tuple[AnnotationData, ...]


def record_pdf(summary_html: str, css: str, summary_bookmark: str, pages: Sequence[ShownPage],
               metadata: dict[str, str], watermark: str | None = None) -> bytes:
    """The summary, then each shown page (skipped when the file no longer has it)."""
    yield_cpu()
    import pymupdf

    from meeting.pdf.notes_pdf import annotate
    from meeting.pdf.watermark import stamp_page

    result = pymupdf.open("pdf", summary_pdf(summary_html, css))
    try:
        toc = [[1, summary_bookmark, 1]]
        for shown in pages:
            with pymupdf.open(shown.path) as source:
                if not 0 <= shown.page < source.page_count:
                    continue
                annotate(source, shown.marks)
                toc.append([1, shown.bookmark, result.page_count + 1])
                result.insert_pdf(source, from_page=shown.page, to_page=shown.page, annots=True)
        result.set_toc(toc)
        if watermark:
            for page in result.pages():
                stamp_page(page, watermark)
        result.set_metadata(metadata)
        return result.tobytes(garbage=3, deflate=True)
    finally:
        result.close()


def summary_pdf(html: str, css: str) -> bytes:
    """The HTML laid out on as many A4 pages as it takes."""
    import pymupdf

    story = pymupdf.Story(html=html, user_css=css)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    page = pymupdf.paper_rect("a4")
    text_area = pymupdf.Rect(page.x0 + MARGIN, page.y0 + MARGIN, page.x1 - MARGIN,
                             page.y1 - MARGIN)
    more = True
    while more:
        device = writer.begin_page(page)
        more, _ = story.place(text_area)
        story.draw(device)
        writer.end_page()
    writer.close()
    return buffer.getvalue()
