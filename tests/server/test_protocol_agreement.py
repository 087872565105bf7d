"""The server does what docs/protocol.md says, checked the way a client written from that page
alone would see it: real Socket.IO clients and plain HTTP against the real server."""

from __future__ import annotations

import re
import uuid

import pytest
import requests

from meeting.core.protocol import CLIENT_PAYLOADS, SERVER_MESSAGES
from tests.helpers.live import login


def _document(live, meeting_id: int) -> dict:
    peer = live.peer("paul")
    snapshot = peer.call("meeting:join", {"meeting_id": meeting_id})["data"]
    return snapshot["documents"][0]


def test_a_document_is_tagged_with_its_hash_and_a_match_gets_304(seeded_server):
    live, seeded = seeded_server
    token = login(live.url, "paul")
    document = _document(live, seeded.meeting_id)
    url = f"{live.url}/api/documents/{document['sha256']}"
    auth = {"Authorization": f"Bearer {token}"}

    first = requests.get(url, headers=auth, timeout=10)
    assert first.status_code == 200
    assert first.headers["ETag"] == f'"{document["sha256"]}"'

    again = requests.get(url, headers={**auth, "If-None-Match": f'"{document["sha256"]}"'},
                         timeout=10)
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == f'"{document["sha256"]}"'

    other = requests.get(url, headers={**auth, "If-None-Match": f'"{"0" * 64}"'}, timeout=10)
    assert other.status_code == 200
    assert len(other.content) == document["size"]


def test_a_match_does_not_skip_the_check_of_who_may_read(seeded_server):
    live, seeded = seeded_server
    document = _document(live, seeded.meeting_id)
    outsider = {"Authorization": f"Bearer {login(live.url, 'otto')}",
                "If-None-Match": f'"{document["sha256"]}"'}
    response = requests.get(f"{live.url}/api/documents/{document['sha256']}", headers=outsider,
                            timeout=10)
    assert response.status_code == 404


def test_meetings_list_takes_no_payload_or_an_empty_one_and_refuses_fields(seeded_server):
    live, _ = seeded_server
    peer = live.peer("paul")
    assert peer.call("meetings:list")["ok"]
    assert peer.call("meetings:list", {})["ok"]
    refused = peer.call("meetings:list", {"page": 2})
    assert refused["ok"] is False
    assert refused["error"]["code"] == "invalid_payload"
    assert peer.call("meetings:list", [1])["error"]["code"] == "invalid_payload"


@pytest.mark.parametrize("event", sorted(CLIENT_PAYLOADS))
def test_every_event_refuses_an_unknown_field(seeded_server, event):
    live, seeded = seeded_server
    peer = live.peer("olga")
    reply = peer.call(str(event), {"meeting_id": seeded.meeting_id, "surprise": True})
    assert reply["ok"] is False
    assert reply["error"]["code"] == "invalid_payload"
    assert "surprise" in reply["error"]["message"]


def _begin(peer, meeting_id: int, document_id: int, points: int) -> str:
    stroke = uuid.uuid4().hex
    reply = peer.call("annotation:begin", {
        "meeting_id": meeting_id, "id": stroke, "document_id": document_id, "page": 0,
        "layer": "shared", "tool": "pen", "color": "#112233", "width": 2.0,
        "points": [[float(i), 1.0] for i in range(points)]})
    assert reply == {"ok": True, "data": {"id": stroke, "count": points}}
    return stroke


def test_points_past_the_count_answer_conflict_with_the_count_to_resend_from(seeded_server):
    live, seeded = seeded_server
    olga = live.peer("olga")
    olga.call("meeting:join", {"meeting_id": seeded.meeting_id})
    stroke = _begin(olga, seeded.meeting_id, seeded.documents[0], 3)

    lost = olga.call("annotation:points", {"meeting_id": seeded.meeting_id, "id": stroke,
                                           "offset": 5, "points": [[9.0, 9.0]]})
    assert lost["ok"] is False
    assert lost["error"]["code"] == "conflict"
    assert lost["error"]["count"] == 3
    assert isinstance(lost["error"]["message"], str)

    resent = olga.call("annotation:points", {"meeting_id": seeded.meeting_id, "id": stroke,
                                             "offset": lost["error"]["count"],
                                             "points": [[3.0, 1.0], [4.0, 1.0]]})
    assert resent == {"ok": True, "data": {"id": stroke, "count": 5}}


def test_an_early_end_answers_conflict_with_the_count_in_japanese_too(seeded_server):
    """The count is a field: a client needs no English (or Japanese) to find it."""
    live, seeded = seeded_server
    import socketio

    from meeting.core.protocol import PROTOCOL_VERSION

    client = socketio.Client(reconnection=False)
    client.connect(live.url, auth={"token": login(live.url, "olga"), "protocol": PROTOCOL_VERSION,
                                   "language": "ja"}, transports=["websocket"], wait_timeout=10)
    try:
        client.call("meeting:join", {"meeting_id": seeded.meeting_id}, timeout=10)
        stroke = _begin(_Caller(client), seeded.meeting_id, seeded.documents[0], 2)
        early = client.call("annotation:end", {"meeting_id": seeded.meeting_id, "id": stroke,
                                               "count": 7}, timeout=10)
    finally:
        client.disconnect()
    assert early["ok"] is False
    assert early["error"]["code"] == "conflict"
    assert early["error"]["count"] == 2
    assert "resend" not in early["error"]["message"]  # (in Japanese)


class _Caller:
    def __init__(self, client) -> None:
        self.client = client

    def call(self, event: str, payload: dict) -> dict:
        return self.client.call(event, payload, timeout=10)


