""""Save as PDF with notes": the meeting's marks written into a copy of the PDF as real PDF
annotations (ink, highlight), so any PDF reader shows them and can list, hide or delete them.

Our coordinates are the page as shown (rotation applied); PyMuPDF wants the unrotated page, so
every point goes through the page's derotation matrix. A marker drawn along a line of text
becomes a highlight of the words under it, as a reader would make it; anything else stays ink.
Runs wherever PyMuPDF is owned (the client's render worker, or the server); imports no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pymupdf

from meeting.core.annotations import (
    TOOL_OPACITY,
    AnnotationData,
    Layer,
    Tool,
    distance_to_stroke,
    text_box,
)
from meeting.pdf.export_parts import ExportPart, ExportResult

__all__ = ["ExportPart", "ExportResult", "annotate", "export_document", "export_meeting"]

LAYER_SUBJECT = {Layer.SHARED: "Shared mark", Layer.PRIVATE: "Private note"}


def export_document(part: ExportPart, out: Path) -> ExportResult:
    return export_meeting([part], out)


def export_meeting(parts: Sequence[ExportPart], out: Path, watermark: str | None = None
                   ) -> ExportResult:
    """Write every part, in order, into one PDF with a bookmark per document; with a
    watermark (the meeting asks for one), that text across every page."""
    result = pymupdf.open()
    written, skipped, toc = 0, [], []
    try:
        for part in parts:
            with pymupdf.open(part.path) as source:
                count, missed = annotate(source, part.annotations)
                written += count
                skipped.extend(missed)
                toc.append([1, part.title, result.page_count + 1])
                result.insert_pdf(source, annots=True)
        if len(parts) > 1:
            result.set_toc(toc)
        if watermark:
            from meeting.pdf.watermark import stamp_page
            for page in result.pages():
                stamp_page(page, watermark)
        out.parent.mkdir(parents=True, exist_ok=True)
        temporary = out.with_name(out.name + ".part")
        result.save(temporary, garbage=3, deflate=True)
        temporary.replace(out)  # a reader never sees half a file
        return ExportResult(out, result.page_count, written, tuple(skipped))
    finally:
        result.close()


def annotate(document: pymupdf.Document, annotations: Iterable[AnnotationData]
             ) -> tuple[int, list[str]]:
    """Add the annotations to the open document; returns (written, ids skipped)."""
    written, skipped = 0, []
    words_by_page: dict[int, list[tuple[pymupdf.Rect, pymupdf.Quad]]] = {}
    for annotation in annotations:
        if not 0 <= annotation.page < document.page_count or not annotation.points:
            skipped.append(annotation.id)
            continue
        page = document[annotation.page]
        quads = []
        if annotation.tool is Tool.MARKER and is_line_like(annotation):
            if annotation.page not in words_by_page:
                words_by_page[annotation.page] = shown_words(page)
            quads = words_under(annotation, words_by_page[annotation.page])
        annot = _add(page, annotation, quads)
        if annotation.tool is not Tool.TEXT:
            annot.set_colors(stroke=rgb(annotation.color))
        annot.set_opacity(TOOL_OPACITY[annotation.tool])
        annot.set_info(title=annotation.owner, subject=LAYER_SUBJECT[annotation.layer])
        annot.update()
        written += 1
    return written, skipped


def _add(page: pymupdf.Page, annotation: AnnotationData, quads: list[pymupdf.Quad]
         ) -> pymupdf.Annot:
    """The PDF annotation that shows this mark as a reader expects to find it."""
    derotate = page.derotation_matrix
    points = [pymupdf.Point(x, y) * derotate for x, y in annotation.points]
    if quads:
        return page.add_highlight_annot(quads=quads)
    if annotation.tool in (Tool.LINE, Tool.ARROW):
        annot = page.add_line_annot(points[0], points[1])
        if annotation.tool is Tool.ARROW:
            annot.set_line_ends(pymupdf.mupdf.PDF_ANNOT_LE_NONE,
                               pymupdf.mupdf.PDF_ANNOT_LE_OPEN_ARROW)
    elif annotation.tool is Tool.RECT:
        annot = page.add_rect_annot(pymupdf.Rect(points[0], points[1]).normalize())
    elif annotation.tool is Tool.TEXT:
        x0, y0, x1, y1 = text_box(annotation.text, annotation.width, *annotation.points[0])
        box = (pymupdf.Rect(x0, y0, x1 + annotation.width, y1 + annotation.width / 2)
               * derotate)
        return page.add_freetext_annot(
            box.normalize(), annotation.text, fontsize=annotation.width, fontname="japan",
            text_color=rgb(annotation.color), rotate=page.rotation)
    else:
        annot = page.add_ink_annot([[tuple(p) for p in points]])
    annot.set_border(width=annotation.width * _mean(annotation.pressure))
    return annot


def _mean(pressure: tuple[float, ...]) -> float:
    """A PDF ink annotation has one width: a stylus stroke gets its average pressure's."""
    return sum(pressure) / len(pressure) if pressure else 1.0


def shown_words(page: pymupdf.Page) -> list[tuple[pymupdf.Rect, pymupdf.Quad]]:
    """Each word's rectangle as shown (for matching) and its quad unrotated (for the PDF)."""
    rotate = page.rotation_matrix
    words = []
    for x0, y0, x1, y1, *_ in page.get_text("words"):
        rect = pymupdf.Rect(x0, y0, x1, y1)
        words.append((rect * rotate, rect.quad))
    return words


def words_under(annotation: AnnotationData, words: list[tuple[pymupdf.Rect, pymupdf.Quad]]
                ) -> list[pymupdf.Quad]:
    """Words whose middle the marker's band covers."""
    reach = annotation.width / 2
    return [quad for rect, quad in words
            if distance_to_stroke((rect.x0 + rect.width / 2, rect.y0 + rect.height / 2),
                                  annotation.points) <= reach]


def is_line_like(annotation: AnnotationData) -> bool:
    """A stroke that runs along a line (as a highlighter does), not a circle or a scribble."""
    (x0, y0), (x1, y1) = annotation.points[0], annotation.points[-1]
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    if length < annotation.width:
        return False
    return all(abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / length <= annotation.width
               for x, y in annotation.points)


def rgb(color: str) -> tuple[float, float, float]:
    return tuple(int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]
