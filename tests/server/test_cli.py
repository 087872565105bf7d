"""`meeting-server` as an administrator uses it: a real process, a real data folder."""

from __future__ import annotations

import hashlib
import signal
import socket
import subprocess
import sys
import time

import requests

from meeting.core.protocol import PROTOCOL_VERSION
from tests.helpers.live import login


def run(data_dir, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "--data-dir", str(data_dir), *args],
        input=stdin, capture_output=True, text=True, timeout=60,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_administer_then_serve(tmp_path, sample_pdfs):
    data = tmp_path / "data"
    assert run(data, "user", "add", "sato", "--role", "organizer", "--password-stdin",
               stdin="秘密のパスワード\n").returncode == 0
    assert run(data, "user", "add", "tanaka", "--role", "participant", "--password-stdin",
               stdin="pw-tanaka\n").returncode == 0
    duplicate = run(data, "user", "add", "sato", "--role", "admin", "--password-stdin", stdin="x\n")
    assert duplicate.returncode == 1 and "already exists" in duplicate.stderr
    bad_role = run(data, "user", "add", "x", "--role", "king", "--password-stdin", stdin="x\n")
    assert bad_role.returncode == 2
    assert run(data, "user", "list").stdout.split("\n")[:2] == ["sato\torganizer",
                                                              "tanaka\tparticipant"]
    created = run(data, "meeting", "create", "予算審議", "--presenter", "sato")
    meeting_id = created.stdout.strip()
    assert meeting_id == "1"
    assert run(data, "meeting", "invite", meeting_id, "tanaka").returncode == 0
    added = run(data, "meeting", "add-document", meeting_id, str(sample_pdfs[1]))
    assert added.returncode == 0 and "6 pages" in added.stdout
    refused = run(data, "meeting", "add-document", meeting_id, str(tmp_path / "missing.pdf"))
    assert refused.returncode == 1
    listing = run(data, "meeting", "list").stdout
    assert "予算審議\t1 documents\tpresenter: sato" in listing
    assert run(data, "meeting", "invite", "99", "tanaka").returncode == 1

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--data-dir", str(data), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                health = requests.get(f"{url}/health", timeout=1).json()
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert health["protocol"] == PROTOCOL_VERSION
        assert login(url, "sato", "秘密のパスワード")
        assert login(url, "tanaka", "pw-tanaka")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
    assert (data / "meeting.sqlite3").exists()
    blobs = [p for p in (data / "documents").rglob("*") if p.is_file()]
    sha256 = hashlib.sha256(sample_pdfs[1].read_bytes()).hexdigest()
    assert [p.relative_to(data / "documents").as_posix() for p in blobs] == [
        f"{sha256[:2]}/{sha256}"]


def test_password_is_never_an_argument(tmp_path):
    result = run(tmp_path, "user", "add", "x", "--role", "admin", "--password", "pw")
    assert result.returncode == 2
