"""What every request handler needs: the store, the document files and the Socket.IO server."""

from __future__ import annotations

import asyncio
import functools
import os
from collections import defaultdict
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import socketio

from meeting.core.presence import Device, Presence, PresenceData
from meeting.core.protocol import Data
from server.cluster import Cluster
from server.fanout import unwritten
from server.health import Health
from server.login_throttle import LoginThrottle
from server.meeting_lock import MeetingLock
from server.office import OfficeConverter
from server.page_images import PageImages
from server.pdf_jobs import PdfJobs
from server.presence_broadcasts import PresenceBroadcasts
from server.relay import MeetingSender, Message
from server.shared_presence import LocalPresence, SharedPresence
from server.shared_tallies import SharedTallies
from server.shared_throttle import LocalSignIns, SharedSignIns
from server.store.audit import Action, AuditLog
from server.store.blobs import BlobStore
from server.store.db import DATABASE_NAME, open_reader, open_store_database
from server.store.repository import Store
from server.store.votes import share_tallies
from server.store.wal import WriteAheadLog
from server.store_threads import StoreThreads, Urgency

P = ParamSpec("P")
T = TypeVar("T")

READ_THREADS = 4
"""Threads for reads on PostgreSQL (each holds a pooled connection)."""

JOINS_AT_ONCE = 2
"""How many joins of one meeting read their snapshot at once. More would not be faster (the
work is mostly Python, under one interpreter lock) and a change waits for all of them."""


