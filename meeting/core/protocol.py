"""The wire protocol: event names, payload schemas, replies and error codes.

One definition used by the server (to validate what arrives) and by the client (to build what it
sends and to read what it receives). `docs/protocol.md` describes the same messages for people and
for clients written in other languages; `tests/core/test_protocol_doc.py` keeps the two in step.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from meeting.core import annotations as ann
from meeting.core import laser, presence, weblink
from meeting.core.approval_protocol import APPROVAL_CLIENT_MESSAGES, APPROVAL_SERVER_MESSAGES
from meeting.core.documents import DocumentInfo
from meeting.core.protection import MeetingEnd, MeetingProtect, MeetingReopen, Removal
from meeting.core.schema import (  # noqa: F401 - re-exported: the protocol's public names
    Data,
    ErrorCode,
    Event,
    Id,
    Message,
    PageIndex,
    ProtocolError,
    Sha256,
    UserName,
    ok_reply,
    parse,
)
from meeting.core.votes import VoteCast, VoteClose, VoteData, VoteOpen, VoteReopen

PROTOCOL_VERSION = 1
"""Bumped on any incompatible change; the server refuses clients that speak another version."""

MAX_MESSAGE_BYTES = 1_000_000
"""Largest Socket.IO message the server accepts (python-socketio's buffer limit)."""

MAX_UPLOAD_BYTES = 200 * 1024 * 1024
"""Largest document upload the server accepts."""


PAGE_WIDTH_STEP = 128
"""Page images (`GET …/pages/{page}?width=W`) come in widths rounded up to this step…"""
PAGE_WIDTH_MIN, PAGE_WIDTH_MAX = 128, 4096
"""…and within these bounds."""


class Role(StrEnum):
    ADMIN = "admin"
    ORGANIZER = "organizer"
    PARTICIPANT = "participant"
    DISPLAY = "display"
    """An account for a large monitor: it follows, it never presents."""


MANAGER_ROLES = frozenset({Role.ADMIN, Role.ORGANIZER})
"""Roles that manage meetings they are in, and keep a meeting's materials after they were
removed for everyone else."""


# --- client -> server payloads -------------------------------------------------------------


class MeetingsList(Message):
    """`meetings:list`: no fields (sending no payload at all is the same)."""

    event = Event.MEETINGS_LIST

    payload_optional = True


class MeetingRef(Message):
    meeting_id: Id


class MeetingJoin(MeetingRef):
    event = Event.MEETING_JOIN


class MeetingLeave(MeetingRef):
    event = Event.MEETING_LEAVE


class SnapshotRequest(MeetingRef):
    event = Event.MEETING_SNAPSHOT


class PageSet(Message):
    event = Event.PAGE_SET

    meeting_id: Id
    document_id: Id
    page: PageIndex


class BesideSet(Message):
    """`beside:set`: the presenter shows a second document beside the page (a report and its
    reference), or closes it (`document_id` null)."""

    event = Event.BESIDE_SET

    meeting_id: Id
    document_id: Id | None
    page: PageIndex = 0


class PagePosition(Data):
    document_id: Id
    page: PageIndex


class DisplayBlank(Message):
    event = Event.DISPLAY_BLANK

    meeting_id: Id
    blank: Annotated[Blank | None, Field(strict=False)]


class FollowersLock(Message):
    event = Event.FOLLOWERS_LOCK

    meeting_id: Id
    locked: bool


class ViewZoom(Message):
    event = Event.VIEW_ZOOM

    meeting_id: Id
    region: Annotated[list[ann.Coordinate], Field(min_length=4, max_length=4)] | None

    @model_validator(mode="after")
    def _a_real_rectangle(self) -> ViewZoom:
        if self.region is not None:
            x0, y0, x1, y1 = self.region
            if x1 - x0 < 1 or y1 - y0 < 1:
                raise ValueError("region is [x0, y0, x1, y1] with x1 > x0 and y1 > y0")
        return self


class MeetingSettings(Message):
    event = Event.MEETING_SETTINGS

    meeting_id: Id
    participants_draw: bool


class PresenterSet(Message):
    event = Event.PRESENTER_SET

    meeting_id: Id
    user: UserName


def _known_layer(name: str) -> str:
    return str(ann.Layer(name))  # (ValueError for any other text)


class ExportReport(Message):
    """`audit:export`: this client saved documents of the meeting to a file (for the audit
    log: the server cannot see files written on a device)."""

    event = Event.AUDIT_EXPORT

    meeting_id: Id
    document_ids: Annotated[list[Id], Field(min_length=1, max_length=500)]
    """Each must be a document of the meeting (the server checks)."""
    layers: Annotated[list[Annotated[str, AfterValidator(_known_layer)]], Field(max_length=2)]
    """Layer names ("shared", "private"): nothing else reaches the audit log."""


class Login(Message):
    username: UserName
    password: Annotated[str, Field(min_length=1, max_length=1024)]


# --- server -> client data -----------------------------------------------------------------


class UserInfo(Data):
    name: str
    role: Role


class MeetingSummary(Data):
    id: Id
    title: str
    documents: int
    presenter: str | None
    ended: bool = False
    materials_removed: bool = False
    """Only organizers may open the materials now; a device that kept any deletes them."""
    removal: Removal = Removal.NONE
    starts_at: float | None = None
    """When the meeting is held (Unix seconds); the list orders and labels meetings by it."""
    place: str | None = None
    """Where it is held (a room's name), as the organizer wrote it."""


class Blank(StrEnum):
    BLACK = "black"
    WHITE = "white"


class MeetingState(Data):
    """What everyone following the meeting shows; `seq` numbers every change of the meeting."""

    event = Event.MEETING_STATE

    meeting_id: Id
    seq: Annotated[int, Field(ge=0)]
    document_id: Id | None
    page: PageIndex
    presenter: str | None
    participants_draw: bool = False
    """The organizer lets every member (not display accounts) draw on the shared layer and
    share their private notes with the room."""
    blank: Blank | None = None
    """The room's monitors show plain black or white instead of the page."""
    locked: bool = False
    """Followers are held on the presenter's page (no browsing) until released."""
    zoom: tuple[float, float, float, float] | None = None
    """The part of the shared page the room looks at (x0, y0, x1, y1 in page points); None:
    the whole page. A page turn resets it."""
    agenda_item: int | None = None
    """The agenda item the meeting is on (its id), if the presenter has taken one up."""
    beside: PagePosition | None = None
    """A second document the presenter shows beside the page, and its page; None: just one."""
    web_link: str | None = None
    """The organization's web meeting for this meeting (audio and video), opened in one click."""
    watermark: bool = False
    """Every page shown or exported carries the viewer's name and the time."""
    removal: Removal = Removal.NONE
    """What leaves every device when the meeting ends (see `protection.Removal`)."""
    expires_at: float | None = None
    """When access to the materials ends for everyone but organizers (seconds since 1970)."""
    ended_at: float | None = None
    """When an organizer ended the meeting (None: not ended, or reopened)."""
    materials_removed: bool = False
    """The materials are gone for everyone but organizers (ended with a removal, or expired)."""


class DocumentAdded(Data):
    event = Event.DOCUMENT_ADDED

    meeting_id: Id
    seq: Annotated[int, Field(ge=1)]
    document: DocumentInfo


class DocumentRevised(Data):
    """A document was replaced by a revised version; its marks were moved to match."""

    event = Event.DOCUMENT_REVISED

    meeting_id: Id
    seq: Annotated[int, Field(ge=1)]
    document: DocumentInfo
    previous_sha256: str
    placed: int
    """Marks placed in the new version (kept where they were, or moved with their words)."""
    unplaced: int
    """Marks that could not be placed (kept, flagged with the reason, for their owners)."""


class AgendaItem(Data):
    id: int
    title: str
    document_id: int | None = None
    page: int = 0


class AgendaEntry(Message):
    """One item as an organizer writes it (`agenda:set`)."""

    title: Annotated[str, Field(min_length=1, max_length=200)]
    document_id: Id | None = None
    page: PageIndex = 0


class AgendaSet(Message):
    event = Event.AGENDA_SET

    meeting_id: Id
    items: Annotated[list[AgendaEntry], Field(max_length=200)]


class AgendaGo(Message):
    event = Event.AGENDA_GO

    meeting_id: Id
    item_id: Id


class AgendaChanged(Data):
    event = Event.AGENDA

    meeting_id: Id
    seq: Annotated[int, Field(ge=1)]
    items: tuple[AgendaItem, ...]


class Snapshot(Data):
    """Everything a client needs to show a meeting: sent on join and whenever it asks."""

    meeting: MeetingSummary
    state: MeetingState
    documents: tuple[DocumentInfo, ...]
    members: tuple[UserInfo, ...]
    annotations: tuple[ann.AnnotationData, ...] = ()
    """Every shared annotation of the meeting, and the requesting user's private ones."""
    agenda: tuple[AgendaItem, ...] = ()
    people: tuple[presence.Person, ...] = ()
    """Who is in the meeting now (see `presence`)."""
    presence_version: int = 0
    """The `version` of that list of people."""
    votes: tuple[VoteData, ...] = ()
    """Every vote of the meeting, oldest first."""


CLIENT_MESSAGES: tuple[type[Message], ...] = (
    MeetingsList, MeetingJoin, MeetingLeave, SnapshotRequest, PageSet, PresenterSet,
    MeetingSettings, DisplayBlank, FollowersLock, ViewZoom, BesideSet, AgendaSet, AgendaGo,
    presence.PresenceSet, presence.MemberRemove, weblink.MeetingLink, MeetingProtect, MeetingEnd,
    MeetingReopen, VoteOpen, VoteCast, VoteClose, VoteReopen, ExportReport, ann.StrokeStart,
    ann.StrokePoints, ann.StrokeEnd, ann.AnnotationPut, ann.AnnotationDelete,
    ann.AnnotationShare, ann.PageClear, laser.LaserMove, *APPROVAL_CLIENT_MESSAGES,
)
"""Every message a client may send; each names its event."""

SERVER_MESSAGES: tuple[type[Data], ...] = (
    MeetingState, DocumentAdded, DocumentRevised, ann.AnnotationChange, laser.LaserData,
    AgendaChanged, presence.PresenceData, presence.MemberRemoved, VoteData,
    *APPROVAL_SERVER_MESSAGES,
)
"""Every broadcast the server sends; each names its event."""

CLIENT_PAYLOADS: dict[Event, type[Message]] = {m.event: m for m in CLIENT_MESSAGES}
"""Every event a client may send, with the schema of its payload."""

SERVER_PAYLOADS: dict[Event, type[Data]] = {m.event: m for m in SERVER_MESSAGES}
"""Every event the server broadcasts, with the schema of its payload."""
