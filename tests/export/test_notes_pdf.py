"""Export round trip: marks written as real PDF annotations, checked by opening the result."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from meeting.core.annotations import AnnotationData, Layer, Tool
from meeting.pdf.notes_pdf import ExportPart, export_document, export_meeting

RED = "#d93025"
YELLOW = "#f9ab00"


def make_pdf(path: Path) -> Path:
    """Three pages: upright, turned a quarter (/Rotate 90), and with its crop box moved."""
    document = pymupdf.open()
    for index in range(3):
        page = document.new_page(width=595, height=842)
        page.insert_text((72, 100), f"Budget overview page {index + 1}", fontsize=14)
        page.insert_text((72, 300), "second line of text", fontsize=14)
    document[1].set_rotation(90)
    document[2].set_cropbox(pymupdf.Rect(20, 30, 575, 812))
    document.save(path)
    document.close()
    return path


def mark(page: int, tool: Tool, points, color=RED, width=3.0, layer=Layer.SHARED,
         identifier: str | None = None) -> AnnotationData:
    return AnnotationData(id=identifier or f"mark-{page}-{tool}-{len(points)}", owner="olga",
                          document_id=1, page=page, layer=layer, tool=tool, color=color,
                          width=width, points=tuple(points), complete=True)


def shown_word(path: Path, page: int, text: str) -> pymupdf.Rect:
    """Where a word is on the page as shown (what the viewer draws on)."""
    with pymupdf.open(path) as document:
        found = document[page].search_for(text)[0]
        return found * document[page].rotation_matrix


def red_at(pixmap: pymupdf.Pixmap, x: float, y: float, reach: int = 2) -> bool:
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            px, py = round(x) + dx, round(y) + dy
            if 0 <= px < pixmap.width and 0 <= py < pixmap.height:
                r, g, b = pixmap.pixel(px, py)
                if r > 180 and g < 100 and b < 100:
                    return True
    return False


@pytest.mark.parametrize("page", [0, 1, 2], ids=["upright", "rotated", "cropped"])
def test_ink_lands_where_it_was_drawn(tmp_path, page):
    source = make_pdf(tmp_path / "in.pdf")
    word = shown_word(source, page, "overview")
    # A stroke drawn just under the word, as shown on screen.
    if page == 1:  # on the turned page the line of text runs downwards
        points = [(word.x1 + 4, word.y0 + t * word.height / 8) for t in range(9)]
    else:
        points = [(word.x0 + t * word.width / 8, word.y1 + 4) for t in range(9)]
    out = tmp_path / "out.pdf"
    result = export_document(ExportPart(source, "Budget", [mark(page, Tool.PEN, points)]), out)
    assert (result.written, result.skipped, result.pages) == (1, (), 3)

    with pymupdf.open(out) as document:
        shown = document[page]
        (annot,) = shown.annots()
        assert annot.type[1] == "Ink"
        assert annot.colors["stroke"] == pytest.approx((0xD9 / 255, 0x30 / 255, 0x25 / 255),
                                                       abs=0.01)
        assert annot.border["width"] == pytest.approx(3.0)
        assert annot.info["title"] == "olga" and annot.info["subject"] == "Shared mark"
        pixmap = shown.get_pixmap(alpha=False)  # as shown, 1 pixel per point
    for x, y in (points[0], points[4], points[-1]):
        assert red_at(pixmap, x, y), (page, x, y)


def test_a_marker_along_a_line_becomes_a_highlight_of_its_words(tmp_path):
    source = make_pdf(tmp_path / "in.pdf")
    first, last = shown_word(source, 1, "Budget"), shown_word(source, 1, "overview")
    middle_x = (first.x0 + first.x1) / 2
    # Along the line on the turned page: the line runs down the screen.
    points = [(middle_x, first.y0 + t * (last.y1 - first.y0) / 10) for t in range(11)]
    marker = mark(1, Tool.MARKER, points, color=YELLOW, width=16)
    circle = mark(0, Tool.MARKER, [(300, 500), (400, 500), (400, 600), (300, 600), (300, 510)],
                  color=YELLOW, width=16, identifier="circle-around-nothing")
    out = tmp_path / "out.pdf"
    export_document(ExportPart(source, "Budget", [marker, circle]), out)

    with pymupdf.open(out) as document:
        turned, upright = document[1], document[0]
        (highlight,) = turned.annots()
        assert highlight.type[1] == "Highlight"
        assert highlight.opacity == pytest.approx(0.35, abs=0.01)
        covered = turned.get_textbox(highlight.rect)
        assert "Budget" in covered and "overview" in covered and "second" not in covered
        (ink,) = upright.annots()  # no words under it: it stays a translucent stroke
        assert ink.type[1] == "Ink"


def test_layers_pages_and_a_whole_meeting(tmp_path):
    first, second = make_pdf(tmp_path / "a.pdf"), make_pdf(tmp_path / "b.pdf")
    shared = mark(0, Tool.PEN, [(100, 400), (200, 400)])
    private = mark(2, Tool.PEN, [(100, 400), (200, 420)], layer=Layer.PRIVATE)
    lost = mark(7, Tool.PEN, [(1, 1), (2, 2)], identifier="page-that-does-not-exist")
    out = tmp_path / "record" / "meeting.pdf"
    result = export_meeting([ExportPart(first, "議事次第 Agenda", [shared, lost]),
                             ExportPart(second, "予算 Budget", [private])], out)
    assert result.pages == 6 and result.written == 2
    assert result.skipped == ("page-that-does-not-exist",)
    assert not out.with_name("meeting.pdf.part").exists()
    with pymupdf.open(out) as document:
        assert [title for _, title, _ in document.get_toc()] == ["議事次第 Agenda", "予算 Budget"]
        assert [len(list(document[i].annots())) for i in range(6)] == [1, 0, 0, 0, 0, 1]
        last = document[5]
        assert next(last.annots()).info["subject"] == "Private note"
    with pymupdf.open(first) as untouched:  # the source is never changed
        assert not list(untouched[0].annots())


def test_shapes_and_text_notes_become_their_pdf_kinds(tmp_path):
    source = make_pdf(tmp_path / "in.pdf")
    blue = "#1a73e8"
    marks = [
        mark(0, Tool.LINE, [(100, 400), (300, 400)], identifier="a-line-mark"),
        mark(0, Tool.ARROW, [(100, 450), (300, 500)], color=blue, identifier="an-arrow-mark"),
        mark(1, Tool.RECT, [(300, 200), (100, 120)], identifier="a-box-on-a-turned-page"),
        AnnotationData(id="a-typed-note", owner="paul", document_id=1, page=0,
                       layer=Layer.PRIVATE, tool=Tool.TEXT, color=RED, width=14,
                       points=((72, 600),), complete=True, text="要確認: 数値を再計算"),
    ]
    out = tmp_path / "out.pdf"
    assert export_document(ExportPart(source, "Budget", marks), out).written == 4
    with pymupdf.open(out) as document:
        first, turned = document[0], document[1]
        kinds = {a.type[1]: a for a in first.annots()}
        assert sorted(a.type[1] for a in first.annots()) == ["FreeText", "Line", "Line"]
        arrow = [a for a in first.annots() if a.line_ends != (0, 0)]
        assert len(arrow) == 1 and arrow[0].colors["stroke"] == pytest.approx(
            (0x1A / 255, 0x73 / 255, 0xE8 / 255), abs=0.01)
        note = kinds["FreeText"]
        assert note.info["content"] == "要確認: 数値を再計算" and note.info["title"] == "paul"
        assert note.rect.contains(pymupdf.Point(80, 610))
        text_pixels = first.get_pixmap(alpha=False, clip=note.rect)
        assert any(red_at(text_pixels, x, y, reach=0) for x in range(text_pixels.width)
                   for y in range(text_pixels.height))  # the Japanese text is drawn, in red
        (box,) = turned.annots()
        assert box.type[1] == "Square"
        pixmap = turned.get_pixmap(alpha=False)
    assert red_at(pixmap, 200, 120) and red_at(pixmap, 100, 160)  # its edges, as shown
    assert not red_at(pixmap, 200, 160, reach=1)  # and not filled
