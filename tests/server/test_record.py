"""The record of the meeting from the real server: attendees (room, remote), the agenda with
the time per item, every vote with its result, the pages shown with the room's marks; JSON for
archives and a PDF checked with PyMuPDF; a participant's own copy carries their notes."""

from __future__ import annotations

import time

import pymupdf
import requests

from tests.helpers.live import login


def get(live, token: str, path: str) -> requests.Response:
    return requests.get(f"{live.url}{path}", headers={"Authorization": f"Bearer {token}"},
                        timeout=60)


def hold_a_meeting(live, seeded) -> dict:
    """Olga presents from the room, paul follows remotely, an agenda item is taken up, a page
    gets a red stroke, a named vote passes and a secret one fails; pia writes a private note."""
    m, d = seeded.meeting_id, seeded.documents[1]
    olga, paul, pia = live.peer("olga"), live.peer("paul"), live.peer("pia")
    for peer, place in ((olga, "room"), (paul, "remote"), (pia, "browser")):
        peer.call("meeting:join", {"meeting_id": m})
        peer.call("presence:set", {"meeting_id": m, "following": True, "place": place})
    items = olga.call("agenda:set", {"meeting_id": m, "items": [
        {"title": "予算説明", "document_id": d, "page": 0},
        {"title": "質疑 / Questions", "document_id": d, "page": 2}]})["data"]["items"]
    olga.call("agenda:go", {"meeting_id": m, "item_id": items[0]["id"]})
    time.sleep(0.3)
    olga.call("agenda:go", {"meeting_id": m, "item_id": items[1]["id"]})
    assert olga.call("annotation:put", {
        "meeting_id": m, "id": "room-mark-record", "document_id": d, "page": 2,
        "layer": "shared", "tool": "pen", "color": "#d93025", "width": 3,
        "points": [[100.0, 100.0], [300.0, 120.0]]})["ok"]
    assert pia.call("annotation:put", {
        "meeting_id": m, "id": "pias-own-note", "document_id": d, "page": 2,
        "layer": "private", "tool": "text", "color": "#1a73e8", "width": 12,
        "points": [[80.0, 200.0]], "text": "あとで確認"})["ok"]
    named = olga.call("vote:open", {"meeting_id": m, "title": "予算案の承認",
                                    "agenda_item": items[0]["id"]})["data"]
    for peer, choice in ((olga, "yes"), (paul, "yes"), (pia, "no")):
        assert peer.call("vote:cast", {"meeting_id": m, "vote_id": named["id"],
                                       "choice": choice})["ok"]
    olga.call("vote:close", {"meeting_id": m, "vote_id": named["id"]})
    secret = olga.call("vote:open", {"meeting_id": m, "title": "条例改正", "secret": True,
                                     "majority": "two_thirds"})["data"]
    for peer, choice in ((olga, "yes"), (paul, "no")):
        peer.call("vote:cast", {"meeting_id": m, "vote_id": secret["id"], "choice": choice})
    olga.call("vote:close", {"meeting_id": m, "vote_id": secret["id"]})
    olga.call("meeting:end", {"meeting_id": m})
    return {"items": items}


def test_the_record_as_json_and_pdf(seeded_server):
    live, seeded = seeded_server
    hold_a_meeting(live, seeded)
    organizer = login(live.url, "olga")

    record = get(live, organizer, f"/api/meetings/{seeded.meeting_id}/record.json").json()["data"]
    places = {a["name"]: a["places"] for a in record["attendees"]}
    assert places["olga"] == ["room"] and places["paul"] == ["remote"]
    assert places["pia"] == ["browser"]
    first, second = record["agenda"]
    assert first["title"] == "予算説明" and first["seconds"] >= 0.25
    assert second["started_at"] >= first["started_at"] and record["ended_at"]
    assert [(v["title"], v["result"]["outcome"]) for v in record["votes"]] == [
        ("予算案の承認", "passed"), ("条例改正", "rejected")]
    assert record["votes"][1]["ballots"] is None
    assert [(s["document_id"], s["page"]) for s in record["shown"]] == [
        (seeded.documents[1], 0), (seeded.documents[1], 2)]

    response = get(live, organizer, f"/api/meetings/{seeded.meeting_id}/record.pdf")
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    with pymupdf.open("pdf", response.content) as pdf:
        summary = "".join(pdf[n].get_text() for n in range(pdf.get_toc()[1][2] - 1))
        for words in ("Budget review 予算審議", "出席者 / Attendees", "paul", "リモート（アプリ）",
                      "予算説明", "質疑 / Questions", "予算案の承認", "可決 / passed",
                      "否決 / rejected", "無記名 / secret", "pia: 反対 / no"):
            assert words in summary, words
        toc = pdf.get_toc()
        summary_pages = toc[1][2] - 1
        assert pdf.page_count == summary_pages + 2  # the summary, then the two pages shown
        assert toc[1][1].endswith("p. 1") and toc[2][1].endswith("p. 3")
        marked = pdf[toc[2][2] - 1]
        kinds = [(a.type[1], a.info["title"]) for a in marked.annots()]
        assert kinds == [("Ink", "olga")]  # the room's mark; nobody's private note
        red = marked.get_pixmap(dpi=40)
        assert red.pixel(int(200 * 40 / 72), int(110 * 40 / 72))[0] > 150


def test_a_participants_copy_carries_their_notes_and_a_display_gets_none(seeded_server):
    live, seeded = seeded_server
    hold_a_meeting(live, seeded)
    m = seeded.meeting_id
    mine = get(live, login(live.url, "pia"), f"/api/meetings/{m}/record.pdf?notes=mine")
    with pymupdf.open("pdf", mine.content) as pdf:
        assert "pia の個人用控え" in pdf[0].get_text()
        notes = [a.info["content"] for a in pdf[pdf.get_toc()[2][2] - 1].annots()
                 if a.type[1] == "FreeText"]
        assert notes == ["あとで確認"]
    paul_copy = get(live, login(live.url, "paul"), f"/api/meetings/{m}/record.pdf?notes=mine")
    with pymupdf.open("pdf", paul_copy.content) as pdf:  # pia's note is not in paul's copy
        assert not [a for a in pdf[pdf.get_toc()[2][2] - 1].annots()
                    if a.type[1] == "FreeText"]
    assert get(live, login(live.url, "dora"), f"/api/meetings/{m}/record.pdf"
               ).status_code == 403
    assert get(live, login(live.url, "otto"), f"/api/meetings/{m}/record.json"
               ).status_code == 404
    assert get(live, login(live.url, "paul"), f"/api/meetings/{m}/record.pdf?notes=all"
               ).status_code == 400
