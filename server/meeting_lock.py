"""One meeting's lock: changes one at a time, in the order they came; reads of the whole
meeting (a join's snapshot) a few at a time beside each other, never during a change.

Why not `asyncio.Lock`: when a full room comes back at once (a server restart, a Wi-Fi
outage), every join waits for the lock with its snapshot trip to the store, and the
presenter's page turn or pen waited behind all of them: 0.5–1.4 s on PostgreSQL with 150
people (tests/server/test_presence_storm.py). Here a change waiting goes before every read
still waiting, and waits only for the few reads already under way.

What it keeps: changes are taken in the order asked (one connection's events reach the
meeting in the order sent, tests/server/test_event_order.py), and no change happens while a
read holds the lock (a joining client misses nothing between its snapshot and its rooms).
A read asked before a change may be served after it; it then sees that change, which a
snapshot carrying `seq` already says.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass(eq=False)
class _Waiter:
    exclusive: bool
    granted: asyncio.Future[None] = field(
        default_factory=lambda: asyncio.get_running_loop().create_future())


class MeetingLock:
    """`async with lock:` for a change; `async with lock.shared():` for a read of the
    meeting that must see no change happen while it runs."""

    def __init__(self, readers_at_once: int = 1) -> None:
        if readers_at_once < 1:
            raise ValueError("readers_at_once must be at least 1")
        self.readers_at_once = readers_at_once
        """How many reads may hold the lock together: as many as the store can run at once
        (more would only queue in its threads, and a change would wait for all of them)."""
        self._readers = 0
        self._writing = False
        self._waiting: deque[_Waiter] = deque()

    async def __aenter__(self) -> None:
        await self._acquire(exclusive=True)

    async def __aexit__(self, *_: object) -> None:
        self._release(exclusive=True)

    @asynccontextmanager
    async def shared(self) -> AsyncIterator[None]:
        await self._acquire(exclusive=False)
        try:
            yield
        finally:
            self._release(exclusive=False)

    def locked(self) -> bool:
        """Whether a change is under way or reads hold every place."""
        return self._writing or self._readers >= self.readers_at_once

    async def _acquire(self, *, exclusive: bool) -> None:
        if not self._waiting and self._free_for(exclusive):
            self._take(exclusive)
            return
        waiter = _Waiter(exclusive)
        self._waiting.append(waiter)
        try:
            await waiter.granted
        except asyncio.CancelledError:
            if waiter.granted.done() and not waiter.granted.cancelled():
                self._release(exclusive=exclusive)  # (granted, then cancelled before it could run)
            else:
                if waiter in self._waiting:
                    self._waiting.remove(waiter)
                self._grant()  # (a change that was waiting may have held reads back)
            raise

    def _free_for(self, exclusive: bool) -> bool:
        if exclusive:
            return not self._writing and self._readers == 0
        return not self._writing and self._readers < self.readers_at_once

    def _take(self, exclusive: bool) -> None:
        if exclusive:
            self._writing = True
        else:
            self._readers += 1

    def _release(self, *, exclusive: bool) -> None:
        if exclusive:
            self._writing = False
        else:
            self._readers -= 1
        self._grant()

    def _grant(self) -> None:
        """The first change waiting, once nothing holds the lock; else, with no change
        waiting, reads in the order asked while there is room."""
        if any(w.granted.cancelled() for w in self._waiting):  # (their tasks leave soon)
            self._waiting = deque(w for w in self._waiting if not w.granted.cancelled())
        change = next((w for w in self._waiting if w.exclusive), None)
        if change is not None:
            if self._free_for(exclusive=True):
                self._waiting.remove(change)
                self._take(exclusive=True)
                change.granted.set_result(None)
            return
        while self._waiting and self._free_for(exclusive=False):
            read = self._waiting.popleft()
            self._take(exclusive=False)
            read.granted.set_result(None)
