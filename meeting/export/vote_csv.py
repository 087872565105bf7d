"""A vote's result as CSV: UTF-8 with a byte-order mark, so that Excel in Japan opens the
Japanese text correctly by a double click (without the mark it guesses Shift_JIS)."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from meeting.core.votes import VoteData, choices

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """Text a spreadsheet would run as a formula (a title like "=HYPERLINK(…)") is written
    with a leading apostrophe, so Excel shows it instead."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _SafeWriter:
    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out, lineterminator="\r\n")

    def writerow(self, row: list) -> None:
        self._writer.writerow([_cell(value) for value in row])


def vote_csv(vote: VoteData, labels: dict[str, str] | None = None) -> str:
    """The question, how it was decided, the count per choice and, for a named vote, every
    ballot. `labels` names the choices in the user's language ("yes" → "賛成")."""
    labels = labels or {}
    out = io.StringIO()
    rows = _SafeWriter(out)
    rows.writerow(["vote", vote.title])
    rows.writerow(["kind", "secret" if vote.secret else "named"])
    rows.writerow(["opened", _when(vote.opened_at)])
    rows.writerow(["closed", _when(vote.closed_at) if vote.closed_at else ""])
    rows.writerow(["majority", vote.majority.value])
    rows.writerow(["quorum", vote.quorum or ""])
    rows.writerow(["eligible", len(vote.eligible)])
    rows.writerow(["voted", vote.voted])
    result = vote.result
    rows.writerow(["result", result.outcome.value if result else "open"])
    if result and result.winner:
        rows.writerow(["chosen", result.winner])
    rows.writerow([])
    rows.writerow(["choice", "count"])
    for choice in choices(vote.kind, vote.options):
        rows.writerow([labels.get(choice, choice), vote.counts.get(choice, 0)])
    if vote.ballots is not None:
        rows.writerow([])
        rows.writerow(["voter", "ballot"])
        for voter, ballot in sorted(vote.ballots.items()):
            rows.writerow([voter, labels.get(ballot, ballot)])
    return "\ufeff" + out.getvalue()


def _when(seconds: float | None) -> str:
    return datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M:%S") if seconds else ""
