"""Who is here, where, and following: kept by the server per connection, told to everyone."""

from __future__ import annotations

import requests

from tests.helpers.live import login
from tests.server.test_annotations import joined


def people(peer, condition) -> dict:
    """Who is here, once the server's newest list satisfies `condition` (a dict by name)."""
    def by_name(data) -> dict:
        return {p["name"]: p for p in data["people"]}
    return by_name(peer.presence_until(lambda data: condition(by_name(data))))


def test_presence_follows_joins_settings_and_departures(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, paul_tablet, dora = joined(live, seeded, "olga", "paul", "dora")
    snapshot = live.peer("pia").call("meeting:join", {"meeting_id": m})["data"]
    assert {p["name"] for p in snapshot["people"]} == {"olga", "paul", "dora", "pia"}
    seen = people(olga, lambda seen: len(seen) == 4)
    assert seen["dora"]["place"] == "room" and seen["paul"]["place"] == "remote"

    assert paul_tablet.call("presence:set", {"meeting_id": m, "following": False,
                                             "place": "room"}) == {"ok": True, "data": None}
    seen = people(olga, lambda seen: seen["paul"]["place"] == "room")
    assert seen["paul"] == {"name": "paul", "role": "participant", "place": "room",
                            "following": False, "devices": 1}
    (paul_laptop,) = joined(live, seeded, "paul")  # a second device: still one person
    seen = people(olga, lambda seen: seen["paul"]["devices"] == 2)
    assert seen["paul"]["following"] is True  # following on one device of two
    paul_laptop.close()
    paul_tablet.call("meeting:leave", {"meeting_id": m})
    people(olga, lambda seen: "paul" not in seen)  # (times out if he stays)
    refused = paul_tablet.call("presence:set", {"meeting_id": m, "following": True,
                                                "place": "room"})
    assert refused["error"]["code"] == "not_joined"
    assert dora.call("presence:set", {"meeting_id": m, "following": True, "place": "moon"}
                     )["error"]["code"] == "invalid_payload"


def test_a_person_in_a_browser_and_on_a_tablet_counts_as_remote_in_the_app(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, paul_browser, paul_tablet = joined(live, seeded, "olga", "paul", "paul")
    paul_browser.call("presence:set", {"meeting_id": m, "following": True, "place": "browser"})
    paul_tablet.call("meeting:leave", {"meeting_id": m})
    people(olga, lambda seen: seen.get("paul", {}).get("place") == "browser")  # (or times out)
    paul_tablet.call("meeting:join", {"meeting_id": m})
    people(olga, lambda seen: seen["paul"]["devices"] == 2 and seen["paul"]["place"] == "remote")


def test_an_organizer_removes_someone_and_everyone_sees_it(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, pia, paul_tablet, paul_laptop = joined(live, seeded, "olga", "pia", "paul", "paul")
    people(pia, lambda seen: seen.get("paul", {}).get("devices") == 2)
    sha256 = paul_tablet.call("meeting:snapshot", {"meeting_id": m})["data"]["documents"][0][
        "sha256"]

    assert olga.call("member:remove", {"meeting_id": m, "user": "paul"}) == {
        "ok": True, "data": None}
    notice = {"meeting_id": m, "user": "paul", "by": "olga"}
    for peer in (pia, paul_tablet, paul_laptop):  # paul's devices hear it too, then leave
        assert _next(peer, "member:removed") == notice
    assert "paul" not in people(pia, lambda seen: "paul" not in seen)

    olga.call("page:set", {"meeting_id": m, "document_id": seeded.documents[0], "page": 1})
    for device in (paul_tablet, paul_laptop):  # no more of the meeting reaches him
        assert device.no_event()
        assert device.call("meeting:join", {"meeting_id": m})["error"]["code"] == "not_found"
        assert device.call("page:set", {"meeting_id": m, "document_id": seeded.documents[0],
                                        "page": 0})["error"]["code"] == "not_found"
    listed = [meeting["id"] for meeting in paul_tablet.call("meetings:list")["data"]]
    assert m not in listed
    response = requests.get(f"{live.url}/api/documents/{sha256}", timeout=10,
                            headers={"Authorization": f"Bearer {login(live.url, 'paul')}"})
    assert response.status_code == 404  # nor its documents over HTTP


def test_who_may_remove_whom(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, paul, dora = joined(live, seeded, "olga", "paul", "dora")
    cases = [
        (paul, "pia", "forbidden"),  # a participant may not
        (dora, "pia", "forbidden"),  # nor a display account
        (olga, "olga", "forbidden"),  # nobody removes themselves
        (olga, "otto", "not_found"),  # not in the meeting
        (olga, "nobody", "not_found"),
    ]
    for sender, target, code in cases:
        reply = sender.call("member:remove", {"meeting_id": m, "user": target})
        assert reply["error"]["code"] == code, (target, reply)
    admin = live.peer("admin")
    assert admin.call("member:remove", {"meeting_id": m, "user": "olga"}
                      )["error"]["code"] == "conflict"  # she presents: hand over first
    outsider = live.peer("otto")
    assert outsider.call("member:remove", {"meeting_id": m, "user": "paul"}
                         )["error"]["code"] == "not_found"  # the meeting is not his to see
    assert olga.call("member:remove", {"meeting_id": m, "user": "paul", "extra": 1}
                     )["error"]["code"] == "invalid_payload"
    assert paul.call("meeting:snapshot", {"meeting_id": m})["ok"]  # nothing changed


def _next(peer, event: str) -> dict:
    """The next broadcast of this event (others, e.g. meeting:state, are skipped)."""
    while True:
        name, data = peer.next_event()
        if name == event:
            return data
