"""`/health` says when the server cannot reach its database or Redis (503, "unavailable", and
which), answers at once meanwhile, and says "ok" again once they are back, with the meeting
going on as before."""

from __future__ import annotations

import shutil
import time
from urllib.parse import urlparse

import pytest
import requests

from server.reachability import PROBE_TIMEOUT_S
from tests.helpers.processes import ServerProcess
from tests.helpers.redis_service import RedisService


def health(url: str) -> tuple[int, dict, float]:
    started = time.monotonic()
    response = requests.get(f"{url}/health", timeout=PROBE_TIMEOUT_S + 5)
    return response.status_code, response.json(), time.monotonic() - started


def until_health(url: str, status: str, seconds: float = 20) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        _, answer, _ = health(url)
        if answer["status"] == status:
            return answer
        assert time.monotonic() < deadline, answer
        time.sleep(0.2)


def test_a_database_out_of_reach_is_said_and_its_return_too(seeded_server, store_kind,
                                                           store_database, request):
    if store_kind != "postgresql":
        pytest.skip("SQLite is a file in the data folder: nothing to lose the way to")
    live, seeded = seeded_server
    admin = request.getfixturevalue("postgres_cluster").admin
    database = urlparse(store_database).path.lstrip("/")
    olga = live.peer("olga")
    assert olga.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]
    code, answer, _ = health(live.url)
    assert code == 200 and answer["status"] == "ok", answer

    # The database goes away for this server: no new connections, and its own cut.
    admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
    try:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND pid <> pg_backend_pid()", (database,))
        code, answer, took = health(live.url)
        assert code == 503 and answer["status"] == "unavailable", answer
        assert any("database" in problem for problem in answer["problems"]), answer
        assert answer["protocol"] == 1  # (still said: a client can tell what it talks to)
        assert took < PROBE_TIMEOUT_S + 1
        turn = olga.call("page:set", {"meeting_id": seeded.meeting_id,
                                      "document_id": seeded.documents[0], "page": 1})
        assert not turn["ok"] and turn["error"]["code"] == "internal_error", turn
    finally:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')

    until_health(live.url, "ok")
    turn = olga.call("page:set", {"meeting_id": seeded.meeting_id,
                                  "document_id": seeded.documents[0], "page": 1})
    assert turn["ok"], turn


def test_redis_out_of_reach_is_said(tmp_path, seeded_template, store_kind):
    if store_kind != "sqlite":
        pytest.skip("Redis, whatever the store: once is enough")
    template, _ = seeded_template
    shutil.copytree(template, tmp_path / "server")
    redis = RedisService(tmp_path / "redis")
    server = ServerProcess(tmp_path / "server", redis.url, tmp_path / "server.log")
    try:
        server.start()
        assert health(server.url)[1]["status"] == "ok"
        redis.stop()
        answer = until_health(server.url, "unavailable")
        assert any("Redis" in problem for problem in answer["problems"]), answer
        assert health(server.url)[2] < PROBE_TIMEOUT_S + 1
    finally:
        server.stop()
        redis.stop()
