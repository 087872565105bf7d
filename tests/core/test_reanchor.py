"""Re-anchoring marks to a revised document: pages matched, marks follow their words."""

from __future__ import annotations

from meeting.core.annotations import AnnotationData, Layer, Tool
from meeting.core.reanchor import PageText, match_pages, reanchor
from meeting.core.words import Word


def line(y: float, text: str, x: float = 72.0) -> list[Word]:
    """Words of one line of text at 6 points per character, one space between words."""
    words = []
    for token in text.split():
        words.append(Word(x, y, x + 6 * len(token), y + 12, token))
        x += 6 * (len(token) + 1)
    return words


def page(*lines: tuple[float, str], size=(595.0, 842.0), look=()) -> PageText:
    words = [w for y, text in lines for w in line(y, text)]
    return PageText(size[0], size[1], tuple(words), look)


def mark(page_index: int, points, identifier: str = "m1") -> AnnotationData:
    return AnnotationData(id=identifier, owner="olga", document_id=1, page=page_index,
                          layer=Layer.SHARED, tool=Tool.MARKER, color="#fbbc04", width=12,
                          points=tuple(points), complete=True)


INTRO = page((100, "Budget overview for the fiscal year"), (130, "Revenue rises two percent"))
DEBT = page((100, "Prefectural debt falls again"), (130, "Bonds issued are fewer than before"))
CHILDCARE = page((100, "Childcare support widened to all towns"))
NEW_PAGE = page((100, "A page added in the correction round"))


def test_pages_are_matched_in_order_with_insertions_and_removals():
    assert match_pages([INTRO, DEBT, CHILDCARE], [INTRO, NEW_PAGE, DEBT, CHILDCARE]) == {
        0: 0, 1: 2, 2: 3}
    assert match_pages([INTRO, DEBT, CHILDCARE], [INTRO, CHILDCARE]) == {0: 0, 2: 1}
    slightly_changed = page((100, "Prefectural debt falls again"),
                            (130, "Bonds issued are far fewer than before"))
    assert match_pages([INTRO, DEBT], [INTRO, slightly_changed]) == {0: 0, 1: 1}


def test_textless_pages_are_matched_by_how_they_look():
    dark, light = (20,) * 64, (230,) * 64
    scan_a, scan_b = PageText(595, 842, (), dark), PageText(595, 842, (), light)
    assert match_pages([scan_a, scan_b], [scan_b]) == {1: 0}


def test_on_an_unchanged_page_a_mark_stays_exactly_where_it_was():
    highlight = mark(1, [(72, 106), (150, 106)])
    (placement,) = reanchor([INTRO, DEBT], [NEW_PAGE, INTRO, DEBT], [highlight])
    assert placement.page == 2 and placement.points == highlight.points and not placement.reason


def test_a_mark_follows_its_words_when_the_text_moves():
    # "Revenue rises two percent" moves down by a new line and right by an indent.
    revised = page((100, "Budget overview for the fiscal year"),
                   (130, "New paragraph inserted by the correction"),
                   (160, "Revenue rises two percent"))
    revised = PageText(revised.width, revised.height, tuple(
        Word(w.x0 + 24, w.y0, w.x1 + 24, w.y1, w.text) if w.y0 == 160 else w
        for w in revised.words))
    on_revenue = mark(0, [(72, 136), (120, 136)])  # over "Revenue rises"
    (placement,) = reanchor([INTRO], [revised], [on_revenue])
    assert placement.page == 0
    assert placement.points == ((96, 166), (144, 166))


def test_a_margin_note_follows_the_nearest_words():
    revised = page((100, "A new first line"), (130, "Budget overview for the fiscal year"),
                   (160, "Revenue rises two percent"))
    tick = mark(0, [(40, 104), (44, 108)])  # a tick left of the first line
    (placement,) = reanchor([INTRO], [revised], [tick])
    assert placement.page == 0
    assert placement.points == ((40, 134), (44, 138))


def test_what_cannot_be_placed_is_reported_with_the_reason():
    on_debt = mark(1, [(72, 106), (150, 106)], "on-a-removed-page")
    revised_intro = page((100, "Budget overview for the fiscal year"),
                         (130, "Expenditure is the other story"))
    on_revenue = mark(0, [(72, 136), (150, 136)], "on-removed-words")
    placements = {p.annotation_id: p for p in reanchor(
        [INTRO, DEBT], [revised_intro], [on_debt, on_revenue])}
    assert placements["on-a-removed-page"].page is None
    assert "page" in placements["on-a-removed-page"].reason
    assert placements["on-removed-words"].page is None
    assert "words" in placements["on-removed-words"].reason
    assert placements["on-removed-words"].points == on_revenue.points  # kept as it was
