"""Deleting a meeting's materials from this device when they were removed (the meeting ended
with "remove materials", or its access expired).

Qt-free: what to delete is decided here from the meeting as last kept (its documents' hashes,
the user's notes); the UI only asks first whether to export the notes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from meeting.core.annotations import AnnotationData, Layer
from meeting.core.protection import Removal
from meeting.core.protocol import MeetingSummary, Snapshot
from meeting.net.cache import DocumentCache
from meeting.net.offline import OfflineShelf


@dataclass(frozen=True)
class RemovedMeeting:
    """A meeting whose materials must leave this device, as this device last knew it."""

    meeting_id: int
    title: str
    removal: Removal
    snapshot: Snapshot | None

    @property
    def removes_notes(self) -> bool:
        return self.removal is Removal.FILES_AND_NOTES


def my_notes(snapshot: Snapshot | None, user: str) -> list[AnnotationData]:
    """The user's own private notes in the meeting (what an export before removal saves)."""
    if snapshot is None:
        return []
    return [a for a in snapshot.annotations if a.owner == user and a.layer is Layer.PRIVATE]


def removed_since(kept: Iterable[Snapshot], listed: Iterable[MeetingSummary]
                  ) -> list[RemovedMeeting]:
    """Kept meetings the server says are gone: materials removed, or no longer listed for this
    user at all (removed from it, or the meeting deleted)."""
    summaries = {s.id: s for s in listed}
    removed = []
    for snapshot in kept:
        summary = summaries.get(snapshot.meeting.id)
        if summary is None:
            removed.append(RemovedMeeting(snapshot.meeting.id, snapshot.meeting.title,
                                          Removal.FILES, snapshot))
        elif summary.materials_removed:
            removed.append(RemovedMeeting(snapshot.meeting.id, snapshot.meeting.title,
                                          _at_least_files(summary.removal), snapshot))
    return removed


def expired(kept: Iterable[Snapshot], now: float | None = None) -> list[RemovedMeeting]:
    """Kept meetings whose access date has passed: deleted even without the server."""
    now = time.time() if now is None else now
    return [RemovedMeeting(s.meeting.id, s.meeting.title, _at_least_files(s.state.removal), s)
            for s in kept if s.state.expires_at is not None and s.state.expires_at <= now]


def purge(meeting: RemovedMeeting, cache: DocumentCache, shelf: OfflineShelf | None) -> int:
    """Delete the meeting's cached documents (those no other kept meeting uses), its kept
    picture, and with `files_and_notes` the notes waiting to be sent. Returns files deleted."""
    documents = {d.sha256 for d in meeting.snapshot.documents} if meeting.snapshot else set()
    if shelf is not None:
        for other in shelf.kept():
            if other.meeting.id != meeting.meeting_id:
                documents -= {d.sha256 for d in other.documents}
        shelf.forget(meeting.meeting_id, keep_pending=not meeting.removes_notes)
    return sum(1 for sha256 in documents if cache.remove(sha256))


def _at_least_files(removal: Removal) -> Removal:
    """Expired or dropped without a removal chosen: the files still go (access has ended)."""
    return Removal.FILES if removal is Removal.NONE else removal
