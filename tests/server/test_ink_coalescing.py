"""Live ink when the room is behind: the presenter's pen batches come faster than the server hands
them to the room, so followers get fewer, larger batches, in order, with every point, numbered
without a gap; a page turn keeps its place; a follower that stops reading for a while gets all
of it when it reads again and holds back nobody meanwhile."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from meeting.core.annotations import AnnotationChange, AnnotationData, apply_change
from tests.helpers.live import login
from tests.server.test_annotations import joined

BATCHES, PER_BATCH, TURN_AFTER = 400, 4, 200
"""A pen of 400 batches of 4 points sent back to back, with a page turn after the 200th."""

STROKE = "fast-stroke"

STALLED = """
import json, socket, sys, socketio
seen = []
client = socketio.Client(reconnection=False, websocket_extra_options={  # a small receive buffer
    "sockopt": [(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)]})

def note(event, data):
    seen.append([event, data])
    if event == "annotation" and data["kind"] == "end":
        print(json.dumps(seen), flush=True)

client.on("annotation", lambda data: note("annotation", data))
client.on("meeting:state", lambda data: note("meeting:state", data))
client.connect(sys.argv[1], auth={"token": sys.argv[2], "protocol": 1},
               transports=["websocket"], wait_timeout=10)
assert client.call("meeting:join", {"meeting_id": int(sys.argv[3])})["ok"]
print("joined", flush=True)
client.wait()
"""


def begin(olga, m: int, document: int) -> None:
    assert olga.call("annotation:begin", {
        "meeting_id": m, "id": STROKE, "document_id": document, "page": 0, "layer": "shared",
        "tool": "pen", "color": "#d93025", "width": 2, "points": []})["ok"]


def draw(olga, m: int, document: int) -> None:
    """Begin a stroke, send its batches without waiting for answers (a page turn among them),
    end it once every batch was answered."""
    begin(olga, m, document)
    for batch in range(BATCHES):
        if batch == TURN_AFTER:
            olga.sio.emit("page:set", {"meeting_id": m, "document_id": document, "page": 1})
        olga.sio.emit("annotation:points", {
            "meeting_id": m, "id": STROKE, "offset": batch * PER_BATCH,
            "points": [[batch + i / PER_BATCH, 100.0] for i in range(PER_BATCH)]})
    assert olga.call("annotation:end", {"meeting_id": m, "id": STROKE,
                                        "count": BATCHES * PER_BATCH})["ok"]


def until_end(peer) -> list[tuple[str, dict]]:
    seen = []
    while not seen or seen[-1][1].get("kind") != "end":
        event, data = peer.next_event(timeout=30)
        if event in ("annotation", "meeting:state"):
            seen.append((event, data))
    return seen


def check_received(seen: list) -> int:
    """Every point once, in order, the page turn between the points sent before and after it,
    `seq` without a gap; returns how many batches of points came."""
    seqs = [data["seq"] for _, data in seen]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs))), seqs
    points: list[list[float]] = []
    for event, data in seen:
        if event == "meeting:state":
            assert data["page"] == 1 and len(points) == TURN_AFTER * PER_BATCH
        elif data["kind"] == "points":
            assert data["offset"] == len(points)
            points.extend(data["points"])
    assert points == [[b + i / PER_BATCH, 100.0] for b in range(BATCHES)
                      for i in range(PER_BATCH)]
    return sum(1 for event, data in seen if data.get("kind") == "points")


def polling_follower(live, m: int):
    """dora, on long-polling: a message waits for her next poll, so the room is behind while
    it does (with the store's work off the loop, a room of two websockets keeps up with a pen
    sent back to back, and has nothing to join)."""
    peer = live.peer("dora", transport="polling")
    assert peer.call("meeting:join", {"meeting_id": m})["ok"]
    return peer


@pytest.mark.sqlite_only(
    "needs the pen faster than the room: on PostgreSQL each batch's store trip (a round trip "
    "to the database) takes longer than the room's writes, so the room is never behind and "
    "every batch goes as it came (seen: 400 of 400); the joining rule is the sender's")
def test_a_room_behind_gets_fewer_larger_batches_in_order(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    stalled = subprocess.Popen(
        [sys.executable, "-c", STALLED, live.url, login(live.url, "pia"), str(m)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert stalled.stdout.readline().strip() == "joined"
        os.kill(stalled.pid, signal.SIGSTOP)  # pia stops reading
        olga, paul = joined(live, seeded, "olga", "paul")
        polling_follower(live, m)  # (see its docstring)
        draw(olga, m, seeded.documents[0])

        batches = check_received(until_end(paul))  # paul has all of it while pia sleeps
        print(f"{BATCHES} batches sent, {batches} received")
        assert batches < BATCHES
        assert stalled.poll() is None

        os.kill(stalled.pid, signal.SIGCONT)  # pia reads again: everything, in order
        assert check_received(json.loads(stalled.stdout.readline())) < BATCHES
    finally:
        os.kill(stalled.pid, signal.SIGCONT)
        stalled.kill()
        stalled.wait(10)


def test_snapshots_taken_while_points_wait_miss_none(seeded_server):
    """A follower resyncs mid-stroke, again and again: each snapshot and the changes after it
    (those with a `seq` past the snapshot's) make the whole stroke."""
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, paul = joined(live, seeded, "olga", "paul")
    begin(olga, m, seeded.documents[0])
    snapshots: list[dict] = []
    for batch in range(BATCHES):
        olga.sio.emit("annotation:points", {
            "meeting_id": m, "id": STROKE, "offset": batch * PER_BATCH,
            "points": [[batch + i / PER_BATCH, 100.0] for i in range(PER_BATCH)]})
        if batch % 10 == 0:
            paul.sio.emit("meeting:snapshot", {"meeting_id": m},
                          callback=lambda reply: snapshots.append(reply["data"]))
    assert olga.call("annotation:end", {"meeting_id": m, "id": STROKE,
                                        "count": BATCHES * PER_BATCH})["ok"]
    changes = [data for event, data in until_end(paul) if event == "annotation"]
    assert paul.call("meetings:list")["ok"]  # (every snapshot was answered before this)
    assert len(snapshots) == BATCHES // 10
    for snapshot in snapshots:
        marks = {a["id"]: AnnotationData.model_validate(a) for a in snapshot["annotations"]}
        for data in changes:
            if data["seq"] > snapshot["state"]["seq"]:
                apply_change(marks, AnnotationChange.model_validate(data))
        assert len(marks[STROKE].points) == BATCHES * PER_BATCH
        assert marks[STROKE].complete
