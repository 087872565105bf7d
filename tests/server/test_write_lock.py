"""Another process holds the database's write lock (`meeting-server user add`, a backup, a
second server on the same file; on PostgreSQL, another server process changing the same
meeting holds its row): the change waiting for it waits off the event loop, so every meeting
goes on meanwhile (`/health`, the laser, the engine.io pings answer at once), and the change is
stored and broadcast once the lock goes, with no error and nothing lost."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
import time

import requests

from server.app import PING_INTERVAL_S
from server.context import DATABASE_URL_VARIABLE
from server.store.db import DATABASE_NAME
from tests.server.test_annotations import joined

HOLD_S = 2.0
PROMPT_S = 0.25
"""What "answers at once" means here (a frozen loop answers after the lock's two seconds)."""

LOCKER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")  # the write lock, as any other writer would take it
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
"""

ROW_LOCKER = """
import sys, time, psycopg
with psycopg.connect(sys.argv[1]) as db:  # (a transaction, until the block ends)
    db.execute("SELECT id FROM meetings WHERE id = %s FOR UPDATE", (int(sys.argv[3]),))
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""
"""PostgreSQL: the meeting's row, as another process's change of it holds it (`seq`)."""


def record_pings(peer) -> list[float]:
    """When each engine.io ping of the server reaches this client."""
    pings: list[float] = []
    eio = peer.sio.eio
    receive = eio._receive_packet

    def noted(pkt):
        if pkt.packet_type == 2:  # (engine.io's PING)
            pings.append(time.monotonic())
        return receive(pkt)

    eio._receive_packet = noted
    return pings


def wait_for(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.02)


def test_a_write_lock_held_elsewhere_stalls_no_meeting(seeded_server, steady_collector):
    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    olga, paul = joined(live, seeded, "olga", "paul")
    pings = record_pings(paul)
    wait_for(lambda: pings, PING_INTERVAL_S + 1)  # (one before the lock, to count from)
    if live.database_url or os.environ.get(DATABASE_URL_VARIABLE):
        url = live.database_url or os.environ[DATABASE_URL_VARIABLE]
        command = [ROW_LOCKER, url, str(HOLD_S), str(m)]
    else:
        command = [LOCKER, str(live.data_dir / DATABASE_NAME), str(HOLD_S)]
    locker = subprocess.Popen([sys.executable, "-c", *command], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert locker.stdout.readline().strip() == "locked"
        locked_at = time.monotonic()
        turned = threading.Event()
        replies: list[tuple[float, dict]] = []
        olga.sio.emit("page:set", {"meeting_id": m, "document_id": d, "page": 1},
                      callback=lambda reply: (replies.append((time.monotonic(), reply)),
                                              turned.set()))
        health, laser = [], []
        while locker.poll() is None:
            started = time.monotonic()
            assert requests.get(f"{live.url}/health", timeout=5).status_code == 200
            health.append(time.monotonic() - started)
            started = time.monotonic()
            assert olga.call("laser:move", {"meeting_id": m, "document_id": d, "page": 0,
                                            "point": [10.0, 20.0]})["ok"]
            laser.append(time.monotonic() - started)
            time.sleep(0.05)
        released_at = time.monotonic()
        assert turned.wait(5), "the page turn was never answered"
    finally:
        locker.kill()
        locker.wait(10)
    replied_at, reply = replies[0]
    assert reply["ok"], reply
    assert replied_at > locked_at + HOLD_S / 2  # (it waited for the lock, as it should)
    assert len(health) > 10 and max(health) < PROMPT_S, max(health)
    assert max(laser) < PROMPT_S, max(laser)
    wait_for(lambda: pings[-1] > released_at, PING_INTERVAL_S + 1)
    gaps = [b - a for a, b in itertools.pairwise(pings)]
    assert max(gaps) < PING_INTERVAL_S + PROMPT_S, gaps  # (none held back by the lock)
    # Stored and broadcast once the lock went: the room turns, and so does the store.
    event, state = paul.next_event()
    while event != "meeting:state":  # (the laser's moves came first)
        event, state = paul.next_event()
    assert state["page"] == 1 and state["document_id"] == d
    assert olga.call("meeting:snapshot", {"meeting_id": m})["data"]["state"]["page"] == 1
