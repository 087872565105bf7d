"""A bad link: a client's connection is cut (a proxy in between drops it and refuses it for a
while) while the presenter keeps turning pages and drawing. Afterwards everyone has everything:
the follower resyncs, the presenter's unacknowledged strokes are resent, nothing is doubled."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from meeting.core.annotations import Layer, Tool
from meeting.net.session import MeetingSession
from tests.helpers.proxy import CuttableProxy
from tests.net.test_session import Recorder, signed_in


@pytest.fixture
def through_proxy(seeded_server, tmp_path):
    """Sessions that reach the server through a proxy of their own."""
    live, seeded = seeded_server
    opened: list[tuple[MeetingSession, CuttableProxy]] = []

    def open_as(name: str) -> tuple[MeetingSession, Recorder, CuttableProxy]:
        proxy = CuttableProxy(urlsplit(live.url).port)
        session, recorder = signed_in(proxy.url, name, tmp_path)
        session.join(seeded.meeting_id)
        recorder.wait_for(lambda: seeded.meeting_id in recorder.views)
        opened.append((session, proxy))
        return session, recorder, proxy

    yield open_as
    for session, proxy in opened:
        session.close()
        proxy.close()


def draw(session: MeetingSession, meeting_id: int, document_id: int, page: int, n: int,
         midway=None) -> str:
    """A stroke of `n` points sent in batches as it is drawn; `midway` runs halfway."""
    outbox = session.ink(meeting_id)
    stroke = outbox.start(document_id=document_id, page=page, layer=Layer.SHARED,
                          tool=Tool.PEN, color="#d93025", width=3, point=(100, 100))
    for i in range(1, n):
        outbox.add_point(stroke.id, (100 + i, 100 + (i % 7)))
        if i % 5 == 0:
            outbox.flush()
            time.sleep(0.01)  # a hand moves at this pace
        if midway and i == n // 2:
            midway()
    outbox.finish(stroke.id)
    return stroke.id


def test_the_follower_catches_up_and_the_presenters_strokes_all_arrive(seeded_server,
                                                                      through_proxy):
    live, seeded = seeded_server
    m, document = seeded.meeting_id, seeded.documents[1]
    presenter, p_rec, p_link = through_proxy("olga")
    _follower, f_rec, f_link = through_proxy("paul")

    f_link.cut()  # the follower's link goes down...
    f_rec.wait_for(lambda: f_rec.online[-1:] == [False])
    strokes = []
    for page in (1, 2):  # ...while the presenter turns pages and draws
        presenter.set_page(m, document, page)
        strokes.append(draw(presenter, m, document, page, 40))
    # the presenter's own link drops in the middle of a stroke, and comes back
    strokes.append(draw(presenter, m, document, 2, 60, midway=lambda: (
        p_link.cut(), time.sleep(0.3), p_link.restore())))
    strokes.append(draw(presenter, m, document, 2, 20))
    f_link.restore()

    def complete(recorder: Recorder) -> bool:
        view = recorder.views[m]
        shared = {a.id: a for a in view.snapshot.annotations}
        return (view.state.page == 2 and all(s in shared and shared[s].complete
                                             for s in strokes))

    f_rec.wait_for(lambda: complete(f_rec), timeout=30)
    p_rec.wait_for(lambda: complete(p_rec), timeout=30)
    assert f_rec.online.count(False) >= 1 and f_rec.online[-1] is True  # state was reported

    truth = live.peer("pia").call("meeting:join", {"meeting_id": m})["data"]  # the server's
    stored = {a["id"]: a for a in truth["annotations"]}
    assert set(strokes) <= set(stored)
    assert [len(stored[s]["points"]) for s in strokes] == [40, 40, 60, 20]  # none lost, none
    for recorder in (f_rec, p_rec):  # doubled, and both clients agree with the server
        mine = {a.id: a for a in recorder.views[m].snapshot.annotations}
        for s in strokes:
            assert [list(p) for p in mine[s].points] == stored[s]["points"]


def test_a_page_turned_while_the_presenters_link_is_down_is_turned_once_it_is_back(
        seeded_server, through_proxy):
    """The presenter turns to page 3 while the link is down (or before the rejoin is
    answered, when the server would refuse it): the room turns there once the presenter is
    back in the meeting. Only the latest such turn goes."""
    live, seeded = seeded_server
    m, document = seeded.meeting_id, seeded.documents[1]
    presenter, p_rec, p_link = through_proxy("olga")
    _follower, f_rec, _ = through_proxy("paul")
    pia = live.peer("pia")
    assert pia.call("meeting:join", {"meeting_id": m})["ok"]
    p_link.cut()
    p_rec.wait_for(lambda: p_rec.online[-1:] == [False])
    presenter.set_page(m, document, 2)
    presenter.set_page(m, document, 3)
    p_link.restore()
    f_rec.wait_for(lambda: f_rec.views[m].state.page == 3, timeout=20)
    assert f_rec.views[m].state.document_id == document
    turns = []
    while not turns or turns[-1] != 3:
        event, data = pia.next_event(timeout=10)
        if event == "meeting:state":
            turns.append(data["page"])
    assert turns == [3]  # (the latest only)
    assert not p_rec.failures
