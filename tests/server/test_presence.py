"""Who is here, where, and following: kept by the server per connection, told to everyone."""

from __future__ import annotations

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
