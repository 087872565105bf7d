"""Presence broadcasts coalesced per meeting: at most one every `PRESENCE_INTERVAL_S`.

Every join, leave and `presence:set` changes who is here, and each used to send the whole list
to everyone in the meeting: 200 people re-seating after a restart made some 42,000 broadcasts
and held a page turn up for seconds. Now the first change after a quiet spell is broadcast at
once (a person leaving is said without delay), and the changes that follow within the interval
go out together, as one list of how things are when it is sent.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

PRESENCE_INTERVAL_S = 0.5
"""Two presence broadcasts a second per meeting at most."""


class PresenceBroadcasts:
    """Runs on the server's event loop only."""

    def __init__(self, send: Callable[[int], Coroutine[Any, Any, None]],
                 interval: float = PRESENCE_INTERVAL_S) -> None:
        self._send = send
        self.interval = interval
        self._last: dict[int, float] = {}
        """When each meeting's presence was last broadcast (the loop's clock)."""
        self._due: dict[int, asyncio.TimerHandle] = {}
        self._sending: set[asyncio.Task[None]] = set()
        self.sent = 0
        """Broadcasts made (for tests and the record of a storm)."""

    def changed(self, meeting_id: int) -> None:
        """The meeting's presence changed: broadcast it now, or with the next one due."""
        if meeting_id in self._due:
            return
        loop = asyncio.get_running_loop()
        at = max(loop.time(), self._last.get(meeting_id, float("-inf")) + self.interval)
        self._due[meeting_id] = loop.call_at(at, self._broadcast, meeting_id)

    def close(self) -> None:
        """The server stops: nothing more is sent."""
        for handle in self._due.values():
            handle.cancel()
        self._due.clear()
        for task in self._sending:
            task.cancel()

    def _broadcast(self, meeting_id: int) -> None:
        del self._due[meeting_id]
        self._last[meeting_id] = asyncio.get_running_loop().time()
        self.sent += 1
        task = asyncio.create_task(self._send(meeting_id))
        self._sending.add(task)
        task.add_done_callback(self._sending.discard)
