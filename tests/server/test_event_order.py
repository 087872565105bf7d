"""One connection's events reach their meeting in the order sent, however many of them are in
flight: the server's store work is off the event loop, so every event takes the same path to
the meeting's lock (its session checked in one trip to the store, then the lock), and none
overtakes the one sent before it."""

from __future__ import annotations

import threading

from tests.server.test_annotations import joined

STROKES = 30


def test_a_pen_sent_without_waiting_is_stored_in_order(seeded_server):
    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    (olga,) = joined(live, seeded, "olga")
    replies: list[dict] = []
    done = threading.Semaphore(0)

    def answered(reply: dict) -> None:
        replies.append(reply)
        done.release()

    for n in range(STROKES):  # begin, points, end, page turn: each sent before the last is answered
        stroke = f"stroke-{n:04d}"
        olga.sio.emit("annotation:begin", {
            "meeting_id": m, "id": stroke, "document_id": d, "page": 0, "layer": "shared",
            "tool": "pen", "color": "#d93025", "width": 2, "points": [[1.0, 1.0]]},
            callback=answered)
        olga.sio.emit("annotation:points", {"meeting_id": m, "id": stroke, "offset": 1,
                                            "points": [[2.0, 2.0]]}, callback=answered)
        olga.sio.emit("annotation:end", {"meeting_id": m, "id": stroke, "count": 2},
                      callback=answered)
        olga.sio.emit("page:set", {"meeting_id": m, "document_id": d, "page": n % 2},
                      callback=answered)
    for _ in range(4 * STROKES):
        assert done.acquire(timeout=10)
    assert [r for r in replies if not r["ok"]] == []
    snapshot = olga.call("meeting:snapshot", {"meeting_id": m})["data"]
    assert sum(1 for a in snapshot["annotations"] if a["complete"]) == STROKES


def test_coming_and_going_sent_without_waiting_keep_their_order(seeded_server):
    """Joins and leaves wait for changes when the server is busy (server/store_threads.py),
    but never for each other: the last one sent decides."""
    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    (olga,) = joined(live, seeded, "olga")
    replies: list[dict] = []
    done = threading.Semaphore(0)

    def answered(reply: dict) -> None:
        replies.append(reply)
        done.release()

    for _ in range(STROKES):
        olga.sio.emit("meeting:leave", {"meeting_id": m}, callback=answered)
        olga.sio.emit("meeting:join", {"meeting_id": m}, callback=answered)
    olga.sio.emit("meeting:leave", {"meeting_id": m}, callback=answered)
    for _ in range(2 * STROKES + 1):
        assert done.acquire(timeout=10)
    assert [r for r in replies if not r["ok"]] == []
    turn = olga.call("page:set", {"meeting_id": m, "document_id": d, "page": 1})
    assert turn["error"]["code"] == "not_joined"  # (the last leave came last)
