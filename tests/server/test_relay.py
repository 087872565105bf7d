"""The coalescing rules of the meeting's sender (server/relay.py), without a server: which pen
points may join the batch waiting to be sent, and what that batch then says."""

from __future__ import annotations

from server.relay import MAX_BATCH_POINTS, InkBatch, Message, SendQueue

ROOM = "meeting:1"


def batch(offset: int = 0, count: int = 4, seq: int | None = 7, stroke: str = "s1",
          room: str = ROOM, pressure: tuple[float, ...] = ()) -> InkBatch:
    return InkBatch(1, room, seq, stroke, offset, [(float(i), 1.0) for i in range(count)],
                    pressure)


def queued(*entries) -> SendQueue:
    queue = SendQueue()
    for entry in entries:
        queue.push(entry)
    return queue


def test_the_next_points_of_the_stroke_join_the_waiting_batch():
    waiting = batch()
    assert queued(waiting).batch_for(ROOM, "s1", 4, 7, 4) is waiting


def test_points_that_do_not_follow_on_start_a_batch_of_their_own():
    queue = queued(batch())
    assert queue.batch_for(ROOM, "s1", 5, 7, 4) is None  # a gap
    assert queue.batch_for(ROOM, "s1", 3, 7, 4) is None  # an overlap
    assert queue.batch_for(ROOM, "s2", 4, 7, 4) is None  # another stroke
    assert queue.batch_for("meeting:1:user:paul", "s1", 4, 7, 4) is None  # another room


def test_nothing_joins_a_batch_once_the_meeting_numbered_another_change():
    """A follower ignores a `seq` it has seen: points stored after a newer change must carry a
    newer number, so they cannot go out under the old one."""
    assert queued(batch(seq=7)).batch_for(ROOM, "s1", 4, 8, 4) is None


def test_private_points_have_no_number_and_still_join():
    waiting = batch(seq=None, room="meeting:1:user:paul")
    assert queued(waiting).batch_for("meeting:1:user:paul", "s1", 4, None, 4) is waiting


def test_points_never_pass_what_was_queued_after_the_batch():
    """A page turn queued after the batch: the points that come next go after it too."""
    turn = Message("meeting:state", {"meeting_id": 1, "seq": 7}, ROOM)
    assert queued(batch(), turn).batch_for(ROOM, "s1", 4, 7, 4) is None


def test_only_the_last_entry_takes_points():
    earlier, later = batch(stroke="s1"), batch(stroke="s2")
    queue = queued(earlier, later)
    assert queue.batch_for(ROOM, "s1", 4, 7, 4) is None
    assert queue.batch_for(ROOM, "s2", 4, 7, 4) is later


def test_a_batch_stays_within_one_message():
    queue = queued(batch(count=MAX_BATCH_POINTS - 4))
    assert queue.batch_for(ROOM, "s1", MAX_BATCH_POINTS - 4, 7, 4) is not None
    assert queue.batch_for(ROOM, "s1", MAX_BATCH_POINTS - 4, 7, 5) is None


def test_a_snapshot_seals_what_waits():
    """Whoever took the snapshot has these points and ignores the batch's `seq`: later points
    must go in a batch of their own, numbered after the snapshot."""
    queue = queued(batch())
    queue.seal()
    assert queue.batch_for(ROOM, "s1", 4, 7, 4) is None


def test_the_joined_batch_is_one_change_from_the_first_offset():
    waiting = batch(offset=8, count=2)
    waiting.extend([(5.0, 5.0), (6.0, 6.0)], ())
    event, payload = waiting.outgoing()
    assert event == "annotation"
    assert payload["kind"] == "points" and payload["seq"] == 7 and payload["offset"] == 8
    assert payload["points"] == [[0.0, 1.0], [1.0, 1.0], [5.0, 5.0], [6.0, 6.0]]
    assert payload["pressure"] == []


def test_pressure_of_joined_points_lines_up_with_them():
    """One batch from a stylus, one without pressure: full pressure for the second."""
    waiting = batch(count=2, pressure=(0.2, 0.4))
    waiting.extend([(5.0, 5.0)], ())
    assert waiting.outgoing()[1]["pressure"] == [0.2, 0.4, 1.0]
    plain = batch(count=2)
    plain.extend([(5.0, 5.0)], (0.5,))
    assert plain.outgoing()[1]["pressure"] == [1.0, 1.0, 0.5]


def test_a_message_next_in_line_need_not_wait_for_the_rooms_writes():
    """Points can join the batch waiting, a page turn cannot: it goes at once."""
    turn = Message("meeting:state", {"meeting_id": 1, "seq": 8}, ROOM)
    assert not queued().message_next()
    assert not queued(batch(), turn).message_next()
    assert queued(turn, batch()).message_next()
