"""Where a meeting stands in its day (upcoming, in progress, ended), and the order people look
for meetings in: the ones going on now first, then the next ones, then the past ones."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from meeting.core.protocol import MeetingSummary

HELD_FOR = 12 * 3600.0
"""How long after its start a meeting nobody ended still counts as going on: organizers often
never press "end", and yesterday's meeting is not on now."""


class MeetingStatus(StrEnum):
    UPCOMING = "upcoming"
    IN_PROGRESS = "in_progress"
    ENDED = "ended"


def status_of(meeting: MeetingSummary, now: float) -> MeetingStatus:
    """Ended when the organizer ended it or its day is over; upcoming before its start time;
    otherwise in progress (a meeting nobody scheduled is open from the moment it exists)."""
    if meeting.ended or meeting.materials_removed:
        return MeetingStatus.ENDED
    if meeting.starts_at is None:
        return MeetingStatus.IN_PROGRESS
    if now < meeting.starts_at:
        return MeetingStatus.UPCOMING
    if now >= meeting.starts_at + HELD_FOR:
        return MeetingStatus.ENDED
    return MeetingStatus.IN_PROGRESS


def in_listing_order(meetings: Iterable[MeetingSummary], now: float) -> list[MeetingSummary]:
    """In progress (latest start first), then upcoming (soonest first), then ended (latest
    first); meetings without a time keep their order among those of their status."""
    rank = {MeetingStatus.IN_PROGRESS: 0, MeetingStatus.UPCOMING: 1, MeetingStatus.ENDED: 2}

    def key(indexed: tuple[int, MeetingSummary]) -> tuple[int, float, int]:
        index, meeting = indexed
        status = status_of(meeting, now)
        start = meeting.starts_at
        if start is None:
            when = float("inf")
        else:
            when = start if status is MeetingStatus.UPCOMING else -start
        return rank[status], when, index

    return [meeting for _, meeting in sorted(enumerate(meetings), key=key)]
