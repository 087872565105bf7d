"""The wire protocol: event names, payload schemas, replies and error codes.

One definition used by the server (to validate what arrives) and by the client (to build what it
sends and to read what it receives). `docs/protocol.md` describes the same messages for people and
for clients written in other languages; `tests/core/test_protocol_doc.py` keeps the two in step.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

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
    # server -> client (broadcast to everyone who joined the meeting)
    MEETING_STATE = "meeting:state"
    DOCUMENT_ADDED = "document:added"


class ErrorCode(StrEnum):
    INVALID_PAYLOAD = "invalid_payload"
    UNAUTHENTICATED = "unauthenticated"
    PROTOCOL_MISMATCH = "protocol_mismatch"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    NOT_JOINED = "not_joined"
    NOT_PRESENTER = "not_presenter"
    BAD_DOCUMENT = "bad_document"
    TOO_LARGE = "too_large"
    INTERNAL = "internal_error"


class ProtocolError(Exception):
    """An error the server reports to the client as a reply; never a dropped connection."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def to_reply(self) -> dict[str, Any]:
        return {"ok": False, "error": {"code": str(self.code), "message": self.message}}


def ok_reply(data: Any = None) -> dict[str, Any]:
    return {"ok": True, "data": data}


Id = Annotated[int, Field(ge=1, le=2**53)]
PageIndex = Annotated[int, Field(ge=0, le=1_000_000)]
UserName = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[\w.@-]+$")]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class Message(BaseModel):
    """Base of every payload: strict types, unknown fields refused, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


# --- client -> server payloads -------------------------------------------------------------


class MeetingRef(Message):
    meeting_id: Id


class PageSet(Message):
    meeting_id: Id
    document_id: Id
    page: PageIndex


class PresenterSet(Message):
    meeting_id: Id
    user: UserName


class Login(Message):
    username: UserName
    password: Annotated[str, Field(min_length=1, max_length=1024)]


# --- server -> client data -----------------------------------------------------------------


class Data(BaseModel):
    """Base of what the server sends: read leniently, so a newer server's extra fields are
    ignored by an older client rather than refusing the whole message."""

    model_config = ConfigDict(extra="ignore", frozen=True)


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


class MeetingSummary(Data):
    id: Id
    title: str
    documents: int
    presenter: str | None


class MeetingState(Data):
    """What everyone following the meeting shows; `seq` numbers every change of the meeting."""

    meeting_id: Id
    seq: Annotated[int, Field(ge=0)]
    document_id: Id | None
    page: PageIndex
    presenter: str | None


class DocumentAdded(Data):
    meeting_id: Id
    seq: Annotated[int, Field(ge=1)]
    document: DocumentInfo


class Snapshot(Data):
    """Everything a client needs to show a meeting: sent on join and whenever it asks."""

    meeting: MeetingSummary
    state: MeetingState
    documents: tuple[DocumentInfo, ...]
    members: tuple[UserInfo, ...]


CLIENT_PAYLOADS: dict[Event, type[Message] | None] = {
    Event.MEETINGS_LIST: None,
    Event.MEETING_JOIN: MeetingRef,
    Event.MEETING_LEAVE: MeetingRef,
    Event.MEETING_SNAPSHOT: MeetingRef,
    Event.PAGE_SET: PageSet,
    Event.PRESENTER_SET: PresenterSet,
}
"""Every event a client may send, with the schema of its payload (None: no payload)."""

SERVER_PAYLOADS: dict[Event, type[Data]] = {
    Event.MEETING_STATE: MeetingState,
    Event.DOCUMENT_ADDED: DocumentAdded,
}


def parse(model: type[Message], payload: Any) -> Message:
    """Validate a payload, turning pydantic's report into one readable ProtocolError."""
    if not isinstance(payload, dict):
        raise ProtocolError(
            ErrorCode.INVALID_PAYLOAD,
            f"payload must be a JSON object, got {type(payload).__name__}",
        )
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'payload'}: {err['msg']}"
            for err in exc.errors(include_url=False)
        )
        raise ProtocolError(ErrorCode.INVALID_PAYLOAD, problems) from None
