"""The official socket.io JavaScript client follows a meeting using only docs/protocol.md."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.live import PASSWORD

WEB = Path(__file__).resolve().parents[2] / "web"


@pytest.fixture
def node():
    executable = shutil.which("node")
    if executable is None:
        pytest.skip("Node.js is not installed")
    if not (WEB / "node_modules" / "socket.io-client").is_dir():
        pytest.skip("run `npm ci --prefix web` (the README's test command does)")
    return executable


def test_javascript_client_joins_and_follows(seeded_server, node):
    live, seeded = seeded_server
    follower = subprocess.Popen(
        [node, str(WEB / "test" / "follow.mjs"), live.url, "paul", PASSWORD,
         str(seeded.meeting_id), "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    lines = []
    try:
        for line in follower.stdout:
            lines.append(json.loads(line))
            if lines[-1]["step"] in ("ready", "timeout", "connect_error", "login"):
                break
        assert lines[-1]["step"] == "ready", lines
        presenter = live.peer("olga")
        presenter.call("meeting:join", {"meeting_id": seeded.meeting_id})
        for page in (1, 2):
            presenter.call("page:set", {"meeting_id": seeded.meeting_id,
                                        "document_id": seeded.documents[1], "page": page})
        out, _err = follower.communicate(timeout=20)
        lines += [json.loads(line) for line in out.splitlines()]
    finally:
        follower.kill()
    steps = {line["step"]: line for line in lines}
    assert steps["joined"]["ok"] and steps["joined"]["documents"] == len(seeded.documents)
    assert steps["page:set"] == {"step": "page:set", "ok": False, "code": "not_presenter"}
    assert steps["malformed"]["code"] == "invalid_payload"
    states = [line for line in lines if line["step"] == "state"]
    assert [(s["document_id"], s["page"]) for s in states] == [
        (seeded.documents[1], 1), (seeded.documents[1], 2)]
    assert states[1]["seq"] == states[0]["seq"] + 1