SEQ_EVENTS = {m.event for m in SERVER_MESSAGES if "seq" in m.model_fields}


def test_every_numbered_change_reaches_the_room_with_its_seq(seeded_server):
    """Each change that takes a `seq` is broadcast with it, one after the other: a follower
    that applies what it receives never sees a gap (a change numbered but not announced would
    send every client back for a snapshot)."""
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, paul = live.peer("olga"), live.peer("paul")
    start = paul.call("meeting:join", {"meeting_id": m})["data"]["state"]["seq"]
    olga.call("meeting:join", {"meeting_id": m})
    steps = [
        ("page:set", {"meeting_id": m, "document_id": seeded.documents[0], "page": 1}),
        ("meeting:settings", {"meeting_id": m, "participants_draw": True}),
        ("display:blank", {"meeting_id": m, "blank": "black"}),
        ("followers:lock", {"meeting_id": m, "locked": True}),
        ("view:zoom", {"meeting_id": m, "region": [0, 0, 100, 100]}),
        ("agenda:set", {"meeting_id": m, "items": [{"title": "One"}]}),
        ("meeting:link", {"meeting_id": m, "url": "https://meet.example.org/x"}),
        ("meeting:protect", {"meeting_id": m, "watermark": True}),
        ("vote:open", {"meeting_id": m, "title": "Agree?"}),
        ("presence:set", {"meeting_id": m, "following": False, "place": "room"}),
        ("laser:move", {"meeting_id": m, "document_id": seeded.documents[0], "page": 1,
                        "point": [5.0, 5.0]}),
    ]
    for event, payload in steps:
        reply = olga.call(event, payload)
        assert reply["ok"], (event, reply)
    stroke = _begin(olga, m, seeded.documents[0], 2)
    olga.call("annotation:points", {"meeting_id": m, "id": stroke, "offset": 2,
                                    "points": [[2.0, 2.0]]})
    olga.call("annotation:end", {"meeting_id": m, "id": stroke, "count": 3})
    olga.call("annotation:delete", {"meeting_id": m, "ids": [stroke]})
    final = olga.call("meeting:snapshot", {"meeting_id": m})["data"]["state"]["seq"]

    seen = []
    while len(seen) < final - start:
        event, data = paul.next_event()
        if event in SEQ_EVENTS and data.get("seq") is not None:
            seen.append(data["seq"])
        else:
            assert "seq" not in data or data["seq"] is None, (event, data)
    assert seen == list(range(start + 1, final + 1))


def test_the_viewer_is_served_the_constants_of_this_core(seeded_server):
    from meeting.core.export_js import render
    from server.web_viewer import viewer_files

    live, _ = seeded_server
    if not viewer_files().socket_io.is_file():
        pytest.skip("the browser viewer needs npm ci --prefix web")
    response = requests.get(f"{live.url}/viewer/protocol.generated.js", timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    assert response.text == render()


def _documented_errors(event) -> set[str]:
    """The codes docs/protocol.md gives for an event: its row, the rows it refers to ("as
    `…`", "like `…`"), and the errors every event may answer."""
    from meeting.core.protocol import ErrorCode, Event
    from tests.core.test_protocol_doc import DOC, row

    text = row(event)
    if not text.startswith("|"):  # (laser:move: a paragraph of its own)
        text = DOC.split(f"`{event}` `", 1)[1].split("\n\n", 1)[0]
    for other in re.findall(r"as `([a-z:]+)`", text):
        if other in set(Event):
            text += row(Event(other))
    general = DOC.split("**Errors every event may answer**", 1)[1].split("\n\n", 1)[0]
    return {c for c in re.findall(r"`([a-z_]+)`", text + general) if c in set(ErrorCode)}


def test_every_error_the_server_gives_is_documented_for_its_event(seeded_server):
    """A census: every event with its well-formed payload, from the presenting organizer, a
    participant, a display account, an outsider, an admin and a connection that did not join;
    for this meeting, one that does not exist and a document that does not exist. Each refusal
    must be one docs/protocol.md lists for that event (45 were not, before)."""
    from meeting.core.protocol import ErrorCode, Event
    from tests.helpers.fuzz import valid_payloads

    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    peers = {name: live.peer(name) for name in ("olga", "paul", "dora", "otto", "admin")}
    for name in ("olga", "paul", "dora"):
        peers[name].call("meeting:join", {"meeting_id": m})
    peers["paul, not joined"] = live.peer("paul")
    variants = [valid_payloads(m, d), valid_payloads(999, d), valid_payloads(m, 999)]
    ending = (Event.MEETING_LEAVE, Event.MEETING_END, Event.MEMBER_REMOVE)  # (last: they
    # change who may do what)
    order = [e for e in variants[0] if e not in ending] + list(ending)
    undocumented, seen = [], set()
    for event in order:
        for payloads in variants:
            for who, peer in peers.items():
                if event is Event.MEETING_JOIN and who.endswith("not joined"):
                    continue
                payload = payloads[event]
                reply = peer.call(str(event)) if payload is None else peer.call(str(event),
                                                                                payload)
                if reply["ok"]:
                    continue
                code = reply["error"]["code"]
                seen.add(code)
                assert code != ErrorCode.INTERNAL, (event, who, payload, reply)
                if code not in _documented_errors(event):
                    undocumented.append(f"{event} from {who}: {code} ({reply['error']['message']})")
    assert undocumented == [], "\n".join(undocumented)
    assert {"not_found", "not_joined", "not_presenter", "forbidden", "conflict"} <= seen
