"""Slows down password guessing: failed sign-ins are counted per account and address, and per
address, in a sliding window; past the limit, sign-ins are refused (before any password is
checked, so a flood costs no scrypt time) until the oldest failure leaves the window.

Counting per account *and* address means a stranger guessing at a colleague's account from
elsewhere does not lock that colleague out of their own office PC. Memory only: a restart
forgets the counts, which costs a guesser a restart they cannot cause.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

WINDOW_SECONDS = 300.0
PER_ACCOUNT_AND_ADDRESS = 5
PER_ADDRESS = 30


class LoginThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures: dict[tuple[str, ...], deque[float]] = {}

    def wait(self, account: str, address: str) -> int:
        """Seconds before another attempt may be made (0: go ahead)."""
        now = self._clock()
        waits = [self._wait(("pair", account.lower(), address), PER_ACCOUNT_AND_ADDRESS, now),
                 self._wait(("address", address), PER_ADDRESS, now)]
        return max(waits)

    def failed(self, account: str, address: str) -> None:
        now = self._clock()
        for key in (("pair", account.lower(), address), ("address", address)):
            self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, account: str, address: str) -> None:
        self._failures.pop(("pair", account.lower(), address), None)

    def _wait(self, key: tuple[str, ...], limit: int, now: float) -> int:
        failures = self._failures.get(key)
        if not failures:
            return 0
        while failures and failures[0] <= now - WINDOW_SECONDS:
            failures.popleft()
        if not failures:
            del self._failures[key]
            return 0
        if len(failures) < limit:
            return 0
        return max(1, math.ceil(failures[-limit] + WINDOW_SECONDS - now))
