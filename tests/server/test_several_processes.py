"""Two real `meeting-server` processes on one data folder and one Redis serve one meeting
(issue 16, point 2): what one process's clients do reaches the other's, in `seq` order."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator

import pytest

from tests.helpers.live import Peer, login
from tests.helpers.processes import ServerProcess
from tests.helpers.redis_service import RedisService


@pytest.fixture(scope="session")
def redis_service(tmp_path_factory) -> Iterator[RedisService]:
    service = RedisService(tmp_path_factory.mktemp("redis"))
    yield service
    service.stop()


@pytest.fixture
def two_servers(tmp_path, seeded_template, redis_service):
    template, seeded = seeded_template
    redis_service.flush()
    shutil.copytree(template, tmp_path / "server")
    servers = [ServerProcess(tmp_path / "server", redis_service.url, tmp_path / f"{name}.log")
               for name in ("a", "b")]
    peers: list[Peer] = []
    try:
        for server in servers:
            server.start()

        def peer(server: ServerProcess, name: str) -> Peer:
            connected = Peer(server.url, login(server.url, name))
            peers.append(connected)
            return connected

        yield servers, seeded, peer
    finally:
        for connected in peers:
            connected.close()
        for server in servers:
            server.stop()


def events_until(peer: Peer, event: str, count: int, timeout: float = 10) -> list[dict]:
    """The next `count` broadcasts named `event` (others dropped)."""
    seen, deadline = [], time.monotonic() + timeout
    while len(seen) < count:
        name, data = peer.next_event(timeout=max(0.01, deadline - time.monotonic()))
        if name == event:
            seen.append(data)
    return seen


def names(presence: dict) -> set[str]:
    return {person["name"] for person in presence["people"]}


def test_a_presenter_on_one_process_is_followed_on_the_other(two_servers):
    (a, b), seeded, peer = two_servers
    m = seeded.meeting_id
    olga = peer(a, "olga")
    paul = peer(b, "paul")
    assert olga.call("meeting:join", {"meeting_id": m})["ok"]
    joined = paul.call("meeting:join", {"meeting_id": m})["data"]
    assert {p["name"] for p in joined["people"]} == {"olga", "paul"}
    olga.presence_until(lambda data: names(data) == {"olga", "paul"})

    for page in (1, 0, 1):
        reply = olga.call("page:set", {"meeting_id": m, "document_id": seeded.documents[0],
                                       "page": page})
        assert reply["ok"], reply
    turns = events_until(paul, "meeting:state", 3)
    assert [t["page"] for t in turns] == [1, 0, 1]
    assert [t["seq"] for t in turns] == list(range(turns[0]["seq"], turns[0]["seq"] + 3))

    paul.call("meeting:leave", {"meeting_id": m})
    olga.presence_until(lambda data: names(data) == {"olga"})
