"""The meeting list's status and order: what is going on now first, then what comes next."""

from __future__ import annotations

from meeting.core.protocol import MeetingSummary
from meeting.core.schedule import MeetingStatus, in_listing_order, status_of

NOW = 1_800_000_000.0
HOUR = 3600.0


def meeting(id: int, starts_at: float | None = None, ended: bool = False) -> MeetingSummary:
    return MeetingSummary(id=id, title=f"m{id}", documents=0, presenter=None,
                          starts_at=starts_at, ended=ended)


def test_status_follows_the_clock_and_the_organizer():
    assert status_of(meeting(1, NOW + HOUR), NOW) is MeetingStatus.UPCOMING
    assert status_of(meeting(1, NOW - HOUR), NOW) is MeetingStatus.IN_PROGRESS
    assert status_of(meeting(1, NOW + HOUR, ended=True), NOW) is MeetingStatus.ENDED
    assert status_of(meeting(1), NOW) is MeetingStatus.IN_PROGRESS
    assert status_of(meeting(1, NOW - 13 * HOUR), NOW) is MeetingStatus.ENDED  # never ended


def test_now_first_then_the_next_then_the_past():
    meetings = [
        meeting(1, NOW - 48 * HOUR),
        meeting(2, NOW + 24 * HOUR),
        meeting(3, NOW - 2 * HOUR),
        meeting(4, NOW + HOUR),
        meeting(5, NOW - HOUR, ended=True),
        meeting(6),
        meeting(7, NOW - HOUR),
    ]
    assert [m.id for m in in_listing_order(meetings, NOW)] == [7, 3, 6, 4, 2, 5, 1]
