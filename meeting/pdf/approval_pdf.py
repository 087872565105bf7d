"""The PDF side of an approved circulation (決裁, issue 17): history pages, date stamps (日付印)
and check-point comments written as real PDF annotations, each step saved incrementally so the
signatures made before it stay intact.

Coordinates are those of the marks: page points as shown (rotation applied), so every rectangle
goes through the page's derotation matrix. The stamp is vector drawing with its text turned to
outlines, drawn with the Japanese font PyMuPDF bundles ("japan"): it looks the same in every
reader, needs no font on the reader's machine and adds a few kilobytes, not a font. Runs
wherever PyMuPDF is owned (here: the server's signing worker); imports no Qt and no server.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from meeting.core.annotations import AnnotationData
from meeting.pdf.notes_pdf import annotate, shown_words

Rect = tuple[float, float, float, float]

STAMP_RED = (0.82, 0.1, 0.1)
STAMP_SIZE = 48.0
"""A stamp column slot's side, in points (about 17 mm, a common 日付印 size)."""
STAMP_MARGIN = 14.0
CHECK_POINT_COLOR = (1.0, 0.85, 0.1)
STAMP_SUBJECT = "日付印"
CHECK_POINT_SUBJECT = "確認箇所"
HISTORY_ATTACHMENT = "history.json"


@dataclass(frozen=True)
class DateStamp:
    """One 日付印: the section above, the date across the middle, the name below."""

    page: int
    rect: Rect | None
    """Where the approver put it; None: slot `slot` of the stamp column on this page."""
    section: str
    date: str
    """As printed, e.g. "'26.12.01"."""
    name: str
    author: str
    """Shown by readers as the annotation's author."""
    contents: str
    """What a reader lists for it (who approved, as what, when)."""
    slot: int = 0


@dataclass(frozen=True)
class CheckPoint:
    page: int
    rect: Rect
    text: str
    author: str


@dataclass(frozen=True)
class StepMarks:
    """What one approval step adds to one document."""

    stamps: Sequence[DateStamp] = ()
    check_points: Sequence[CheckPoint] = ()
    marks: Sequence[AnnotationData] = field(default=())


def stamp_column_rect(page: pymupdf.Page, slot: int) -> Rect:
    """Slot `slot` of the stamp column: the first page's top right, filled right to left as
    a paper 決裁欄 is (in page coordinates as shown)."""
    shown = page.rect  # as shown: PyMuPDF applies the rotation to it
    x1 = shown.width - STAMP_MARGIN - slot * (STAMP_SIZE + STAMP_MARGIN / 2)
    return (x1 - STAMP_SIZE, STAMP_MARGIN, x1, STAMP_MARGIN + STAMP_SIZE)


def add_step_marks(path: Path, marks: StepMarks) -> int:
    """Add one step's stamps, check points and marks to the PDF at `path`, saved as an
    incremental update (the bytes before it, and every signature over them, are kept).
    Returns the number of annotations written."""
    document = pymupdf.open(path)
    try:
        written = write_step_marks(document, marks)
        if written:  # nothing for this document: no empty revision either
            document.saveIncr()
        return written
    finally:
        document.close()


def write_step_marks(document: pymupdf.Document, marks: StepMarks) -> int:
    written = 0
    for stamp in marks.stamps:
        page = document[stamp.page]
        rect = stamp.rect if stamp.rect is not None else stamp_column_rect(page, stamp.slot)
        add_date_stamp(page, rect, stamp)
        written += 1
    for point in marks.check_points:
        add_check_point(document[point.page], point)
        written += 1
    count, _skipped = annotate(document, marks.marks)
    return written + count


def add_date_stamp(page: pymupdf.Page, rect: Rect, stamp: DateStamp) -> pymupdf.Annot:
    """A Stamp annotation whose appearance is the round red 日付印, vector only."""
    shown = pymupdf.Rect(rect).normalize()
    box = (shown * page.derotation_matrix).normalize()
    annot = page.add_stamp_annot(box, stamp=0)
    low = annot.this
    # (MuPDF takes this one in the page as shown and turns it back itself)
    pymupdf.mupdf.pdf_set_annot_rect(low, pymupdf.mupdf.FzRect(*shown))
    appearance = _stamp_drawing(shown.width, shown.height, stamp, page.rotation)
    pymupdf.mupdf.pdf_set_annot_appearance_from_display_list(
        low, "N", None, pymupdf.mupdf.FzMatrix(), appearance[0].get_displaylist().this)
    appearance.close()
    pymupdf.mupdf.pdf_dict_put(pymupdf.mupdf.pdf_annot_obj(low), pymupdf.mupdf.PDF_ENUM_NAME_Name,
                               pymupdf.mupdf.pdf_new_name("DateStamp"))
    annot.set_info(content=stamp.contents, title=stamp.author, subject=STAMP_SUBJECT)
    return annot


