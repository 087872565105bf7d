"""Annotations on the real server: live strokes, late join, restart, resend, private isolation."""

from __future__ import annotations

import uuid

import pytest


def stroke_id() -> str:
    return uuid.uuid4().hex


def begin(peer, meeting_id, document_id, *, layer="shared", points=(), page=0, sid=None,
          tool="pen") -> tuple[str, dict]:
    annotation_id = sid or stroke_id()
    reply = peer.call("annotation:begin", {
        "meeting_id": meeting_id, "id": annotation_id, "document_id": document_id, "page": page,
        "layer": layer, "tool": tool, "color": "#d93025", "width": 2.5,
        "points": [list(p) for p in points]})
    return annotation_id, reply


def joined(live, seeded, *names):
    peers = [live.peer(name) for name in names]
    for peer in peers:
        assert peer.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]
    return peers


def drain(peer, count, event="annotation"):
    changes = []
    while len(changes) < count:
        name, data = peer.next_event()
        if name == event:
            changes.append(data)
    return changes


def test_shared_stroke_streams_live_to_followers(seeded_server):
    live, seeded = seeded_server
    olga, paul, pia = joined(live, seeded, "olga", "paul", "pia")
    m, d = seeded.meeting_id, seeded.documents[0]
    sid, reply = begin(olga, m, d, points=[(10, 10), (11, 12)])
    assert reply == {"ok": True, "data": {"id": sid, "count": 2}}
    more = olga.call("annotation:points", {"meeting_id": m, "id": sid, "offset": 2,
                                           "points": [[12, 14], [13, 16]]})
    assert more["data"]["count"] == 4
    assert olga.call("annotation:end", {"meeting_id": m, "id": sid, "count": 4})["ok"]
    for follower in (paul, pia):
        begun, points, ended = drain(follower, 3)
        assert begun["kind"] == "begin" and begun["annotation"]["points"] == [[10, 10], [11, 12]]
        assert begun["annotation"]["owner"] == "olga" and not begun["annotation"]["complete"]
        assert points["kind"] == "points" and points["offset"] == 2
        assert points["points"] == [[12, 14], [13, 16]]
        assert ended == {**ended, "kind": "end", "id": sid}
        assert [begun["seq"], points["seq"], ended["seq"]] == [begun["seq"] + i for i in range(3)]


def test_late_joiner_and_restart_get_every_shared_annotation(seeded_server):
    live, seeded = seeded_server
    (olga,) = joined(live, seeded, "olga")
    m, d = seeded.meeting_id, seeded.documents[1]
    ids = []
    for page in (0, 3):
        sid, _ = begin(olga, m, d, page=page, points=[(1, 1), (50, 60)])
        olga.call("annotation:end", {"meeting_id": m, "id": sid, "count": 2})
        ids.append(sid)
    late = live.peer("paul").call("meeting:join", {"meeting_id": m})["data"]
    assert [a["id"] for a in late["annotations"]] == ids
    assert all(a["complete"] for a in late["annotations"])
    live.restart()
    after = live.peer("pia").call("meeting:join", {"meeting_id": m})["data"]
    assert after["annotations"] == late["annotations"]
    assert after["state"]["seq"] == late["state"]["seq"]


def test_resend_is_idempotent_and_gaps_are_reported(seeded_server):
    live, seeded = seeded_server
    olga, paul = joined(live, seeded, "olga", "paul")
    m, d = seeded.meeting_id, seeded.documents[0]
    sid, _ = begin(olga, m, d, points=[(0, 0)])
    _, again = begin(olga, m, d, points=[(0, 0)], sid=sid)  # the begin resent after a drop
    assert again["data"]["count"] == 1
    batch = {"meeting_id": m, "id": sid, "offset": 1, "points": [[1, 1], [2, 2]]}
    assert olga.call("annotation:points", batch)["data"]["count"] == 3
    assert olga.call("annotation:points", batch)["data"]["count"] == 3  # duplicate: no change
    overlap = {**batch, "offset": 2, "points": [[2, 2], [3, 3]]}
    assert olga.call("annotation:points", overlap)["data"]["count"] == 4
    gap = olga.call("annotation:points", {**batch, "offset": 9})
    assert gap["error"]["code"] == "conflict" and "resend from 4" in gap["error"]["message"]
    early_end = olga.call("annotation:end", {"meeting_id": m, "id": sid, "count": 6})
    assert early_end["error"]["code"] == "conflict"
    assert olga.call("annotation:end", {"meeting_id": m, "id": sid, "count": 4})["ok"]
    changes = drain(paul, 4)
    assert [c["kind"] for c in changes] == ["begin", "points", "points", "end"]
    assert changes[2]["offset"] == 3 and changes[2]["points"] == [[3, 3]]
    stored = paul.call("meeting:snapshot", {"meeting_id": m})["data"]["annotations"]
    assert stored[0]["points"] == [[0, 0], [1, 1], [2, 2], [3, 3]]


