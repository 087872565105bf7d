"""Real `meeting-server` processes sharing one data folder and one Redis: nothing they share
can be in one process's memory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from tests.helpers.redis_service import free_port, stop_process


class ServerProcess:
    def __init__(self, data_dir: Path, redis_url: str, log: Path) -> None:
        self.data_dir = data_dir
        self.redis_url = redis_url
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> ServerProcess:
        command = [str(Path(sys.executable).parent / "meeting-server"), "--data-dir",
                   str(self.data_dir), "--port", str(self.port), "--redis", self.redis_url]
        with self._log.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{self.url}/health", timeout=2).status_code < 500:
                    return self
            except requests.ConnectionError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"meeting-server did not start:\n{self.output()}")
            time.sleep(0.1)

    def output(self) -> str:
        return self._log.read_text(errors="replace")

    def kill(self) -> None:
        """SIGKILL: nothing is cleaned up, as when a machine is lost."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            stop_process(self.process, grace_s=20)
