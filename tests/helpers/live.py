"""A real server on a free loopback port, seeded with accounts, and real Socket.IO clients."""

from __future__ import annotations

import os
import queue
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import engineio
import requests
import socketio

from meeting import paths
from meeting.core.protocol import PROTOCOL_VERSION, Event, Role
from server.context import ServerContext
from server.embedded import EmbeddedServer

CORPUS = Path(os.environ.get("MEETING_TEST_CORPUS")
              or Path(__file__).resolve().parents[3] / "shared" / "corpus")
"""The shared real-world PDFs beside the repository; the wheel check, which runs a copy of the
tests elsewhere, names them through MEETING_TEST_CORPUS."""
SAMPLES = paths.resources() / "samples"  # the installed package's, not the source tree's

PASSWORD = "correct horse battery staple"
ACCOUNTS = {
    "admin": Role.ADMIN,
    "olga": Role.ORGANIZER,
    "paul": Role.PARTICIPANT,
    "pia": Role.PARTICIPANT,
    "dora": Role.DISPLAY,
    "otto": Role.PARTICIPANT,  # an outsider: not invited to the meeting
}


@dataclass
class Seeded:
    meeting_id: int
    documents: list[int] = field(default_factory=list)


def seed(data_dir: Path, pdfs: list[Path], database_url: str | None = None) -> Seeded:
    """Accounts, one meeting presented by olga with paul, pia and dora invited, and documents
    (in PostgreSQL at `database_url`, or $MEETING_DATABASE_URL, else the folder's SQLite)."""
    import asyncio

    from server.ingest import ingest

    context = ServerContext.open(data_dir, database_url)
    try:
        store = context.store
        users = {name: store.add_user(name, role, PASSWORD) for name, role in ACCOUNTS.items()}
        meeting_id = store.create_meeting("Budget review 予算審議")
        for name in ("olga", "paul", "pia", "dora"):
            store.invite(meeting_id, users[name])
        store.set_presenter(meeting_id, users["olga"])
        seeded = Seeded(meeting_id)
        for pdf in pdfs:
            incoming = context.blobs.new_incoming()
            shutil.copyfile(pdf, incoming)
            document = asyncio.run(
                ingest(context, meeting_id, incoming, filename=pdf.name, title=None,
                       added_by=users["olga"])
            )
            seeded.documents.append(document.id)
        return seeded
    finally:
        context.close()


@contextmanager
def stored(data_dir: Path, database_url: str | None = None) -> Iterator[Any]:
    """A connection to the store the server of `data_dir` uses (SQLite's file, or the test's
    PostgreSQL database), in autocommit mode: for a test to read or plant rows directly."""
    context = ServerContext.open(data_dir, database_url)
    try:
        yield context.store.db
    finally:
        context.close()


def login(url: str, name: str, password: str = PASSWORD) -> str:
    response = requests.post(f"{url}/api/login", json={"username": name, "password": password},
                             timeout=10)
    response.raise_for_status()
    return response.json()["data"]["token"]


class _InOrderEngineIO(engineio.Client):
    """Hands each message to its handler on the connection's own reading thread, in the order
    it arrived. (Engine.IO starts a new thread per message: two broadcasts could be recorded
    the wrong way round, and a reply could overtake an event the server sent before it.)"""

    def _trigger_event(self, event, *args, **kwargs):
        if event == "message":
            kwargs["run_async"] = False
        return super()._trigger_event(event, *args, **kwargs)


class _InOrderClient(socketio.Client):
    def _engineio_client_class(self):
        return _InOrderEngineIO


class Peer:
    """A real python-socketio client that records what the server broadcasts to it.

    `presence` broadcasts (who is here, sent whenever anyone joins or leaves) go to their own
    queue, so tests about other events need not step over them."""

    def __init__(self, url: str, token: str, transport: str = "websocket") -> None:
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.presence: queue.Queue[Any] = queue.Queue()
        self.sio = _InOrderClient(reconnection=False)
        self.sio.on("*", self._record)
        self.sio.connect(url, auth={"token": token, "protocol": PROTOCOL_VERSION},
                         transports=[transport], wait_timeout=10)

    def _record(self, event: str, data: Any) -> None:
        (self.presence.put(data) if event == "presence" else self.events.put((event, data)))

    def presence_until(self, condition, timeout: float = 5) -> Any:
        """The first presence broadcast for which `condition` holds (older ones are dropped:
        the tests wait for the list they expect to become true)."""
        deadline = time.monotonic() + timeout
        while True:
            latest = self.presence.get(timeout=max(0.01, deadline - time.monotonic()))
            if condition(latest):
                return latest

    def call(self, event: str, payload: Any = None, timeout: float = 10) -> dict:
        if payload is None:
            return self.sio.call(event, timeout=timeout)
        return self.sio.call(event, payload, timeout=timeout)

    def next_event(self, timeout: float = 5) -> tuple[str, Any]:
        return self.events.get(timeout=timeout)

    def no_event(self) -> bool:
        """Nothing came and nothing is on its way, known without a fixed wait: the server
        answers a request of ours on this same connection after everything it sent us before
        (what its handlers broadcast goes out before their own answer, and the requests this
        test made earlier were answered already), and this client reads in order."""
        self.call(str(Event.MEETINGS_LIST))  # the marker: its answer comes after all of that
        try:
            event = self.events.get_nowait()
        except queue.Empty:
            return True
        raise AssertionError(f"unexpected event {event!r}")

    def close(self) -> None:
        self.sio.disconnect()


class LiveServer:
    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        self.data_dir = data_dir
        self.database_url = database_url
        """(None: $MEETING_DATABASE_URL, which the PostgreSQL tests set, else SQLite)"""
        self.server = EmbeddedServer(data_dir, database_url=database_url)
        self.url = ""
        self.peers: list[Peer] = []

    def start(self) -> LiveServer:
        self.server.port = self.server.port or 0
        self.url = self.server.start()
        return self

    def restart(self) -> None:
        self.down()
        self.up()

    def down(self) -> None:
        """The server goes away (its port stays reserved for `up`)."""
        self.close_peers()
        self.server.stop()

    def up(self) -> None:
        self.server = EmbeddedServer(self.data_dir, port=self.server.port,
                                     database_url=self.database_url)
        self.url = self.server.start()

    def peer(self, name: str, transport: str = "websocket") -> Peer:
        peer = Peer(self.url, login(self.url, name), transport)
        self.peers.append(peer)
        return peer

    def close_peers(self) -> None:
        for peer in self.peers:
            peer.close()
        self.peers.clear()

    def stop(self) -> None:
        self.close_peers()
        self.server.stop()
