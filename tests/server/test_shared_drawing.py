"""The organizer lets participants draw for the room and share their notes (server decides)."""

from __future__ import annotations

from tests.server.test_annotations import begin, drain, joined


def test_participants_draw_for_the_room_only_when_the_organizer_allows(seeded_server):
    live, seeded = seeded_server
    olga, paul, pia, dora = joined(live, seeded, "olga", "paul", "pia", "dora")
    m, d = seeded.meeting_id, seeded.documents[0]
    _, refused = begin(paul, m, d, layer="shared", points=[(1, 1)])
    assert refused["error"]["code"] == "not_presenter"

    assert paul.call("meeting:settings", {"meeting_id": m, "participants_draw": True}
                     )["error"]["code"] == "forbidden"
    allowed = olga.call("meeting:settings", {"meeting_id": m, "participants_draw": True})
    assert allowed["ok"] and allowed["data"]["participants_draw"] is True
    (state,) = drain(pia, 1, "meeting:state")
    assert state["participants_draw"] is True and state["seq"] == allowed["data"]["seq"]

    stroke, reply = begin(paul, m, d, layer="shared", points=[(1, 1), (5, 5)])
    assert reply["ok"]
    (seen,) = drain(pia, 1)
    assert seen["annotation"]["id"] == stroke and seen["annotation"]["owner"] == "paul"
    _, display = begin(dora, m, d, layer="shared", points=[(1, 1)])
    assert display["error"]["code"] == "forbidden"  # a display account never draws

    olga.call("meeting:settings", {"meeting_id": m, "participants_draw": False})
    _, again = begin(paul, m, d, layer="shared", points=[(1, 1)])
    assert again["error"]["code"] == "not_presenter"
    # what paul drew stays, and stays his to delete
    assert paul.call("annotation:delete", {"meeting_id": m, "ids": [stroke]})["data"] == {
        "deleted": [stroke]}


def test_sharing_a_private_note_with_the_room(seeded_server):
    live, seeded = seeded_server
    olga, paul, pia = joined(live, seeded, "olga", "paul", "pia")
    m, d = seeded.meeting_id, seeded.documents[0]
    note, _ = begin(paul, m, d, layer="private", points=[(10, 10), (20, 20)])
    drain(paul, 1)
    refused = paul.call("annotation:share", {"meeting_id": m, "id": note})
    assert refused["error"]["code"] == "not_presenter"
    assert pia.no_event()

    olga.call("meeting:settings", {"meeting_id": m, "participants_draw": True})
    drain(pia, 1, "meeting:state")
    assert pia.call("annotation:share", {"meeting_id": m, "id": note}
                    )["error"]["code"] == "not_found"  # not hers: not even told it exists
    shared = paul.call("annotation:share", {"meeting_id": m, "id": note})
    assert shared == {"ok": True, "data": {"id": note, "layer": "shared"}}
    (put,) = drain(pia, 1)
    assert put["kind"] == "put" and put["annotation"]["layer"] == "shared"
    assert put["annotation"]["points"] == [[10, 10], [20, 20]] and put["seq"] is not None
    snapshot = olga.call("meeting:snapshot", {"meeting_id": m})["data"]
    assert [a["layer"] for a in snapshot["annotations"] if a["id"] == note] == ["shared"]
