"""The record of the meeting as the server writes it: JSON for archives, and one PDF (a summary
in Japanese and English, then every page that was shown with the room's marks on it).

Assembled from what the server stored (attendance, agenda visits, votes, page history,
annotations), so any client, the browser too, gets the same record."""

from __future__ import annotations

import html
import time
from datetime import datetime

from meeting.core.annotations import AnnotationData, Layer
from meeting.core.record import (
    MeetingRecord,
    agenda_times,
    attendees,
    shown_pages,
)
from meeting.core.votes import ABSTAIN, NO, YES, VoteData, VoteStatus, choices
from meeting.pdf.record_pdf import ShownPage
from meeting.pdf.record_pdf import record_pdf as write_record_pdf
from server.pdf_jobs import PdfJobs
from server.store.annotations import AnnotationStore
from server.store.blobs import BlobStore
from server.store.repository import Store, User
from server.store.votes import VoteStore

PLACES = {"room": "会議室 / room", "remote": "リモート（アプリ） / remote, app",
          "browser": "リモート（ブラウザ） / remote, browser"}
CHOICES = {YES: "賛成 / yes", NO: "反対 / no", ABSTAIN: "棄権 / abstain"}
OUTCOMES = {"passed": "可決 / passed", "rejected": "否決 / rejected",
            "chosen": "決定 / chosen", "tie": "同数 / tie", "no_quorum": "定足数不足 / no quorum"}
MAJORITIES = {"simple": "過半数 / simple", "two_thirds": "3分の2 / two thirds",
              "absolute": "在籍過半数 / over half of all eligible"}
RECORD_SECONDS = 120.0
"""A record of a long meeting with hundreds of pages still comes well within this."""
SUMMARY_BOOKMARK = "会議の記録 / Record of the meeting"
CSS = """
body { font-family: sans-serif; font-size: 10pt; color: #202124; }
h1 { font-size: 18pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; margin-top: 14pt; border-bottom: 1px solid #9aa0a6; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #c4c7c5; padding: 3pt 5pt; text-align: left; }
th { background-color: #f1f3f4; }
.muted { color: #5f6368; }
"""


def build_record(store: Store, meeting_id: int, by: User, with_notes_of: str | None = None
                 ) -> MeetingRecord:
    now = time.time()
    state = store.meeting_state(meeting_id)
    documents = tuple(store.documents(meeting_id))
    people = attendees((r["user"], r["role"], r["place"], r["first_at"])
                       for r in store.attendance(meeting_id))
    history = [(r["document_id"], r["page"], r["at"]) for r in store.page_history(meeting_id)]
    if not history and state.document_id is not None:  # shown from the start, never turned
        history = [(state.document_id, state.page, people[0].first_seen if people else now)]
    visits = [(r["item_id"], r["at"]) for r in store.agenda_visits(meeting_id)]
    end = state.ended_at or now
    starts = [p.first_seen for p in people] + [h[2] for h in history] + [v[1] for v in visits]
    summary = next(m for m in store.all_meetings() if m.id == meeting_id)
    return MeetingRecord(
        meeting_id=meeting_id, title=summary.title, started_at=min(starts, default=None),
        ended_at=state.ended_at, exported_at=now, exported_by=by.name, attendees=people,
        agenda=agenda_times(store.agenda(meeting_id), visits, end),
        votes=tuple(VoteStore(store).votes(meeting_id)), documents=documents,
        shown=shown_pages(history, documents), private_notes_of=with_notes_of)


async def record_pdf(jobs: PdfJobs, record: MeetingRecord, marks: list[AnnotationData],
                     blobs: BlobStore, watermark: str | None = None,
                     timeout: float = RECORD_SECONDS) -> bytes:
    """The summary, then every page shown with its `marks` (`record_marks`). The PDF is
    written by a worker of the server's PDF pool (raises PdfJobFailed past `timeout`)."""
    documents = {d.id: d for d in record.documents}
    pages = []
    for shown in record.shown:
        document = documents[shown.document_id]
        pages.append(ShownPage(str(blobs.path(document.sha256)), shown.page,
                               f"{document.title} — p. {shown.page + 1}",
                               tuple(a for a in marks if a.document_id == document.id
                                     and a.page == shown.page)))
    metadata = {"title": f"{record.title} — 会議の記録 / record",
                "creator": "Paperless Meeting", "author": record.exported_by}
    return await jobs.run(write_record_pdf, summary_html(record), CSS, SUMMARY_BOOKMARK, pages,
                          metadata, watermark, time_limit=timeout)


