"""Work to do once, a little later, by key: a resend after a refusal, a resync if a gap stays.

Why one place: the session, the outbox and the stroke outbox each wait before asking the
server again, and each must stop every wait when it closes (a test fails on a timer left
running, and a closed session must send nothing more).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any


class Later:
    """One-shot timers, one per key at a time; `close` cancels those still waiting."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._timers: dict[Hashable, threading.Timer] | None = {}
        """Those not yet due (None once closed)."""

    def call(self, key: Hashable, delay: float, due: Callable[..., None], *args: Any) -> bool:
        """`due(*args)` in `delay` seconds, unless closed first or `key` is already waiting;
        whether it was set."""
        with self._lock:
            if self._timers is None or key in self._timers:
                return False
            timer = threading.Timer(delay, self._run, (key, due, args))
            timer.daemon = True
            self._timers[key] = timer
            timer.start()  # (under the lock: `close` joins only started timers)
            return True

    def waiting(self, key: Hashable) -> bool:
        with self._lock:
            return self._timers is not None and key in self._timers

    def close(self) -> None:
        with self._lock:
            timers, self._timers = list((self._timers or {}).values()), None
        for timer in timers:
            timer.cancel()
            timer.join()

    def _run(self, key: Hashable, due: Callable[..., None], args: tuple[Any, ...]) -> None:
        with self._lock:
            if self._timers is None or self._timers.pop(key, None) is None:
                return  # (closed meanwhile)
        due(*args)
