"""`meeting-server` as an administrator uses it: a real process, a real data folder."""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time

import requests

from meeting.core.protocol import PROTOCOL_VERSION
from tests.helpers.live import login


def run(data_dir, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    """(`data_dir` may be a tuple: the folder and more options, such as `--database URL`)"""
    folder, *options = data_dir if isinstance(data_dir, tuple) else (data_dir,)
    return subprocess.run(
        [sys.executable, "-m", "server.cli", "--data-dir", str(folder), *options, *args],
        input=stdin, capture_output=True, text=True, timeout=60,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_administer_then_serve(tmp_path, sample_pdfs, store_kind, store_database, monkeypatch):
    data = tmp_path / "data"
    if store_database is not None:  # (given with --database here, not in the environment)
        monkeypatch.delenv("MEETING_DATABASE_URL")
        data = tmp_path / "data", "--database", store_database
    assert run(data, "user", "add", "sato", "--role", "organizer", "--password-stdin",
               stdin="秘密のパスワードです\n").returncode == 0
    assert run(data, "user", "add", "tanaka", "--role", "participant", "--password-stdin",
               stdin="pw-for-the-budget\n").returncode == 0
    duplicate = run(data, "user", "add", "sato", "--role", "admin", "--password-stdin",
                    stdin="another long one\n")
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
    folder, *options = data if isinstance(data, tuple) else (data,)
    server = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--data-dir", str(folder), *options,
         "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
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
        assert login(url, "sato", "秘密のパスワードです")
        assert login(url, "tanaka", "pw-for-the-budget")
    finally:
        server.send_signal(signal.SIGINT)
        printed, _ = server.communicate(timeout=10)
    assert ("(data in PostgreSQL)" in printed) == (store_kind == "postgresql"), printed
    assert (folder / "meeting.sqlite3").exists() == (store_kind == "sqlite")
    blobs = [p for p in (folder / "documents").rglob("*") if p.is_file()]
    sha256 = hashlib.sha256(sample_pdfs[1].read_bytes()).hexdigest()
    assert [p.relative_to(folder / "documents").as_posix() for p in blobs] == [
        f"{sha256[:2]}/{sha256}"]


def test_password_is_never_an_argument(tmp_path):
    result = run(tmp_path, "user", "add", "x", "--role", "admin", "--password", "pw")
    assert result.returncode == 2


def test_passwords_follow_the_policy_in_the_administrators_language(tmp_path):
    data = tmp_path / "data"

    def add(name: str, password: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "server.cli", "--data-dir", str(data), "user", "add", name,
             "--role", "participant", "--password-stdin"], input=password + "\n",
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "LANG": "C.UTF-8", "MEETING_LANGUAGE": "", **env})

    short = add("tanaka", "1")
    assert short.returncode == 1 and "at least 10 characters" in short.stderr
    for own_name in ("tanaka", "Tanaka-2026!"):
        refused = add("tanaka", own_name)
        assert refused.returncode == 1 and "user name" in refused.stderr, own_name
    for common in ("password123", "ababababab"):
        refused = add("tanaka", common)
        assert refused.returncode == 1 and "most common" in refused.stderr, common
    japanese = add("tanaka", "1", LANG="ja_JP.UTF-8")
    assert "パスワードは 10 文字以上にしてください" in japanese.stderr
    assert "ユーザー名を含めない" in add("tanaka", "tanaka-desk", MEETING_LANGUAGE="ja").stderr
    assert run(data, "user", "list").stdout == ""
    assert add("tanaka", "stapled horse in kasumigaseki").returncode == 0
    weak_change = run(data, "user", "set-password", "tanaka", "--password-stdin", stdin="123\n")
    assert weak_change.returncode == 1 and "at least 10" in weak_change.stderr


def test_command_line_input_is_checked_as_the_protocol_checks_it(tmp_path):
    data = tmp_path / "data"
    for name in ("bad name", "new\nline", "a" * 65, "名前/スラッシュ"):
        refused = run(data, "user", "add", name, "--role", "participant", "--password-stdin",
                      stdin="a long enough password\n")
        assert refused.returncode == 1 and "1 to 64 letters" in refused.stderr, name
    assert run(data, "user", "add", "monitor", "--role", "display", "--password-stdin",
               stdin="the room's big screen\n").returncode == 0
    created = run(data, "meeting", "create", "Budget", "--presenter", "monitor")
    assert created.returncode == 1 and "display account cannot present" in created.stderr
    assert run(data, "meeting", "list").stdout == ""  # no meeting half made
    meeting = run(data, "meeting", "create", "Budget").stdout.strip()
    refused = run(data, "meeting", "set-presenter", meeting, "monitor")
    assert refused.returncode == 1 and "display account cannot present" in refused.stderr
    assert "presenter: -" in run(data, "meeting", "list").stdout
    too_long = run(data, "meeting", "agenda", meeting, "--add", "x" * 201)
    assert too_long.returncode == 1 and "items.0.title" in too_long.stderr
    assert run(data, "meeting", "agenda", meeting, "--add", "Opening").returncode == 0
