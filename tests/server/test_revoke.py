"""An admin ends someone's sessions (a lost tablet): even a client that only listens is closed."""

from __future__ import annotations

import time

import pytest
import requests

import server.events
from tests.helpers.live import LiveServer, login
from tests.server.test_cli import run


@pytest.fixture
def quick_sweep(monkeypatch):
    monkeypatch.setattr(server.events, "SESSION_SWEEP_SECONDS", 0.3)  # (10 s in service)


def test_revoking_a_users_sessions_closes_their_listening_clients(quick_sweep, seeded_server):
    live: LiveServer
    live, seeded = seeded_server
    tablet = live.peer("paul")
    assert tablet.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]
    other = live.peer("pia")
    token = login(live.url, "paul")

    listed = run(live.data_dir, "user", "sessions").stdout
    assert listed.count("paul\t") == 2 and "pia\t" in listed
    revoked = run(live.data_dir, "user", "revoke", "paul")
    assert revoked.returncode == 0 and revoked.stdout.startswith("2 sessions of paul ended")

    deadline = time.monotonic() + 10
    while tablet.sio.connected and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not tablet.sio.connected  # closed by the server though it sent nothing
    assert other.sio.connected  # nobody else
    assert requests.get(f"{live.url}/api/me", timeout=10,
                        headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert "paul\t" not in run(live.data_dir, "user", "sessions").stdout
    assert run(live.data_dir, "user", "revoke", "nobody").returncode == 1
