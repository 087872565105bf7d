"""Messages over the size limit (python-socketio's buffer, 1,000,000 bytes) are refused: the
sender's connection is closed, nothing is stored, the server and everyone else carry on."""

from __future__ import annotations

import time

import requests

from meeting.core.protocol import MAX_MESSAGE_BYTES
from tests.server.test_annotations import joined


def test_an_oversized_message_closes_only_its_senders_connection(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, paul = joined(live, seeded, "olga", "paul")
    huge = {"meeting_id": m, "id": "too-big-note", "document_id": seeded.documents[0], "page": 0,
            "layer": "private", "tool": "text", "color": "#202124", "width": 12,
            "points": [[10.0, 10.0]], "text": "x" * (MAX_MESSAGE_BYTES + 1000)}
    olga.sio.emit("annotation:put", huge)
    deadline = time.monotonic() + 10
    while olga.sio.connected and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not olga.sio.connected  # refused by closing the connection

    assert requests.get(f"{live.url}/health", timeout=5).json()["status"] == "ok"
    snapshot = paul.call("meeting:snapshot", {"meeting_id": m})["data"]
    assert all(a["id"] != "too-big-note" for a in snapshot["annotations"])  # nothing stored
    (again,) = joined(live, seeded, "olga")  # she can connect again at once
    just_under = {**huge, "id": "fits-in-a-message", "text": "x" * 2000}
    reply = again.call("annotation:put", just_under)
    assert reply["ok"], reply
