"""What the room's screens show: blank, hold the followers, zoom to a region."""

from __future__ import annotations

import pytest

from tests.server.test_annotations import drain, joined


def test_presenter_blanks_locks_and_zooms_and_everyone_hears_it(seeded_server):
    live, seeded = seeded_server
    olga, paul, dora = joined(live, seeded, "olga", "paul", "dora")
    m = seeded.meeting_id
    for event, payload, field, value in (
            ("display:blank", {"blank": "black"}, "blank", "black"),
            ("display:blank", {"blank": "white"}, "blank", "white"),
            ("display:blank", {"blank": None}, "blank", None),
            ("followers:lock", {"locked": True}, "locked", True),
            ("view:zoom", {"region": [100, 200, 300, 320]}, "zoom", [100, 200, 300, 320])):
        reply = olga.call(event, {"meeting_id": m, **payload})
        assert reply["ok"] and reply["data"][field] == value, reply
        for follower in (paul, dora):
            (state,) = drain(follower, 1, "meeting:state")
            assert state[field] == value and state["seq"] == reply["data"]["seq"]
    turned = olga.call("page:set", {"meeting_id": m, "document_id": seeded.documents[0],
                                    "page": 1})["data"]
    assert turned["zoom"] is None and turned["locked"] is True  # a new page: the whole page
    live.restart()
    state = live.peer("pia").call("meeting:join", {"meeting_id": m})["data"]["state"]
    assert state["locked"] is True and state["blank"] is None


@pytest.mark.parametrize(("who", "event", "payload", "code"), [
    ("paul", "display:blank", {"blank": "black"}, "not_presenter"),
    ("dora", "followers:lock", {"locked": True}, "not_presenter"),
    ("olga", "display:blank", {"blank": "grey"}, "invalid_payload"),
    ("olga", "view:zoom", {"region": [10, 10, 5, 50]}, "invalid_payload"),
    ("olga", "view:zoom", {"region": [1, 2, 3]}, "invalid_payload"),
    ("olga", "followers:lock", {"locked": "yes"}, "invalid_payload"),
])
def test_refused(seeded_server, who, event, payload, code):
    live, seeded = seeded_server
    peers = dict(zip(("olga", "paul", "dora"), joined(live, seeded, "olga", "paul", "dora"),
                     strict=True))
    reply = peers[who].call(event, {"meeting_id": seeded.meeting_id, **payload})
    assert reply["ok"] is False and reply["error"]["code"] == code


def test_an_organizer_may_step_in_without_presenting(seeded_server):
    live, seeded = seeded_server
    (admin,) = joined(live, seeded, "admin")
    assert admin.call("display:blank", {"meeting_id": seeded.meeting_id, "blank": "black"})["ok"]
