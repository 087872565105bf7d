"""Leak protection on the real server: the watermark in page images, materials removed when the
meeting ends (files, or files and notes), an expiry date, reopening; organizers keep access."""

from __future__ import annotations

import time
from datetime import datetime

import pymupdf
import requests

from meeting.core.watermark import watermark_text
from meeting.pdf.watermark import stamp_page
from server import lifecycle_events
from tests.helpers.live import login
from tests.server.test_page_images import get_page


def events_until(peer, name: str, condition=lambda data: True, timeout: float = 10):
    deadline = time.monotonic() + timeout
    while True:
        event, data = peer.next_event(timeout=max(0.01, deadline - time.monotonic()))
        if event == name and condition(data):
            return data


def note(peer, meeting_id: int, document_id: int, stroke: str) -> dict:
    return peer.call("annotation:put", {
        "meeting_id": meeting_id, "id": stroke, "document_id": document_id, "page": 0,
        "layer": "private", "tool": "text", "color": "#1a73e8", "width": 2,
        "points": [[50.0, 50.0]], "text": "内部メモ"})


def test_the_watermark_is_real_text_across_the_page(sample_pdfs):
    with pymupdf.open(sample_pdfs[1]) as document:
        page = document[0]
        text = watermark_text("paul", datetime(2026, 11, 23, 14, 5))
        stamp_page(page, text)
        shown = page.get_text()  # (copies cut by the page's edge count as far as they show)
        assert shown.count("paul  2026-11-23 14:05") >= 3 and shown.count("14:05") >= 8


def test_page_images_carry_the_viewers_name_when_the_watermark_is_on(seeded_server):
    live, seeded = seeded_server
    olga = live.peer("olga")
    paul, pia = login(live.url, "paul"), login(live.url, "pia")
    plain = get_page(live, seeded, paul)
    assert plain.headers["Cache-Control"].startswith("private")

    state = olga.call("meeting:protect", {"meeting_id": seeded.meeting_id, "watermark": True})
    assert state["ok"] and state["data"]["watermark"] is True
    marked_paul, marked_pia = get_page(live, seeded, paul), get_page(live, seeded, pia)
    assert marked_paul.headers["Cache-Control"] == "no-store"
    assert len({plain.content, marked_paul.content, marked_pia.content}) == 3
    # Turned off again: the same plain image as before.
    olga.call("meeting:protect", {"meeting_id": seeded.meeting_id, "watermark": False})
    assert get_page(live, seeded, paul).content == plain.content


def test_a_protection_change_is_broadcast_and_partial(seeded_server):
    live, seeded = seeded_server
    olga, paul = live.peer("olga"), live.peer("paul")
    m = seeded.meeting_id
    paul.call("meeting:join", {"meeting_id": m})
    expiry = time.time() + 3600
    olga.call("meeting:protect", {"meeting_id": m, "removal": "files", "expires_at": expiry})
    state = events_until(paul, "meeting:state")
    assert (state["removal"], state["expires_at"], state["watermark"]) == ("files", expiry, False)
    olga.call("meeting:protect", {"meeting_id": m, "watermark": True})  # the rest stays
    state = events_until(paul, "meeting:state")
    assert (state["removal"], state["expires_at"], state["watermark"]) == ("files", expiry, True)
    olga.call("meeting:protect", {"meeting_id": m, "expires_at": 0})
    assert events_until(paul, "meeting:state")["expires_at"] is None
    refused = olga.call("meeting:protect", {"meeting_id": m, "removal": "everything"})
    assert refused["error"]["code"] == "invalid_payload"


