"""The user's own strokes on their way to the server, and undo/redo of their own actions.

A stroke is shown locally at once and streamed in small batches while it is drawn. Every batch
carries the index of its first point, and the server answers with how many points it holds, so
after a network drop the outbox resends from what was acknowledged and nothing is lost or stored
twice (the stroke's id is made here, not by the server). A refusal for now (the server's disk
full, its store failing: `meeting.core.retry`) holds the stroke back, and it goes again whole
after a growing wait.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from meeting.core.annotations import (
    MAX_BATCH,
    MAX_POINTS,
    AnnotationData,
    Layer,
    StrokeEnd,
    StrokePoints,
    StrokeStart,
    Tool,
)
from meeting.core.later import Later
from meeting.core.retry import Backoff, passing
from meeting.core.schema import ErrorCode, Message

Reply = dict[str, Any]
HELD_BACK = "held back"
"""The key of the one wait before the strokes held back go again."""
Send = Callable[[Message, Callable[[Reply], None]], None]
Told = Callable[["LocalStroke"], None]


@dataclass
class LocalStroke:
    id: str
    document_id: int
    page: int
    layer: Layer
    tool: Tool
    color: str
    width: float
    points: list[tuple[float, float]] = field(default_factory=list)
    pressure: list[float] = field(default_factory=list)
    """One value per point when a stylus reports pressure; empty otherwise."""
    finished: bool = False
    begun: bool = False
    """`annotation:begin` was sent on the current connection."""
    sent: int = 0
    """Points sent on the current connection."""
    acknowledged: int = 0
    """Points the server confirmed holding."""
    done: bool = False
    """The server confirmed the finished stroke."""
    held_back: bool = False
    """The server refused it for now: nothing more of it goes until it is sent again whole."""

    def as_data(self, owner: str) -> AnnotationData:
        return AnnotationData(id=self.id, owner=owner, document_id=self.document_id,
                              page=self.page, layer=self.layer, tool=self.tool,
                              color=self.color, width=self.width, points=tuple(self.points),
                              complete=self.finished, pressure=tuple(self.pressure))


class InkOutbox:
    """One meeting's strokes in flight. Thread-safe: drawn on the GUI thread, acknowledged on
    network threads."""

    def __init__(self, meeting_id: int, send: Send, finished: Told | None = None,
                 settled: Told | None = None, tell: Callable[[str], None] | None = None
                 ) -> None:
        """`finished`: a stroke is whole on this device (to keep it on disk until `settled`:
        the server confirmed it, or refused it for good). `tell`: the server's message for
        the user, when it refuses a stroke for good, or first refuses strokes for now (not
        the refusals that follow from one: the batches after a begin not stored)."""
        self.meeting_id = meeting_id
        self._send = send
        self._finished = finished
        self._settled = settled
        self._tell = tell
        self._strokes: dict[str, LocalStroke] = {}
        self._lock = threading.RLock()
        self._backoff = Backoff()
        self._resend = Later()
        """The wait before the strokes held back go again (one for all of them)."""
        self._sending = True
        """False from a disconnect until the rejoin is answered (`reconnected`): strokes are
        drawn, not sent. The new connection knows nothing of what went on the old one: a
        batch sent on it before the stroke's begin is sent again would be refused (no such
        stroke), and the stroke lost."""

    def start(self, *, document_id: int, page: int, layer: Layer, tool: Tool, color: str,
              width: float, point: tuple[float, float], pressure: float | None = None
              ) -> LocalStroke:
        stroke = LocalStroke(uuid.uuid4().hex, document_id, page, layer, tool, color, width,
                             [point], [] if pressure is None else [pressure])
        with self._lock:
            self._strokes[stroke.id] = stroke
        self.flush()
        return stroke

    def add_point(self, stroke_id: str, point: tuple[float, float],
                  pressure: float | None = None) -> None:
        """Pressure is kept only for strokes that began with it (a stylus, not a mouse)."""
        with self._lock:
            stroke = self._strokes.get(stroke_id)
            if stroke is not None and not stroke.finished and len(stroke.points) < MAX_POINTS:
                stroke.points.append(point)
                if stroke.pressure:
                    stroke.pressure.append(1.0 if pressure is None else pressure)

    def finish(self, stroke_id: str) -> None:
        with self._lock:
            stroke = self._strokes.get(stroke_id)
            if stroke is not None:
                stroke.finished = True
        if stroke is not None and self._finished is not None:
            self._finished(stroke)
        self.flush()

    def in_flight(self) -> list[LocalStroke]:
        """Strokes not yet confirmed whole by the server (drawn locally on top of the view)."""
        with self._lock:
            return [s for s in self._strokes.values() if not s.done]

    def flush(self) -> None:
        """Send what has not been sent: a begin, the next batches, the end."""
        with self._lock:
            for stroke in list(self._strokes.values()):
                self._flush(stroke)

    def disconnected(self) -> None:
        """The connection is gone: send nothing until `reconnected`."""
        with self._lock:
            self._sending = False

    def reconnected(self) -> None:
        """The connection is new and the meeting joined on it: send again everything the
        server has not confirmed."""
        with self._lock:
            self._sending = True
            for stroke in self._strokes.values():
                if not stroke.done:
                    stroke.begun, stroke.sent, stroke.held_back = False, 0, False
        self.flush()

    def close(self) -> None:
        """No more resends after a wait (the session is closing)."""
        self._resend.close()

    # --- internals (called with the lock held) -----------------------------------------------

    def _flush(self, stroke: LocalStroke) -> None:
        if stroke.done or stroke.held_back or not self._sending:
            return
        if not stroke.begun:
            stroke.begun = True
            stroke.sent = min(len(stroke.points), MAX_BATCH)
            begin = StrokeStart(
                meeting_id=self.meeting_id, id=stroke.id, document_id=stroke.document_id,
                page=stroke.page, layer=stroke.layer, tool=stroke.tool, color=stroke.color,
                width=stroke.width, points=[list(p) for p in stroke.points[:stroke.sent]],
                **({"pressure": stroke.pressure[:stroke.sent]} if stroke.pressure else {}))
            self._send(begin, lambda r: self._acknowledged(stroke, r))
        while stroke.sent < len(stroke.points):
            batch = stroke.points[stroke.sent:stroke.sent + MAX_BATCH]
            pressure = stroke.pressure[stroke.sent:stroke.sent + len(batch)]
            points = StrokePoints(meeting_id=self.meeting_id, id=stroke.id, offset=stroke.sent,
                                  points=[list(p) for p in batch],
                                  **({"pressure": pressure} if pressure else {}))
            stroke.sent += len(batch)
            self._send(points, lambda r: self._acknowledged(stroke, r))
        if stroke.finished and stroke.sent == len(stroke.points):
            end = StrokeEnd(meeting_id=self.meeting_id, id=stroke.id, count=len(stroke.points))
            self._send(end, lambda r: self._acknowledged(stroke, r, end=True))

    def _acknowledged(self, stroke: LocalStroke, reply: Reply, end: bool = False) -> None:
        with self._lock:
            tell = self._take_answer(stroke, reply, end)
        if tell is not None and self._tell is not None:  # (outside the lock)
            self._tell(tell)

    def _take_answer(self, stroke: LocalStroke, reply: Reply, end: bool) -> str | None:
        """(Holding the lock.) The server's message to tell the user, if any."""
        if reply.get("ok"):
            count = int(reply["data"]["count"])
            stroke.acknowledged = max(stroke.acknowledged, count)
            self._backoff.reset()
            if end and count == len(stroke.points):
                self._settle(stroke)
            return None
        if stroke.held_back:  # (answers to what went before: it goes again whole)
            return None
        if passing(reply):
            return self._hold_back(stroke, reply)
        error = reply.get("error") or {}
        code = error.get("code")
        if code in ("offline", ErrorCode.NOT_JOINED):
            # Not taken (no link, or the rejoin not answered yet): `reconnected`, after the
            # join, sends the whole stroke again. (Rewinding `sent` here would loop for
            # ever: the offline answer comes at once, inside `_flush`.)
            return None
        if code == ErrorCode.CONFLICT:  # the server missed a batch: resend from what it
            # holds, as its reply says (`count`; from what it last confirmed, for a server
            # that does not say)
            held = error.get("count")
            if isinstance(held, int) and 0 <= held <= len(stroke.points):
                stroke.acknowledged = held
            stroke.sent = min(stroke.sent, stroke.acknowledged)
            self._flush(stroke)
        else:  # refused for good (not the presenter any more, page gone): drop it
            self._settle(stroke)
            return str(error.get("message", ""))
        return None

    def _hold_back(self, stroke: LocalStroke, reply: Reply) -> str | None:
        """(Holding the lock.) Nothing more of the stroke now; every stroke held back goes
        again whole after the wait (a batch after one not stored would only be refused).
        The server's message the first time, to tell once, not at every attempt."""
        stroke.held_back = True
        if self._resend.waiting(HELD_BACK):
            return None
        first = self._backoff.first
        if not self._resend.call(HELD_BACK, self._backoff.wait(reply), self._send_held_back):
            return None  # (closed)
        return str((reply.get("error") or {}).get("message", "")) if first else None

    def _send_held_back(self) -> None:
        with self._lock:
            for stroke in self._strokes.values():
                if stroke.held_back and not stroke.done:
                    stroke.begun, stroke.sent, stroke.held_back = False, 0, False
        self.flush()

    def _settle(self, stroke: LocalStroke) -> None:
        stroke.done = True
        self._strokes.pop(stroke.id, None)
        if self._settled is not None:
            self._settled(stroke)


