"""Emptying SQLite's write-ahead log after something was removed for good (private notes at a
meeting's end, materials), or a secret vote closed.

A WAL keeps every page a commit wrote until a checkpoint copies it into the database; it is
only emptied (TRUNCATE) when no reader is still looking at those pages. So the emptying is
tried again while readers hold it, off the event loop (a busy database would otherwise block
every meeting for the busy timeout), and checked: the checkpoint must say it got through, and
if it never does the log and `/health` say so until a later one does."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from server.health import Health

log = logging.getLogger("meeting.server.wal")

EMPTY_SECONDS = 30.0
"""How long readers may hold the log before the server reports it could not empty it."""
RETRY_SECONDS = 0.2
ATTEMPT_BUSY_MS = 100
"""Each attempt waits this long for readers (in a worker thread, not on the event loop)."""


def checkpoint_truncate(database: Path, busy_ms: int = ATTEMPT_BUSY_MS) -> bool:
    """One attempt, on a connection of its own: True once every frame is in the database and
    the log file is empty."""
    with closing(sqlite3.connect(database, timeout=busy_ms / 1000,
                                 isolation_level=None)) as db:
        db.execute(f"PRAGMA busy_timeout = {busy_ms}")
        busy, frames, copied = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return busy == 0 and frames in (0, -1) and copied in (0, -1)


HEALTH_KEY = "write_ahead_log"


@dataclass
class WriteAheadLog:
    database: Path | None
    """(None: the store is PostgreSQL, which has no such log to empty: see docs/security.md)"""
    health: Health | None = None
    """Where `/health` hears that the log could not be emptied (and that it was, later)."""
    seconds: float = EMPTY_SECONDS
    not_emptied: str | None = None
    """Why the latest emptying failed (None: it worked, or none was needed yet)."""
    emptied_at: float | None = None
    _lock: asyncio.Lock | None = field(default=None, repr=False)
    _tasks: set[asyncio.Task] = field(default_factory=set, repr=False)

    def empty_soon(self, reason: str) -> asyncio.Task:
        """`empty` in the background (the caller's reply does not wait for readers)."""
        task = asyncio.get_running_loop().create_task(self.empty(reason))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def empty(self, reason: str) -> bool:
        """Fold the log into the database and empty it, retrying while readers hold it."""
        if self.database is None:
            return True
        database = self.database
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            deadline = time.monotonic() + self.seconds
            attempts = 0
            while True:
                attempts += 1
                try:
                    done = await asyncio.to_thread(checkpoint_truncate, database)
                except sqlite3.Error as error:
                    log.warning("emptying the write-ahead log (%s) failed: %s", reason, error)
                    done = False
                if done:
                    if self.not_emptied is not None:
                        log.info("the write-ahead log is empty again (%s)", reason)
                    self.not_emptied, self.emptied_at = None, time.time()
                    if self.health is not None:
                        self.health.clear(HEALTH_KEY)
                    return True
                if time.monotonic() >= deadline:
                    break
                await asyncio.sleep(RETRY_SECONDS)
            self.not_emptied = (f"after {reason}: a reader held the database for "
                                f"{self.seconds:.0f} s ({attempts} attempts)")
            log.error("the write-ahead log could not be emptied %s; what was removed may "
                      "still be readable in %s-wal until a later checkpoint",
                      self.not_emptied, database.name)
            if self.health is not None:
                self.health.report(HEALTH_KEY,
                                   f"the database's write-ahead log was not emptied "
                                   f"{self.not_emptied}")
            return False
