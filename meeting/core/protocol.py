"""The wire protocol: event names, payload schemas, replies and error codes.

One definition used by the server (to validate what arrives) and by the client (to build what it
sends and to read what it receives). `docs/protocol.md` describes the same messages for people and
for clients written in other languages; `tests/core/test_protocol_doc.py` keeps the two in step.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from meeting.core import annotations as ann
from meeting.core import laser, presence, weblink
from meeting.core.protection import MeetingEnd, MeetingProtect, Removal
from meeting.core.schema import (  # noqa: F401 - re-exported: the protocol's public names
    Data,
    ErrorCode,
    Id,
    Message,
    PageIndex,
    ProtocolError,
    Sha256,
    UserName,
    ok_reply,
    parse,
)
from meeting.core.votes import VoteCast, VoteData, VoteOpen, VoteRef

PROTOCOL_VERSION = 1
"""Bumped on any incompatible change; the server refuses clients that speak another version."""

MAX_MESSAGE_BYTES = 1_000_000
"""Largest Socket.IO message the server accepts (python-socketio's buffer limit)."""

MAX_UPLOAD_BYTES = 200 * 1024 * 1024
"""Largest document upload the server accepts."""


class Role(StrEnum):
    ADMIN = "admin"
    ORGANIZER = "organizer"
    PARTICIPANT = "participant"
    DISPLAY = "display"
    """An account for a large monitor: it follows, it never presents."""


class Event(StrEnum):
    # client -> server (each answered through the Socket.IO acknowledgement)
    MEETINGS_LIST = "meetings:list"
    MEETING_JOIN = "meeting:join"
    MEETING_LEAVE = "meeting:leave"
    MEETING_SNAPSHOT = "meeting:snapshot"
    PAGE_SET = "page:set"
    PRESENTER_SET = "presenter:set"
    MEETING_SETTINGS = "meeting:settings"
    DISPLAY_BLANK = "display:blank"
    FOLLOWERS_LOCK = "followers:lock"
    VIEW_ZOOM = "view:zoom"
    AGENDA_SET = "agenda:set"
    AGENDA_GO = "agenda:go"
    PRESENCE_SET = "presence:set"
    MEMBER_REMOVE = "member:remove"
    MEETING_LINK = "meeting:link"
    MEETING_PROTECT = "meeting:protect"
    MEETING_END = "meeting:end"
    MEETING_REOPEN = "meeting:reopen"
    VOTE_OPEN = "vote:open"
    VOTE_CAST = "vote:cast"
    VOTE_CLOSE = "vote:close"
    VOTE_REOPEN = "vote:reopen"
    AUDIT_EXPORT = "audit:export"
    BESIDE_SET = "beside:set"
    ANNOTATION_BEGIN = "annotation:begin"
    ANNOTATION_POINTS = "annotation:points"
    ANNOTATION_END = "annotation:end"
    ANNOTATION_PUT = "annotation:put"
    ANNOTATION_DELETE = "annotation:delete"
    ANNOTATION_SHARE = "annotation:share"
    PAGE_CLEAR = "page:clear"
    LASER_MOVE = "laser:move"
    # server -> client (broadcast to everyone who joined the meeting)
    MEETING_STATE = "meeting:state"
    DOCUMENT_ADDED = "document:added"
    DOCUMENT_REVISED = "document:revised"
    ANNOTATION = "annotation"
    LASER = "laser"
    AGENDA = "agenda"
    PRESENCE = "presence"
    MEMBER_REMOVED = "member:removed"
    VOTE = "vote"


# --- client -> server payloads -------------------------------------------------------------


class MeetingRef(Message):
    meeting_id: Id


class PageSet(Message):
    meeting_id: Id
    document_id: Id
    page: PageIndex


class BesideSet(Message):
    """`beside:set`: the presenter shows a second document beside the page (a report and its
    reference), or closes it (`document_id` null)."""

    meeting_id: Id
    document_id: Id | None
    page: PageIndex = 0


class PagePosition(Data):
    document_id: Id
    page: PageIndex


class DisplayBlank(Message):
    meeting_id: Id
    blank: Annotated[Blank | None, Field(strict=False)]


class FollowersLock(Message):
    meeting_id: Id
    locked: bool


class ViewZoom(Message):
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
    meeting_id: Id
    participants_draw: bool


class PresenterSet(Message):
    meeting_id: Id
    user: UserName


class ExportReport(Message):
    """`audit:export`: this client saved documents of the meeting to a file (for the audit
    log: the server cannot see files written on a device)."""

    meeting_id: Id
    document_ids: Annotated[list[Id], Field(min_length=1, max_length=500)]
    layers: Annotated[list[Annotated[str, Field(max_length=20)]], Field(max_length=4)]


class Login(Message):
    username: UserName
    password: Annotated[str, Field(min_length=1, max_length=1024)]


# --- server -> client data -----------------------------------------------------------------


class UserInfo(Data):
    name: str
    role: Role


class DocumentInfo(Data):
    id: Id
    sha256: Sha256
    title: str
    filename: str
    pages: Annotated[int, Field(ge=1)]
    size: Annotated[int, Field(ge=0)]
    original_filename: str | None = None
    """The Office file this PDF was made from (kept on the server, downloadable)."""
    original_sha256: str | None = None


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
    meeting_id: Id
    seq: Annotated[int, Field(ge=1)]
    document: DocumentInfo


class DocumentRevised(Data):
    """A document was replaced by a revised version; its marks were moved to match."""

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
    meeting_id: Id
    items: Annotated[list[AgendaEntry], Field(max_length=200)]


class AgendaGo(Message):
    meeting_id: Id
    item_id: Id


class AgendaChanged(Data):
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


CLIENT_PAYLOADS: dict[Event, type[Message] | None] = {
    Event.MEETINGS_LIST: None,
    Event.MEETING_JOIN: MeetingRef,
    Event.MEETING_LEAVE: MeetingRef,
    Event.MEETING_SNAPSHOT: MeetingRef,
    Event.PAGE_SET: PageSet,
    Event.PRESENTER_SET: PresenterSet,
    Event.MEETING_SETTINGS: MeetingSettings,
    Event.DISPLAY_BLANK: DisplayBlank,
    Event.FOLLOWERS_LOCK: FollowersLock,
    Event.VIEW_ZOOM: ViewZoom,
    Event.BESIDE_SET: BesideSet,
    Event.AGENDA_SET: AgendaSet,
    Event.AGENDA_GO: AgendaGo,
    Event.PRESENCE_SET: presence.PresenceSet,
    Event.MEMBER_REMOVE: presence.MemberRemove,
    Event.MEETING_LINK: weblink.MeetingLink,
    Event.MEETING_PROTECT: MeetingProtect,
    Event.MEETING_END: MeetingEnd,
    Event.MEETING_REOPEN: MeetingEnd,
    Event.VOTE_OPEN: VoteOpen,
    Event.VOTE_CAST: VoteCast,
    Event.VOTE_CLOSE: VoteRef,
    Event.VOTE_REOPEN: VoteRef,
    Event.AUDIT_EXPORT: ExportReport,
    Event.ANNOTATION_BEGIN: ann.StrokeStart,
    Event.ANNOTATION_POINTS: ann.StrokePoints,
    Event.ANNOTATION_END: ann.StrokeEnd,
    Event.ANNOTATION_PUT: ann.AnnotationPut,
    Event.ANNOTATION_DELETE: ann.AnnotationDelete,
    Event.ANNOTATION_SHARE: ann.AnnotationShare,
    Event.PAGE_CLEAR: ann.PageClear,
    Event.LASER_MOVE: laser.LaserMove,
}
"""Every event a client may send, with the schema of its payload (None: no payload)."""

SERVER_PAYLOADS: dict[Event, type[Data]] = {
    Event.MEETING_STATE: MeetingState,
    Event.DOCUMENT_ADDED: DocumentAdded,
    Event.DOCUMENT_REVISED: DocumentRevised,
    Event.ANNOTATION: ann.AnnotationChange,
    Event.LASER: laser.LaserData,
    Event.AGENDA: AgendaChanged,
    Event.PRESENCE: presence.PresenceData,
    Event.MEMBER_REMOVED: presence.MemberRemoved,
    Event.VOTE: VoteData,
}


