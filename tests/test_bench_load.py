"""bench/load.py cannot rot: a second of it with three followers, on both servers, every batch
delivered (its figures are for bench/README.md, not for a test on a shared machine)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^ +3 (?P<server>bare python-socketio|meeting-server) +(?P<p50>[\d.]+) +"
                 r"(?P<p99>[\d.]+) +(?P<errors>\d+) +(?P<got>\d+) ", re.M)


def test_a_second_of_load_reaches_every_follower_on_both_servers():
    result = subprocess.run(
        [sys.executable, "bench/load.py", "--followers", "3", "--seconds", "1",
         "--per-process", "2"], capture_output=True, text=True, timeout=150, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [match.groupdict() for match in ROW.finditer(result.stdout)]
    assert [row["server"] for row in rows] == ["bare python-socketio", "meeting-server"], \
        result.stdout
    for row in rows:
        assert row["errors"] == "0" and row["got"] == "60", result.stdout  # (60 batches in 1 s)
        assert 0 < float(row["p50"]) <= float(row["p99"]), result.stdout


def test_a_follower_worker_takes_a_token_that_starts_with_a_dash():
    """A session token is URL-safe base64, so one in 64 starts with "-": passed as its own
    argument, argparse took it for an option and the worker never started."""
    spec = ["http://127.0.0.1:9", "-dash-first-token", 1, 1, "flood", 1]
    result = subprocess.run(
        [sys.executable, "bench/annotation_latency.py", "--follower-worker", json.dumps(spec)],
        capture_output=True, text=True, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert "usage:" not in result.stderr, result.stderr
    assert "Cannot connect" in result.stderr or "ConnectionRefused" in result.stderr \
        or "Connect call failed" in result.stderr, result.stderr