def record_marks(store: Store, record: MeetingRecord, reader: User) -> list[AnnotationData]:
    """What the record's pages show: the shared marks (and, for a personal copy, the
    reader's private notes)."""
    visible = AnnotationStore(store).visible(record.meeting_id, reader)
    return [a for a in visible if a.unplaced is None and (
        a.layer is Layer.SHARED or (record.private_notes_of == reader.name
                                    and a.owner == reader.name))]


def summary_html(record: MeetingRecord) -> str:
    e = html.escape
    parts = [f"<h1>{e(record.title)}</h1>",
             f"<p class='muted'>会議の記録 / Record of the meeting · "
             f"{_when(record.started_at)} – {_when(record.ended_at) or '…'}<br/>"
             f"作成 / exported {_when(record.exported_at)} · {e(record.exported_by)}"
             + (f" · {e(record.private_notes_of)} の個人用控え（自分のメモ入り） / "
                f"personal copy with private notes" if record.private_notes_of else "")
             + "</p>"]
    parts.append("<h2>出席者 / Attendees</h2><table><tr><th>氏名 / name</th>"
                 "<th>役割 / role</th><th>参加場所 / where</th><th>入室 / first seen</th></tr>")
    for person in record.attendees:
        places = "、".join(PLACES.get(p, p) for p in person.places)
        parts.append(f"<tr><td>{e(person.name)}</td><td>{e(person.role)}</td>"
                     f"<td>{e(places)}</td><td>{_when(person.first_seen, '%H:%M')}</td></tr>")
    parts.append("</table>")
    if record.agenda:
        parts.append("<h2>議事 / Agenda</h2><table><tr><th>#</th><th>議題 / item</th>"
                     "<th>開始 / began</th><th>所要 / time</th></tr>")
        for number, item in enumerate(record.agenda, start=1):
            minutes = (f"{int(item.seconds // 60)}:{int(item.seconds % 60):02d} 分:秒 / min:s"
                       if item.started_at else "—")
            parts.append(f"<tr><td>{number}</td><td>{e(item.title)}</td>"
                         f"<td>{_when(item.started_at, '%H:%M')}</td><td>{minutes}</td></tr>")
        parts.append("</table>")
    if record.votes:
        parts.append("<h2>採決 / Votes</h2>")
        for vote in record.votes:
            parts.append(_vote_html(vote))
    parts.append("<h2>表示されたページ / Pages shown</h2><table><tr><th>資料 / document</th>"
                 "<th>ページ / page</th><th>初回表示 / first shown</th></tr>")
    for shown in record.shown:
        parts.append(f"<tr><td>{e(shown.document_title)}</td><td>{shown.page + 1}</td>"
                     f"<td>{_when(shown.first_shown_at, '%H:%M')}</td></tr>")
    parts.append("</table><p class='muted'>各ページは共有の書き込み入りで後に続きます / "
                 "each page follows, with the room's marks.</p>")
    return "".join(parts)


def _vote_html(vote: VoteData) -> str:
    e = html.escape
    kind = "無記名 / secret" if vote.secret else "記名 / named"
    result = vote.result
    if vote.status is VoteStatus.OPEN or result is None:
        outcome = "投票中 / still open"
    else:
        outcome = OUTCOMES[result.outcome] + (f": {e(result.winner)}" if result.winner else "")
    rows = "".join(f"<tr><td>{e(CHOICES.get(c, c))}</td><td>{vote.counts.get(c, 0)}</td></tr>"
                   for c in choices(vote.kind, vote.options))
    ballots = ""
    if vote.ballots:
        ballots = "<p class='muted'>" + "、".join(
            f"{e(name)}: {e(CHOICES.get(choice, choice))}"
            for name, choice in sorted(vote.ballots.items())) + "</p>"
    quorum = f" · 定足数 / quorum {vote.quorum}" if vote.quorum else ""
    return (f"<p><b>{e(vote.title)}</b><br/><span class='muted'>{kind} · "
            f"{MAJORITIES[vote.majority]}{quorum} · {vote.voted} / {len(vote.eligible)} "
            f"投票 / voted</span><br/><b>{outcome}</b></p>"
            f"<table><tr><th>選択 / choice</th><th>票数 / votes</th></tr>{rows}</table>{ballots}")


def _when(seconds: float | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
    return datetime.fromtimestamp(seconds).strftime(pattern) if seconds else ""
