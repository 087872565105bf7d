"""A throw-away `redis-server` for the tests: its own folder, a free loopback port, nothing ever
saved to disk (`--save '' --appendonly no`, as the server requires for secret ballots).

Without the binary the tests that need it skip with the reason; under
`MEETING_REQUIRE_REDIS=1` (CI) they fail instead."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis

REDIS_SERVER = "redis-server"


def require(binary: str, variable: str, why: str) -> str:
    """The binary's path, or skip (fail when `variable` is set to 1)."""
    path = shutil.which(binary) or (f"/usr/sbin/{binary}"
                                    if Path(f"/usr/sbin/{binary}").exists() else None)
    if path is None:
        message = f"{binary} is not installed: {why} (.ci/run installs it)"
        if os.environ.get(variable) == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def stop_process(process: subprocess.Popen, grace_s: float = 10) -> None:
    """Ask a service to end, and kill it if it has not within `grace_s`."""
    process.terminate()
    try:
        process.wait(grace_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisService:
    def __init__(self, folder: Path, *extra: str) -> None:
        binary = require(REDIS_SERVER, "MEETING_REQUIRE_REDIS",
                         "the several-processes tests need Debian's redis-server")
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(folder),
             "--save", "", "--appendonly", "no", "--protected-mode", "no", *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port)
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    client.ping()
                    break
                except redis.ConnectionError:
                    if time.monotonic() > deadline or self.process.poll() is not None:
                        self.stop()
                        raise
                    time.sleep(0.05)
        finally:
            client.close()

    def flush(self) -> None:
        """Forget every key (each test starts from an empty Redis)."""
        with redis.Redis(port=self.port) as client:
            client.flushall()

    def stop(self) -> None:
        stop_process(self.process)
