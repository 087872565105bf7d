"""Every message goes through the one schema both ways: the client sends models (the event
comes from the model), the server broadcasts models through one helper. Checked in the source,
so a hand-built event name or a second way to emit fails here."""

from __future__ import annotations

import re
from pathlib import Path

from meeting.core.protocol import CLIENT_MESSAGES, SERVER_MESSAGES, Event

ROOT = Path(__file__).resolve().parents[1]


def sources(*folders: str) -> dict[str, str]:
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
            for folder in folders for p in sorted((ROOT / folder).rglob("*.py"))}


def test_every_event_has_exactly_one_model():
    events = [m.event for m in (*CLIENT_MESSAGES, *SERVER_MESSAGES)]
    assert sorted(events) == sorted(Event)


def test_the_client_names_no_event_by_hand():
    names = [str(e) for e in Event if ":" in e]
    found = [f"{path}: {name}" for path, text in sources("meeting/ui", "meeting/net").items()
             for name in names
             if re.search(rf"""(?<!\| )["']{re.escape(name)}["'](?! \|)""", text)]
    assert found == []


def test_the_client_sends_only_through_models():
    found = [f"{path}: {m.group(0)}" for path, text in sources("meeting/ui", "meeting/net").items()
             for m in re.finditer(r"\(\s*Event\.[A-Z_]+\s*,", text)]
    assert found == []  # (an event name passed beside a payload, instead of a model)


def test_the_server_emits_in_one_place():
    emits = [path for path, text in sources("server").items()
             if path != "server/fanout.py"  # (the client manager: carries what is broadcast)
             for _ in re.finditer(r"\.emit\(", text)]
    assert emits == ["server/context.py"]  # (ServerContext.broadcast, which takes a model)
