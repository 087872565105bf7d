"""Slows down password guessing: sign-in attempts are counted per account and address, per
address, and per account from every address, in a sliding window; past a limit, sign-ins are
refused (before any password is checked, so a flood costs no scrypt time) until the oldest
failure leaves the window.

An attempt is counted as a failure *when it starts*, before its password is checked, and
forgiven only when the password turns out right: twenty-five attempts sent at once cannot all
pass the check while the first ones are still being hashed.

Counting per account *and* address means a stranger guessing at a colleague's account from
elsewhere does not lock that colleague out of their own office PC after five tries; the looser
per-account limit stops many addresses taking turns at one account (and says so in the audit
log, once per window). Memory only: a restart forgets the counts, which costs a guesser a
restart they cannot cause.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

WINDOW_SECONDS = 300.0
PER_ACCOUNT_AND_ADDRESS = 5
PER_ADDRESS = 30
PER_ACCOUNT = 20
"""From all addresses together: 60 addresses get 20 tries at one account, not 300."""


@dataclass(frozen=True)
class Attempt:
    """A sign-in let through to the password check, counted as failed until `succeeded`."""

    account: str
    address: str
    at: float
    token: str = ""
    """Names this attempt among the counted ones (a throttle kept in Redis)."""


@dataclass(frozen=True)
class Refusal:
    wait: int
    """Seconds before another attempt may be made."""
    account_held: bool
    """The account itself reached its limit and nobody has been told yet in this window:
    worth a notice in the audit log."""


class LoginThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures: dict[tuple[str, ...], deque[float]] = {}
        self._account_noticed: dict[str, float] = {}

    def attempt(self, account: str, address: str) -> Attempt | Refusal:
        """Let one attempt through (already counted as a failure) or refuse it."""
        now = self._clock()
        name = account.lower()
        account_wait = self._wait(("account", name), PER_ACCOUNT, now)
        wait = max(self._wait(("pair", name, address), PER_ACCOUNT_AND_ADDRESS, now),
                   self._wait(("address", address), PER_ADDRESS, now), account_wait)
        if wait:
            return Refusal(wait, account_wait > 0 and self._first_notice(name, now))
        for key in self._keys(name, address):
            self._failures.setdefault(key, deque()).append(now)
        return Attempt(account, address, now)

    def wait(self, account: str, address: str) -> int:
        """Seconds before another attempt may be made (0: go ahead); counts nothing."""
        now = self._clock()
        name = account.lower()
        return max(self._wait(("pair", name, address), PER_ACCOUNT_AND_ADDRESS, now),
                   self._wait(("address", address), PER_ADDRESS, now),
                   self._wait(("account", name), PER_ACCOUNT, now))

    def succeeded(self, attempt: Attempt) -> None:
        """The password was right: the attempt was no failure, and the account's earlier
        failures from this address are forgiven."""
        name = attempt.account.lower()
        self._failures.pop(("pair", name, attempt.address), None)
        for key in self._keys(name, attempt.address)[1:]:
            failures = self._failures.get(key)
            if failures is not None and attempt.at in failures:
                failures.remove(attempt.at)

    @staticmethod
    def _keys(name: str, address: str) -> tuple[tuple[str, ...], ...]:
        return ("pair", name, address), ("address", address), ("account", name)

    def _first_notice(self, name: str, now: float) -> bool:
        last = self._account_noticed.get(name)
        if last is not None and last > now - WINDOW_SECONDS:
            return False
        self._account_noticed[name] = now
        return True

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
