"""A check, for the tests, that no database call runs on the server's event loop.

Every store call of the running server goes through `ServerContext.call` (or `read`), in the
store's own thread: on the loop, a write waiting for another process's lock (`meeting-server
user add`, a backup, a second server process) would freeze every meeting for up to the busy
timeout. With `MEETING_STORE_LOOP_GUARD=1` (the test suite sets it, see tests/conftest.py),
SQLite connections are opened as `GuardedConnection`, and PostgreSQL's adapter checks the same
way (`check`), refusing any statement made on a thread that is running an asyncio loop, naming
the caller: the whole suite, on both stores, so proves that nothing does.

Off in production, and free there (the plain connection class, nothing checked): a call that
slipped through still works, only slower for everyone; turning that into an error for users
would be worse than the stall. The check costs a dictionary look-up per statement.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SWITCH = "MEETING_STORE_LOOP_GUARD"

_allowed = threading.local()


class StoreOnLoopError(RuntimeError):
    """A database statement was made on the event loop's thread."""


def enabled() -> bool:
    return os.environ.get(SWITCH) == "1"


@contextmanager
def allowed() -> Iterator[None]:
    """Statements on this thread are let through while inside: the server's start, before it
    serves anyone (opening the store, migrations, recovering what a restart lost)."""
    before = getattr(_allowed, "on", False)
    _allowed.on = True
    try:
        yield
    finally:
        _allowed.on = before


def check() -> None:
    """Refuse a statement here if this thread runs an event loop (and is not `allowed`)."""
    if asyncio._get_running_loop() is not None and not getattr(_allowed, "on", False):
        caller = "".join(traceback.format_stack(limit=6)[:-2])
        raise StoreOnLoopError("a database call on the event loop (use ServerContext.call):\n"
                               + caller)


class GuardedConnection(sqlite3.Connection):
    """A SQLite connection that refuses to run on an event loop's thread."""

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        check()
        return super().execute(*args, **kwargs)

    def executemany(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        check()
        return super().executemany(*args, **kwargs)

    def executescript(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        check()
        return super().executescript(*args, **kwargs)

    def cursor(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:  # type: ignore[override]
        check()
        return super().cursor(*args, **kwargs)


def connection_class() -> type[sqlite3.Connection]:
    return GuardedConnection if enabled() else sqlite3.Connection
