"""One stalled client must not hold up the others: a follower whose process stops reading
(SIGSTOP: its socket buffers fill up) while the presenter streams a lot; everyone else still
receives everything, before the stalled one is woken again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

from server.fanout import unwritten
from server.http_routes import CONTEXT
from tests.helpers.live import login
from tests.server.test_annotations import joined

STALLED = """
import socket, sys, time, socketio
client = socketio.Client(reconnection=False, websocket_extra_options={  # a small receive buffer
    "sockopt": [(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)]})
client.on("annotation", lambda data: None)
client.connect(sys.argv[1], auth={"token": sys.argv[2], "protocol": 1},
               transports=["websocket"], wait_timeout=10)
assert client.call("meeting:join", {"meeting_id": int(sys.argv[3])})["ok"]
print("joined", flush=True)
time.sleep(120)
"""


def test_a_stalled_follower_does_not_delay_the_others(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    stalled = subprocess.Popen(
        [sys.executable, "-c", STALLED, live.url, login(live.url, "pia"), str(m)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert stalled.stdout.readline().strip() == "joined"
        os.kill(stalled.pid, signal.SIGSTOP)  # it stops reading, its socket fills up
        olga, paul = joined(live, seeded, "olga", "paul")
        strokes, batches, per_batch = 16, 20, 500  # ~4 MB for each: more than socket buffers
        total = strokes * batches * per_batch
        received = threading.Event()
        count = [0]

        def on_annotation(data) -> None:
            if data.get("kind") == "points" and data["id"].startswith("flood-"):
                count[0] += len(data["points"])
                if count[0] == total:
                    received.set()

        paul.sio.on("annotation", on_annotation)
        for stroke in range(strokes):
            stroke_id = f"flood-{stroke:04d}"
            assert olga.call("annotation:begin", {
                "meeting_id": m, "id": stroke_id, "document_id": seeded.documents[0],
                "page": 0, "layer": "shared", "tool": "pen", "color": "#d93025", "width": 2,
                "points": []})["ok"]
            for batch in range(batches):
                olga.sio.emit("annotation:points", {
                    "meeting_id": m, "id": stroke_id, "offset": batch * per_batch,
                    "points": [[i % 500 + 0.123456, batch + 0.654321] for i in range(per_batch)]})
        assert received.wait(60), f"paul got {count[0]} of {total} points"
        assert stalled.poll() is None  # (still stopped: nobody waited for it)
        sio = live.server._runner.app[CONTEXT].sio  # and it really was behind: its writer
        behind = [s for s in sio.eio.sockets.values() if unwritten(s)]  # has not sent all it
        print("behind:", len(behind), "connections:", len(sio.eio.sockets))  # was given, or it
        assert behind or len(sio.eio.sockets) == 2  # was let go, its pongs 2 s overdue
        assert olga.call("meeting:snapshot", {"meeting_id": m})["ok"]  # the server answers
    finally:
        os.kill(stalled.pid, signal.SIGCONT)
        stalled.kill()
        stalled.wait(10)
