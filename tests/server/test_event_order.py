"""One connection's events reach their meeting in the order sent, however many of them are in
flight: the server's store work is off the event loop, so every event takes the same path to
the meeting's lock (its session checked in one trip to the store, then the lock), and none
overtakes the one sent before it."""

from __future__ import annotations

import threading

from tests.server.test_annotations import joined

STROKES = 30


class Answers:
    """The replies to events sent without waiting, as they come."""

    def __init__(self) -> None:
        self.replies: list[dict] = []
        self._came = threading.Semaphore(0)

    def take(self, reply: dict) -> None:
        self.replies.append(reply)
        self._came.release()

    def refused(self, expected: int) -> list[dict]:
        """Once `expected` replies came (10 s each at most): those that refused."""
        for _ in range(expected):
            assert self._came.acquire(timeout=10)
        return [r for r in self.replies if not r["ok"]]


def test_a_pen_sent_without_waiting_is_stored_in_order(seeded_server):
    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    (olga,) = joined(live, seeded, "olga")
    answers = Answers()

    for n in range(STROKES):  # begin, points, end, page turn: each sent before the last is answered
        stroke = f"stroke-{n:04d}"
        olga.sio.emit("annotation:begin", {
            "meeting_id": m, "id": stroke, "document_id": d, "page": 0, "layer": "shared",
            "tool": "pen", "color": "#d93025", "width": 2, "points": [[1.0, 1.0]]},
            callback=answers.take)
        olga.sio.emit("annotation:points", {"meeting_id": m, "id": stroke, "offset": 1,
                                            "points": [[2.0, 2.0]]}, callback=answers.take)
        olga.sio.emit("annotation:end", {"meeting_id": m, "id": stroke, "count": 2},
                      callback=answers.take)
        olga.sio.emit("page:set", {"meeting_id": m, "document_id": d, "page": n % 2},
                      callback=answers.take)
    assert answers.refused(4 * STROKES) == []
    snapshot = olga.call("meeting:snapshot", {"meeting_id": m})["data"]
    assert sum(1 for a in snapshot["annotations"] if a["complete"]) == STROKES


def test_coming_and_going_sent_without_waiting_keep_their_order(seeded_server):
    """Joins and leaves wait for changes when the server is busy (server/store_threads.py),
    but never for each other: the last one sent decides."""
    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    (olga,) = joined(live, seeded, "olga")
    answers = Answers()

    for _ in range(STROKES):
        olga.sio.emit("meeting:leave", {"meeting_id": m}, callback=answers.take)
        olga.sio.emit("meeting:join", {"meeting_id": m}, callback=answers.take)
    olga.sio.emit("meeting:leave", {"meeting_id": m}, callback=answers.take)
    assert answers.refused(2 * STROKES + 1) == []
    turn = olga.call("page:set", {"meeting_id": m, "document_id": d, "page": 1})
    assert turn["error"]["code"] == "not_joined"  # (the last leave came last)
