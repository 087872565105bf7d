"""The data folder is the server's alone: folders 0700, files 0600, whatever the umask (the
real command line and server, started from a shell with umask 022)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.helpers.live import PASSWORD
from tests.server.test_signin_limits import _free_port
from tests.server.test_upload import upload


def _with_umask_022(*args: str, **kwargs) -> subprocess.Popen:
    command = " ".join(f"'{a}'" for a in (sys.executable, "-m", "server.cli", *args))
    return subprocess.Popen(["sh", "-c", f"umask 022 && exec {command}"], **kwargs)


def _modes(folder: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.stat().st_mode)
    return found


def _serve_a_little(data: Path, pdf: Path) -> None:
    """Start the server, sign in, upload a document (a blob, the WAL), stop."""
    port = _free_port()
    server = _with_umask_022("--data-dir", str(data), "--port", str(port), "--log-level",
                             "WARNING", stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None and "serving" in server.stdout.readline()
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                token = requests.post(f"{url}/api/login", timeout=5, json={
                    "username": "olga", "password": PASSWORD}).json()["data"]["token"]
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        meeting = subprocess.run([sys.executable, "-m", "server.cli", "--data-dir", str(data),
                                  "meeting", "create", "Budget"], capture_output=True, text=True,
                                 check=True).stdout.strip()
        subprocess.run([sys.executable, "-m", "server.cli", "--data-dir", str(data), "meeting",
                        "invite", meeting, "olga"], check=True)
        assert upload(url, token, int(meeting), "a.pdf", pdf.read_bytes()).status_code == 201
    finally:
        server.terminate()
        server.wait(timeout=20)
        if server.stdout:
            server.stdout.close()


@pytest.mark.usefixtures("store_kind")  # (on both stores)
def test_folders_0700_and_files_0600_whatever_the_umask(tmp_path, sample_pdfs):
    data = tmp_path / "fresh" / "data"
    added = _with_umask_022("--data-dir", str(data), "user", "add", "olga", "--role",
                            "organizer", "--password-stdin", stdin=subprocess.PIPE, text=True)
    added.communicate(PASSWORD + "\n", timeout=60)
    assert added.returncode == 0
    _serve_a_little(data, sample_pdfs[0])
    modes = _modes(data)
    assert any(len(Path(name).name) == 64 for name in modes), modes  # the document is there
    wrong = {name: oct(mode) for name, mode in modes.items()
             if mode != (0o700 if (data / name).is_dir() else 0o600)}
    assert not wrong, wrong


def test_a_folder_left_readable_by_an_older_server_is_closed(tmp_path, sample_pdfs, store_kind):
    data = tmp_path / "data"
    added = _with_umask_022("--data-dir", str(data), "user", "add", "olga", "--role",
                            "organizer", "--password-stdin", stdin=subprocess.PIPE, text=True)
    added.communicate(PASSWORD + "\n", timeout=60)
    for path in [data, *data.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    _serve_a_little(data, sample_pdfs[0])
    modes = _modes(data)
    assert modes["."] == 0o700, modes
    assert modes.get("meeting.sqlite3", "on PostgreSQL") == (
        0o600 if store_kind == "sqlite" else "on PostgreSQL"), modes
