"""What `/health` reports beyond "the server answers": problems it carries on through but the
administrator must hear of (an audit log that cannot be written on a full disk). A problem
stays reported until what failed works again."""

from __future__ import annotations

import threading


class Health:
    def __init__(self) -> None:
        self._problems: dict[str, str] = {}
        self._lock = threading.Lock()  # (written from request handlers and executor threads)

    def report(self, key: str, problem: str) -> None:
        with self._lock:
            self._problems[key] = problem

    def clear(self, key: str) -> None:
        if key in self._problems:
            with self._lock:
                self._problems.pop(key, None)

    def problems(self) -> list[str]:
        with self._lock:
            return list(self._problems.values())