@dataclass(frozen=True)
class InkAction:
    """One undoable action of the user: annotations that appeared, or that went away."""

    added: tuple[AnnotationData, ...] = ()
    removed: tuple[AnnotationData, ...] = ()


class History:
    """Undo and redo of the user's own actions, as the inverse actions to send."""

    def __init__(self, limit: int = 200) -> None:
        self._undo: list[InkAction] = []
        self._redo: list[InkAction] = []
        self._limit = limit

    def record(self, action: InkAction) -> None:
        self._undo.append(action)
        del self._undo[:-self._limit]
        self._redo.clear()

    def replace(self, old: InkAction, new: InkAction) -> None:
        """Swap a recorded action for a fuller one (the server told us more of what it did)."""
        for stack in (self._undo, self._redo):
            for index, action in enumerate(stack):
                if action is old:
                    stack[index] = new

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def last(self) -> InkAction | None:
        """The action an undo would take back (the approval review opens a comment below the
        marker stroke just drawn)."""
        return self._undo[-1] if self._undo else None

    def undo(self) -> InkAction | None:
        """The action to perform to undo the last one (its inverse)."""
        if not self._undo:
            return None
        action = self._undo.pop()
        self._redo.append(action)
        return InkAction(added=action.removed, removed=action.added)

    def redo(self) -> InkAction | None:
        if not self._redo:
            return None
        action = self._redo.pop()
        self._undo.append(action)
        return action


def batch_interval_ms(people: int) -> int:
    """How long the presenter's client gathers points before sending them. The server's cost
    is per delivery (one batch to each person), so a large room gets fewer, larger batches:
    the stroke keeps every point, it only arrives in coarser steps."""
    if people <= 50:
        return 25  # 40 a second: smooth
    if people <= 150:
        return 40
    return 50  # 20 a second, 4,000 deliveries a second for 200 people