def test_ending_removes_the_materials_for_everyone_but_organizers(seeded_server):
    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    olga, paul, dora = live.peer("olga"), live.peer("paul"), live.peer("dora")
    for peer in (olga, paul, dora):
        assert peer.call("meeting:join", {"meeting_id": m})["ok"]
    assert note(paul, m, d, "pauls-note-1")["ok"]
    sha256 = paul.call("meeting:snapshot", {"meeting_id": m})["data"]["documents"][0]["sha256"]
    olga.call("meeting:protect", {"meeting_id": m, "removal": "files"})

    ended = olga.call("meeting:end", {"meeting_id": m})["data"]
    assert ended["ended_at"] and ended["materials_removed"]
    for peer in (paul, dora):  # told, then taken out: nothing more reaches them
        assert events_until(peer, "meeting:state", lambda s: s["materials_removed"])
    assert olga.call("page:set", {"meeting_id": m, "document_id": d, "page": 1})["ok"]
    events_until(olga, "meeting:state", lambda s: s["page"] == 1)
    for peer in (paul, dora):
        assert peer.no_event()
        again = peer.call("meeting:join", {"meeting_id": m})
        assert again["error"]["code"] == "materials_removed", again
        assert "removed" in again["error"]["message"]
    listed = {s["id"]: s for s in paul.call("meetings:list")["data"]}
    assert listed[m]["materials_removed"] and listed[m]["ended"] and \
        listed[m]["removal"] == "files"

    token = login(live.url, "paul")
    page = get_page(live, seeded, token, document=d)
    assert page.status_code == 410 and page.json()["error"]["code"] == "materials_removed"
    download = requests.get(f"{live.url}/api/documents/{sha256}",
                            headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert download.status_code == 404
    organizer = login(live.url, "olga")  # organizers keep the materials, for the record
    assert requests.get(f"{live.url}/api/documents/{sha256}",
                        headers={"Authorization": f"Bearer {organizer}"}, timeout=10).ok
    assert olga.call("meeting:snapshot", {"meeting_id": m})["ok"]

    # Reopened: access comes back, and with `files` the private note was kept.
    reopened = olga.call("meeting:reopen", {"meeting_id": m})["data"]
    assert reopened["ended_at"] is None and not reopened["materials_removed"]
    snapshot = paul.call("meeting:join", {"meeting_id": m})["data"]
    assert "pauls-note-1" in {a["id"] for a in snapshot["annotations"]}


def test_ending_with_notes_removes_every_private_note_on_the_server(seeded_server):
    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    olga, paul = live.peer("olga"), live.peer("paul")
    for peer in (olga, paul):
        peer.call("meeting:join", {"meeting_id": m})
    assert note(paul, m, d, "pauls-note-2")["ok"]
    assert note(olga, m, d, "olgas-note-2")["ok"]
    olga.call("meeting:protect", {"meeting_id": m, "removal": "files_and_notes"})
    olga.call("meeting:end", {"meeting_id": m})
    olga.call("meeting:reopen", {"meeting_id": m})
    for peer in (olga, paul):
        kept = peer.call("meeting:snapshot", {"meeting_id": m})["data"]["annotations"]
        assert not [a for a in kept if a["layer"] == "private"]


def test_access_expires_at_its_date_and_connected_clients_are_told(seeded_server,
                                                                   monkeypatch):
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, paul = live.peer("olga"), live.peer("paul")
    paul.call("meeting:join", {"meeting_id": m})
    olga.call("meeting:protect", {"meeting_id": m, "expires_at": time.time() + 1.0})
    state = events_until(paul, "meeting:state",
                         lambda s: s["materials_removed"],
                         timeout=lifecycle_events.EXPIRY_SWEEP_SECONDS + 5)
    assert state["ended_at"] is None  # expired, not ended
    assert paul.call("meeting:join", {"meeting_id": m})["error"]["code"] == \
        "materials_removed"
    assert olga.call("meeting:join", {"meeting_id": m})["ok"]
    # An organizer lifts the expiry: access is back.
    olga.call("meeting:protect", {"meeting_id": m, "expires_at": 0})
    assert paul.call("meeting:join", {"meeting_id": m})["ok"]
