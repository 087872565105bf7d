"""Each connection's events reach their handlers in the order they came.

Why it needs saying: an event's session is checked either in a trip of its own before the
handler (most events) or inside the handler's trip (the hot ones: server/caller.py), so a pen
batch sent right after the stroke's `begin` would reach the meeting's lock first and find no
stroke. Each event takes its place on arrival and goes to its handler only once the one
before it has (tests/server/test_event_order.py). A handler awaits nothing before taking its
meeting's lock, so going to the handler in order is reaching the lock in order.
"""

from __future__ import annotations

import asyncio


class ConnectionOrder:
    def __init__(self) -> None:
        self._last: dict[str, asyncio.Future[None]] = {}
        """Each connection's latest event still on its way to its handler."""

    def place(self, sid: str) -> Place:
        """Take the next place of this connection (on arrival, before anything awaits)."""
        ahead = self._last.get(sid)
        mine: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._last[sid] = mine
        return Place(self, sid, ahead, mine)

    def forget(self, sid: str) -> None:
        self._last.pop(sid, None)

    def _gone(self, sid: str, mine: asyncio.Future[None]) -> None:
        if self._last.get(sid) is mine:
            del self._last[sid]


class Place:
    def __init__(self, order: ConnectionOrder, sid: str, ahead: asyncio.Future[None] | None,
                 mine: asyncio.Future[None]) -> None:
        self._order, self._sid, self._ahead, self._mine = order, sid, ahead, mine

    async def wait(self) -> None:
        """Until the event before this one has gone to its handler (or given up)."""
        if self._ahead is not None and not self._ahead.done():
            await asyncio.wait((self._ahead,))  # (not cancelled if this event is)

    def go(self) -> None:
        """This event goes to its handler now (or gives up): the next one may follow, once
        the one before this one has gone too (one that gives up early holds nobody back, and
        lets nobody past)."""
        if self._ahead is not None and not self._ahead.done():
            self._ahead.add_done_callback(lambda _: self._let_next_go())
        else:
            self._let_next_go()

    def _let_next_go(self) -> None:
        if not self._mine.done():
            self._mine.set_result(None)
            self._order._gone(self._sid, self._mine)
