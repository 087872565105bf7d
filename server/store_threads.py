"""The threads that run the server's store work, with arrivals served after everything else.

Why not `ThreadPoolExecutor`: its queue is first come, first served. When a full room comes
back at once (a server restart, a Wi-Fi outage), 150 devices each connect, join and say where
they are, and the presenter's page turn queued behind hundreds of those trips (0.1–0.2 s on
PostgreSQL, tests/server/test_presence_storm.py). Here work marked as an arrival waits for
the work of changes queued after it; among themselves, each kind keeps the order asked.

And the trip is shorter: the answer goes straight to the event loop's own future (no
`concurrent.futures.Future` chained to it): 70 µs there and back instead of 110 µs on an idle
machine, and a page turn makes one or two such trips.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections import deque
from collections.abc import Callable
from enum import IntEnum
from typing import Any, TypeVar

T = TypeVar("T")


class Urgency(IntEnum):
    """Lower goes first."""
    CHANGE = 0
    """The meeting's own work: changes, and anything done under a meeting's lock."""
    ARRIVAL = 1
    """Someone connecting, joining or saying where they are: nobody else waits for it."""


_Work = tuple[asyncio.AbstractEventLoop, asyncio.Future[Any], Callable[[], Any]]


class StoreThreads:
    """`threads` threads taking work from one queue per urgency, the most urgent first."""

    def __init__(self, threads: int, name: str) -> None:
        self._waiting: tuple[deque[_Work], ...] = tuple(deque() for _ in Urgency)
        self._ready: queue.SimpleQueue[bool] = queue.SimpleQueue()
        """One token per piece of work queued (False: a thread is to stop)."""
        self._stopping = False
        self._threads = [threading.Thread(target=self._work, name=f"{name}_{n}", daemon=True)
                         for n in range(threads)]
        self._starting = threading.Lock()
        self._started = False
        """The threads start with the first work (a server made and closed unused, as a test
        or the command line does, leaves none behind)."""

    def run(self, fn: Callable[[], T], urgency: Urgency = Urgency.CHANGE) -> asyncio.Future[T]:
        """`fn()` in one of the threads; its result (or exception) in the returned future of
        the running event loop. Work not yet started when the future is cancelled is
        skipped."""
        if self._stopping:
            raise RuntimeError("the store's threads have stopped")
        if not self._started:
            self._start()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._waiting[urgency].append((loop, future, fn))  # (deque appends are atomic)
        self._ready.put(True)
        return future

    def _start(self) -> None:
        with self._starting:
            if not self._started:
                for thread in self._threads:
                    thread.start()
                self._started = True

    def shutdown(self) -> None:
        """Finish the work queued, then stop the threads."""
        with self._starting:
            if self._stopping:
                return
            self._stopping = True
            if not self._started:
                return
        for _ in self._threads:
            self._ready.put(False)
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join()

    def _next(self) -> _Work | None:
        for waiting in self._waiting:
            try:
                return waiting.popleft()
            except IndexError:
                continue
        return None

    def _work(self) -> None:
        while True:
            if not self._ready.get():
                # (stop tokens come after every piece of work queued before shutdown)
                while (work := self._next()) is not None:
                    self._do(*work)
                return
            work = self._next()
            if work is not None:
                self._do(*work)

    @staticmethod
    def _do(loop: asyncio.AbstractEventLoop, future: asyncio.Future[Any],
            fn: Callable[[], Any]) -> None:
        if future.cancelled():  # (whoever waited has gone: nothing to do for them)
            return
        try:
            result = fn()
        except BaseException as error:  # (handed to whoever waits, as an executor does)
            _answer(loop, _fail, future, error)
        else:
            _answer(loop, _succeed, future, result)


def _answer(loop: asyncio.AbstractEventLoop, how: Callable[[asyncio.Future[Any], Any], None],
            future: asyncio.Future[Any], value: Any) -> None:
    with contextlib.suppress(RuntimeError):  # (the loop has closed: nobody waits any more)
        loop.call_soon_threadsafe(how, future, value)


def _succeed(future: asyncio.Future[Any], result: Any) -> None:
    if not future.done():
        future.set_result(result)


def _fail(future: asyncio.Future[Any], error: BaseException) -> None:
    if not future.done():
        future.set_exception(error)
