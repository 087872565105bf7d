"""The circulation's history, for people (the last page of each signed PDF, in Japanese: the
offices this serves read their records in it) and for programs (`history.json`)."""

from __future__ import annotations

import json
from datetime import datetime

from meeting.pdf.approval_pdf import HistoryRow
from server.signing.model import SignedCirculation

HISTORY_FILE = "history.json"
HEADING = "決裁履歴"
ACTIONS = {"started": "起案", "approved": "承認", "read": "確認（回覧）", "sent_back": "差し戻し",
           "pulled_back": "引戻し", "revised": "修正", "signed": "署名"}
"""The server's action names (`ActionKind`) as the page prints them; one not listed prints
as it is."""


def history_rows(circulation: SignedCirculation) -> list[HistoryRow]:
    rows = []
    for entry in circulation.history:
        who = entry.display_name or entry.user
        if entry.on_behalf_of:
            who = f"{who}（{entry.on_behalf_of} 代理）"
        action = ACTIONS.get(entry.action, entry.action)
        if entry.step is not None:
            action = f"{action}（第{entry.step + 1}段）"
        rows.append(HistoryRow(_local(entry.time), who, action, entry.comment))
    return rows


def history_json(circulation: SignedCirculation) -> bytes:
    """The history, the documents and the signing order, as UTF-8 JSON."""
    record = {
        "circulation": circulation.id,
        "title": circulation.title,
        "drafter": circulation.drafter,
        "documents": [{"id": d.id, "title": d.title} for d in circulation.documents],
        "signatures": [
            {"field": f"Approval{number + 1}", "step": a.step, "user": a.user,
             "display_name": a.display_name, "section": a.section, "role": a.role,
             "on_behalf_of": a.on_behalf_of, "time": a.time.isoformat(),
             "comments": [{"document": c.document, "page": c.page, "rect": list(c.rect),
                           "text": c.text} for c in a.comments]}
            for number, a in enumerate(circulation.approvals)],
        "history": [
            {"time": e.time.isoformat(), "user": e.user, "display_name": e.display_name,
             "action": e.action, "step": e.step, "comment": e.comment,
             "on_behalf_of": e.on_behalf_of}
            for e in circulation.history],
    }
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _local(time: datetime) -> str:
    """The time in the server's zone, to the minute, as the page prints it."""
    return time.astimezone().strftime("%Y-%m-%d %H:%M")
