"""The approval matrix of docs/security.md, checked cell by cell against the real server:
every approval event and endpoint, for every role a person can have towards a circulation.

Each cell gets a circulation of its own, made in the store before the server starts (so a
success in one cell changes nothing for the next), on its way at its first step unless the
row says otherwise.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import requests

from meeting.core.approval_protocol import ActionKind, HistoryEntry, RouteStep
from meeting.core.protocol import CLIENT_PAYLOADS, Event
from server.approval_signing import signed_path
from server.context import ServerContext
from server.store.approvals import ApprovalStore
from tests.helpers.live import LiveServer, Peer, login
from tests.server.test_authz_matrix import DOC

ROLES = ("outsider", "drafter", "current", "later", "delegate", "admin")
USERS = {"outsider": "otto", "drafter": "paul", "current": "chief", "later": "director",
         "delegate": "deputy", "admin": "admin"}
ROUTE = [RouteStep(members=["chief"], label="課長"), RouteStep(members=["director"])]


def matrix(kind: str) -> dict[str, tuple[str, ...]]:
    """The rows of the approval section's table whose first column header is `kind`."""
    section = DOC.read_text(encoding="utf-8").split("## Approval (決裁)", 1)[1].split(
        "\n## ", 1)[0]
    table = section.split(f"| {kind} | outsider", 1)[1].split("\n\n", 1)[0]
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 1 + len(ROLES):
            rows[cells[0]] = tuple(cells[1:])
    return rows


class Cell:
    """What one cell's request names: its circulation, container and document."""

    def __init__(self, circulation: int, container: int, document: int,
                 template: int | None = None) -> None:
        self.circulation, self.container, self.document = circulation, container, document
        self.template = template


Payload = Callable[[str, Cell], Any]

EVENTS: list[tuple[str, Event, str, Payload]] = [
    ("`approval:draft`", Event.APPROVAL_DRAFT, "started", lambda r, c: {"title": "起案"}),
    ("`approval:list`", Event.APPROVAL_LIST, "started", lambda r, c: None),
    ("`approval:open`", Event.APPROVAL_OPEN, "started", lambda r, c: {"id": c.circulation}),
    ("`approval:signatures`", Event.APPROVAL_SIGNATURES, "started",
     lambda r, c: {"id": c.circulation}),
    ("`approval:start` (sent back to the drafter)", Event.APPROVAL_START, "returned",
     lambda r, c: {"id": c.circulation, "title": "再回付", "document_ids": [c.document],
                   "route": [s.model_dump(mode="json") for s in ROUTE]}),
    ("`approval:approve`", Event.APPROVAL_APPROVE, "started", lambda r, c: {
        "id": c.circulation, **({"on_behalf_of": "chief"} if r == "delegate" else {})}),
    ("`approval:send_back`", Event.APPROVAL_SEND_BACK, "started", lambda r, c: {
        "id": c.circulation, "comment": "再考を",
        **({"on_behalf_of": "chief"} if r == "delegate" else {})}),
    ("`approval:pull_back`", Event.APPROVAL_PULL_BACK, "started",
     lambda r, c: {"id": c.circulation}),
    ("`meeting:join` (its container)", Event.MEETING_JOIN, "started",
     lambda r, c: {"meeting_id": c.container}),
    ("`annotation:put` (a check point in its container, after joining it)",
     Event.ANNOTATION_PUT, "started", lambda r, c: {
         "meeting_id": c.container, "id": f"check-{r}-{c.circulation}",
         "document_id": c.document, "page": 0, "layer": "shared", "tool": "marker",
         "color": "#fbbc04", "width": 12, "points": [[72.0, 100.0], [200.0, 100.0]]}),
    ("`approval:templates`", Event.APPROVAL_TEMPLATES, "started", lambda r, c: None),
    ("`approval:template_save` (one's own)", Event.APPROVAL_TEMPLATE_SAVE, "started",
     lambda r, c: {"name": "私の", "route": [{"members": ["chief"]}]}),
    ("`approval:template_save` (fixed for a section)", Event.APPROVAL_TEMPLATE_SAVE, "started",
     lambda r, c: {"name": "課の", "route": [{"members": ["chief"]}], "section": "総務課"}),
    ("`approval:template_delete` (fixed for the drafter's section)",
     Event.APPROVAL_TEMPLATE_DELETE, "started", lambda r, c: {"id": c.template}),
    ("`approval:delegates_set`", Event.APPROVAL_DELEGATES_SET, "started",
     lambda r, c: {"delegates": ["deputy" if r == "current" else "pia"]}),
]
"""In the order run (naming delegates last: the delegate's cells depend on it)."""

