"""Keeps a client's copy of one meeting consistent: a snapshot, then numbered changes.

The server numbers every change of a meeting (`seq`). A client applies changes in order, drops
duplicates, and asks for a fresh snapshot when it sees a gap (a missed broadcast, a reconnect).
Changes that arrive before the snapshot they follow are held back and applied after it, so a
join that races a page turn still ends on the right page.
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

    @property
    def last_seq(self) -> int | None:
        return self.view.seq if self.view else None

    def apply_snapshot(self, snapshot: Snapshot) -> Outcome:
        if self.view and snapshot.state.seq < self.view.seq:
            return Outcome.IGNORED  # an older answer overtaken by changes we already have
        self.view = MeetingView(snapshot)
        # (private changes held back, unnumbered, are in the snapshot already)
        held = sorted((c for c in self._held if c.seq is not None), key=_number)
        self._held = []
        for change in held:
            if self.apply(change) is Outcome.NEED_SNAPSHOT:
                return Outcome.NEED_SNAPSHOT
        return Outcome.APPLIED

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
        if change.seq != self.view.seq + 1 or isinstance(change, DocumentRevised):
            # (a revision moves pages and marks around: the snapshot has the whole new picture)
            return Outcome.NEED_SNAPSHOT
        self.view = MeetingView(_with_change(self.view.snapshot, change))
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

