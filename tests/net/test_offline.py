"""Before the meeting and without a connection: materials kept on the device are read offline,
and notes made offline reach the server when the link is back, even across a restart of the
client."""

from __future__ import annotations

import pytest

from meeting.core.annotations import AnnotationData, Layer, Tool
from meeting.core.ink import InkAction
from meeting.net.api import ServerApi
from meeting.net.cache import DocumentCache
from meeting.net.offline import OfflineShelf
from meeting.net.session import MeetingSession
from tests.helpers.live import PASSWORD
from tests.net.test_session import Recorder


@pytest.fixture
def client(seeded_server, tmp_path):
    """Sessions of one device: the same cache and shelf each time, like a client restarted."""
    live, _ = seeded_server
    token = ServerApi(live.url).login("paul", PASSWORD)
    sessions = []

    def start() -> tuple[MeetingSession, Recorder]:
        recorder = Recorder()
        session = MeetingSession(live.url, token.token, token.user,
                                 DocumentCache(tmp_path / "cache"), recorder,
                                 shelf=OfflineShelf(tmp_path / "offline", live.url, "paul"))
        session.start()
        sessions.append(session)
        return session, recorder

    yield start
    for session in sessions:
        session.close()


def test_materials_kept_before_the_meeting_are_read_offline(seeded_server, client):
    live, seeded = seeded_server
    m = seeded.meeting_id
    session, recorder = client()
    recorder.wait_for(lambda: recorder.online[-1:] == [True])
    progress = []
    count = session.keep_offline(m, lambda done, total: progress.append((done, total))
                                 ).result(timeout=30)
    assert count == len(seeded.documents)
    assert progress[-1] == (count, count)
    session.close()

    live.down()  # at home, no connection
    offline, offline_recorder = client()
    assert [s.meeting.id for s in offline.kept_offline()] == [m]
    offline.join(m)  # shown at once from the device
    offline_recorder.wait_for(lambda: m in offline_recorder.views)
    view = offline_recorder.views[m]
    assert len(view.documents) == count and not offline.online
    for document in view.documents:  # every file is here, checked by its hash
        assert offline.fetch_document(document).result(timeout=1).stat().st_size == document.size

    live.up()
    offline_recorder.wait_for(lambda: offline_recorder.online[-1:] == [True], timeout=20)
    presenter = live.peer("olga")
    presenter.call("meeting:join", {"meeting_id": m})
    presenter.call("page:set", {"meeting_id": m, "document_id": seeded.documents[2], "page": 1})
    offline_recorder.wait_for(lambda: offline_recorder.views[m].state.page == 1, timeout=20)


def test_notes_made_offline_reach_the_server_after_a_restart_of_the_client(seeded_server,
                                                                         client):
    live, seeded = seeded_server
    m, document = seeded.meeting_id, seeded.documents[0]
    first, recorder = client()
    first.join(m)
    recorder.wait_for(lambda: m in recorder.views)  # opened once: kept on the device
    live.down()
    recorder.wait_for(lambda: recorder.online[-1:] == [False])

    outbox = first.ink(m)  # a stroke, drawn offline
    stroke = outbox.start(document_id=document, page=0, layer=Layer.PRIVATE, tool=Tool.PEN,
                          color="#1a73e8", width=2, point=(50, 50))
    for i in range(1, 25):
        outbox.add_point(stroke.id, (50 + i, 50 + i))
    outbox.finish(stroke.id)
    note = AnnotationData(id="offline-note-1", owner="paul", document_id=document, page=0,
                          layer=Layer.PRIVATE, tool=Tool.TEXT, color="#202124", width=12,
                          points=((100.0, 200.0),), complete=True, text="要確認: 予算の根拠")
    first.perform(m, InkAction(added=(note,)))  # a typed note, offline
    first.close()  # and the program is closed before the link is back

    second, second_recorder = client()
    second.join(m)  # still offline: the notes are there, from the device
    second_recorder.wait_for(lambda: m in second_recorder.views)
    shown = {a.id: a for a in second_recorder.views[m].snapshot.annotations}
    assert stroke.id in shown and len(shown[stroke.id].points) == 25
    assert shown["offline-note-1"].text == "要確認: 予算の根拠"

    live.up()  # the link is back: the notes go to the server
    second_recorder.wait_for(lambda: second_recorder.online[-1:] == [True], timeout=20)
    other_device = live.peer("paul")

    def stored() -> dict:
        data = other_device.call("meeting:join", {"meeting_id": m})["data"]
        return {a["id"]: a for a in data["annotations"]}

    second_recorder.wait_for(lambda: second.shelf.pending(m) == [], timeout=20)
    on_server = stored()
    assert len(on_server[stroke.id]["points"]) == 25
    assert on_server["offline-note-1"]["text"] == "要確認: 予算の根拠"
    assert on_server["offline-note-1"]["owner"] == "paul"


def test_a_stroke_drawn_offline_survives_a_crash_of_the_client(seeded_server, client):
    """On disk once finished, not only when the program closes: a crash keeps it too."""
    live, seeded = seeded_server
    m, document = seeded.meeting_id, seeded.documents[0]
    first, recorder = client()
    first.join(m)
    recorder.wait_for(lambda: m in recorder.views)
    live.down()
    recorder.wait_for(lambda: recorder.online[-1:] == [False])
    outbox = first.ink(m)
    stroke = outbox.start(document_id=document, page=0, layer=Layer.PRIVATE, tool=Tool.PEN,
                          color="#1a73e8", width=2, point=(10, 10))
    for i in range(1, 30):
        outbox.add_point(stroke.id, (10 + i, 10 + 2 * i))
    outbox.finish(stroke.id)
    assert recorder.waiting[-1] == 1  # (told: one change waiting)
    first.connection.close()  # the program dies here: nothing of `close` runs

    live.up()
    second, second_recorder = client()
    second.join(m)
    second_recorder.wait_for(lambda: second.shelf.pending(m) == [], timeout=30)
    on_server = {a["id"]: a for a in live.peer("paul").call(
        "meeting:join", {"meeting_id": m})["data"]["annotations"]}
    assert len(on_server[stroke.id]["points"]) == 30 and on_server[stroke.id]["complete"]
