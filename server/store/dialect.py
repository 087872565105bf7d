"""What the store's SQL needs to know of the database under it: SQLite (the embedded default)
or PostgreSQL (`--database`). The SQL is written once, in the forms both accept (`?`
placeholders, `INSERT … ON CONFLICT`, `RETURNING id`, quoted `"user"`); `server.store.postgres`
adapts the rest. A `Database` hands each thread its connection (`connection()`), says how a
writing transaction begins and how many threads may use it at once."""

from __future__ import annotations

import sqlite3
from typing import Any, Protocol


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer server; refusing to touch it protects the data."""


class IntegrityError(Exception):
    """A row broke a constraint (a duplicate name, a second ballot), on PostgreSQL."""


INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, IntegrityError)
"""What the store catches for "already there", on either database."""


class Connection(Protocol):
    """The part of `sqlite3.Connection` the store uses (PostgreSQL's adapter has it too)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...

    @property
    def in_transaction(self) -> bool: ...


class Database(Protocol):
    name: str
    """"sqlite" or "postgresql"."""
    begin: str
    """The statement that starts a writing transaction."""
    begin_snapshot: str
    """The statement that starts a transaction reading one consistent state."""
    threads: int
    """How many threads may use the store at once (each with its own connection)."""

    def connection(self) -> Any: ...

    def close(self) -> None: ...


class SqliteDatabase:
    """The one SQLite connection, for whichever thread asks (the server's store executor is a
    single thread, so calls never overlap)."""

    name = "sqlite"
    begin = "BEGIN IMMEDIATE"
    begin_snapshot = "BEGIN"
    threads = 1

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def connection(self) -> sqlite3.Connection:
        return self._connection

    def close(self) -> None:
        self._connection.close()