@dataclass
class ServerContext:
    data_dir: Path
    store: Store
    blobs: BlobStore
    sio: socketio.AsyncServer | None = None
    meeting_locks: defaultdict[int, MeetingLock] = field(init=False)
    """One lock per meeting: a change is stored and broadcast before the next one starts, so
    every client receives a meeting's changes in `seq` order; joins read beside each other,
    `JOINS_AT_ONCE` at most, and a change waiting goes first (server/meeting_lock.py)."""
    presence: Presence = field(default_factory=Presence)
    """Who is connected to each meeting now, through this process (memory only)."""
    presence_board: LocalPresence = field(init=False)
    """Who is connected to each meeting through any process (see `join_cluster`)."""
    cluster: Cluster | None = None
    """The other processes serving the same meetings (`--redis`), if any."""
    presence_broadcasts: PresenceBroadcasts = field(init=False)
    """Tells each meeting who is here, a few times a second at most."""
    page_images: PageImages = field(default_factory=PageImages)
    login_throttle: LoginThrottle = field(default_factory=LoginThrottle)
    """Failed sign-ins, to slow down guessing (memory only)."""
    sign_ins: LocalSignIns = field(init=False)
    """The throttle as sign-ins use it: `login_throttle`, or the one in Redis."""
    pdf: PdfJobs = field(default_factory=PdfJobs)
    """Every PyMuPDF call of the server runs in this pool's worker processes."""
    office: OfficeConverter = field(default_factory=OfficeConverter)
    """Converts Office uploads to PDF, one at a time per organizer."""
    trusted_proxies: frozenset[str] = frozenset()
    """Addresses of reverse proxies whose X-Forwarded-For names the real client."""
    """Pages rendered for browsers (memory only)."""
    background: set[asyncio.Task] = field(default_factory=set)
    """Work started by an event that outlives its reply (signing an approved circulation)."""
    health: Health = field(default_factory=Health)
    """Problems `/health` reports (memory only)."""
    senders: dict[int, MeetingSender] = field(default_factory=dict)
    """Each meeting's broadcasts, sent in order by one task (see server/relay.py)."""
    reader: Store | None = None
    """A store of its own for reading only (SQLite: a second, read-only connection), so that a
    read never waits behind a write held up by another process's lock; None: reads go
    through `store` (PostgreSQL: a connection per thread, and readers never wait there)."""
    _writes: StoreThreads = field(init=False, repr=False)
    _reads: StoreThreads = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.presence_board = LocalPresence(self.presence)
        self.sign_ins = LocalSignIns(self.login_throttle)
        self.presence_broadcasts = PresenceBroadcasts(self._broadcast_presence)
        if self.office.japanese_font is None:
            self.office.japanese_font = self.pdf.japanese_font
        # SQLite: one thread, its one connection; PostgreSQL: as many as the pool holds.
        threads = getattr(self.store, "threads", 1)
        self._writes = StoreThreads(threads, "meeting-store")
        self.meeting_locks = defaultdict(
            lambda: MeetingLock(readers_at_once=min(threads, JOINS_AT_ONCE)))
        # Reads: threads of their own, so they answer while a write waits (SQLite: one, its
        # one reading connection; PostgreSQL: several, a connection each). A connection's
        # events keep their order whatever order their reads answer in (ConnectionOrder).
        reading = min(threads, READ_THREADS) if getattr(self.store, "on_postgres", False) else 1
        self._reads = StoreThreads(reading, "meeting-store-reads")

    @classmethod
    def open(cls, data_dir: Path, database_url: str | None = None) -> ServerContext:
        """The store in PostgreSQL at `database_url` (or `$MEETING_DATABASE_URL`), else the
        SQLite file in `data_dir`; the document files are in `data_dir` either way."""
        data_dir = Path(data_dir)
        database_url = database_url or os.environ.get(DATABASE_URL_VARIABLE) or None
        store = Store(open_store_database(data_dir, database_url))
        # (PostgreSQL: readers never wait for writers, and each thread has its own connection)
        reader = None if store.on_postgres else Store(open_reader(data_dir))
        return cls(data_dir, store, BlobStore(data_dir / "documents"), reader=reader)

    async def call(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run `fn` (store work: a query, or a whole transaction) in the store's thread and
        wait for it there, not here: the event loop serves every meeting meanwhile, however
        long the database makes `fn` wait (another process's write lock, a network round
        trip). Calls run in the order made (SQLite: one thread), before arrivals' calls."""
        return await self._writes.run(functools.partial(fn, *args, **kwargs))

    async def arrival_call(self, fn: Callable[P, T], /, *args: P.args,
                           **kwargs: P.kwargs) -> T:
        """`call`, for someone arriving (see `Urgency.ARRIVAL`): after the calls of changes,
        so that a full room coming back at once never holds up a page turn or a pen. Never
        under a meeting's lock: a change would wait for it."""
        return await self._writes.run(functools.partial(fn, *args, **kwargs), Urgency.ARRIVAL)

    async def read(self, fn: Callable[Concatenate[Store, P], T], /, *args: P.args,
                   **kwargs: P.kwargs) -> T:
        """Run `fn(store, ...)`, which only reads, on the reading store (see `reader`) in the
        reads' own threads: it answers while a write waits for a lock, before arrivals' reads.
        A write there fails (SQLite: query_only)."""
        return await self._read(Urgency.CHANGE, fn, *args, **kwargs)

    async def arrival_read(self, fn: Callable[Concatenate[Store, P], T], /, *args: P.args,
                           **kwargs: P.kwargs) -> T:
        """`read`, for someone arriving: after the reads of changes (see `arrival_call`)."""
        return await self._read(Urgency.ARRIVAL, fn, *args, **kwargs)

    async def _read(self, urgency: Urgency, fn: Callable[Concatenate[Store, P], T], /,
                    *args: P.args, **kwargs: P.kwargs) -> T:
        store = self.reader or self.store
        return await self._reads.run(functools.partial(fn, store, *args, **kwargs), urgency)

    def join_cluster(self, cluster: Cluster) -> None:
        """Serve the meetings together with the other processes sharing this Redis."""
        self.cluster = cluster
        self.presence_board = SharedPresence(self.presence, cluster)
        self.sign_ins = SharedSignIns(self.login_throttle, cluster)
        share_tallies(self.store, SharedTallies(cluster))

    @property
    def audit(self) -> AuditLog:
        """The audit log, for store work already running in the store's thread (its
        connection is that thread's): on the loop, `await context.audit_record(...)`."""
        return AuditLog(self.store, self.health)

    async def audit_record(self, user: str, action: Action, meeting_id: int | None = None,
                           document_id: int | None = None, detail: str = "") -> None:
        """Write an audit entry in the store's thread."""
        await self.call(lambda: self.audit.record(user, action, meeting_id, document_id,
                                                  detail))

    def close(self) -> None:
        self.presence_broadcasts.close()
        self._writes.shutdown()
        self._reads.shutdown()
        self.store.close()
        if self.reader is not None:
            self.reader.close()
        self.pdf.close()

    def track(self, work: Coroutine[Any, Any, None]) -> asyncio.Task:
        """Run `work` after the reply has gone; kept until done, awaited at shutdown."""
        task = asyncio.create_task(work)
        self.background.add(task)
        task.add_done_callback(self.background.discard)
        return task

    async def finish_background(self) -> None:
        """Let started work finish (the store closes after it)."""
        if self.background:
            await asyncio.wait(set(self.background))

    @property
    def socketio(self) -> socketio.AsyncServer:
        """The Socket.IO server, for events that reach it (set when the app is created: a
        context opened only to seed or administer the store has none)."""
        if self.sio is None:
            raise RuntimeError("this server context has no Socket.IO server")
        return self.sio

    def joined(self, sid: str, meeting_id: int) -> bool:
        """This connection joined the meeting (membership was checked when it did). Asked on
        the loop, before the trip to the store's thread where the refusal is made (after the
        meeting's own checks: see `authz.require_joined`)."""
        return self.sio is not None and meeting_room(meeting_id) in self.sio.rooms(sid)

    async def announce_presence(self, meeting_id: int) -> None:
        """Who is here changed: everyone in the meeting is told (coalesced: see
        `server.presence_broadcasts`)."""
        await self.presence_board.publish(meeting_id)
        self.presence_broadcasts.changed(meeting_id)

    async def presence_now(self, meeting_id: int) -> PresenceData:
        """Who is in the meeting, through every process (this one's own changes included)."""
        await self.presence_board.publish(meeting_id)
        return await self.presence_board.data(meeting_id)

    async def _broadcast_presence(self, meeting_id: int) -> None:
        await self.broadcast(await self.presence_board.data(meeting_id))

    async def take_out(self, meeting_id: int, keep: Callable[[Device], bool]) -> None:
        """Take every connection of the meeting but those to `keep` out of its rooms, on
        every process (python-socketio's manager carries `leave_room` to the process holding
        the connection, after the broadcasts sent before it; that process's presence lets go
        of it at its next round), and tell the meeting who is left."""
        sio = self.socketio
        for sid, device in (await self.presence_board.devices(meeting_id)).items():
            if keep(device):
                continue
            await sio.leave_room(sid, meeting_room(meeting_id))
            await sio.leave_room(sid, private_room(meeting_id, device.name))
            self.presence.leave(meeting_id, sid)
        await self.announce_presence(meeting_id)

    async def my_turn(self, sweep: str, seconds: float) -> bool:
        """Whether this process runs `sweep` now: always when it is alone; with other
        processes, the one holding the sweep's lock in Redis (renewed each round, let go
        by a process that dies when it expires after `seconds`)."""
        return self.cluster is None or await self.cluster.hold(sweep, seconds)

    def in_room(self, sid: str, meeting_id: int) -> bool:
        """This process's connection `sid` is in the meeting's room."""
        return self.sio is not None and meeting_room(meeting_id) in self.sio.rooms(sid)

    async def broadcast(self, message: Data, room: str | None = None,
                        skip_sid: str | None = None) -> dict[str, Any]:
        """Send a broadcast model as its own event to everyone in its meeting (or in `room`:
        one user's private room); returns the payload sent, which is also the reply.

        The one way the server sends anything unasked: the event name and the payload come
        from one model of `meeting/core/protocol.py`, never put together by hand."""
        payload = message.payload()
        if self.sio is not None:
            meeting_id = payload["meeting_id"]
            await self.sender(meeting_id).send(Message(
                str(message.event), payload, room or meeting_room(meeting_id), skip_sid))
        return payload

    @cached_property
    def wal(self) -> WriteAheadLog:
        """Empties the database's write-ahead log after a removal or a secret vote's close."""
        database = None if self.store.on_postgres else Path(self.data_dir) / DATABASE_NAME
        return WriteAheadLog(database, self.health)

    def sender(self, meeting_id: int) -> MeetingSender:
        """What sends the meeting's broadcasts, after everything queued before them."""
        sender = self.senders.get(meeting_id)
        if sender is None:
            sender = self.senders[meeting_id] = MeetingSender(self.deliver, self.backlog)
        return sender

    async def deliver(self, event: str, payload: dict[str, Any], room: str,
                      skip_sid: str | None) -> None:
        """What a meeting's sender hands over, from the models `broadcast` was given."""
        await self.socketio.emit(event, payload, room=room, skip_sid=skip_sid)

    def backlog(self, room: str) -> int:
        """How many of the room's connections to this process have messages not yet written
        (see `server.fanout.unwritten`)."""
        sockets = self.socketio.eio.sockets
        return sum(1 for _, eio_sid in self.socketio.manager.get_participants("/", room)
                   if (s := sockets.get(eio_sid)) is not None and unwritten(s))


DATABASE_URL_VARIABLE = "MEETING_DATABASE_URL"
"""Where `--database` may come from instead (keeps a password out of `ps`)."""


def meeting_room(meeting_id: int) -> str:
    return f"meeting:{meeting_id}"


def user_room(user_name: str) -> str:
    """Every connection of one user: where `approval:changed` goes."""
    return f"user:{user_name}"


def private_room(meeting_id: int, user_name: str) -> str:
    """Every connection of one user in one meeting: where their private annotations go."""
    return f"meeting:{meeting_id}:user:{user_name}"
