"""Does a server program serve the browser viewer whole: every file of `web/viewer/` and the
socket.io client the page loads, each 200 and byte for byte this tree's?

    python packaging/check_viewer.py PATH/TO/meeting-server

Starts the program on a free loopback port with an empty data folder, asks, stops it. Exit 0
when every file comes back right. Used on the built program (build-linux.sh) and on the server
installed from the wheel (check-wheel.sh): both carry their own copies of these files.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

WEB = Path(__file__).resolve().parents[1] / "web"
SOCKET_IO = WEB / "node_modules" / "socket.io-client" / "dist" / "socket.io.esm.min.js"


def expected() -> dict[str, Path]:
    """Each address under /viewer/ and the file it must send."""
    page = sorted(p for p in (WEB / "viewer").iterdir() if p.suffix in (".html", ".js", ".css"))
    files = {("" if p.name == "index.html" else p.name): p for p in page}
    return {**files, SOCKET_IO.name: SOCKET_IO}


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for(base: str, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            fetch(f"{base}/health")
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(program: str) -> int:
    if not SOCKET_IO.is_file():
        print(f"{SOCKET_IO} missing: run npm ci --prefix web", file=sys.stderr)
        return 2
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="meeting-viewer-check-") as data:
        server = subprocess.Popen([program, "--data-dir", data, "--port", str(port),
                                   "--log-level", "WARNING"])
        try:
            return check(f"http://127.0.0.1:{port}")
        finally:
            server.terminate()
            server.wait(timeout=20)


def check(base: str) -> int:
    wait_for(base)
    wrong = 0
    for name, file in expected().items():
        status, body = fetch(f"{base}/viewer/{name}")
        good = status == 200 and body == file.read_bytes()
        print(f"GET /viewer/{name} -> {status}, {len(body)} bytes"
              f"{'' if good else f' (expected 200 and {file})'}")
        wrong += not good
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
