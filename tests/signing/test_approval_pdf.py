"""The 日付印 and check points on pages of every rotation land where the approver put them."""

from __future__ import annotations

import pymupdf
import pytest

from meeting.pdf.approval_pdf import (
    CheckPoint,
    DateStamp,
    StepMarks,
    add_step_marks,
    stamp_column_rect,
)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_stamps_and_check_points_land_where_shown(tmp_path, rotation):
    path = tmp_path / "page.pdf"
    with pymupdf.open() as document:
        page = document.new_page(width=842, height=595)
        page.insert_text((72, 100), "Revenue rises two percent", fontsize=14)
        page.set_rotation(rotation)
        document.save(path)
    with pymupdf.open(path) as document:
        page = document[0]
        words = [pymupdf.Rect(w[:4]) * page.rotation_matrix for w in page.get_text("words")]
        column = stamp_column_rect(page, 0)
    around = pymupdf.Rect(words[0]).include_rect(words[-1])
    around = (around.x0 - 4, around.y0 - 4, around.x1 + 4, around.y1 + 4)
    placed = (100.0, 300.0, 160.0, 360.0)
    add_step_marks(path, StepMarks(
        stamps=[DateStamp(0, placed, "総務課", "'26.12.01", "山田", "山田", "承認 山田"),
                DateStamp(0, None, "総務部", "'26.12.02", "鈴木", "鈴木", "承認 鈴木")],
        check_points=[CheckPoint(0, tuple(around), "2% の根拠は？", "山田")]))
    with pymupdf.open(path) as document:
        page = document[0]
        shown = {a.info["title"] + a.type[1]: a.rect * page.rotation_matrix
                 for a in page.annots()}
        assert _close(shown["山田Stamp"], placed)
        assert _close(shown["鈴木Stamp"], column)
        assert shown["山田Highlight"].contains(pymupdf.Point(words[0].x0 + 1, words[0].y0 + 1))
        image = page.get_pixmap(matrix=pymupdf.Matrix(4, 4))  # the page as shown
    # Upright: the stamp as shown looks as it does on an unrotated page.
    reference = _red_mask(_unrotated_stamp(tmp_path), placed)
    assert _agreement(_red_mask(image, placed), reference) > 0.95


def _close(rect: pymupdf.Rect, expected) -> bool:
    return all(abs(a - b) < 0.5 for a, b in zip(rect, expected, strict=True))


def _red_mask(image: pymupdf.Pixmap, rect, steps: int = 30) -> list[bool]:
    """Which points of a grid over `rect` (page points as shown, image at 4x) are red."""
    x0, y0, x1, y1 = rect
    mask = []
    for i in range(steps):
        for j in range(steps):
            x = round(4 * (x0 + (x1 - x0) * (i + 0.5) / steps))
            y = round(4 * (y0 + (y1 - y0) * (j + 0.5) / steps))
            r, g, b = image.pixel(x, y)[:3]
            mask.append(r > 150 and g < 120 and b < 120)
    return mask


def _agreement(a: list[bool], b: list[bool]) -> float:
    assert any(b)
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def _unrotated_stamp(tmp_path) -> pymupdf.Pixmap:
    path = tmp_path / "reference.pdf"
    with pymupdf.open() as document:
        document.new_page(width=842, height=595)
        document.save(path)
    add_step_marks(path, StepMarks(stamps=[DateStamp(0, (100.0, 300.0, 160.0, 360.0),
                                                     "総務課", "'26.12.01", "山田", "山田", "")]))
    with pymupdf.open(path) as document:
        return document[0].get_pixmap(matrix=pymupdf.Matrix(4, 4))


def test_a_long_history_runs_over_as_many_pages_as_it_needs(tmp_path, sample_pdfs):
    from meeting.pdf.approval_pdf import HistoryRow, copy_with_history

    rows = [HistoryRow(f"2026-12-01 09:{i % 60:02d}", f"承認者 {i}", "承認（第1段）",
                       f"コメント {i}: " + "確認しました。" * 8) for i in range(150)]
    with pymupdf.open(sample_pdfs[0]) as source:
        pages = source.page_count
    out = tmp_path / "with-history.pdf"
    total = copy_with_history(sample_pdfs[0], out, "件名", "決裁履歴", rows, attachment=b"{}")
    assert total > pages + 1
    with pymupdf.open(out) as document:
        text = "".join(document[i].get_text() for i in range(pages, document.page_count))
        assert document.embfile_get("history.json") == b"{}"
    assert "2026-12-01 09:00　承認者 0　承認（第1段）" in text
    assert "コメント 149: " + "確認しました。" * 4 in text  # a long line, not a narrow strip
    assert out.stat().st_size < 400_000  # the Japanese font subset, not all of it
