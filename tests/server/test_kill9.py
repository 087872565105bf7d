"""kill -9 the server in the middle of a meeting while people draw and turn pages, start it
again: everything the server acknowledged is still there, and the database is whole."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import requests

from tests.helpers.live import Peer, login
from tests.server.test_cli import free_port


def start_server(data, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--data-dir", str(data), "--port", str(port),
         "--log-level", "WARNING"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while True:
        try:
            requests.get(f"http://127.0.0.1:{port}/health", timeout=1)
            return process
        except requests.ConnectionError:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)


class Drawer(threading.Thread):
    """Draws one stroke after another (begin, points, end) and a typed note now and then, and
    notes what the server acknowledged, until the connection dies."""

    def __init__(self, peer: Peer, meeting_id: int, document_id: int, layer: str,
                 name: str) -> None:
        super().__init__(daemon=True)
        self.peer, self.meeting_id, self.document_id = peer, meeting_id, document_id
        self.layer, self.name = layer, name
        self.points: dict[str, int] = {}  # stroke id -> points the server confirmed holding
        self.finished: set[str] = set()
        self.pages: list[int] = []  # `seq` of acknowledged page turns

    def run(self) -> None:
        m = self.meeting_id
        try:
            for n in range(10_000):
                stroke = f"{self.name}-stroke-{n:05d}"
                reply = self.peer.call("annotation:begin", {
                    "meeting_id": m, "id": stroke, "document_id": self.document_id,
                    "page": n % 3, "layer": self.layer, "tool": "pen", "color": "#d93025",
                    "width": 2, "points": [[float(n % 500), 10.0]]}, timeout=5)
                self._took(stroke, reply)
                for batch in range(3):
                    reply = self.peer.call("annotation:points", {
                        "meeting_id": m, "id": stroke, "offset": 1 + batch * 4,
                        "points": [[float(i), float(batch)] for i in range(4)]}, timeout=5)
                    self._took(stroke, reply)
                if self.peer.call("annotation:end", {"meeting_id": m, "id": stroke,
                                                     "count": 13}, timeout=5).get("ok"):
                    self.finished.add(stroke)
                if self.layer == "shared" and n % 4 == 0:
                    reply = self.peer.call("page:set", {"meeting_id": m, "document_id":
                                                        self.document_id, "page": n % 3},
                                           timeout=5)
                    if reply.get("ok"):
                        self.pages.append(reply["data"]["seq"])
        except Exception:  # the server was killed: stop drawing
            return

    def _took(self, stroke: str, reply: dict) -> None:
        if reply.get("ok"):
            self.points[stroke] = max(self.points.get(stroke, 0), reply["data"]["count"])


def test_every_acknowledged_event_survives_a_kill_9(tmp_path, seeded_template, store_kind):
    template, seeded = seeded_template
    data = tmp_path / "server"
    shutil.copytree(template, data)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(data, port)
    try:
        drawers = []
        for name, layer in (("olga", "shared"), ("paul", "private")):
            peer = Peer(url, login(url, name))
            assert peer.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]
            drawers.append(Drawer(peer, seeded.meeting_id, seeded.documents[1], layer, name))
        for drawer in drawers:
            drawer.start()
        time.sleep(1.5)  # a meeting in full swing
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
        for drawer in drawers:
            drawer.join(timeout=10)
            drawer.peer.sio.disconnect()
    finally:
        if server.poll() is None:
            server.kill()

    olga, paul = drawers
    assert len(olga.finished) > 5 and len(paul.finished) > 5, "too little was drawn to tell"
    if store_kind == "sqlite":  # (PostgreSQL's own recovery is its business)
        database = sqlite3.connect(data / "meeting.sqlite3")
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        database.close()

    server = start_server(data, port)  # started again on the same folder
    try:
        for drawer in drawers:
            peer = Peer(url, login(url, drawer.name))
            snapshot = peer.call("meeting:join", {"meeting_id": seeded.meeting_id})["data"]
            stored = {a["id"]: a for a in snapshot["annotations"]}
            for stroke, count in drawer.points.items():
                assert stroke in stored, f"{stroke} was acknowledged and is gone"
                assert len(stored[stroke]["points"]) >= count, stroke
            for stroke in drawer.finished:
                assert stored[stroke]["complete"] and len(stored[stroke]["points"]) == 13
            if drawer.pages:
                assert snapshot["state"]["seq"] >= drawer.pages[-1]
            peer.sio.disconnect()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
