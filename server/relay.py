"""One sender per meeting for everything the server broadcasts, so a busy room gets fewer,
larger pen batches instead of every batch relayed to every follower.

Each delivery costs the server a WebSocket frame written by that recipient's engine.io writer
(about 10 µs with server/fanout.py's local delivery, 60 µs with python-socketio's task per
recipient), so 200 followers at 60 batches a second are 12,000 deliveries a second. The sender
takes the meeting's messages in the order they were made and hands each to the room's
connections; points of a stroke that arrive while it is still doing that join the batch waiting
behind it (same room, same stroke, following on, nothing numbered since), so the more the room
is behind, the fewer the deliveries. "Still doing that" includes the writing: after the emit the
sender waits until the room's connections have written what it gave them (a connection that
was behind already does not count, and the wait is capped), so one slow follower holds back
nobody. Anything else waits its turn: nothing is reordered, no point is dropped.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from meeting.core.annotations import AnnotationChange, join_pressure

log = logging.getLogger(__name__)

MAX_BATCH_POINTS = 500
"""A coalesced batch stays within the protocol's limit for one message."""

Deliver = Callable[[str, dict[str, Any], str, str | None], Awaitable[None]]
"""Hands (event, payload, room, skip_sid) to the room's connections: ServerContext.deliver."""
Backlog = Callable[[str], int]
"""How many of a room's connections have messages not yet written."""

MAX_WRITE_WAIT_S = 0.05
"""The longest the sender waits for a room's writes before it sends the next message."""


@dataclass
class Message:
    """A broadcast made elsewhere, sent as it is."""

    event: str
    payload: dict[str, Any]
    room: str
    skip_sid: str | None = None
    sent: asyncio.Future[None] | None = field(default=None, repr=False)

    def outgoing(self) -> tuple[str, dict[str, Any]]:
        return self.event, self.payload


@dataclass
class InkBatch:
    """New points of one stroke not yet sent to one room: one `annotation` of kind points."""

    meeting_id: int
    room: str
    seq: int | None
    """The meeting's `seq` the batch was numbered with (None on a private layer)."""
    id: str
    offset: int
    points: list[tuple[float, float]]
    pressure: tuple[float, ...] = ()
    open: bool = True
    """False once someone may have seen the batch's points another way (a snapshot)."""
    skip_sid: None = None
    sent: asyncio.Future[None] | None = field(default=None, repr=False)

    def takes(self, room: str, stroke_id: str, offset: int, seq: int | None,
              count: int) -> bool:
        """The next points of a stroke can join this batch: same room and stroke, they follow
        on, the meeting's `seq` is still this batch's (no change numbered since, which a
        follower would otherwise see after them) and the batch stays within one message."""
        return (self.open and room == self.room and stroke_id == self.id
                and offset == self.offset + len(self.points) and seq == self.seq
                and len(self.points) + count <= MAX_BATCH_POINTS)

    def extend(self, points: list[tuple[float, float]], pressure: tuple[float, ...]) -> None:
        if self.pressure or pressure:
            self.pressure = join_pressure(self.pressure, len(self.points), pressure, len(points))
        self.points.extend(points)

    def outgoing(self) -> tuple[str, dict[str, Any]]:
        change = AnnotationChange(meeting_id=self.meeting_id, seq=self.seq, kind="points",
                                  id=self.id, offset=self.offset, points=tuple(self.points),
                                  pressure=self.pressure)
        return str(change.event), change.payload()


Entry = Message | InkBatch


class SendQueue:
    """A meeting's messages not yet sent, in order (the rules, without the sending)."""

    def __init__(self) -> None:
        self._entries: deque[Entry] = deque()

    def __len__(self) -> int:
        return len(self._entries)

    def push(self, entry: Entry) -> None:
        self._entries.append(entry)

    def pop(self) -> Entry:
        return self._entries.popleft()

    def batch_for(self, room: str, stroke_id: str, offset: int, seq: int | None,
                  count: int) -> InkBatch | None:
        """The waiting batch these points can join: only the last entry, so they never pass
        anything queued after it."""
        tail = self._entries[-1] if self._entries else None
        if isinstance(tail, InkBatch) and tail.takes(room, stroke_id, offset, seq, count):
            return tail
        return None

    def message_next(self) -> bool:
        """What is to go next is a message, not pen points: nothing can join it, so it need
        not wait for the room's writes."""
        return bool(self._entries) and isinstance(self._entries[0], Message)

    def seal(self) -> None:
        """Points from now on go in a batch of their own: what waits was seen in a snapshot,
        and a follower ignores a `seq` it has seen."""
        for entry in self._entries:
            if isinstance(entry, InkBatch):
                entry.open = False


class MeetingSender:
    """Sends one meeting's queue, one entry at a time, in a task that runs while there is
    something to send."""

    def __init__(self, deliver: Deliver, backlog: Backlog) -> None:
        self.deliver = deliver
        self.backlog = backlog
        self.queue = SendQueue()
        self._task: asyncio.Task[None] | None = None

    def put(self, entry: Entry) -> asyncio.Future[None]:
        """Queue an entry; the future is done once it was handed to the room's connections."""
        entry.sent = asyncio.get_running_loop().create_future()
        self.queue.push(entry)
        if self._task is None:
            self._task = asyncio.create_task(self._run())
        return entry.sent

    async def send(self, message: Message) -> None:
        """Broadcast after everything queued before it."""
        await asyncio.shield(self.put(message))

    async def _run(self) -> None:
        try:
            while self.queue:
                entry = self.queue.pop()
                event, payload = entry.outgoing()
                behind = self.backlog(entry.room)
                try:
                    await self.deliver(event, payload, entry.room, entry.skip_sid)
                except Exception as error:  # (its sender hears of it; the queue goes on)
                    _finish(entry, error)
                else:
                    _finish(entry, None)
                await self._written(entry.room, behind)
        finally:
            self._task = None
            while self.queue:  # (cancelled at shutdown: nobody waits on a broadcast forever)
                entry = self.queue.pop()
                if entry.sent is not None:
                    entry.sent.cancel()

    async def _written(self, room: str, behind: int) -> None:
        """Let the room's connections write what was just given them (those that were behind
        before aside): points that come in meanwhile join the batch waiting. A message queued
        meanwhile (a page turn) goes at once: its connections' queues keep it in order."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + MAX_WRITE_WAIT_S
        await asyncio.sleep(0)
        while (self.backlog(room) > behind and loop.time() < deadline
               and not self.queue.message_next()):
            await asyncio.sleep(0)


def _finish(entry: Entry, error: Exception | None) -> None:
    if entry.sent is None or entry.sent.done():
        return
    if error is None:
        entry.sent.set_result(None)
    else:
        entry.sent.set_exception(error)
