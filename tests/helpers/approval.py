"""A real server with the people of an approval route, and helpers to drive circulations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pymupdf
import requests
import socketio

from meeting.core.protocol import PROTOCOL_VERSION, Role
from server.context import ServerContext
from tests.helpers.live import PASSWORD, LiveServer, Peer, login

ROUTE_PEOPLE = {"chief": "総務課", "a1": "財政課", "a2": "企画課", "a3": "人事課",
                "director": "総務部", "deputy": "総務部"}
"""The chief of the drafter's section, a 合議 group of three, the director and their deputy
(paul, a participant of the seeded server, drafts; otto is an outsider)."""

THREE_STEPS = [{"members": ["chief"], "label": "課長"},
               {"members": ["a1", "a2", "a3"], "need": 2, "label": "合議"},
               {"members": ["director"], "label": "部長"}]

LINES = ["Budget overview for the fiscal year", "Revenue rises two percent",
         "Prefectural debt falls again", "Childcare support widened to all towns"]


def add_route_people(data_dir: Path) -> None:
    context = ServerContext.open(data_dir)
    try:
        for name, section in ROUTE_PEOPLE.items():
            context.store.add_user(name, Role.PARTICIPANT, PASSWORD)
            context.store.set_profile(name, section, f"{name.title()} 様")
        context.store.set_profile("paul", "総務課", "Paul 起案")
    finally:
        context.close()


def approval_server(tmp_path: Path, template: Path) -> LiveServer:
    shutil.copytree(template, tmp_path / "server")
    return LiveServer(tmp_path / "server").start()


def write_pdf(path: Path, pages: list[list[str]], top: float = 100) -> Path:
    document = pymupdf.open()
    for lines in pages:
        page = document.new_page(width=595, height=842)
        for index, text in enumerate(lines):
            page.insert_text((72, top + 30 * index), text, fontsize=12)
    document.save(path)
    document.close()
    return path


def words_at(path: Path, page: int, text: str) -> pymupdf.Rect:
    with pymupdf.open(path) as document:
        return document[page].search_for(text)[0]


def upload(live: LiveServer, meeting_id: int, path: Path, who: str = "paul") -> requests.Response:
    return requests.post(f"{live.url}/api/meetings/{meeting_id}/documents",
                         params={"filename": path.name}, data=path.read_bytes(),
                         headers={"Authorization": f"Bearer {login(live.url, who)}"},
                         timeout=60)


def revise(live: LiveServer, meeting_id: int, document_id: int, path: Path,
           who: str = "paul") -> requests.Response:
    return requests.post(
        f"{live.url}/api/meetings/{meeting_id}/documents/{document_id}/revision",
        params={"filename": path.name}, data=path.read_bytes(),
        headers={"Authorization": f"Bearer {login(live.url, who)}"}, timeout=60)


def ok(reply: dict) -> dict:
    assert reply["ok"], reply
    return reply["data"]


def refused(reply: dict, code: str) -> str:
    assert not reply["ok"] and reply["error"]["code"] == code, reply
    return reply["error"]["message"]


def drafted(live: LiveServer, drafter: Peer, pdfs: list[Path], title: str = "備品購入について"
            ) -> tuple[int, int, list[int]]:
    """A draft with these documents: (circulation id, container id, document ids)."""
    draft = ok(drafter.call("approval:draft", {"title": title}))
    circulation, container = draft["summary"]["id"], draft["summary"]["meeting_id"]
    documents = []
    for pdf in pdfs:
        response = upload(live, container, pdf)
        assert response.status_code == 201, response.text
        documents.append(response.json()["data"]["id"])
    return circulation, container, documents


def started(live: LiveServer, drafter: Peer, pdfs: list[Path], route=None,
            title: str = "備品購入について") -> tuple[int, int, list[int]]:
    circulation, container, documents = drafted(live, drafter, pdfs, title)
    ok(drafter.call("approval:start", {"id": circulation, "title": title,
                                       "document_ids": documents,
                                       "route": route or THREE_STEPS}))
    return circulation, container, documents


def changes(peer: Peer, circulation: int, count: int = 1) -> list[dict]:
    """The next `count` approval:changed notices about this circulation (others skipped).
    Each is waited for up to a minute: the one after signing comes once the PDFs are signed,
    which takes over 5 s on a loaded machine (the wait ends as soon as it arrives)."""
    found = []
    while len(found) < count:
        event, data = peer.next_event(timeout=60)
        if event == "approval:changed" and data["id"] == circulation:
            found.append(data)
    return found


def japanese_client(live: LiveServer, name: str) -> socketio.Client:
    """A client whose user reads Japanese (its errors come in Japanese); disconnect it."""
    client = socketio.Client(reconnection=False)
    client.connect(live.url, auth={"token": login(live.url, name), "language": "ja",
                                   "protocol": PROTOCOL_VERSION}, transports=["websocket"],
                   wait_timeout=10)
    return client
