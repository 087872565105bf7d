"""Building blocks of every message: event names, strict client payloads, lenient server data,
errors.

Every payload model names its event (`event`, a class attribute), so a message is built from
its model and sent as one thing: the sender never pairs a payload with an event name by hand.
`meeting.core.protocol` re-exports these; import them from there.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError


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
    APPROVAL_DRAFT = "approval:draft"
    APPROVAL_START = "approval:start"
    APPROVAL_LIST = "approval:list"
    APPROVAL_OPEN = "approval:open"
    APPROVAL_APPROVE = "approval:approve"
    APPROVAL_SEND_BACK = "approval:send_back"
    APPROVAL_PULL_BACK = "approval:pull_back"
    APPROVAL_TEMPLATES = "approval:templates"
    APPROVAL_TEMPLATE_SAVE = "approval:template_save"
    APPROVAL_TEMPLATE_DELETE = "approval:template_delete"
    APPROVAL_DELEGATES_SET = "approval:delegates_set"
    APPROVAL_SIGNATURES = "approval:signatures"
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
    # server -> client, to each person on a circulation's route (every connection of theirs)
    APPROVAL_CHANGED = "approval:changed"


class ErrorCode(StrEnum):
    INVALID_PAYLOAD = "invalid_payload"
    UNAUTHENTICATED = "unauthenticated"
    PROTOCOL_MISMATCH = "protocol_mismatch"
    FORBIDDEN = "forbidden"
    NOT_FOUND = "not_found"
    NOT_JOINED = "not_joined"
    NOT_PRESENTER = "not_presenter"
    BAD_DOCUMENT = "bad_document"
    CONFLICT = "conflict"
    TOO_LARGE = "too_large"
    RATE_LIMITED = "rate_limited"
    STORAGE_FULL = "storage_full"
    STORAGE_READ_ONLY = "storage_read_only"
    MATERIALS_REMOVED = "materials_removed"
    INTERNAL = "internal_error"


class ProtocolError(Exception):
    """An error the server reports to the client as a reply; never a dropped connection."""

    def __init__(self, code: ErrorCode, message: str, retry_after: int | None = None,
                 count: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry_after = retry_after
        """Seconds to wait before trying again (`rate_limited`)."""
        self.count = count
        """Points of the stroke the server holds: where to resend from (`conflict` of
        `annotation:points` and `annotation:end`). A field of its own, for programs: the
        message says the same for people, in their language."""

    def to_reply(self, language: str | None = None) -> dict[str, Any]:
        """The reply, its message in `language` where there is a translation."""
        from meeting.core.messages import localize

        error: dict[str, Any] = {"code": str(self.code),
                                 "message": localize(self.message, language, str(self.code))}
        if self.retry_after is not None:
            error["retry_after"] = self.retry_after
        if self.count is not None:
            error["count"] = self.count
        return {"ok": False, "error": error}


def ok_reply(data: Any = None) -> dict[str, Any]:
    return {"ok": True, "data": data}


Id = Annotated[int, Field(ge=1, le=2**53)]
PageIndex = Annotated[int, Field(ge=0, le=1_000_000)]
UserName = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[\w.@-]+$")]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class Message(BaseModel):
    """Base of every payload: strict types, unknown fields refused, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    event: ClassVar[Event]
    """The event this payload is sent as (set on every model a client sends)."""
    payload_optional: ClassVar[bool] = False
    """The event may also be sent with no payload at all (it has no fields)."""

    def payload(self) -> dict[str, Any]:
        """What goes on the wire: the fields the sender set (a field left out keeps its
        meaning of "unchanged" where an event has one, e.g. `meeting:protect`)."""
        return self.model_dump(mode="json", exclude_unset=True)


class Data(BaseModel):
    """Base of what the server sends: read leniently, so a newer server's extra fields are
    ignored by an older client rather than refusing the whole message."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    event: ClassVar[Event]
    """The event this is broadcast as (set on every model the server broadcasts; data only
    sent in replies has none)."""

    def payload(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


M = TypeVar("M", bound="Message")


def parse(model: type[M], payload: Any) -> M:
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
