"""Building blocks of every message: strict client payloads, lenient server data, errors.

`meeting.core.protocol` re-exports these; import them from there.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError


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

    def __init__(self, code: ErrorCode, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry_after = retry_after
        """Seconds to wait before trying again (`rate_limited`)."""

    def to_reply(self, language: str | None = None) -> dict[str, Any]:
        """The reply, its message in `language` where there is a translation."""
        from meeting.core.messages import localize

        error: dict[str, Any] = {"code": str(self.code),
                                 "message": localize(self.message, language, str(self.code))}
        if self.retry_after is not None:
            error["retry_after"] = self.retry_after
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


class Data(BaseModel):
    """Base of what the server sends: read leniently, so a newer server's extra fields are
    ignored by an older client rather than refusing the whole message."""

    model_config = ConfigDict(extra="ignore", frozen=True)


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
