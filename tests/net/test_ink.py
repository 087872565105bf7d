"""The client's stroke outbox against the real server: live batches, a drop mid-stroke, undo."""

from __future__ import annotations

import time

import pytest

from meeting.core.annotations import Layer, Tool
from meeting.core.ink import History, InkAction
from tests.net.test_session import open_session  # noqa: F401 - fixture


@pytest.fixture
def pair(seeded_server, open_session):  # noqa: F811
    _, seeded = seeded_server
    presenter, p_rec = open_session("olga")
    follower, f_rec = open_session("paul")
    for session, recorder in ((presenter, p_rec), (follower, f_rec)):
        session.join(seeded.meeting_id)
        recorder.wait_for(lambda r=recorder: seeded.meeting_id in r.views)
    return seeded, presenter, p_rec, follower, f_rec


def shared_strokes(recorder, meeting_id):
    view = recorder.views[meeting_id]
    return {a.id: a for a in view.snapshot.annotations}


def test_stroke_reaches_the_follower_while_drawn_and_when_finished(pair):
    seeded, presenter, _, _follower, f_rec = pair
    outbox = presenter.ink(seeded.meeting_id)
    stroke = outbox.start(document_id=seeded.documents[0], page=0, layer=Layer.SHARED,
                          tool=Tool.PEN, color="#1a73e8", width=2, point=(10, 10))
    f_rec.wait_for(lambda: stroke.id in shared_strokes(f_rec, seeded.meeting_id))
    for i in range(1, 40):
        outbox.add_point(stroke.id, (10 + i, 10 + i / 2))
    outbox.flush()
    f_rec.wait_for(lambda: len(shared_strokes(f_rec, seeded.meeting_id)[stroke.id].points) == 40)
    assert not shared_strokes(f_rec, seeded.meeting_id)[stroke.id].complete
    outbox.finish(stroke.id)
    f_rec.wait_for(lambda: shared_strokes(f_rec, seeded.meeting_id)[stroke.id].complete)
    eventually(lambda: outbox.in_flight() == [])


def eventually(condition, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_drop_in_the_middle_of_a_stroke_loses_nothing(pair, seeded_server):
    live, _ = seeded_server
    seeded, presenter, p_rec, _follower, f_rec = pair
    outbox = presenter.ink(seeded.meeting_id)
    stroke = outbox.start(document_id=seeded.documents[0], page=0, layer=Layer.SHARED,
                          tool=Tool.MARKER, color="#fbbc04", width=12, point=(0, 0))
    outbox.add_point(stroke.id, (1, 1))
    outbox.flush()
    f_rec.wait_for(lambda: len(shared_strokes(f_rec, seeded.meeting_id).get(
        stroke.id, stroke).points) == 2)
    live.restart()  # the server goes away and comes back while the pen is down
    for i in range(2, 30):
        outbox.add_point(stroke.id, (i, i))
    outbox.flush()  # some of these are sent to nobody
    outbox.finish(stroke.id)
    p_rec.wait_for(lambda: p_rec.online.count(True) >= 2, timeout=20)
    f_rec.wait_for(lambda: f_rec.online.count(True) >= 2, timeout=20)

    def whole() -> bool:
        annotation = shared_strokes(f_rec, seeded.meeting_id).get(stroke.id)
        return annotation is not None and annotation.complete and len(annotation.points) == 30

    f_rec.wait_for(whole, timeout=20)
    points = shared_strokes(f_rec, seeded.meeting_id)[stroke.id].points
    assert points == tuple((float(i), float(i)) for i in range(30))


def test_undo_and_redo_of_a_stroke(pair):
    seeded, presenter, _p_rec, _, f_rec = pair
    outbox = presenter.ink(seeded.meeting_id)
    stroke = outbox.start(document_id=seeded.documents[0], page=0, layer=Layer.SHARED,
                          tool=Tool.PEN, color="#000000", width=2, point=(5, 5))
    outbox.add_point(stroke.id, (6, 6))
    outbox.finish(stroke.id)
    f_rec.wait_for(lambda: stroke.id in shared_strokes(f_rec, seeded.meeting_id))
    history = History()
    history.record(InkAction(added=(stroke.as_data("olga"),)))
    presenter.perform(seeded.meeting_id, history.undo())
    f_rec.wait_for(lambda: stroke.id not in shared_strokes(f_rec, seeded.meeting_id))
    presenter.perform(seeded.meeting_id, history.redo())
    f_rec.wait_for(lambda: stroke.id in shared_strokes(f_rec, seeded.meeting_id))
    assert shared_strokes(f_rec, seeded.meeting_id)[stroke.id].points == ((5, 5), (6, 6))


def test_a_refused_stroke_is_reported_and_dropped(pair):
    seeded, _, _, follower, f_rec = pair
    outbox = follower.ink(seeded.meeting_id)
    outbox.start(document_id=seeded.documents[0], page=0, layer=Layer.SHARED, tool=Tool.PEN,
                 color="#000000", width=2, point=(5, 5))
    f_rec.wait_for(lambda: bool(f_rec.failures))
    assert "presenter" in f_rec.failures[0]
    eventually(lambda: outbox.in_flight() == [])
