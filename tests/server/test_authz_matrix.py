"""The authorization matrix of docs/security.md, checked cell by cell against the real server:
every client event and every HTTP endpoint, for every role.

Roles: an outsider (signed in, not invited), a participant, the presenter (a participant who
presents), an organizer of the meeting (not presenting), a display account, an admin (not
invited: admins see every meeting). Every cell is one request with a well-formed payload; the
expected answer is "ok" or the error code. Cells run in an order that keeps them independent
(those that change who may do what come last), and each role has its own ids where a
success would get in the way of the next role.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests

from meeting.core.protocol import CLIENT_PAYLOADS, Event
from meeting.core.votes import VoteOpen
from server.context import ServerContext
from server.store.votes import VoteStore
from tests.helpers.live import PASSWORD, LiveServer, Peer, login

ROLES = ("outsider", "participant", "presenter", "organizer", "display", "admin")
USERS = {"outsider": "otto", "participant": "paul", "presenter": "pia", "organizer": "olga",
         "display": "dora", "admin": "admin"}
REMOVABLE = {"organizer": "sam", "admin": "sue"}
"""Whom each role that may remove someone removes (a success must not spoil the next cell)."""

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"


def doc_matrix(heading: str) -> dict[str, tuple[str, ...]]:
    """The table under `heading` in docs/security.md: row label -> one answer per role."""
    section = DOC.read_text(encoding="utf-8").split(heading, 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 1 + len(ROLES):
            rows[cells[0]] = tuple(cells[1:])
    return rows


Payload = Callable[[str, "Setup"], Any]


class Setup:
    meeting_id: int
    document_id: int
    agenda_item: int
    sha256: str
    ballot_box: int
    """An open vote everyone may try to vote in."""
    votes: dict[str, int]
    """An open vote per role, to close and then reopen."""


EVENTS: list[tuple[str, Event, Payload]] = [
    ("`meetings:list`", Event.MEETINGS_LIST, lambda r, s: None),
    ("`meeting:join`", Event.MEETING_JOIN, lambda r, s: {"meeting_id": s.meeting_id}),
    ("`meeting:snapshot`", Event.MEETING_SNAPSHOT, lambda r, s: {"meeting_id": s.meeting_id}),
    ("`presence:set`", Event.PRESENCE_SET, lambda r, s: {
        "meeting_id": s.meeting_id, "following": True, "place": "remote"}),
    ("`page:set`", Event.PAGE_SET, lambda r, s: {
        "meeting_id": s.meeting_id, "document_id": s.document_id, "page": 1}),
    ("`beside:set`", Event.BESIDE_SET, lambda r, s: {
        "meeting_id": s.meeting_id, "document_id": s.document_id, "page": 0}),
    ("`laser:move`", Event.LASER_MOVE, lambda r, s: {
        "meeting_id": s.meeting_id, "document_id": s.document_id, "page": 1,
        "point": [100.0, 100.0]}),
    ("`display:blank`", Event.DISPLAY_BLANK, lambda r, s: {"meeting_id": s.meeting_id,
                                                            "blank": None}),
    ("`followers:lock`", Event.FOLLOWERS_LOCK, lambda r, s: {"meeting_id": s.meeting_id,
                                                              "locked": False}),
    ("`view:zoom`", Event.VIEW_ZOOM, lambda r, s: {"meeting_id": s.meeting_id, "region": None}),
    ("`agenda:go`", Event.AGENDA_GO, lambda r, s: {"meeting_id": s.meeting_id,
                                                    "item_id": s.agenda_item}),
    ("`agenda:set`", Event.AGENDA_SET, lambda r, s: {"meeting_id": s.meeting_id, "items": [
        {"title": "議題", "document_id": s.document_id, "page": 0}]}),
    ("`meeting:link`", Event.MEETING_LINK, lambda r, s: {
        "meeting_id": s.meeting_id, "url": "https://meet.example.jp/j/1"}),
    ("`annotation:begin` (private note)", Event.ANNOTATION_BEGIN,
     lambda r, s: stroke(r, s, "private", f"private-{r}")),
    ("`annotation:begin` (shared mark)", Event.ANNOTATION_BEGIN,
     lambda r, s: stroke(r, s, "shared", f"shared-{r}")),
    ("`annotation:put` (private note)", Event.ANNOTATION_PUT, lambda r, s: {
        **stroke(r, s, "private", f"note-{r}"), "tool": "text", "points": [[50.0, 50.0]],
        "text": "メモ"}),
    ("`annotation:points` (the presenter's stroke)", Event.ANNOTATION_POINTS, lambda r, s: {
        "meeting_id": s.meeting_id, "id": "presenters-1", "offset": 2,
        "points": [[30.0, 30.0]]}),
    ("`annotation:end` (the presenter's stroke)", Event.ANNOTATION_END, lambda r, s: {
        "meeting_id": s.meeting_id, "id": "presenters-1", "count": 3}),
    ("`annotation:share` (one's own note)", Event.ANNOTATION_SHARE, lambda r, s: {
        "meeting_id": s.meeting_id, "id": f"note-{r}"}),
    ("`annotation:delete` (the presenter's shared mark)", Event.ANNOTATION_DELETE,
     lambda r, s: {"meeting_id": s.meeting_id, "ids": [f"room-mark-{r}"]}),
    ("`page:clear`", Event.PAGE_CLEAR, lambda r, s: {
        "meeting_id": s.meeting_id, "document_id": s.document_id, "page": 2}),
    ("`meeting:settings`", Event.MEETING_SETTINGS, lambda r, s: {
        "meeting_id": s.meeting_id, "participants_draw": False}),
    ("`member:remove`", Event.MEMBER_REMOVE, lambda r, s: {
        "meeting_id": s.meeting_id, "user": REMOVABLE.get(r, "sam")}),
    ("`presenter:set`", Event.PRESENTER_SET, lambda r, s: {"meeting_id": s.meeting_id,
                                                            "user": "pia"}),
    ("`audit:export`", Event.AUDIT_EXPORT, lambda r, s: {
        "meeting_id": s.meeting_id, "document_ids": [s.document_id], "layers": ["private"]}),
    ("`vote:open`", Event.VOTE_OPEN, lambda r, s: {
        "meeting_id": s.meeting_id, "title": "原案に賛成ですか", "secret": True,
        "majority": "two_thirds"}),
    ("`vote:cast`", Event.VOTE_CAST, lambda r, s: {
        "meeting_id": s.meeting_id, "vote_id": s.ballot_box, "choice": "yes"}),
    ("`vote:close`", Event.VOTE_CLOSE, lambda r, s: {
        "meeting_id": s.meeting_id, "vote_id": s.votes[r]}),
    ("`vote:reopen` (a vote it closed)", Event.VOTE_REOPEN, lambda r, s: {
        "meeting_id": s.meeting_id, "vote_id": s.votes[r]}),
    ("`meeting:protect`", Event.MEETING_PROTECT, lambda r, s: {
        "meeting_id": s.meeting_id, "watermark": False}),
    ("`meeting:end`", Event.MEETING_END, lambda r, s: {"meeting_id": s.meeting_id}),
    ("`meeting:reopen`", Event.MEETING_REOPEN, lambda r, s: {"meeting_id": s.meeting_id}),
    ("`meeting:leave`", Event.MEETING_LEAVE, lambda r, s: {"meeting_id": s.meeting_id}),
]
"""In the order run: what changes who may do what comes last."""


def stroke(role: str, setup: Setup, layer: str, stroke_id: str) -> dict:
    return {"meeting_id": setup.meeting_id, "id": f"{stroke_id}-cell", "document_id":
            setup.document_id, "page": 0, "layer": layer, "tool": "pen", "color": "#1a73e8",
            "width": 2, "points": [[10.0, 10.0], [20.0, 20.0]]}


HTTP: list[tuple[str, Callable[[Setup], str]]] = [
    ("`GET /api/me`", lambda s: "/api/me"),
    ("`GET /api/documents/{sha256}`", lambda s: f"/api/documents/{s.sha256}"),
    ("`GET /api/meetings/{meeting_id}/documents/{document_id}/pages/{page}`",
     lambda s: f"/api/meetings/{s.meeting_id}/documents/{s.document_id}/pages/0?width=256"),
    ("`GET /api/meetings/{meeting_id}/documents/{document_id}/original`",
     lambda s: f"/api/meetings/{s.meeting_id}/documents/{s.document_id}/original"),
    ("`POST /api/meetings/{meeting_id}/documents`",
     lambda s: f"/api/meetings/{s.meeting_id}/documents?filename=x.pdf"),
    ("`POST /api/meetings/{meeting_id}/documents/{document_id}/revision`",
     lambda s: f"/api/meetings/{s.meeting_id}/documents/{s.document_id}/revision?filename=x.pdf"),
    ("`GET /api/meetings/{meeting_id}/record.json`",
     lambda s: f"/api/meetings/{s.meeting_id}/record.json"),
    ("`GET /api/meetings/{meeting_id}/record.pdf`",
     lambda s: f"/api/meetings/{s.meeting_id}/record.pdf"),
]


@pytest.fixture
def matrix_server(tmp_path, seeded_template):
    template, seeded = seeded_template
    shutil.copytree(template, tmp_path / "server")
    context = ServerContext.open(tmp_path / "server")
    try:
        store = context.store
        for name in REMOVABLE.values():
            store.invite(seeded.meeting_id, store.add_user(name, "participant", PASSWORD))
        store.set_presenter(seeded.meeting_id, store.require_user("pia"))
        items, _ = store.set_agenda(seeded.meeting_id, [("開会", None, 0)])
        setup = Setup()
        setup.meeting_id, setup.document_id = seeded.meeting_id, seeded.documents[1]
        setup.agenda_item = items[0].id
        setup.sha256 = store.document(seeded.meeting_id, seeded.documents[1]).sha256
        # An original Office file (its bytes do not matter here: who may fetch it does).
        store.db.execute("UPDATE documents SET original_sha256 = sha256, original_filename = "
                         "'資料.docx' WHERE id = ?", (seeded.documents[1],))
        votes = VoteStore(store)
        eligible = [u.name for u in store.members(seeded.meeting_id) if u.role != "display"]

        def open_vote(title: str) -> int:
            return votes.open(VoteOpen(meeting_id=seeded.meeting_id, title=title),
                              eligible).id

        setup.ballot_box = open_vote("全員が投票する / everyone casts")
        setup.votes = {role: open_vote(f"closed and reopened by {role}") for role in ROLES}
    finally:
        context.close()
    live = LiveServer(tmp_path / "server").start()
    yield live, setup
    live.stop()


def test_every_event_for_every_role(matrix_server):
    live, setup = matrix_server
    peers = {role: Peer(live.url, login(live.url, USERS[role])) for role in ROLES}
    for peer in peers.values():
        peer.call("meeting:join", {"meeting_id": setup.meeting_id})
    presenter = peers["presenter"]
    assert presenter.call("annotation:begin", {**stroke("presenter", setup, "shared", "x"),
                                                "id": "presenters-1"})["ok"]
    for role in ROLES:
        assert presenter.call("annotation:put", {**stroke(role, setup, "shared", "x"),
                                                 "id": f"room-mark-{role}"})["ok"]
    for role in ROLES:  # each has a private note of their own to share (outsiders cannot)
        peers[role].call("annotation:put", {**stroke(role, setup, "private", "x"),
                                            "id": f"note-{role}", "tool": "text",
                                            "points": [[50.0, 50.0]], "text": "メモ"})
    covered = {event for _, event, _ in EVENTS}
    # (approval events have a matrix of their own: tests/server/test_approval_authz.py)
    approval = {e for e in CLIENT_PAYLOADS if e.startswith("approval:")}
    assert covered == set(CLIENT_PAYLOADS) - approval, "the matrix must cover every client event"
    matrix = doc_matrix("## Socket.IO events")
    assert sorted(matrix) == sorted(label for label, _, _ in EVENTS), "docs/security.md rows"

    wrong = []
    for label, event, payload in EVENTS:
        for role, want in zip(ROLES, matrix[label], strict=True):
            body = payload(role, setup)
            reply = (peers[role].call(str(event)) if body is None
                     else peers[role].call(str(event), body))
            got = "ok" if reply["ok"] else reply["error"]["code"]
            if got != want:
                wrong.append(f"{event} as {role}: expected {want}, got {got} {reply}")
    assert wrong == [], "\n".join(wrong)


def test_every_endpoint_for_every_role(matrix_server, sample_pdfs):
    live, setup = matrix_server
    tokens = {role: login(live.url, USERS[role]) for role in ROLES}
    revised = {"organizer": sample_pdfs[2].read_bytes(), "admin": sample_pdfs[0].read_bytes()}
    matrix = doc_matrix("## HTTP endpoints")
    assert sorted(matrix) == sorted(label for label, _ in HTTP), "docs/security.md rows"
    wrong = []
    for name, path in HTTP:
        method = name.strip("`").split()[0]
        for role, want in zip(ROLES, (int(cell) for cell in matrix[name]), strict=True):
            response = requests.request(
                method, live.url + path(setup), timeout=60,
                data=revised.get(role, revised["organizer"]) if method == "POST" else None,
                headers={"Authorization": f"Bearer {tokens[role]}",
                         "Content-Type": "application/pdf"})
            if response.status_code != want:
                wrong.append(f"{name} as {role}: expected {want}, got {response.status_code}")
        anonymous = requests.request(method, live.url + path(setup), timeout=30)
        if anonymous.status_code != 401:
            wrong.append(f"{name} without a token: expected 401, got {anonymous.status_code}")
    assert wrong == [], "\n".join(wrong)
