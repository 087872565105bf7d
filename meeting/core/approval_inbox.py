"""The inbox's plain decisions: the counts the main window shows, and what is new for me.

The server says what waits for whom (`approval:list`); here the client works out what the
counts are and which circulations just arrived, so it can say so once (a notice), not on every
refresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from meeting.core.approval_protocol import ApprovalInbox, CirculationStatus, CirculationSummary


@dataclass(frozen=True)
class InboxCounts:
    waiting: int = 0
    sent: int = 0
    done: int = 0


def counts(inbox: ApprovalInbox | None) -> InboxCounts:
    if inbox is None:
        return InboxCounts()
    return InboxCounts(len(inbox.waiting), len(inbox.sent), len(inbox.done))


def arrivals(before: ApprovalInbox | None, after: ApprovalInbox) -> list[CirculationSummary]:
    """Circulations waiting for me now that were not before (the first look announces
    nothing: what waited already is in the count). One sent back to me again is new."""
    if before is None:
        return []
    seen = {(s.id, s.status, s.step) for s in before.waiting}
    return [s for s in after.waiting if (s.id, s.status, s.step) not in seen]


def concerns_me(summary: CirculationSummary, me: str) -> bool:
    """A broadcast about a circulation that now waits for me (as the drafter of one returned,
    or as one of the current step)."""
    return me in summary.waiting_for and summary.status in (CirculationStatus.CIRCULATING,
                                                            CirculationStatus.RETURNED)
