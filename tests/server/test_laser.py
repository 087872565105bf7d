"""The laser pointer on the real server: relayed to everyone else at once, presenter only,
never stored."""

from __future__ import annotations

import pytest

from tests.server.test_annotations import joined


def test_the_room_sees_the_pointer_and_it_is_never_stored(seeded_server):
    live, seeded = seeded_server
    olga, paul, dora = joined(live, seeded, "olga", "paul", "dora")
    m, d = seeded.meeting_id, seeded.documents[0]
    before = olga.call("meeting:snapshot", {"meeting_id": m})["data"]["state"]["seq"]
    for point in ([100.5, 200.25], None):
        olga.sio.emit("laser:move", {"meeting_id": m, "document_id": d, "page": 0,
                                     "point": point})  # volatile: no acknowledgement asked
        for follower in (paul, dora):
            assert follower.next_event() == ("laser", {
                "meeting_id": m, "user": "olga", "document_id": d, "page": 0, "point": point})
    assert olga.no_event()  # the sender does not get its own pointer back
    snapshot = live.peer("pia").call("meeting:join", {"meeting_id": m})["data"]
    assert snapshot["annotations"] == [] and snapshot["state"]["seq"] == before


@pytest.mark.parametrize(("who", "change", "code"), [
    ("paul", {}, "not_presenter"),
    ("olga", {"page": 999}, "not_found"),
    ("olga", {"point": [float("nan"), 1]}, "invalid_payload"),
    ("olga", {"point": [1, 2, 3]}, "invalid_payload"),
    ("olga", {"colour": "red"}, "invalid_payload"),
])
def test_bad_pointer_moves_are_refused(seeded_server, who, change, code):
    live, seeded = seeded_server
    peers = dict(zip(("olga", "paul", "pia"), joined(live, seeded, "olga", "paul", "pia"),
                     strict=True))
    payload = {"meeting_id": seeded.meeting_id, "document_id": seeded.documents[0], "page": 0,
               "point": [1, 2], **change}
    reply = peers[who].call("laser:move", payload)
    assert reply["ok"] is False and reply["error"]["code"] == code
    assert peers["pia"].no_event()


def test_pointer_needs_joining(seeded_server):
    live, seeded = seeded_server
    reply = live.peer("olga").call("laser:move", {
        "meeting_id": seeded.meeting_id, "document_id": seeded.documents[0], "page": 0,
        "point": [1, 2]})
    assert reply["error"]["code"] == "not_joined"
