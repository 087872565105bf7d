"""Make the sample meeting material: a few multi-page PDFs in Japanese and English.

    python meeting/resources/samples/generate.py [OUT_DIR]

Written by the project (no third-party documents), so the files may be shipped and shown in
screenshots. Japanese text uses the CJK font built into PyMuPDF, embedded as a subset in each
file. The output is deterministic: running it again gives the same pages.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
A4 = pymupdf.paper_rect("a4")
SLIDE = pymupdf.Rect(0, 0, 960, 540)
NAVY = (0.09, 0.20, 0.38)
TEAL = (0.05, 0.55, 0.55)
GREY = (0.35, 0.35, 0.35)
FIXED_DATE = "D:20260401090000+09'00'"


@dataclass(frozen=True)
class Slide:
    title: str
    subtitle: str
    bullets: tuple[str, ...] = ()
    bars: tuple[tuple[str, float], ...] = ()


BUDGET = (
    Slide("令和8年度 予算説明資料", "FY2026 Budget Briefing — 総務部 財政課 / Finance Division",
          ("説明者: 財政課長", "Presenter: Director of Finance", "2026年4月1日 / 1 April 2026")),
    Slide("1. 予算の概要 / Overview", "一般会計の総額は前年度比 2.1% 増",
          ("歳入総額 8,420 億円 (General revenue: ¥842.0 bn)",
           "歳出の重点: 子育て支援・防災・デジタル化",
           "Priorities: childcare, disaster readiness, digital government",
           "県債残高は3年連続で減少 (prefectural debt down for the 3rd year)")),
    Slide("2. 分野別の歳出 / Spending by area", "単位: 億円 (¥100 m)",
          bars=(("福祉 Welfare", 2310), ("教育 Education", 1980), ("土木 Public works", 1240),
                ("防災 Disaster", 610), ("デジタル Digital", 240))),
    Slide("3. ペーパーレス会議の効果 / Paperless meetings", "試行の結果 (6か月)",
          ("資料準備・修正の時間 38% 減 (preparation time -38%)",
           "印刷費 年間 1,200 万円 削減 (printing -¥12 m a year)",
           "在宅勤務者も同じ資料を同時に閲覧 (remote staff see the same page)",
           "マーカーでの確認作業が電子化 (markers on screen, not on paper)")),
    Slide("4. 今後の予定 / Next steps", "スケジュール",
          ("5月: 各部局への説明会 / May: briefings to departments",
           "6月: 議会への提出 / June: submission to the assembly",
           "7月以降: 執行状況の報告 / from July: monthly execution reports")),
    Slide("ご清聴ありがとうございました", "Thank you — 質疑応答 / Questions",
          ("問い合わせ先: 財政課 内線 2345", "Contact: Finance Division, ext. 2345")),
)

AGENDA_LINES = (
    ("第1回 経営会議 議事次第", 22), ("Executive Meeting No. 1 — Agenda", 14), ("", 10),
    ("日時: 2026年4月1日(水) 10:00–11:30", 12), ("場所: 本庁舎 5階 第1会議室 / オンライン併用", 12),
    ("", 10),
    ("1. 開会 / Opening", 13), ("2. 令和8年度 予算説明 / FY2026 budget briefing", 13),
    ("3. ペーパーレス化の進捗 / Paperless progress report", 13),
    ("4. 意見交換 / Discussion", 13), ("5. 閉会 / Closing", 13), ("", 10),
    ("配付資料 / Materials", 14), ("資料1 予算説明資料 (6ページ)", 12),
    ("資料2 参考資料: 会議運営の手引き", 12),
)

GUIDE_PAGES = (
    ("参考資料 会議運営の手引き", "Reference: running a paperless meeting",
     ("発表者は大型モニターで資料を表示し、ページをめくります。",
      "The presenter shows the material on the large monitor and turns the pages.",
      "参加者のタブレットは発表者のページに自動で追従します。",
      "Participants' tablets follow the presenter's page automatically.")),
    ("自由閲覧と追従 / Browse and follow", "",
     ("参加者は自由に前後のページを見ることができます。",
      "Participants may look back or ahead on their own at any time.",
      "「発表者のページに戻る」で一度に戻れます。",
      "\"Back to presenter\" returns to the shared page in one tap.")),
    ("在宅からの参加 / Joining from home", "",
     ("在宅の参加者にも会議室と同じページが表示されます。",
      "Remote participants see exactly the page the room sees.",
      "資料は安全な接続で配信され、改ざんは検出されます。",
      "Materials travel over a secure connection; tampering is detected.")),
)


_FONT = pymupdf.Font("japan")  # Droid Sans Fallback, built into PyMuPDF: Japanese and Latin


def _text(page: pymupdf.Page, point: tuple[float, float], text: str, size: float,
          color=(0, 0, 0)) -> None:
    """Write with an embedded font (subset on save), so any PDF reader shows the same glyphs."""
    missing = sorted({c for c in text if not c.isspace() and not _FONT.has_glyph(ord(c))})
    if missing:  # it would print as a blank: choose another character
        raise ValueError(f"the sample font has no glyph for {missing} in {text!r}")
    page.insert_font(fontname="jp", fontbuffer=_FONT.buffer)
    page.insert_text(point, text, fontname="jp", fontsize=size, color=color)


def _slide(doc: pymupdf.Document, slide: Slide, number: int, total: int) -> None:
    page = doc.new_page(width=SLIDE.width, height=SLIDE.height)
    page.draw_rect(pymupdf.Rect(0, 0, SLIDE.width, 88), color=None, fill=NAVY)
    page.draw_rect(pymupdf.Rect(0, 88, SLIDE.width, 94), color=None, fill=TEAL)
    _text(page, (48, 58), slide.title, 30, (1, 1, 1))
    _text(page, (48, 136), slide.subtitle, 18, GREY)
    y = 190
    for bullet in slide.bullets:
        page.draw_circle((60, y - 7), 4, color=None, fill=TEAL)
        _text(page, (76, y), bullet, 21)
        y += 46
    if slide.bars:
        top = max(value for _, value in slide.bars)
        for index, (label, value) in enumerate(slide.bars):
            row = 180 + index * 58
            _text(page, (48, row + 26), label, 17)
            width = 520 * value / top
            page.draw_rect(pymupdf.Rect(270, row, 270 + width, row + 38), color=None, fill=TEAL)
            _text(page, (280 + width, row + 26), f"{value:,.0f}", 16, GREY)
    _text(page, (SLIDE.width - 90, SLIDE.height - 24), f"{number} / {total}", 14, GREY)


def budget(out: Path) -> Path:
    doc = pymupdf.open()
    for number, slide in enumerate(BUDGET, start=1):
        _slide(doc, slide, number, len(BUDGET))
    return _save(doc, out / "01-budget-briefing.pdf", "令和8年度 予算説明資料 / FY2026 Budget")


def agenda(out: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=A4.width, height=A4.height)
    y = 96.0
    for line, size in AGENDA_LINES:
        _text(page, (64, y), line, size)
        y += size * 2.0
    page.draw_line((64, 152), (A4.width - 64, 152), color=NAVY, width=1.5)
    notes = doc.new_page(width=A4.width, height=A4.height)
    _text(notes, (64, 96), "メモ欄 / Notes", 16)
    for row in range(18):
        line_y = 140 + row * 34
        notes.draw_line((64, line_y), (A4.width - 64, line_y), color=(0.8, 0.8, 0.8), width=0.6)
    return _save(doc, out / "00-agenda.pdf", "議事次第 / Agenda")


def guide(out: Path) -> Path:
    doc = pymupdf.open()
    for number, (title, subtitle, lines) in enumerate(GUIDE_PAGES, start=1):
        page = doc.new_page(width=A4.width, height=A4.height)
        page.draw_rect(pymupdf.Rect(0, 0, A4.width, 14), color=None, fill=TEAL)
        _text(page, (64, 90), title, 20, NAVY)
        if subtitle:
            _text(page, (64, 120), subtitle, 13, GREY)
        y = 180.0
        for line in lines:
            _text(page, (64, y), line, 12.5)
            y += 30
        _text(page, (A4.width / 2 - 16, A4.height - 40), f"- {number} -", 11, GREY)
    return _save(doc, out / "02-meeting-guide.pdf", "会議運営の手引き / Meeting guide")


def _save(doc: pymupdf.Document, path: Path, title: str) -> Path:
    doc.set_metadata({"title": title, "author": "Paperless Meeting sample material",
                      "creationDate": FIXED_DATE, "modDate": FIXED_DATE})
    doc.subset_fonts()
    doc.save(path, garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return path


def generate(out: Path = HERE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    return [agenda(out), budget(out), guide(out)]


if __name__ == "__main__":
    for written in generate(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(written)
