"""The outbox's rules, with the server's answers given by hand: a change is on disk before it
is sent, one change of a meeting is in flight at a time (a delete cannot overtake the edit
before it), nothing waits on an answer lost with its connection, and a resend goes once."""

from __future__ import annotations

import time

from meeting.core import retry
from meeting.core.annotations import AnnotationDelete, AnnotationPut
from meeting.net.offline import OfflineShelf
from meeting.net.outbox import Outbox


class Wire:
    """Where the outbox sends: each message with the callback its answer goes to, and what was
    on disk at the moment it was sent."""

    def __init__(self, shelf: OfflineShelf) -> None:
        self.shelf = shelf
        self.sent: list[tuple[str, object]] = []
        self.on_disk_when_sent: list[list[str]] = []

    def send(self, message, on_reply) -> None:
        self.on_disk_when_sent.append([e["event"] for e in self.shelf.pending(1)])
        self.sent.append((str(message.event), on_reply))

    def answer(self, index: int, ok: bool = True, code: str = "forbidden") -> None:
        self.sent[index][1]({"ok": ok, "data": {}} if ok else
                            {"ok": False, "error": {"code": code, "message": "no"}})


def put(n: int) -> AnnotationPut:
    return AnnotationPut(meeting_id=1, id=f"note-{n:05d}", document_id=1, page=0, layer="private",
                         tool="text", color="#202124", width=12, points=[[1.0, 2.0]],
                         text=f"note {n}")


def delete(n: int) -> AnnotationDelete:
    return AnnotationDelete(meeting_id=1, ids=[f"note-{n:05d}"])


def make(tmp_path) -> tuple[Outbox, Wire, list[int]]:
    shelf = OfflineShelf(tmp_path, "https://meet.example", "paul")
    wire, counts = Wire(shelf), []
    return Outbox(wire.send, shelf, counts.append), wire, counts


def test_a_change_is_on_disk_before_it_is_sent_and_leaves_when_answered(tmp_path):
    outbox, wire, counts = make(tmp_path)
    outbox.load(1)
    outbox.joined(1)
    outbox.add(put(1))
    assert wire.on_disk_when_sent == [["annotation:put"]]
    wire.answer(0)
    assert wire.shelf.pending(1) == []
    assert counts == [0, 1, 0]


def test_one_change_in_flight_so_a_delete_never_overtakes_its_edit(tmp_path):
    outbox, wire, _ = make(tmp_path)
    outbox.joined(1)
    outbox.add(put(1))
    outbox.add(delete(1))
    assert [event for event, _ in wire.sent] == ["annotation:put"]
    wire.answer(0)
    assert [event for event, _ in wire.sent] == ["annotation:put", "annotation:delete"]
    wire.answer(1, ok=False)  # refused for good: it leaves too, and is not sent again
    assert outbox.waiting == 0 and len(wire.sent) == 2


def test_a_change_whose_answer_was_lost_with_the_link_is_resent_once(tmp_path):
    outbox, wire, _ = make(tmp_path)
    outbox.joined(1)
    outbox.add(put(1))
    outbox.add(put(2))
    outbox.disconnected()  # the link died with note 1 in flight: its answer never comes
    outbox.add(put(3))  # (written meanwhile: kept, not sent)
    assert len(wire.sent) == 1
    outbox.joined(1)  # back: from the oldest, once
    assert [event for event, _ in wire.sent] == ["annotation:put"] * 2
    wire.answer(0)  # (an answer from the dead connection, were one to come: not taken)
    assert outbox.waiting == 3 and len(wire.sent) == 2
    for index in (1, 2, 3):
        wire.answer(index)
    assert outbox.waiting == 0 and len(wire.sent) == 4


def test_changes_kept_on_disk_come_back_after_a_crash(tmp_path):
    outbox, wire, _ = make(tmp_path)
    outbox.load(1)
    outbox.add(put(1))  # not joined: nothing sent, but on disk
    outbox.add(delete(1))
    assert wire.sent == []
    again, wire_again, counts = make(tmp_path)  # the program starts again, after a crash
    again.load(1)
    assert counts == [2]
    again.joined(1)
    wire_again.answer(0)
    assert [event for event, _ in wire_again.sent] == ["annotation:put", "annotation:delete"]


def test_a_change_the_server_did_not_take_waits_for_the_next_join(tmp_path):
    """Not joined (the meeting was left, or the rejoin not yet answered): not a refusal."""
    outbox, wire, _ = make(tmp_path)
    outbox.joined(1)
    outbox.add(put(1))
    outbox.left(1)
    outbox.add(put(2))
    wire.answer(0, ok=False, code="not_joined")
    assert outbox.waiting == 2 and len(wire.sent) == 1
    outbox.joined(1)
    wire.answer(1)
    wire.answer(2)
    assert outbox.waiting == 0 and [e for e, _ in wire.sent] == ["annotation:put"] * 3


def test_what_the_last_run_left_is_not_overwritten_by_a_change_made_before_loading(tmp_path):
    outbox, _, _ = make(tmp_path)
    outbox.add(put(1))  # (a run that ended with it waiting)
    again, wire, _ = make(tmp_path)
    again.add(put(2))  # a change before anything asked for the meeting's waiting ones
    again.joined(1)
    assert again.waiting == 2
    wire.answer(0)
    wire.answer(1)
    assert [e for e, _ in wire.sent] == ["annotation:put"] * 2 and again.waiting == 0


def test_a_change_refused_for_now_is_kept_said_once_and_sent_again(tmp_path, monkeypatch):
    """The server's disk full or its store failing: the change stays (on disk too), the user
    hears it once, and it goes again after a wait; a refusal for good still drops it."""
    monkeypatch.setattr(retry, "FIRST_WAIT_S", 0.05)
    shelf = OfflineShelf(tmp_path, "https://meet.example", "paul")
    wire, told = Wire(shelf), []
    outbox = Outbox(wire.send, shelf, lambda _: None, refused_for_now=told.append)
    try:
        outbox.joined(1)
        outbox.add(put(1))
        for attempt in range(3):
            wire.answer(attempt, ok=False, code="storage_full")
            assert outbox.waiting == 1 and len(shelf.pending(1)) == 1
            wait_until(lambda a=attempt: len(wire.sent) == a + 2)
        assert told == ["no"]  # (once, not at every attempt)
        wire.answer(3)
        assert outbox.waiting == 0 and shelf.pending(1) == []

        outbox.add(put(2))  # a new run of refusals is said again
        wire.answer(4, ok=False, code="internal_error")
        assert told == ["no", "no"]
        wait_until(lambda: len(wire.sent) == 6)
        wire.answer(5, ok=False, code="forbidden")  # for good: not kept
        assert outbox.waiting == 0
    finally:
        outbox.close()


def wait_until(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.01)
