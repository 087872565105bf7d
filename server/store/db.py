"""Opening the database: the SQLite file in the data folder (WAL journal, foreign keys on,
deleted content zeroed), or PostgreSQL when a URL is given; the schema brought up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from server.store.dialect import Database, SchemaTooNewError, SqliteDatabase
from server.store.loop_guard import connection_class
from server.store.migrations import MIGRATIONS
from server.store.private import private_database, private_folder

DATABASE_NAME = "meeting.sqlite3"

__all__ = ["DATABASE_NAME", "SchemaTooNewError", "open_database", "open_store_database"]


def open_store_database(data_dir: Path, database_url: str | None = None) -> Database:
    """PostgreSQL at `database_url` (`postgresql://…`), or the SQLite file in `data_dir`."""
    if database_url is None:
        return SqliteDatabase(open_database(data_dir))
    private_folder(data_dir)  # (the document files and the signing keys are still in it)
    from server.store.postgres import PostgresDatabase, PostgresUnavailable, is_postgres_url

    if not is_postgres_url(database_url):
        raise PostgresUnavailable("--database wants a postgresql://USER@HOST/DB URL")
    return PostgresDatabase(database_url)


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


def inserted_id(cursor: Any) -> int:
    """The id the database gave the row an `INSERT … RETURNING id` just added."""
    rows = cursor.fetchall()  # (all: SQLite finishes the statement on the last step)
    if not rows:
        raise RuntimeError("the statement inserted no row")
    return int(rows[0][0])


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
