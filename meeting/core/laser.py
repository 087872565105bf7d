"""The presenter's laser pointer: where it points now, relayed to the room, never stored.

Sent at most once per frame by the presenter's client; the server passes each position on
to everyone else in the meeting at once. A null point hides the pointer.
"""

from __future__ import annotations

from meeting.core.annotations import Point
from meeting.core.schema import Data, Event, Id, Message, PageIndex

FRAME_MS = 16
"""The most often a client sends a position (about 60 per second)."""
IDLE_HIDE_MS = 4000
"""A pointer that has not moved for this long while its owner went quiet (a dropped link)
is hidden rather than left on the screen."""


class LaserMove(Message):
    """`laser:move`: the pointer is at `point` (PDF page points, as shown) or hidden (null)."""

    event = Event.LASER_MOVE

    meeting_id: Id
    document_id: Id
    page: PageIndex
    point: Point | None


class LaserData(Data):
    """`laser`: what everyone else in the meeting receives."""

    event = Event.LASER

    meeting_id: int
    user: str
    document_id: int
    page: int
    point: tuple[float, float] | None
