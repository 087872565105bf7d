"""The agenda on the real server: organizers write it, the presenter walks through it."""

from __future__ import annotations

import subprocess
import sys

from tests.server.test_annotations import drain, joined


def agenda(seeded, *entries):
    return {"meeting_id": seeded.meeting_id, "items": [
        {"title": title, **({"document_id": d, "page": p} if d else {})}
        for title, d, p in entries]}


def test_organizer_writes_the_agenda_and_the_presenter_walks_through_it(seeded_server):
    live, seeded = seeded_server
    olga, paul = joined(live, seeded, "olga", "paul")
    d = seeded.documents[1]
    written = olga.call("agenda:set", agenda(seeded, ("開会 Opening", None, 0),
                                              ("予算の説明 Budget", d, 2), ("閉会", None, 0)))
    assert written["ok"], written
    items = written["data"]["items"]
    assert [i["title"] for i in items] == ["開会 Opening", "予算の説明 Budget", "閉会"]
    (broadcast,) = drain(paul, 1, "agenda")
    assert broadcast["items"] == items and broadcast["seq"] == written["data"]["seq"]

    went = olga.call("agenda:go", {"meeting_id": seeded.meeting_id, "item_id": items[1]["id"]})
    assert went["ok"]
    (state,) = drain(paul, 1, "meeting:state")
    assert state["agenda_item"] == items[1]["id"]
    assert (state["document_id"], state["page"]) == (d, 2)  # the item's page is the room's

    # reordering keeps item ids (and where the meeting is); removing the current item clears it
    reordered = olga.call("agenda:set", agenda(seeded, ("予算の説明 Budget", d, 2),
                                                ("開会 Opening", None, 0)))["data"]["items"]
    assert [i["id"] for i in reordered] == [items[1]["id"], items[0]["id"]]
    snapshot = paul.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]
    assert snapshot["state"]["agenda_item"] == items[1]["id"] and snapshot["agenda"] == reordered
    olga.call("agenda:set", agenda(seeded, ("開会 Opening", None, 0)))
    live.restart()
    after = live.peer("pia").call("meeting:join", {"meeting_id": seeded.meeting_id})["data"]
    assert after["state"]["agenda_item"] is None
    assert [i["title"] for i in after["agenda"]] == ["開会 Opening"]


def test_agenda_is_guarded(seeded_server):
    live, seeded = seeded_server
    olga, paul = joined(live, seeded, "olga", "paul")
    assert paul.call("agenda:set", agenda(seeded, ("x", None, 0)))["error"]["code"] == "forbidden"
    assert olga.call("agenda:set", agenda(seeded, ("x", seeded.documents[0], 99))
                     )["error"]["code"] == "not_found"
    assert olga.call("agenda:set", agenda(seeded, ("", None, 0)))["error"]["code"] == \
        "invalid_payload"
    item = olga.call("agenda:set", agenda(seeded, ("x", None, 0)))["data"]["items"][0]
    assert paul.call("agenda:go", {"meeting_id": seeded.meeting_id, "item_id": item["id"]}
                     )["error"]["code"] == "not_presenter"
    assert olga.call("agenda:go", {"meeting_id": seeded.meeting_id, "item_id": 4242}
                     )["error"]["code"] == "not_found"


def test_agenda_from_the_command_line(seeded_server):
    live, seeded = seeded_server
    live.server.stop()
    base = [sys.executable, "-m", "server.cli", "--data-dir", str(live.data_dir), "meeting",
            "agenda", str(seeded.meeting_id)]
    for extra in (["--add", "開会"], ["--add", "予算", "--document", str(seeded.documents[1]),
                                      "--page", "3"]):
        subprocess.run([*base, *extra], check=True, capture_output=True, text=True)
    listed = subprocess.run(base, check=True, capture_output=True, text=True).stdout
    assert listed.splitlines()[0].endswith("開会") and "予算" in listed.splitlines()[1]
    assert f"document {seeded.documents[1]}, page 3" in listed  # pages count from 1 here
    refused = subprocess.run([*base, "--add", "x", "--document", "999"], capture_output=True,
                             text=True)
    assert refused.returncode == 1 and "No such page" in refused.stderr
