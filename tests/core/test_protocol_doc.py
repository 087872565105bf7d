"""docs/protocol.md names every event, payload field, error code, route and limit the code
defines, and says which broadcasts carry `seq`: a client written from that page alone needs
nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from meeting.core import annotations as ann
from meeting.core import approval_protocol as approval
from meeting.core import presence
from meeting.core.protocol import (
    CLIENT_PAYLOADS,
    MAX_MESSAGE_BYTES,
    PROTOCOL_VERSION,
    SERVER_PAYLOADS,
    AgendaItem,
    DocumentInfo,
    ErrorCode,
    Event,
    MeetingState,
    MeetingSummary,
    PagePosition,
    Snapshot,
    UserInfo,
)
from meeting.core.votes import VoteData, VoteResult

DOC = (Path(__file__).resolve().parents[2] / "docs" / "protocol.md").read_text(encoding="utf-8")

SHAPES: dict[str, type[BaseModel]] = {
    "UserInfo": UserInfo, "DocumentInfo": DocumentInfo, "MeetingSummary": MeetingSummary,
    "MeetingState": MeetingState, "AgendaItem": AgendaItem, "Person": presence.Person,
    "Snapshot": Snapshot, "Vote": VoteData, "Annotation": ann.AnnotationData,
    "AnnotationChange": ann.AnnotationChange,
    "CirculationSummary": approval.CirculationSummary, "Circulation": approval.CirculationData,
    "Step": approval.StepData, "HistoryEntry": approval.HistoryEntry,
    "Inbox": approval.ApprovalInbox, "Template": approval.TemplateData,
    "DocumentSignatures": approval.DocumentSignatures, "RouteStep": approval.RouteStep,
}
"""The data shapes the page describes in its text blocks, by the name it gives them."""
NESTED: dict[type[BaseModel], str] = {
    VoteResult: "Vote", PagePosition: "MeetingState", approval.StampPlacement: "HistoryEntry",
    approval.Rect: "HistoryEntry", approval.SignatureState: "DocumentSignatures"}
"""Shapes described inside another one."""


def shape_text(name: str) -> str:
    """The text-block entry describing a shape: from its name at the start of a line to the
    next entry."""
    match = re.search(rf"^{name}\s+\{{.*?(?=^\S|^```)", DOC, re.M | re.S)
    assert match, f"docs/protocol.md describes no {name}"
    return match.group(0)


def row(event: Event) -> str:
    """Where the page describes an event: its table row (or, for `laser:move`, its
    paragraph), with the row it refers to by "like `…`"."""
    match = re.search(rf"^(\| `{re.escape(event)}` \|.*|`{re.escape(event)}` `\{{.*)$", DOC,
                      re.M)
    assert match, f"docs/protocol.md has no row for {event}"
    text = match.group(0)
    for other in re.findall(r"like `([a-z:]+)`", text):
        text += row(Event(other))
    return text


def missing_fields(model: type[BaseModel], text: str) -> list[str]:
    return [f for f in model.model_fields if f'"{f}"' not in text]


def test_every_event_is_documented():
    missing = [str(e) for e in Event if f"`{e}`" not in DOC]
    assert missing == []


@pytest.mark.parametrize("event", sorted(CLIENT_PAYLOADS))
def test_every_field_a_client_sends_is_in_its_events_row(event):
    assert missing_fields(CLIENT_PAYLOADS[event], row(event)) == []


@pytest.mark.parametrize("event", sorted(SERVER_PAYLOADS))
def test_every_field_of_a_broadcast_is_described(event):
    text = row(event) + "".join(shape_text(n) for n in SHAPES if f"`{n}`" in row(event))
    assert missing_fields(SERVER_PAYLOADS[event], text) == []


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_every_field_of_every_shape_is_described(name):
    assert missing_fields(SHAPES[name], shape_text(name)) == []


@pytest.mark.parametrize("model", sorted(NESTED, key=lambda m: m.__name__))
def test_every_field_of_a_nested_shape_is_described(model):
    assert missing_fields(model, shape_text(NESTED[model])) == []


def test_every_error_code_is_documented():
    assert [str(c) for c in ErrorCode if f"`{c}`" not in DOC] == []


@pytest.mark.parametrize("event", sorted(CLIENT_PAYLOADS))
def test_every_event_says_its_errors(event):
    text = row(event)
    if text.startswith("|"):
        errors = text.rstrip(" |").rsplit(" | ", 1)[-1]
    else:  # (laser:move: the paragraph after it)
        errors = DOC.split(f"`{event}` `", 1)[1].split("\n\n", 1)[0]
    codes = [c for c in re.findall(r"`([a-z_]+)`", errors) if c in set(ErrorCode)]
    refers = re.fullmatch(r"as `([a-z:]+)`(, plus .*)?", errors.strip())
    assert codes or refers or errors.strip() == "—", f"{event}: say its errors, or — for none"


def test_the_errors_any_event_may_answer_are_named():
    general = DOC.split("**Errors every event may answer**", 1)[1].split("\n\n", 1)[0]
    for code in (ErrorCode.INVALID_PAYLOAD, ErrorCode.UNAUTHENTICATED, ErrorCode.INTERNAL,
                 ErrorCode.STORAGE_FULL, ErrorCode.STORAGE_READ_ONLY,
                 ErrorCode.MATERIALS_REMOVED):
        assert f"`{code}`" in general


def test_the_broadcasts_that_carry_seq_are_exactly_the_documented_ones():
    sentence = DOC.split("**Broadcasts with a `seq`:**", 1)[1].split("\n\n", 1)[0]
    with_seq, _, without = sentence.partition("Without:")
    carrying = {e for e, m in SERVER_PAYLOADS.items() if "seq" in m.model_fields}

    def events(text: str) -> set[str]:
        return {name for name in re.findall(r"`([a-z:]+)`", text) if name in set(Event)}

    assert events(with_seq) == carrying
    assert events(without) == set(SERVER_PAYLOADS) - carrying


def test_every_http_route_is_documented(tmp_path):
    from server.app import create_app

    app = create_app(tmp_path)
    routes = {(r.method, r.resource.canonical) for r in app.router.routes()
              if r.resource is not None and not r.resource.canonical.startswith("/socket.io")}
    missing = [f"{m} {p}" for m, p in routes if m != "HEAD" and f"`{m} {p}" not in DOC]
    assert missing == []


def test_version_and_limits_match():
    assert f"(version {PROTOCOL_VERSION})" in DOC
    assert f"{MAX_MESSAGE_BYTES:,} bytes" in DOC
