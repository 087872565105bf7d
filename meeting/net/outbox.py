"""Every change this user makes, kept on disk until the server has it.

A change (a note put, a delete, a share, a ballot) is written to the data folder before it is
sent, and leaves only when the server answered it: done, or refused for good. Nothing waits on
an acknowledgement that may never come: python-socketio forgets the pending acknowledgements
of a connection that closes (a silent link is only noticed seconds later), so after every
(re)join the outbox sends again, in the order made, whatever is still in it. A resend is
harmless: changes carry their ids (a note's, the ballot's vote), and the server takes one it
already has as done and answers as the first time.

One change of a meeting is in flight at a time, so at most that one is ever sent twice, and a
delete never overtakes the edit before it (the server handles each message in a task of its
own: two sent together could swap).

A refusal for now (the server's disk full, its store failing: `meeting.core.retry`) keeps the
change, says so once, and sends it again after a growing wait: the user's note is not lost
because the server could not write it at that moment.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable

from meeting.core.later import Later
from meeting.core.protocol import CLIENT_PAYLOADS, ErrorCode, Event, Message, ProtocolError, parse
from meeting.core.retry import Backoff, passing
from meeting.net.connection import OFFLINE, Reply
from meeting.net.offline import OfflineShelf, PendingEdit

log = logging.getLogger("meeting.net.outbox")

NOT_SENT = {OFFLINE, str(ErrorCode.NOT_JOINED)}
"""Answers that mean "not taken yet": no connection, or the meeting not joined on it (left
meanwhile, or a rejoin not yet done). The change stays and goes after the next join."""

Send = Callable[[Message, Callable[[Reply], None]], None]
OnReply = Callable[[Reply], None]

KEPT = {Event.ANNOTATION_PUT, Event.ANNOTATION_DELETE, Event.ANNOTATION_SHARE, Event.VOTE_CAST}
"""The changes that go through the outbox: what a user made that must reach the server however
late (room controls and a laser do not: late, they would be wrong; of page turns made before a
rejoin is answered, only the latest goes, after it: `MeetingSession.set_page`)."""


class Outbox:
    """Every meeting's waiting changes. Thread-safe: changes come from the GUI thread, answers
    and reconnects from network threads."""

    def __init__(self, send: Send, shelf: OfflineShelf | None,
                 waiting_changed: Callable[[int], None],
                 refused_for_now: Callable[[str], None] | None = None) -> None:
        """`refused_for_now`: told the server's message once when a meeting's changes start
        meeting refusals that pass (they are kept and sent again)."""
        self._send = send
        self._refused_for_now = refused_for_now
        self._shelf = shelf
        self._waiting_changed = waiting_changed
        self._lock = threading.RLock()
        self._telling = threading.Lock()
        self._entries: dict[int, list[PendingEdit]] = {}
        """Each meeting's changes not yet answered, oldest first (as kept on disk)."""
        self._callbacks: dict[str, OnReply] = {}
        """Who waits for a change's answer (memory only: gone with the program)."""
        self._ready: set[int] = set()
        """Meetings joined on the current connection: their changes may go."""
        self._in_flight: dict[int, tuple[int, str]] = {}
        """Per meeting, the change sent and not yet answered, with the connection it went on."""
        self._connection = 0
        """Counts connections: an answer from an earlier one is not taken."""
        self._backoffs: dict[int, Backoff] = {}
        """Meetings whose oldest change the server refused for now."""
        self._resends = Later()
        """Per meeting, the wait before that change goes again."""

    # --- what the session calls --------------------------------------------------------------

    def load(self, meeting_id: int) -> None:
        """Take the meeting's changes kept on disk (the program was closed with some waiting)."""
        with self._lock:
            self._loaded(meeting_id)
        self._tell()

    def add(self, message: Message, on_reply: OnReply | None = None) -> None:
        """Keep a change (on disk first), then send it when its turn comes."""
        payload = message.payload()
        meeting_id = int(payload["meeting_id"])
        entry: PendingEdit = {"id": uuid.uuid4().hex, "event": str(message.event),
                              "payload": payload}
        with self._lock:
            self._loaded(meeting_id).append(entry)
            if on_reply is not None:
                self._callbacks[entry["id"]] = on_reply
            self._save(meeting_id)
        self._tell()
        self._next(meeting_id)

    def joined(self, meeting_id: int) -> None:
        """The meeting was joined on the current connection: send from its oldest change."""
        with self._lock:
            self._ready.add(meeting_id)
        self._next(meeting_id)

    def left(self, meeting_id: int) -> None:
        """The meeting was left: its changes wait for the next join (the server takes a
        meeting's changes only from a connection that joined it)."""
        with self._lock:
            self._ready.discard(meeting_id)

    def disconnected(self) -> None:
        """The connection is gone, and with it every answer still expected on it."""
        with self._lock:
            self._connection += 1
            self._ready.clear()
            self._in_flight.clear()

    def close(self) -> None:
        """No more resends (the session is closing; what waits stays on disk)."""
        self._resends.close()

    def forget(self, meeting_id: int) -> None:
        """The meeting is no longer this user's: nothing of it is sent (the disk copy is the
        shelf's to keep or remove)."""
        with self._lock:
            for entry in self._entries.pop(meeting_id, []):
                self._callbacks.pop(entry["id"], None)
            self._ready.discard(meeting_id)
            self._in_flight.pop(meeting_id, None)
        self._tell()

    def pending(self, meeting_id: int) -> list[PendingEdit]:
        """The meeting's waiting changes, oldest first (shown on an offline copy)."""
        with self._lock:
            return list(self._entries.get(meeting_id, []))

    def hold(self, meeting_id: int, key: str, message: Message) -> None:
        """Keep a change on disk that something else sends in this run (a stroke: the ink
        outbox streams it); the next start sends it, should this run end before `release`.
        Holding the same key again replaces it."""
        entry: PendingEdit = {"id": key, "event": str(message.event),
                              "payload": message.payload(), "held": True}
        with self._lock:
            entries = self._loaded(meeting_id)
            entries[:] = [e for e in entries if e["id"] != key] + [entry]
            self._save(meeting_id)
        self._tell()

    def release(self, meeting_id: int, key: str) -> None:
        """What was held under `key` reached the server (or was refused): forget it."""
        with self._lock:
            entries = self._entries.get(meeting_id, [])
            if not any(e["id"] == key for e in entries):
                return
            entries[:] = [e for e in entries if e["id"] != key]
            self._save(meeting_id)
        self._tell()

    @property
    def waiting(self) -> int:
        """How many changes the server has not confirmed yet, in every meeting."""
        with self._lock:
            return sum(len(entries) for entries in self._entries.values())

    # --- internals ---------------------------------------------------------------------------

    def _loaded(self, meeting_id: int) -> list[PendingEdit]:
        """The meeting's changes, read from disk the first time (holding the lock): what the
        last run left is never overwritten unread."""
        entries = self._entries.get(meeting_id)
        if entries is None:
            entries = self._entries[meeting_id] = [  # (held by the last run: sent by this one)
                {k: v for k, v in edit.items() if k != "held"} | {"id": edit.get("id") or
                                                                  uuid.uuid4().hex}
                for edit in (self._shelf.pending(meeting_id) if self._shelf else [])]
        return entries

    def _next(self, meeting_id: int) -> None:
        """Send the meeting's oldest change, unless one is in flight or the meeting is not
        joined on this connection."""
        with self._lock:
            entry = next((e for e in self._entries.get(meeting_id, []) if not e.get("held")),
                         None)
            if meeting_id not in self._ready or meeting_id in self._in_flight or entry is None:
                return
            connection = self._connection
            self._in_flight[meeting_id] = (connection, entry["id"])
        message = _message(entry)
        if message is None:  # (unreadable, e.g. kept by a version with another schema)
            self._answered(meeting_id, connection, entry,
                           {"ok": False, "error": {"code": "invalid_payload"}})
            return
        self._send(message, lambda reply: self._answered(meeting_id, connection, entry, reply))

    def _answered(self, meeting_id: int, connection: int, entry: PendingEdit,
                  reply: Reply) -> None:
        offline = (reply.get("error") or {}).get("code") in NOT_SENT
        for_now, tell = passing(reply), False
        with self._lock:
            if self._in_flight.get(meeting_id) != (connection, entry["id"]):
                return  # (an answer from a connection since replaced: the resend decides)
            del self._in_flight[meeting_id]
            if offline:  # not taken: it goes again after the next join
                self._ready.discard(meeting_id)
                return
            if for_now:  # not taken for now: kept, and sent again later
                backoff = self._backoffs.setdefault(meeting_id, Backoff())
                tell = backoff.first
                self._resends.call(meeting_id, backoff.wait(reply), self._next, meeting_id)
            else:
                self._backoffs.pop(meeting_id, None)
                entries = self._entries.get(meeting_id, [])
                if entry in entries:
                    entries.remove(entry)
                self._save(meeting_id)
                callback = self._callbacks.pop(entry["id"], None)
        if for_now:
            if tell and self._refused_for_now is not None:  # (once, not at every attempt)
                self._refused_for_now((reply.get("error") or {}).get("message", ""))
            return
        self._tell()
        if callback is not None:
            callback(reply)
        self._next(meeting_id)

    def _save(self, meeting_id: int) -> None:
        """On disk before anything is sent: a crash keeps the change (called holding the
        lock, so two saves cannot land in the other order)."""
        if self._shelf is not None:
            self._shelf.keep_pending(meeting_id, self._entries.get(meeting_id, []))

    def _tell(self) -> None:
        """Say how many wait. Counted and told under a lock of its own: answers come on
        several threads, and two counts told in the other order would leave the window
        showing the older. (Not under `_lock`, never held here: a listener that asks the
        outbox something meanwhile, from another thread, must not deadlock.)"""
        with self._telling:
            self._waiting_changed(self.waiting)


def _message(entry: PendingEdit) -> Message | None:
    try:
        return parse(CLIENT_PAYLOADS[Event(entry["event"])], entry["payload"])
    except (KeyError, ValueError, TypeError, ProtocolError):
        log.warning("dropping an unreadable waiting change: %r", entry)
        return None


def kept(message: Message) -> bool:
    """Whether this message goes through the outbox."""
    return message.event in KEPT


__all__ = ["KEPT", "Outbox", "kept"]