def _stamp_drawing(width: float, height: float, stamp: DateStamp, rotation: int
                   ) -> pymupdf.Document:
    """The stamp drawn on a page of its own, its text as outlines (no font left in it)."""
    sheet = pymupdf.open()
    side = min(width, height)
    page = sheet.new_page(width=width, height=height)
    cx, cy, radius = width / 2, height / 2, side / 2 - side * 0.03
    line = side * 0.028
    page.draw_circle((cx, cy), radius, color=STAMP_RED, width=line)
    band = radius * 0.36
    for y in (cy - band, cy + band):
        half = (radius ** 2 - (y - cy) ** 2) ** 0.5
        page.draw_line((cx - half, y), (cx + half, y), color=STAMP_RED, width=line * 0.7)
    font = pymupdf.Font("japan")
    writer = pymupdf.TextWriter(page.rect, color=STAMP_RED)
    rows = ((stamp.section, cy - band - radius * 0.16, radius * 0.44, radius * 1.3),
            (stamp.date, cy + radius * 0.14, radius * 0.40, radius * 1.75),
            (stamp.name, cy + band + radius * 0.38, radius * 0.48, radius * 1.25))
    for text, baseline, size, room in rows:
        if not text:
            continue
        fits = min(size, size * room / max(font.text_length(text, fontsize=size), 1e-6))
        length = font.text_length(text, fontsize=fits)
        writer.append((cx - length / 2, baseline), text, font=font, fontsize=fits)
    writer.write_text(page)
    svg = pymupdf.open(stream=page.get_svg_image(text_as_path=True).encode(), filetype="svg")
    sheet.close()
    outlined = pymupdf.open("pdf", svg.convert_to_pdf())
    svg.close()
    if rotation:  # drawn turned back, so that it stands upright on the page as shown
        outlined[0].set_rotation(-rotation % 360)
    return outlined


def add_check_point(page: pymupdf.Page, point: CheckPoint) -> pymupdf.Annot:
    """The words under the marked place highlighted, with the comment as the highlight's
    note (readers list it and show it on hover); a place with no words gets a box."""
    shown = pymupdf.Rect(point.rect).normalize()
    quads = [quad for rect, quad in shown_words(page)
             if shown.contains(pymupdf.Point((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2))]
    if quads:
        annot = page.add_highlight_annot(quads=quads)
        annot.set_colors(stroke=CHECK_POINT_COLOR)
    else:
        annot = page.add_rect_annot((shown * page.derotation_matrix).normalize())
        annot.set_colors(stroke=STAMP_RED)
        annot.set_border(width=1.2)
    annot.set_info(content=point.text, title=point.author, subject=CHECK_POINT_SUBJECT)
    annot.update()
    return annot


@dataclass(frozen=True)
class HistoryRow:
    time: str
    who: str
    action: str
    comment: str


def copy_with_history(source: Path, out: Path, title: str, heading: str,
                      rows: Sequence[HistoryRow], attachment: bytes | None = None) -> int:
    """Write `source` to `out` with the history appended as its last page(s) (and, given,
    the history JSON attached): the base every signature covers. Returns its page count."""
    history = _history_pages(title, heading, rows)
    with pymupdf.open(source) as document:
        document.insert_pdf(history)
        history.close()
        if attachment is not None:
            document.embfile_add(HISTORY_ATTACHMENT, attachment, filename=HISTORY_ATTACHMENT,
                                 desc=heading)
        document.subset_fonts()
        out.parent.mkdir(parents=True, exist_ok=True)
        document.save(out, garbage=3, deflate=True)
        return document.page_count


HISTORY_CSS = """
body { font-family: sans-serif; font-size: 9.5pt; }
h1 { font-size: 15pt; margin-bottom: 2pt; }
p { margin: 0; }
.title { color: #444; margin-bottom: 8pt; }
.entry { border-top: 0.5pt solid #999; padding: 4pt 0; }
.comment { margin-left: 16pt; color: #222; }
"""


def _history_pages(title: str, heading: str, rows: Sequence[HistoryRow]) -> pymupdf.Document:
    """The history, one entry after another (the time, who and what on one line, the comment
    below), over as many A4 pages as it needs. (Not a table: MuPDF's HTML layout gives a
    table's columns equal widths, which leaves a long comment a narrow strip.)"""
    entries = "".join(
        f'<div class="entry"><p><b>{_escape(r.time)}</b>　{_escape(r.who)}　'
        f'{_escape(r.action)}</p>'
        + (f'<p class="comment">{_escape(r.comment)}</p>' if r.comment else "") + "</div>"
        for r in rows)
    html = f'<h1>{_escape(heading)}</h1><p class="title">{_escape(title)}</p>{entries}'
    story = pymupdf.Story(html, user_css=HISTORY_CSS)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    paper = pymupdf.paper_rect("a4")
    more = True
    while more:
        device = writer.begin_page(paper)
        more, _ = story.place(pymupdf.Rect(48, 48, paper.width - 48, paper.height - 48))
        story.draw(device)
        writer.end_page()
    writer.close()
    return pymupdf.open("pdf", buffer.getvalue())


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\n", "<br/>"))
