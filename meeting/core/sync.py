"""Keeps a client's copy of one meeting consistent: a snapshot, then numbered changes.

The server numbers every change of a meeting (`seq`). A client applies changes in order, drops
duplicates, and asks for a fresh snapshot when it sees a gap (a missed broadcast, a reconnect).
Changes that arrive before the snapshot they follow are held back and applied after it, so a
join that races a page turn still ends on the right page.

A change that comes early (seq 11 before 10) is kept for a moment rather than taken for a
missed one: with several server processes, two changes committed one after the other on two
processes can cross on their way (each process sends its own first, the other's through
Redis). When 10 comes, both apply in order; only a gap still open after `GAP_WAIT_S` asks for
a snapshot (the caller's timer: see `gap_open`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from meeting.core.annotations import AnnotationChange, AnnotationData, apply_change
from meeting.core.protocol import (
    AgendaChanged,
    DocumentAdded,
    DocumentInfo,
    DocumentRevised,
    MeetingState,
    Snapshot,
)


class Outcome(Enum):
    APPLIED = auto()
    """The change was applied; views should refresh."""
    IGNORED = auto()
    """Already seen (or older than the snapshot): nothing to do."""
    HELD = auto()
    """No snapshot yet: kept until one arrives."""
    NEED_SNAPSHOT = auto()
    """A change was missed: ask the server for a snapshot."""
    EARLY = auto()
    """Ahead of a change not here yet: kept; if `gap_open` still holds after `GAP_WAIT_S`,
    ask for a snapshot."""


GAP_WAIT_S = 0.5
"""How long an early change waits for the ones before it (two processes' broadcasts cross
within milliseconds; a change really lost is put right by a snapshot after this)."""


Change = MeetingState | DocumentAdded | AnnotationChange | DocumentRevised | AgendaChanged


@dataclass(frozen=True)
class MeetingView:
    """The client's current picture of a meeting (immutable; each change makes a new one)."""

    snapshot: Snapshot

    @property
    def state(self) -> MeetingState:
        return self.snapshot.state

    @property
    def seq(self) -> int:
        return self.snapshot.state.seq

    @property
    def documents(self) -> tuple[DocumentInfo, ...]:
        return self.snapshot.documents

    def document(self, document_id: int) -> DocumentInfo | None:
        return next((d for d in self.snapshot.documents if d.id == document_id), None)

    def annotations_on(self, document_id: int, page: int) -> list[AnnotationData]:
        return [a for a in self.snapshot.annotations
                if a.document_id == document_id and a.page == page and a.unplaced is None]

    def unplaced(self) -> list[AnnotationData]:
        """Marks a revised document had no place for (only one's own private ones and the
        shared ones ever reach a client)."""
        return [a for a in self.snapshot.annotations if a.unplaced is not None]


class MeetingSync:
    """Applies a meeting's snapshot and numbered changes in order; see the module docstring."""

    def __init__(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        self.view: MeetingView | None = None
        self._held: list[Change] = []
        self._early: dict[int, Change] = {}
        """Numbered changes past the next one expected, by seq."""

    @property
    def last_seq(self) -> int | None:
        return self.view.seq if self.view else None

    def apply_snapshot(self, snapshot: Snapshot) -> Outcome:
        if self.view and snapshot.state.seq < self.view.seq:
            return Outcome.IGNORED  # an older answer overtaken by changes we already have
        self.view = MeetingView(snapshot)
        # (private changes held back, unnumbered, are in the snapshot already)
        held = sorted((c for c in (*self._held, *self._early.values()) if c.seq is not None),
                      key=_number)
        self._held, self._early = [], {}
        for change in held:
            if self.apply(change) is Outcome.NEED_SNAPSHOT:
                return Outcome.NEED_SNAPSHOT
        return Outcome.APPLIED

    @property
    def gap_open(self) -> bool:
        """Changes came early and the ones before them have not come yet."""
        return bool(self._early)

    def apply(self, change: Change) -> Outcome:
        if change.meeting_id != self.meeting_id:
            return Outcome.IGNORED
        if self.view is None:
            self._held.append(change)
            return Outcome.HELD
        if change.seq is None:  # a private annotation: only its owner gets it, unnumbered
            self.view = MeetingView(_with_change(self.view.snapshot, change))
            return Outcome.APPLIED
        if change.seq <= self.view.seq:
            return Outcome.IGNORED
        if isinstance(change, DocumentRevised):
            # (a revision moves pages and marks around: the snapshot has the whole new picture)
            return Outcome.NEED_SNAPSHOT
        if change.seq != self.view.seq + 1:
            self._early[change.seq] = change
            return Outcome.EARLY
        self.view = MeetingView(_with_change(self.view.snapshot, change))
        while (following := self._early.pop(self.view.seq + 1, None)) is not None:
            if isinstance(following, DocumentRevised):
                self._early.clear()
                return Outcome.NEED_SNAPSHOT
            self.view = MeetingView(_with_change(self.view.snapshot, following))
        for seq in [seq for seq in self._early if seq <= self.view.seq]:
            del self._early[seq]
        return Outcome.APPLIED


def _number(change: Change) -> int:
    assert change.seq is not None  # (only numbered changes are put in order)
    return change.seq


def _with_change(snapshot: Snapshot, change: Change) -> Snapshot:
    if isinstance(change, AnnotationChange):
        annotations = {a.id: a for a in snapshot.annotations}
        apply_change(annotations, change)
        update: dict = {"annotations": tuple(annotations.values())}
        if change.seq is not None:
            update["state"] = snapshot.state.model_copy(update={"seq": change.seq})
        return snapshot.model_copy(update=update)
    if isinstance(change, AgendaChanged):
        current = snapshot.state.agenda_item
        kept = current if any(i.id == current for i in change.items) else None
        state = snapshot.state.model_copy(update={"seq": change.seq, "agenda_item": kept})
        return snapshot.model_copy(update={"agenda": change.items, "state": state})
    if isinstance(change, MeetingState):
        meeting = snapshot.meeting.model_copy(update={"presenter": change.presenter})
        return snapshot.model_copy(update={"state": change, "meeting": meeting})
    documents = (*snapshot.documents, change.document)
    state = snapshot.state.model_copy(update={"seq": change.seq})
    meeting = snapshot.meeting.model_copy(update={"documents": len(documents)})
    return snapshot.model_copy(update={"documents": documents, "state": state, "meeting": meeting})

