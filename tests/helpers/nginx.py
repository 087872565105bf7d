"""Real nginx in front of several server processes, configured with the `upstream` and
`location` blocks of docs/deploy.md ("Several processes"), so the documentation cannot rot.

Runs as the current user in its own folder on a free loopback port (no TLS: the blocks that
matter here are the upstream and the proxying); `MEETING_REQUIRE_NGINX=1` makes a missing
nginx a failure."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import requests

from tests.helpers.redis_service import free_port, require, stop_process

DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


def documented_blocks() -> tuple[str, str]:
    """The `upstream meeting {…}` block and the `location / {…}` block of the section."""
    section = DEPLOY.read_text(encoding="utf-8").split("## 7. Several processes", 1)[1]
    config = section.split("```nginx", 1)[1].split("```", 1)[0]
    upstream = re.search(r"^upstream meeting \{.*?^\}", config, re.S | re.M)
    location = re.search(r"^    location / \{.*?^    \}", config, re.S | re.M)
    assert upstream and location, "docs/deploy.md lost its upstream or location block"
    return upstream.group(0), location.group(0)


class Nginx:
    def __init__(self, folder: Path, ports: list[int]) -> None:
        binary = require("nginx", "MEETING_REQUIRE_NGINX",
                         "the several-processes test runs Debian's nginx in front")
        folder.mkdir(parents=True, exist_ok=True)
        upstream, location = documented_blocks()
        servers = iter(ports)
        upstream = re.sub(r"server \S+:8765", lambda _: f"server 127.0.0.1:{next(servers)}",
                          upstream)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        user = "user root;\n" if os.geteuid() == 0 else ""  # (workers read this folder)
        (folder / "nginx.conf").write_text(
            f"{user}worker_processes 1;\npid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log info;\ndaemon off;\nevents {{}}\nhttp {{\n"
            f"access_log off;\nclient_body_temp_path {folder}/body;\n"
            f"proxy_temp_path {folder}/proxy;\nfastcgi_temp_path {folder}/fastcgi;\n"
            f"uwsgi_temp_path {folder}/uwsgi;\nscgi_temp_path {folder}/scgi;\n"
            f"{upstream}\nserver {{\nlisten 127.0.0.1:{self.port};\n{location}\n}}\n}}\n",
            encoding="utf-8")
        self.folder = folder
        self.process = subprocess.Popen([binary, "-c", str(folder / "nginx.conf"), "-p",
                                         str(folder)], stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while True:
            try:
                requests.get(f"{self.url}/health", timeout=2)
                return
            except requests.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start: " + (folder / "error.log")
                                       .read_text(errors="replace")) from None
                time.sleep(0.05)

    def stop(self) -> None:
        stop_process(self.process)
