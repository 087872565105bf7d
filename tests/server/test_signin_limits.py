"""Sign-in that holds: a small body limit (never read whole), the failure counted before the
password is checked (so concurrent guesses cannot pass the limit), and a limit per account
across addresses, with a notice in the audit log."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from server.app import create_app
from server.embedded import EmbeddedServer
from server.login_throttle import PER_ACCOUNT, PER_ACCOUNT_AND_ADDRESS
from tests.helpers.live import PASSWORD, stored


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.fixture
def server_process(tmp_path, seeded_template):
    """The real `meeting-server` in its own process, so its memory can be measured."""
    template, _ = seeded_template
    shutil.copytree(template, tmp_path / "server")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "--data-dir", str(tmp_path / "server"),
         "--port", str(port), "--log-level", "WARNING"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None and "serving" in process.stdout.readline()
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                requests.get(f"{url}/health", timeout=2)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield process, port
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout:
            process.stdout.close()


def _post_raw(port: int, head: str, body_chunks, timeout: float = 10) -> bytes:
    """Sends a request by hand and returns what the server answered (whatever it read)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(head.encode("ascii"))
        try:
            for chunk in body_chunks:
                connection.sendall(chunk)
        except OSError:  # the server closed on us: it stopped reading, as it should
            pass
        answer = b""
        try:
            while not answer.endswith(b"}") and len(answer) < 65536:
                part = connection.recv(65536)
                if not part:
                    break
                answer += part
        except OSError:
            pass
        return answer


def test_a_large_sign_in_body_is_refused_without_being_read(server_process):
    process, port = server_process
    # A claimed length of 1 GiB, of which 64 KiB arrive: refused at once, nothing waited for.
    started = time.monotonic()
    answer = _post_raw(port, "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                       "application/json\r\nContent-Length: 1073741824\r\n\r\n",
                       [b" " * 65536])
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b"too_large" in answer
    assert time.monotonic() - started < 5

    # 1 MiB with an honest length, and 60 MiB with no length at all (chunked): both refused,
    # and the server's memory stays flat (it read at most the limit of each).
    one_mib = requests.post(f"http://127.0.0.1:{port}/api/login", timeout=20,
                            data=b'{"username": "' + b"a" * (1 << 20) + b'"}',
                            headers={"Content-Type": "application/json"})
    assert one_mib.status_code == 413 and one_mib.json()["error"]["code"] == "too_large"
    before = _rss_kib(process.pid)
    chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    for _ in range(3):
        _post_raw(port, "POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                  "\r\nTransfer-Encoding: chunked\r\n\r\n", (chunk for _ in range(960)))
    grown = _rss_kib(process.pid) - before
    assert grown < 20 * 1024, f"the server grew by {grown} KiB reading sign-in bodies"
    # and it still signs people in
    good = requests.post(f"http://127.0.0.1:{port}/api/login", timeout=10,
                         json={"username": "paul", "password": PASSWORD})
    assert good.status_code == 200, good.text


def test_a_deeply_nested_sign_in_body_is_refused_plainly(seeded_server):
    live, _ = seeded_server
    nested = b"[" * 8000 + b"]" * 8000
    answer = requests.post(f"{live.url}/api/login", data=nested, timeout=10,
                           headers={"Content-Type": "application/json"})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "invalid_payload"


def test_concurrent_wrong_passwords_cannot_pass_the_limit(seeded_server):
    live, _ = seeded_server

    def guess(n: int) -> int:
        return requests.post(f"{live.url}/api/login", timeout=30,
                             json={"username": "paul", "password": f"guess-{n}"}).status_code

    with ThreadPoolExecutor(max_workers=25) as pool:
        answers = list(pool.map(guess, range(25)))
    assert answers.count(401) <= PER_ACCOUNT_AND_ADDRESS, answers
    assert answers.count(429) == 25 - answers.count(401), answers


def test_many_addresses_share_one_limit_per_account_and_the_log_says_so(tmp_path,
                                                                         seeded_template):
    template, _ = seeded_template
    data = tmp_path / "server"
    shutil.copytree(template, data)
    server = EmbeddedServer(data, app_factory=lambda: create_app(data, frozenset({"127.0.0.1"})))
    url = server.start()
    try:
        def sign_in(password: str, client: str) -> int:
            return requests.post(f"{url}/api/login", timeout=10,
                                 headers={"X-Forwarded-For": client},
                                 json={"username": "paul", "password": password}).status_code

        answers = [sign_in("guess", f"198.51.100.{n}") for n in range(60)]
        assert answers.count(401) == PER_ACCOUNT, answers
        assert answers[PER_ACCOUNT:] == [429] * (60 - PER_ACCOUNT)
        assert sign_in("guess", "203.0.113.1") == 429  # a fresh address too
        assert sign_in("guess-other", "198.51.100.200") == 429
        other = requests.post(f"{url}/api/login", timeout=10,
                              headers={"X-Forwarded-For": "198.51.100.201"},
                              json={"username": "olga", "password": PASSWORD})
        assert other.status_code == 200  # other accounts are not held
    finally:
        server.stop()
    with stored(data) as database:
        notices = database.execute(
            "SELECT \"user\", detail FROM audit WHERE action = 'sign_in_held'").fetchall()
    assert len(notices) == 1, notices  # once per window, not once per refused attempt
    assert notices[0][0] == "paul" and "failed sign-ins" in notices[0][1]
