"""bench/scale.py cannot rot: a few seconds of it on SQLite, against the bare relay, with every
delivery made (its figures are for bench/README.md, not for a test on a shared machine)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^(?P<server>bare python-socketio|meeting-server SQLite) +(?P<rate>\d+) +"
                 r"(?P<p50>[\d.]+) +(?P<p99>[\d.]+) +[\d.]+ +(?:[\d.]+|nan) +(?P<errors>\d+) +"
                 r"(?P<late>\d+) ",
                 re.M)


def test_quick_scale_run_on_sqlite_delivers_every_batch_to_every_follower():
    result = subprocess.run(
        [sys.executable, "bench/scale.py", "--quick", "--configs", "sqlite", "--growth", "10"],
        capture_output=True, text=True, timeout=150, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = [match.groupdict() for match in ROW.finditer(result.stdout)]
    # (b) the meetings at once, (c) one meeting of 10: each on both servers.
    assert [row["server"] for row in rows] == ["bare python-socketio",
                                               "meeting-server SQLite"] * 2, result.stdout
    for row in rows:
        assert row["errors"] == row["late"] == "0" and int(row["rate"]) > 0, result.stdout
        assert 0 < float(row["p50"]) <= float(row["p99"]), result.stdout
    assert "PostgreSQL" not in result.stdout  # (only what was asked for)
    assert "nothing missing" in result.stdout
