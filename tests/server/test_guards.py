"""The server decides: authentication, authorization and bad input, each answered, never a crash."""

from __future__ import annotations

import time

import pytest
import requests
import socketio

from meeting.core.protocol import PROTOCOL_VERSION
from tests.helpers.live import login


def test_connect_without_token_is_refused(seeded_server):
    live, _ = seeded_server
    client = socketio.Client(reconnection=False)
    errors = []
    client.on("connect_error", errors.append)
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(live.url, auth={"token": "forged", "protocol": PROTOCOL_VERSION},
                       transports=["websocket"], wait_timeout=5)
    assert errors and errors[0]["data"]["code"] == "unauthenticated"


def test_incompatible_protocol_is_refused_with_a_clear_message(seeded_server):
    live, _ = seeded_server
    client = socketio.Client(reconnection=False)
    errors = []
    client.on("connect_error", errors.append)
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(live.url, auth={"token": login(live.url, "paul"), "protocol": 999},
                       transports=["websocket"], wait_timeout=5)
    assert errors[0]["data"]["code"] == "protocol_mismatch"
    assert "Update the client" in errors[0]["message"]


def test_participant_cannot_turn_the_shared_page(seeded_server):
    live, seeded = seeded_server
    paul, pia = live.peer("paul"), live.peer("pia")
    for peer in (paul, pia):
        peer.call("meeting:join", {"meeting_id": seeded.meeting_id})
    reply = paul.call("page:set", {"meeting_id": seeded.meeting_id,
                                   "document_id": seeded.documents[0], "page": 1})
    assert reply == {"ok": False, "error": {"code": "not_presenter",
                                            "message": reply["error"]["message"]}}
    assert pia.no_event()
    assert paul.call("meetings:list")["ok"]  # still connected


def test_outsider_sees_no_meeting_and_no_document(seeded_server):
    live, seeded = seeded_server
    otto = live.peer("otto")
    for event in ("meeting:join", "meeting:snapshot"):
        reply = otto.call(event, {"meeting_id": seeded.meeting_id})
        assert reply["error"]["code"] == "not_found"
    member = live.peer("paul").call("meeting:join", {"meeting_id": seeded.meeting_id})
    sha = member["data"]["documents"][0]["sha256"]
    token = login(live.url, "otto")
    response = requests.get(f"{live.url}/api/documents/{sha}", timeout=5,
                            headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404
    anonymous = requests.get(f"{live.url}/api/documents/{sha}", timeout=5)
    assert anonymous.status_code == 401


def test_page_turn_requires_joining_first(seeded_server):
    live, seeded = seeded_server
    olga = live.peer("olga")
    reply = olga.call("page:set", {"meeting_id": seeded.meeting_id,
                                   "document_id": seeded.documents[0], "page": 1})
    assert reply["error"]["code"] == "not_joined"


M = "<the seeded meeting>"


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        (None, "invalid_payload"),
        ("page 3", "invalid_payload"),
        ([1, 2], "invalid_payload"),
        ({}, "invalid_payload"),
        ({"meeting_id": "1", "document_id": 1, "page": 0}, "invalid_payload"),
        ({"meeting_id": True, "document_id": 1, "page": 0}, "invalid_payload"),
        ({"meeting_id": M, "document_id": 1, "page": -1}, "invalid_payload"),
        ({"meeting_id": M, "document_id": 1, "page": 1.5}, "invalid_payload"),
        ({"meeting_id": M, "document_id": 1, "page": 0, "extra": 1}, "invalid_payload"),
        ({"meeting_id": M, "document_id": 1, "page": 10**30}, "invalid_payload"),
        ({"meeting_id": M, "document_id": 99999, "page": 0}, "not_found"),
        ({"meeting_id": M, "document_id": 1, "page": 500}, "not_found"),
        ({"meeting_id": 424242, "document_id": 1, "page": 0}, "not_found"),
    ],
)
def test_malformed_page_turn_gets_an_error_reply(seeded_server, payload, code):
    live, seeded = seeded_server
    olga = live.peer("olga")
    olga.call("meeting:join", {"meeting_id": seeded.meeting_id})
    if isinstance(payload, dict) and payload.get("meeting_id") is M:
        payload = {**payload, "meeting_id": seeded.meeting_id}
    if payload is None:
        reply = olga.sio.call("page:set", timeout=5)
    else:
        reply = olga.call("page:set", payload)
    assert reply["ok"] is False
    assert reply["error"]["code"] == code, reply
    state = olga.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]["state"]
    assert state["page"] == 0  # nothing changed


def test_unknown_event_and_extra_arguments_are_answered(seeded_server):
    live, seeded = seeded_server
    paul = live.peer("paul")
    assert paul.sio.call("meeting:explode", {"x": 1}, timeout=5)["error"]["code"] == (
        "invalid_payload"
    )
    reply = paul.sio.call("meeting:join", ({"meeting_id": seeded.meeting_id}, 2), timeout=5)
    assert reply["error"]["code"] == "invalid_payload"
    assert paul.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]


def test_revoked_token_stops_working_at_once(seeded_server):
    live, _seeded = seeded_server
    token = login(live.url, "paul")
    from tests.helpers.live import Peer

    peer = Peer(live.url, token)
    live.peers.append(peer)
    assert peer.call("meetings:list")["ok"]
    requests.post(f"{live.url}/api/logout", headers={"Authorization": f"Bearer {token}"},
                  timeout=5).raise_for_status()
    assert peer.call("meetings:list")["error"]["code"] == "unauthenticated"


@pytest.mark.parametrize("event", ["page:set", "annotation:points", "laser:move"])
@pytest.mark.parametrize("payload_ok", [True, False])
def test_a_revoked_token_stops_the_hot_paths_at_once(seeded_server, event, payload_ok):
    """Page turns, pen batches and the laser are refused as any other event once the session
    has ended, and the connection closes."""
    live, seeded = seeded_server
    token = login(live.url, "olga")
    # (a plain client: the tests' in-order one cannot take a disconnect on its reading thread)
    client = socketio.Client(reconnection=False)
    client.connect(live.url, auth={"token": token, "protocol": PROTOCOL_VERSION},
                   transports=["websocket"], wait_timeout=10)
    try:
        m, d = seeded.meeting_id, seeded.documents[0]
        assert client.call("meeting:join", {"meeting_id": m}, timeout=10)["ok"]
        requests.post(f"{live.url}/api/logout", headers={"Authorization": f"Bearer {token}"},
                      timeout=5).raise_for_status()
        payload = {"page:set": {"meeting_id": m, "document_id": d, "page": 1},
                   "annotation:points": {"meeting_id": m, "id": "stroke-1", "offset": 0,
                                         "points": [[1.0, 2.0]]},
                   "laser:move": {"meeting_id": m, "document_id": d, "page": 0,
                                  "point": [1.0, 2.0]}}[event]
        reply = client.call(event, payload if payload_ok else {"meeting_id": "x"}, timeout=10)
        assert reply["error"]["code"] == "unauthenticated"
        deadline = time.monotonic() + 5
        while client.connected and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not client.connected
    finally:
        client.disconnect()
        client.wait()


def test_bad_login_bodies(seeded_server):
    live, _ = seeded_server
    for body in (b"not json", b"[]", b'{"username": "paul"}', b'{"username": 1, "password": 2}'):
        response = requests.post(f"{live.url}/api/login", data=body, timeout=5,
                                 headers={"Content-Type": "application/json"})
        assert response.status_code == 400, body
        assert response.json()["error"]["code"] == "invalid_payload"
