"""What kind of change arrived: so each view redraws only what the change touches.

A stroke batch (up to 40 a second while the presenter draws) must not scroll a follower back to
the top, re-centre the thumbnails or rebuild the documents list under an open menu. The windows
compare the view they last showed with the new one and update only the parts named here.
"""

from __future__ import annotations

from enum import StrEnum

from meeting.core.sync import MeetingView


class ChangeKind(StrEnum):
    PAGE = "page"
    """The room's page or document, or who presents."""
    DOCUMENTS = "documents"
    """A document was added or revised."""
    MARKS = "marks"
    """Annotations: the room's marks or one's own notes."""
    ROOM = "room"
    """What the room sees and may do: blank, hold, zoom, beside, drawing, link, title, end."""
    AGENDA = "agenda"
    VOTES = "votes"
    PRESENCE = "presence"
    PROTECTION = "protection"
    """Watermark, removal of the materials, access dates."""


EVERYTHING = frozenset(ChangeKind)

_STATE_FIELDS: dict[ChangeKind, tuple[str, ...]] = {
    ChangeKind.PAGE: ("document_id", "page", "presenter"),
    ChangeKind.ROOM: ("blank", "locked", "zoom", "beside", "participants_draw", "web_link",
                      "ended_at"),
    ChangeKind.AGENDA: ("agenda_item",),
    ChangeKind.PROTECTION: ("watermark", "removal", "expires_at", "materials_removed"),
}


def what_changed(before: MeetingView | None, after: MeetingView | None
                 ) -> frozenset[ChangeKind]:
    """The kinds of change between two views of one meeting (everything for a first view)."""
    if before is None or after is None:
        return EVERYTHING if before is not after else frozenset()
    if before is after:
        return frozenset()
    old, new = before.snapshot, after.snapshot
    kinds = {kind for kind, fields in _STATE_FIELDS.items()
             if any(getattr(old.state, f) != getattr(new.state, f) for f in fields)}
    if old.documents != new.documents:
        kinds.add(ChangeKind.DOCUMENTS)
    if old.annotations != new.annotations:
        kinds.add(ChangeKind.MARKS)
    if old.agenda != new.agenda:
        kinds.add(ChangeKind.AGENDA)
    if old.members != new.members or old.meeting.title != new.meeting.title:
        kinds.add(ChangeKind.ROOM)
    if old.votes != new.votes:
        kinds.add(ChangeKind.VOTES)
    if old.people != new.people:
        kinds.add(ChangeKind.PRESENCE)
    return frozenset(kinds)


def touches_page(kinds: frozenset[ChangeKind]) -> bool:
    """Whether the page on screen may have to move (anything but marks, votes and people)."""
    return bool(kinds - {ChangeKind.MARKS, ChangeKind.VOTES, ChangeKind.PRESENCE})


class Part(StrEnum):
    """The parts of a meeting window a change may touch."""

    PAGE = "page"
    """The page on screen with its marks, thumbnails, banner and labels."""
    MARKS = "marks"
    """Only the marks drawn over the page."""
    DOCUMENTS = "documents"
    """The list of documents (and where the presenter is in it)."""
    AGENDA = "agenda"
    CHAIR = "chair"
    """Who runs the votes, and the agenda item a new vote is about."""
    ROOM = "room"
    """The title, the web meeting link, ending or reopening."""
    PROTECTION = "protection"
    """The watermark and the summary of how the materials are protected."""


_PART_NEEDS: dict[Part, frozenset[ChangeKind]] = {
    Part.PAGE: frozenset({ChangeKind.PAGE, ChangeKind.DOCUMENTS, ChangeKind.ROOM}),
    Part.MARKS: frozenset({ChangeKind.MARKS}),
    Part.DOCUMENTS: frozenset({ChangeKind.DOCUMENTS, ChangeKind.PAGE, ChangeKind.ROOM}),
    Part.AGENDA: frozenset({ChangeKind.AGENDA, ChangeKind.DOCUMENTS}),
    Part.CHAIR: frozenset({ChangeKind.PAGE, ChangeKind.AGENDA}),
    Part.ROOM: frozenset({ChangeKind.ROOM}),
    Part.PROTECTION: frozenset({ChangeKind.PROTECTION}),
}


def parts_touched(kinds: frozenset[ChangeKind]) -> frozenset[Part]:
    """The parts to update for these kinds of change (the others stay as they are: an open
    menu, a scroll position, a selection)."""
    return frozenset(part for part, needs in _PART_NEEDS.items() if kinds & needs)