def test_a_stroke_that_arrived_in_part_and_is_put_whole_is_finished(seeded_server):
    """Its client crashed mid-stroke and put the stroke whole on the next start: the rest
    arrives as if its last batch and its end had come (and a second put changes nothing)."""
    live, seeded = seeded_server
    olga, paul = joined(live, seeded, "olga", "paul")
    m, d = seeded.meeting_id, seeded.documents[0]
    sid, _ = begin(olga, m, d, points=[(0, 0), (1, 1)])
    whole = {"meeting_id": m, "id": sid, "document_id": d, "page": 0, "layer": "shared",
             "tool": "pen", "color": "#d93025", "width": 2.5,
             "points": [[0, 0], [1, 1], [2, 2], [3, 3]]}
    assert olga.call("annotation:put", whole)["data"] == {"id": sid, "count": 4}
    assert olga.call("annotation:put", whole)["data"] == {"id": sid, "count": 4}
    begun, points, ended = drain(paul, 3)
    assert (points["kind"], points["offset"], points["points"]) == ("points", 2, [[2, 2], [3, 3]])
    assert ended["kind"] == "end" and [points["seq"], ended["seq"]] == [
        begun["seq"] + 1, begun["seq"] + 2]
    assert paul.no_event()
    stored = paul.call("meeting:snapshot", {"meeting_id": m})["data"]["annotations"]
    assert stored[0]["points"] == whole["points"] and stored[0]["complete"]


def test_private_notes_reach_only_their_owner(seeded_server):
    live, seeded = seeded_server
    paul_tablet, paul_laptop, pia, olga = joined(live, seeded, "paul", "paul", "pia", "olga")
    m, d = seeded.meeting_id, seeded.documents[0]
    sid, reply = begin(paul_tablet, m, d, layer="private", points=[(5, 5)])
    assert reply["ok"]
    paul_tablet.call("annotation:end", {"meeting_id": m, "id": sid, "count": 1})
    assert [c["kind"] for c in drain(paul_laptop, 2)] == ["begin", "end"]
    assert all(c["seq"] is None for c in drain(paul_tablet, 2))
    assert pia.no_event() and olga.no_event()
    for other in (pia, olga):
        snapshot = other.call("meeting:snapshot", {"meeting_id": m})["data"]
        assert snapshot["annotations"] == []
        refused = other.call("annotation:delete", {"meeting_id": m, "ids": [sid]})
        assert refused["error"]["code"] == "not_found"
        hijack = other.call("annotation:points", {"meeting_id": m, "id": sid, "offset": 1,
                                                  "points": [[9, 9]]})
        assert hijack["error"]["code"] == "not_found"
    mine = paul_laptop.call("meeting:snapshot", {"meeting_id": m})["data"]["annotations"]
    assert [a["id"] for a in mine] == [sid]


def test_only_the_presenter_draws_on_the_shared_layer(seeded_server):
    live, seeded = seeded_server
    paul, dora = joined(live, seeded, "paul", "dora")
    _, reply = begin(paul, seeded.meeting_id, seeded.documents[0], points=[(1, 1)])
    assert reply["error"]["code"] == "not_presenter"
    _, display = begin(dora, seeded.meeting_id, seeded.documents[0], layer="private")
    assert display["error"]["code"] == "forbidden"


def test_delete_undo_and_clear_page(seeded_server):
    live, seeded = seeded_server
    olga, paul = joined(live, seeded, "olga", "paul")
    m, d = seeded.meeting_id, seeded.documents[0]
    ids = []
    for _ in range(3):
        sid, _ = begin(olga, m, d, points=[(1, 1), (2, 2)])
        olga.call("annotation:end", {"meeting_id": m, "id": sid, "count": 2})
        ids.append(sid)
    drain(paul, 6)
    deleted = olga.call("annotation:delete", {"meeting_id": m, "ids": [ids[0], "x" * 10]})
    assert deleted["data"] == {"deleted": [ids[0]]}
    assert drain(paul, 1)[0]["ids"] == [ids[0]]
    cleared = olga.call("page:clear", {"meeting_id": m, "document_id": d, "page": 0})["data"]
    assert [a["id"] for a in cleared["annotations"]] == ids[1:]
    assert drain(paul, 1)[0]["ids"] == ids[1:]
    for annotation in cleared["annotations"]:  # undo the clear
        put = {k: annotation[k] for k in ("id", "document_id", "page", "layer", "tool", "color",
                                           "width", "points")}
        assert olga.call("annotation:put", {"meeting_id": m, **put})["ok"]
    snapshot = paul.call("meeting:snapshot", {"meeting_id": m})["data"]
    assert [a["id"] for a in snapshot["annotations"]] == ids[1:]
    refused = paul.call("page:clear", {"meeting_id": m, "document_id": d, "page": 0})
    assert refused["error"]["code"] == "not_presenter"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"points": [[float("nan"), 1]]}, "invalid_payload"),
        ({"points": [[1e12, 1]]}, "invalid_payload"),
        ({"points": [[1, 2, 3]]}, "invalid_payload"),
        ({"points": [[1, 2]] * 501}, "invalid_payload"),
        ({"tool": "laser-cannon"}, "invalid_payload"),
        ({"layer": "everyone"}, "invalid_payload"),
        ({"color": "red"}, "invalid_payload"),
        ({"width": 0}, "invalid_payload"),
        ({"id": "short"}, "invalid_payload"),
        ({"page": 999}, "not_found"),
        ({"document_id": 424242}, "not_found"),
    ],
)
def test_bad_strokes_are_refused_and_nothing_is_stored(seeded_server, change, code):
    live, seeded = seeded_server
    (olga,) = joined(live, seeded, "olga")
    payload = {"meeting_id": seeded.meeting_id, "id": stroke_id(),
               "document_id": seeded.documents[0], "page": 0, "layer": "shared", "tool": "pen",
               "color": "#000000", "width": 2, "points": [[1, 1]], **change}
    reply = olga.sio.call("annotation:begin", payload, timeout=10)
    assert reply["ok"] is False and reply["error"]["code"] == code, reply
    snapshot = olga.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]
    assert snapshot["annotations"] == []


