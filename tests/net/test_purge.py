"""Materials removed at the end of a meeting leave the device: at once when it is connected,
at its next start when it was offline, and without the server once the access date passed."""

from __future__ import annotations

import time
from concurrent.futures import Future

from meeting.core.protection import Removal
from tests.net.test_offline import client  # noqa: F401 - the fixture
from tests.net.test_session import Recorder


def keep(session, recorder: Recorder, meeting_id: int) -> list[str]:
    """Open the meeting and keep it for offline reading; the hashes of its documents."""
    recorder.wait_for(lambda: recorder.online[-1:] == [True])
    session.keep_offline(meeting_id).result(timeout=30)
    hashes = [d.sha256 for d in session.kept_offline()[0].documents]
    assert all(session.cache.get(h) for h in hashes)
    return hashes


def meeting_list(session) -> list:
    """The server's meeting list, as soon as it answers (a future: it says when it is done)."""
    answer: Future = Future()
    session.list_meetings(answer.set_result)
    return answer.result(timeout=10)


def write_note(live, meeting_id: int, document_id: int) -> None:
    paul = live.peer("paul")
    paul.call("meeting:join", {"meeting_id": meeting_id})
    assert paul.call("annotation:put", {
        "meeting_id": meeting_id, "id": "pauls-note-9", "document_id": document_id,
        "page": 0, "layer": "private", "tool": "text", "color": "#1a73e8", "width": 2,
        "points": [[50.0, 50.0]], "text": "自分用メモ"})["ok"]


def test_a_connected_client_is_told_and_purges(seeded_server, client):  # noqa: F811
    live, seeded = seeded_server
    m = seeded.meeting_id
    write_note(live, m, seeded.documents[0])
    session, recorder = client()
    hashes = keep(session, recorder, m)
    session.join(m)
    recorder.wait_for(lambda: m in recorder.views)
    olga = live.peer("olga")
    olga.call("meeting:protect", {"meeting_id": m, "removal": "files_and_notes"})
    olga.call("meeting:end", {"meeting_id": m})

    recorder.wait_for(lambda: recorder.materials_gone)
    gone = recorder.materials_gone[0]
    assert gone.meeting_id == m and gone.removal is Removal.FILES_AND_NOTES
    assert [n.id for n in gone.snapshot.annotations if n.layer == "private"] == ["pauls-note-9"]
    assert session.view(m) is None  # no longer followed (nor rejoined after a reconnect)
    assert session.purge(gone) == len(hashes)
    assert not any(session.cache.get(h) for h in hashes)
    assert session.kept_offline() == []


def test_a_client_that_was_offline_purges_at_its_next_start(seeded_server, client):  # noqa: F811
    live, seeded = seeded_server
    m = seeded.meeting_id
    first, recorder = client()
    hashes = keep(first, recorder, m)
    first.close()  # the device is away when the meeting ends

    olga = live.peer("olga")
    olga.call("meeting:protect", {"meeting_id": m, "removal": "files"})
    olga.call("meeting:end", {"meeting_id": m})

    second, recorder = client()
    recorder.wait_for(lambda: recorder.online[-1:] == [True])
    removed = second.removed_meetings(meeting_list(second))
    assert [(r.meeting_id, r.removal) for r in removed] == [(m, Removal.FILES)]
    second.purge(removed[0])
    assert not any(second.cache.get(h) for h in hashes) and second.kept_offline() == []
    # Reopened by the organizer: nothing is flagged any more.
    olga.call("meeting:reopen", {"meeting_id": m})
    assert second.removed_meetings(meeting_list(second)) == []


def test_an_expired_meeting_is_purged_without_the_server(seeded_server, client):  # noqa: F811
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga = live.peer("olga")
    expires_at = time.time() + 3  # (time enough to keep it first)
    olga.call("meeting:protect", {"meeting_id": m, "expires_at": expires_at})
    first, recorder = client()
    hashes = keep(first, recorder, m)
    assert first.expired_meetings() == []
    first.close()
    live.down()
    time.sleep(max(0.0, expires_at - time.time()) + 0.05)  # until the date has passed

    offline, _ = client()
    expired = offline.expired_meetings()
    assert [(e.meeting_id, e.removal) for e in expired] == [(m, Removal.FILES)]
    offline.purge(expired[0])
    assert not any(offline.cache.get(h) for h in hashes)
