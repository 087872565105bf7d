"""docs/protocol.md names every event, error code, route and limit the code defines."""

from __future__ import annotations

from pathlib import Path

from meeting.core.protocol import MAX_MESSAGE_BYTES, PROTOCOL_VERSION, ErrorCode, Event

DOC = (Path(__file__).resolve().parents[2] / "docs" / "protocol.md").read_text(encoding="utf-8")


def test_every_event_is_documented():
    missing = [str(e) for e in Event if f"`{e}`" not in DOC]
    assert missing == []


def test_every_error_code_is_documented():
    assert [str(c) for c in ErrorCode if f"`{c}`" not in DOC] == []


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