def test_a_million_points_is_refused_without_dropping_the_connection(seeded_server):
    live, seeded = seeded_server
    (olga,) = joined(live, seeded, "olga")
    sid, _ = begin(olga, seeded.meeting_id, seeded.documents[0], points=[(0, 0)])
    batch = [[1.5, 2.5]] * 500
    for offset in range(1, 10_000, 500):
        reply = olga.call("annotation:points", {"meeting_id": seeded.meeting_id, "id": sid,
                                                "offset": offset, "points": batch})
        if not reply["ok"]:
            break
    assert reply["error"]["code"] == "invalid_payload"
    assert "at most 10000 points" in reply["error"]["message"]
    assert olga.call("meetings:list")["ok"]


def test_shapes_and_text_notes_are_put_whole_and_checked(seeded_server):
    live, seeded = seeded_server
    (olga,) = joined(live, seeded, "olga")
    m, d = seeded.meeting_id, seeded.documents[0]

    def put(tool, points, text="", layer="shared"):
        return olga.call("annotation:put", {
            "meeting_id": m, "id": stroke_id(), "document_id": d, "page": 0, "layer": layer,
            "tool": tool, "color": "#1a73e8", "width": 3, "points": points, "text": text})

    assert put("arrow", [[10, 10], [100, 40]])["ok"]
    assert put("rect", [[10, 10], [100, 40]])["ok"]
    assert put("text", [[72, 90]], "確認: 第3項の数値")["ok"]
    assert put("line", [[1, 1], [2, 2], [3, 3]])["error"]["code"] == "invalid_payload"
    assert put("text", [[72, 90]], "   ")["error"]["code"] == "invalid_payload"
    assert put("pen", [[72, 90]], "text on a pen")["error"]["code"] == "invalid_payload"
    assert put("text", [[72, 90]], "x" * 2001)["error"]["code"] == "invalid_payload"
    _, live_shape = begin(olga, m, d, tool="rect", points=[(1, 1)])
    assert live_shape["error"]["code"] == "invalid_payload"
    live.restart()
    snapshot = live.peer("paul").call("meeting:join", {"meeting_id": m})["data"]
    kept = [(a["tool"], a["text"]) for a in snapshot["annotations"]]
    assert kept == [("arrow", ""), ("rect", ""), ("text", "確認: 第3項の数値")]


def test_stylus_pressure_is_kept_per_point(seeded_server):
    live, seeded = seeded_server
    olga, paul = joined(live, seeded, "olga", "paul")
    m, d = seeded.meeting_id, seeded.documents[0]
    sid = stroke_id()
    start = {"meeting_id": m, "id": sid, "document_id": d, "page": 0, "layer": "shared",
             "tool": "pen", "color": "#202124", "width": 3, "points": [[1, 1], [2, 2]]}
    assert olga.call("annotation:begin", {**start, "pressure": [0.2, 0.4]})["ok"]
    more = {"meeting_id": m, "id": sid, "offset": 2, "points": [[3, 3], [4, 4]]}
    assert olga.call("annotation:points", {**more, "pressure": [0.9]}
                     )["error"]["code"] == "invalid_payload"  # one value per point
    assert olga.call("annotation:points", {**more, "pressure": [0, 1]}
                     )["error"]["code"] == "invalid_payload"  # (0, 1]
    assert olga.call("annotation:points", {**more, "pressure": [0.6, 1.0]})["ok"]
    begun, points = drain(paul, 2)
    assert begun["annotation"]["pressure"] == [0.2, 0.4]
    assert points["pressure"] == [0.6, 1.0]
    snapshot = paul.call("meeting:snapshot", {"meeting_id": m})["data"]
    (stroke,) = snapshot["annotations"]
    assert stroke["pressure"] == [0.2, 0.4, 0.6, 1.0] and len(stroke["points"]) == 4
    box = {**start, "id": stroke_id(), "tool": "rect", "points": [[1, 1], [9, 9]],
           "pressure": [0.5, 0.5]}
    assert olga.call("annotation:put", box)["error"]["code"] == "invalid_payload"