HTTP: list[tuple[str, str, str, Callable[[Cell], str]]] = [
    ("`GET /api/approvals/{circulation_id}/history.json`", "GET", "started",
     lambda c: f"/api/approvals/{c.circulation}/history.json"),
    ("`GET /api/meetings/{meeting_id}/documents/{document_id}/pages/{page}` (its container)",
     "GET", "started",
     lambda c: f"/api/meetings/{c.container}/documents/{c.document}/pages/0?width=256"),
    ("`POST /api/meetings/{meeting_id}/documents` (its container, sent back to the drafter)",
     "POST", "returned", lambda c: f"/api/meetings/{c.container}/documents?filename=x.pdf"),
    ("`GET /api/approvals/{circulation_id}/documents/{document_id}/signed.pdf` (approved and "
     "signed)", "GET", "signed",
     lambda c: f"/api/approvals/{c.circulation}/documents/{c.document}/signed.pdf"),
]


def make_cell(context: ServerContext, state: str, sha256: str) -> Cell:
    store, approvals = context.store, ApprovalStore(context.store)
    paul = store.require_user("paul")
    circulation = approvals.draft(paul, "備品購入")
    document, _ = store.add_document(circulation.meeting_id, sha256=sha256, title="申請書",
                                     filename="申請書.pdf", pages=1, size=1, added_by=paul)
    entry = circulation.rules.check_start("paul", time.time())
    names = ["paul", "chief", "director", "deputy"]
    approvals.start(circulation, "備品購入", [document.id], ROUTE, entry,
                    [store.require_user(n) for n in names])
    if state == "returned":
        circulation = approvals.require(circulation.id)
        approvals.append(circulation.id, circulation.rules.check_send_back(
            "chief", time.time(), None))
    if state == "signed":  # (approved; a signed file in its place: who may fetch it matters)
        for name in ("chief", "director"):
            circulation = approvals.require(circulation.id)
            approvals.append(circulation.id, circulation.rules.check_approve(name, time.time()))
        approvals.mark_signed(circulation.id, HistoryEntry(at=time.time(),
                                                           action=ActionKind.SIGNED,
                                                           user="(server)"))
        path = signed_path(context, circulation.id, document.id)
        path.parent.mkdir(parents=True)
        shutil.copyfile(context.blobs.path(sha256), path)
    template = approvals.save_template(None, "総務課の決裁", "olga", "総務課", ROUTE)
    return Cell(circulation.id, circulation.meeting_id, document.id, template.id)


@pytest.fixture
def approval_matrix(tmp_path, approval_template, sample_pdfs):
    shutil.copytree(approval_template, tmp_path / "server")
    context = ServerContext.open(tmp_path / "server")
    cells: dict[tuple[str, str], Cell] = {}
    try:
        # A one-page sample already in the store (a file by its hash, shown in pages).
        sha256 = next(d.sha256 for m in context.store.all_meetings()
                      for d in context.store.documents(m.id) if d.pages >= 1)
        ApprovalStore(context.store).set_delegates("chief", ["deputy"])
        for label, _, state, _ in EVENTS:
            for role in ROLES:
                cells[label, role] = make_cell(context, state, sha256)
        for label, _, state, _ in HTTP:
            for role in ROLES:
                cells[label, role] = make_cell(context, state, sha256)
    finally:
        context.close()
    live = LiveServer(tmp_path / "server").start()
    yield live, cells
    live.stop()


def test_every_approval_event_for_every_role(approval_matrix):
    live, cells = approval_matrix
    approval_events = {e for e in CLIENT_PAYLOADS if str(e).startswith("approval:")}
    assert {e for _, e, _, _ in EVENTS} - {Event.MEETING_JOIN, Event.ANNOTATION_PUT} == \
        approval_events
    rows = matrix("event")
    assert sorted(rows) == sorted(label for label, _, _, _ in EVENTS), "docs/security.md rows"
    peers = {role: Peer(live.url, login(live.url, USERS[role])) for role in ROLES}
    wrong = []
    for label, event, _, payload in EVENTS:
        for role, want in zip(ROLES, rows[label], strict=True):
            body = payload(role, cells[label, role])
            if event is Event.ANNOTATION_PUT:
                peers[role].call("meeting:join", {"meeting_id": cells[label, role].container})
            reply = (peers[role].call(str(event)) if body is None
                     else peers[role].call(str(event), body))
            got = "ok" if reply["ok"] else reply["error"]["code"]
            if got != want:
                wrong.append(f"{label} as {role}: expected {want}, got {got} {reply}")
    assert wrong == [], "\n".join(wrong)


def test_every_approval_endpoint_for_every_role(approval_matrix, sample_pdfs):
    live, cells = approval_matrix
    rows = matrix("endpoint")
    assert sorted(rows) == sorted(label for label, _, _, _ in HTTP), "docs/security.md rows"
    pdf = Path(sample_pdfs[0]).read_bytes()
    wrong = []
    for label, method, _, path in HTTP:
        for role, want in zip(ROLES, (int(c) for c in rows[label]), strict=True):
            response = requests.request(
                method, live.url + path(cells[label, role]), timeout=60,
                data=pdf if method == "POST" else None,
                headers={"Authorization": f"Bearer {login(live.url, USERS[role])}",
                         "Content-Type": "application/pdf"})
            if response.status_code != want:
                wrong.append(f"{label} as {role}: expected {want}, got {response.status_code}")
    assert wrong == [], "\n".join(wrong)
