"""The threads that run the server's store work, with arrivals served after everything else.

Why not `ThreadPoolExecutor`: its queue is first come, first served. When a full room comes
back at once (a server restart, a Wi-Fi outage), 150 devices each connect, join and say where
they are, and the presenter's page turn queued behind hundreds of those trips (0.1–0.2 s on
PostgreSQL, tests/server/test_presence_storm.py). Here work marked as an arrival waits for
the work of changes queued after it; among themselves, each kind keeps the order asked.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from enum import IntEnum
from typing import Any, TypeVar

T = TypeVar("T")


class Urgency(IntEnum):
    """Lower goes first."""
    CHANGE = 0
    """The meeting's own work: changes, and anything done under a meeting's lock."""
    ARRIVAL = 1
    """Someone connecting, joining or saying where they are: nobody else waits for it."""


_STOP = object()


class StoreThreads:
    """`threads` threads taking work from one queue, the most urgent first."""

    def __init__(self, threads: int, name: str) -> None:
        self._queue: queue.PriorityQueue[tuple[int, int, Any]] = queue.PriorityQueue()
        self._order = itertools.count()  # (first come, first served within an urgency)
        self._stopping = False
        self._threads = [threading.Thread(target=self._work, name=f"{name}_{n}", daemon=True)
                         for n in range(threads)]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[[], T], urgency: Urgency = Urgency.CHANGE) -> Future[T]:
        if self._stopping:
            raise RuntimeError("the store's threads have stopped")
        future: Future[T] = Future()
        self._queue.put((int(urgency), next(self._order), (fn, future)))
        return future

    def shutdown(self) -> None:
        """Finish the work queued, then stop the threads."""
        if self._stopping:
            return
        self._stopping = True
        for _ in self._threads:  # (after everything queued: the last of all urgencies)
            self._queue.put((len(Urgency), next(self._order), _STOP))
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join()

    def _work(self) -> None:
        while True:
            _, _, item = self._queue.get()
            if item is _STOP:
                return
            fn, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn()
            except BaseException as error:  # (handed to whoever waits, as an executor does)
                future.set_exception(error)
            else:
                future.set_result(result)
