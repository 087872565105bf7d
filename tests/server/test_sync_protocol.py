"""Login, join, page turns reaching followers, late join, restart: real server, real clients."""

from __future__ import annotations

import importlib.metadata

import requests

from meeting.core.protocol import PROTOCOL_VERSION
from tests.helpers.live import PASSWORD


def test_health_reports_version_and_protocol(seeded_server):
    live, _ = seeded_server
    body = requests.get(f"{live.url}/health", timeout=5).json()
    assert body["status"] == "ok"
    assert body["protocol"] == PROTOCOL_VERSION
    assert body["version"] == importlib.metadata.version("paperless-meeting")  # the package's


def test_login_returns_token_and_refuses_wrong_password(seeded_server):
    live, _ = seeded_server
    good = requests.post(f"{live.url}/api/login",
                         json={"username": "paul", "password": PASSWORD}, timeout=10)
    assert good.status_code == 200
    assert good.json()["data"]["user"] == {"name": "paul", "role": "participant"}
    me = requests.get(f"{live.url}/api/me", timeout=5,
                      headers={"Authorization": f"Bearer {good.json()['data']['token']}"})
    assert me.json()["data"]["name"] == "paul"
    bad = requests.post(f"{live.url}/api/login",
                        json={"username": "paul", "password": "nope"}, timeout=10)
    assert bad.status_code == 401
    assert bad.json()["error"]["code"] == "unauthenticated"
    unknown = requests.post(f"{live.url}/api/login",
                            json={"username": "nobody", "password": "x"}, timeout=10)
    assert unknown.status_code == 401


def test_page_turn_reaches_every_follower_in_order(seeded_server):
    live, seeded = seeded_server
    presenter, paul, pia = live.peer("olga"), live.peer("paul"), live.peer("pia")
    for peer in (presenter, paul, pia):
        reply = peer.call("meeting:join", {"meeting_id": seeded.meeting_id})
        assert reply["ok"], reply
    document = seeded.documents[1]
    for page in (1, 2, 3):
        reply = presenter.call("page:set", {"meeting_id": seeded.meeting_id,
                                            "document_id": document, "page": page})
        assert reply["ok"], reply
    for follower in (paul, pia):
        pages = []
        for _ in range(3):
            event, data = follower.next_event()
            assert event == "meeting:state"
            pages.append((data["document_id"], data["page"], data["seq"]))
        assert [p[:2] for p in pages] == [(document, 1), (document, 2), (document, 3)]
        seqs = [p[2] for p in pages]
        assert seqs == list(range(seqs[0], seqs[0] + 3))


def test_late_joiner_lands_on_presenters_page(seeded_server):
    live, seeded = seeded_server
    presenter = live.peer("olga")
    presenter.call("meeting:join", {"meeting_id": seeded.meeting_id})
    presenter.call("page:set", {"meeting_id": seeded.meeting_id,
                                "document_id": seeded.documents[1], "page": 4})
    late = live.peer("paul")
    snapshot = late.call("meeting:join", {"meeting_id": seeded.meeting_id})["data"]
    assert snapshot["state"]["document_id"] == seeded.documents[1]
    assert snapshot["state"]["page"] == 4
    assert snapshot["state"]["presenter"] == "olga"
    assert [d["id"] for d in snapshot["documents"]] == seeded.documents
    assert {m["name"] for m in snapshot["members"]} == {"olga", "paul", "pia", "dora"}


def test_restart_keeps_state_and_sequence(seeded_server):
    live, seeded = seeded_server
    presenter = live.peer("olga")
    presenter.call("meeting:join", {"meeting_id": seeded.meeting_id})
    state = presenter.call("page:set", {"meeting_id": seeded.meeting_id,
                                        "document_id": seeded.documents[1], "page": 2})["data"]
    live.restart()
    follower = live.peer("paul")
    snapshot = follower.call("meeting:join", {"meeting_id": seeded.meeting_id})["data"]
    assert snapshot["state"] == state
    again = live.peer("olga")
    again.call("meeting:join", {"meeting_id": seeded.meeting_id})
    turned = again.call("page:set", {"meeting_id": seeded.meeting_id,
                                     "document_id": seeded.documents[1], "page": 3})["data"]
    assert turned["seq"] == state["seq"] + 1


def test_snapshot_on_request_matches_join(seeded_server):
    live, seeded = seeded_server
    paul = live.peer("paul")
    joined = paul.call("meeting:join", {"meeting_id": seeded.meeting_id})["data"]
    assert paul.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"] == joined


def test_meeting_list_shows_only_invited_meetings(seeded_server):
    live, seeded = seeded_server
    assert [m["id"] for m in live.peer("paul").call("meetings:list")["data"]] == [
        seeded.meeting_id
    ]
    assert live.peer("otto").call("meetings:list")["data"] == []
    assert len(live.peer("admin").call("meetings:list")["data"]) == 1


def test_presenter_handover_by_organizer(seeded_server):
    live, seeded = seeded_server
    olga, paul = live.peer("olga"), live.peer("paul")
    for peer in (olga, paul):
        peer.call("meeting:join", {"meeting_id": seeded.meeting_id})
    reply = olga.call("presenter:set", {"meeting_id": seeded.meeting_id, "user": "paul"})
    assert reply["ok"], reply
    assert paul.next_event()[1]["presenter"] == "paul"
    turned = paul.call("page:set", {"meeting_id": seeded.meeting_id,
                                    "document_id": seeded.documents[0], "page": 1})
    assert turned["ok"], turned
    refused = olga.call("page:set", {"meeting_id": seeded.meeting_id,
                                     "document_id": seeded.documents[0], "page": 0})
    assert refused["error"]["code"] == "not_presenter"
    display = olga.call("presenter:set", {"meeting_id": seeded.meeting_id, "user": "dora"})
    assert display["error"]["code"] == "forbidden"
