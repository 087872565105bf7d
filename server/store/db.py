"""Opening the SQLite database: WAL journal, foreign keys on, deleted content zeroed, schema
brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from server.store.loop_guard import connection_class
from server.store.migrations import MIGRATIONS
from server.store.private import private_database, private_folder

DATABASE_NAME = "meeting.sqlite3"


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer server; refusing to touch it protects the data."""


def open_database(data_dir: Path) -> sqlite3.Connection:
    private_database(private_folder(data_dir) / DATABASE_NAME)
    connection = sqlite3.connect(
        data_dir / DATABASE_NAME, isolation_level=None, check_same_thread=False,
        factory=connection_class(),
    )
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    # What is deleted (private notes at a meeting's end) is overwritten with zeros, not left
    # readable in free pages; the write-ahead log is emptied after it (server/store/wal.py).
    connection.execute("PRAGMA secure_delete = ON")
    connection.execute("PRAGMA busy_timeout = 5000")
    migrate(connection)
    return connection


def open_reader(data_dir: Path) -> sqlite3.Connection:
    """A second connection to the database `open_database` opened, for reading only: in WAL
    mode it reads while the other connection waits for a write lock (the server's reads go
    through it, see `ServerContext.read`)."""
    connection = sqlite3.connect(
        data_dir / DATABASE_NAME, isolation_level=None, check_same_thread=False,
        factory=connection_class(),
    )
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA query_only = ON")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id SQLite gave the row an INSERT just added (None only when it added none)."""
    if cursor.lastrowid is None:
        raise RuntimeError("the statement inserted no row")
    return cursor.lastrowid


def schema_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection) -> None:
    current = schema_version(connection)
    if current > len(MIGRATIONS):
        raise SchemaTooNewError(
            f"database schema version {current} is newer than this server knows "
            f"({len(MIGRATIONS)}); upgrade the server"
        )
    for version, script in enumerate(MIGRATIONS[current:], start=current + 1):
        # executescript commits first; wrap in an explicit transaction so a failed step leaves
        # the database at the previous version.
        try:
            connection.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        except sqlite3.Error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
