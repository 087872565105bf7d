"""Two documents side by side: the presenter shows a second document beside the page."""

from __future__ import annotations

import pytest

from tests.server.test_annotations import drain, joined


def test_presenter_opens_turns_and_closes_the_second_document(seeded_server):
    live, seeded = seeded_server
    olga, paul = joined(live, seeded, "olga", "paul")
    m, report, reference = seeded.meeting_id, seeded.documents[0], seeded.documents[1]
    olga.call("page:set", {"meeting_id": m, "document_id": report, "page": 0})
    drain(paul, 1, "meeting:state")
    opened = olga.call("beside:set", {"meeting_id": m, "document_id": reference, "page": 2})
    assert opened["ok"], opened
    (state,) = drain(paul, 1, "meeting:state")
    assert state["beside"] == {"document_id": reference, "page": 2}
    assert (state["document_id"], state["page"]) == (report, 0)  # the page itself stays
    turned = olga.call("page:set", {"meeting_id": m, "document_id": report, "page": 1})
    assert turned["data"]["beside"] == {"document_id": reference, "page": 2}  # and so does it
    drain(paul, 1, "meeting:state")
    live.restart()
    state = live.peer("pia").call("meeting:join", {"meeting_id": m})["data"]["state"]
    assert state["beside"] == {"document_id": reference, "page": 2}
    olga, paul = joined(live, seeded, "olga", "paul")
    closed = olga.call("beside:set", {"meeting_id": m, "document_id": None})
    assert closed["ok"] and closed["data"]["beside"] is None
    (state,) = drain(paul, 1, "meeting:state")
    assert state["beside"] is None


@pytest.mark.parametrize(("who", "payload", "code"), [
    ("paul", {"document_id": 2, "page": 0}, "not_presenter"),
    ("dora", {"document_id": None}, "not_presenter"),
    ("olga", {"document_id": 999, "page": 0}, "not_found"),
    ("olga", {"document_id": 2, "page": 999}, "not_found"),
    ("olga", {"document_id": 2, "page": -1}, "invalid_payload"),
    ("olga", {"page": 0}, "invalid_payload"),
])
def test_refused(seeded_server, who, payload, code):
    live, seeded = seeded_server
    peers = dict(zip(("olga", "paul", "dora"), joined(live, seeded, "olga", "paul", "dora"),
                     strict=True))
    before = peers["olga"].call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]
    reply = peers[who].call("beside:set", {"meeting_id": seeded.meeting_id, **payload})
    assert reply["ok"] is False and reply["error"]["code"] == code
    after = peers["olga"].call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]
    assert after["state"] == before["state"]
