"""Leak protection an organizer turns on for a meeting: a watermark, materials that leave every
device when the meeting ends, and a date after which nobody but organizers may open them.

Shared by client and server: the server refuses access once the materials are removed; the
clients delete their copies (at once, or at their next start if they were offline then).
"""

from __future__ import annotations

import time
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from meeting.core.schema import Event, Id, Message


class Removal(StrEnum):
    """What leaves the devices when the meeting ends (or its access expires)."""

    NONE = "none"
    FILES = "files"
    """The documents, their cached copies and the meeting's picture kept for offline reading;
    private notes stay on the server (an organizer can reopen the meeting)."""
    FILES_AND_NOTES = "files_and_notes"
    """The files, and every private note of the meeting, on the devices and on the server;
    each participant is offered an export of their notes first."""


EPOCH_LIMIT = 32503680000.0  # the year 3000: anything later is a typing mistake


class MeetingProtect(Message):
    """`meeting:protect`: an organizer's choices. A field left out stays as it is."""

    event = Event.MEETING_PROTECT

    meeting_id: Id
    watermark: bool | None = None
    removal: Annotated[Removal | None, Field(strict=False)] = None
    expires_at: Annotated[float, Field(ge=0, le=EPOCH_LIMIT, strict=False)] | None = None
    """Seconds since 1970 (UTC) after which only organizers may open the materials; 0 removes
    the expiry."""


class MeetingEnd(Message):
    """`meeting:end`: the meeting ends now."""

    event = Event.MEETING_END

    meeting_id: Id


class MeetingReopen(MeetingEnd):
    """`meeting:reopen`: undo `meeting:end`."""

    event = Event.MEETING_REOPEN


def materials_removed(removal: Removal, ended_at: float | None, expires_at: float | None,
                      now: float | None = None) -> bool:
    """True once the materials are gone for everyone but organizers: the meeting ended with a
    removal chosen, or its access expired."""
    now = time.time() if now is None else now
    if expires_at is not None and now >= expires_at:
        return True
    return ended_at is not None and removal is not Removal.NONE
