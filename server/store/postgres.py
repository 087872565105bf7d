"""The store on PostgreSQL (`meeting-server --database postgresql://…`): a pool of psycopg 3
connections, one held by each thread that uses the store, each wrapped so the store's SQL (written
for both databases, with `?` placeholders) and its habits (rows read by index or by name,
`in_transaction`, `executemany` on the connection) work unchanged.

Connections are in autocommit mode, like the SQLite one: `Store.transaction()` says `BEGIN`
and `COMMIT` itself. Migrations run under an advisory lock, so two processes starting at once
migrate once."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from server.store import loop_guard
from server.store.dialect import IntegrityError, SchemaTooNewError

SCHEME_PREFIXES = ("postgresql://", "postgres://")
INSTALL_HINT = "pip install 'paperless-meeting[scale]'"
MIGRATION_LOCK = 0x6D656574  # ("meet": the advisory lock key of this program's migrations)
SPARE_CONNECTIONS = 16
"""Connections besides the executor's, for the other threads that touch the store (the
event loop until every call is off it, a worker of the record, the command line)."""
CONNECT_WAIT_S = 5.0
"""How long a store call waits for a connection (one dropped is replaced) before it fails:
while the database is out of reach, events are answered `internal_error` after this, not
after the pool's default of 30 s. A thread keeps its connection, so this is rarely waited."""
DEFAULT_THREADS = 8


class PostgresUnavailable(RuntimeError):
    """PostgreSQL cannot be used: psycopg is not installed (the message says what to install),
    the URL is not one, or the database cannot be reached (the message says why)."""


def is_postgres_url(url: str) -> bool:
    return url.startswith(SCHEME_PREFIXES)


class Row(tuple):
    """A result row read by position or by column name, like `sqlite3.Row` (`keys()`,
    `dict(row)`)."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Any:
    description = cursor.description
    if description is None:
        return tuple
    index = {column.name: position for position, column in enumerate(description)}
    return lambda values: Row(values, index)


@lru_cache(maxsize=2048)
def postgres_sql(sql: str) -> str:
    """`?` placeholders as psycopg's `%s`, and a literal `%` doubled (outside quotes too:
    psycopg reads the whole text for placeholders)."""
    out: list[str] = []
    quote = ""
    for char in sql:
        if char == "%":
            out.append("%%")
        elif quote:
            out.append(char)
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
            out.append(char)
        else:
            out.append("%s" if char == "?" else char)
    return "".join(out)


class PostgresConnection:
    """One psycopg connection, answering the calls the store makes of a `sqlite3.Connection`."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.guarded = loop_guard.enabled()

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        import psycopg

        if self.guarded:
            loop_guard.check()
        try:
            if parameters:
                return self.raw.execute(postgres_sql(sql), tuple(parameters))
            return self.raw.execute(sql)
        except psycopg.IntegrityError as error:
            raise IntegrityError(str(error)) from error

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> Any:
        import psycopg

        if self.guarded:
            loop_guard.check()
        cursor = self.raw.cursor()
        try:
            cursor.executemany(postgres_sql(sql), [tuple(p) for p in parameters])
        except psycopg.IntegrityError as error:
            raise IntegrityError(str(error)) from error
        return cursor

    @property
    def in_transaction(self) -> bool:
        from psycopg import pq

        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def close(self) -> None:
        """(the pool owns the connection: `PostgresDatabase.close` ends it)"""


def _configure(raw: Any) -> None:
    """Booleans go in as 0 and 1 (the columns are integers, as on SQLite); rows answer by name."""
    from psycopg.types.numeric import Int8Dumper

    class BoolAsInteger(Int8Dumper):
        def dump(self, obj: Any) -> Any:
            return super().dump(int(obj))

    raw.adapters.register_dumper(bool, BoolAsInteger)
    raw.row_factory = _row_factory


class PostgresDatabase:
    """A pool of connections; each thread keeps the one it was given while it lives (a dead
    thread's goes back to the pool), so `store.db` is always the calling thread's own."""

    name = "postgresql"
    begin = "BEGIN"
    begin_snapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ"

    def __init__(self, url: str, threads: int = DEFAULT_THREADS) -> None:
        try:
            from psycopg_pool import ConnectionPool
        except ImportError:
            raise PostgresUnavailable(
                f"PostgreSQL needs psycopg and psycopg-pool: {INSTALL_HINT}") from None
        _check_reachable(url)
        self.url = url
        self.threads = threads
        self._held: dict[threading.Thread, PostgresConnection] = {}
        self._lock = threading.Lock()
        self._pool = ConnectionPool(url, min_size=1, max_size=threads + SPARE_CONNECTIONS,
                                    kwargs={"autocommit": True}, configure=_configure,
                                    open=False, name="meeting-store", num_workers=1)
        self._pool.open(wait=True, timeout=30)
        try:
            migrate(self.connection())
        except BaseException:
            self.close()
            raise

    def connection(self) -> PostgresConnection:
        thread = threading.current_thread()
        connection = self._held.get(thread)
        if connection is not None and connection.raw.broken:  # (the database restarted)
            with self._lock:
                self._pool.putconn(self._held.pop(thread).raw)
            connection = None
        if connection is None:
            with self._lock:
                for gone in [t for t in self._held if not t.is_alive()]:
                    self._pool.putconn(self._held.pop(gone).raw)
            connection = PostgresConnection(self._pool.getconn(timeout=CONNECT_WAIT_S))
            with self._lock:
                self._held[thread] = connection
        return connection

    def close(self) -> None:
        with self._lock:
            held, self._held = list(self._held.values()), {}
        for connection in held:
            self._pool.putconn(connection.raw)
        self._pool.close(timeout=5)


def _check_reachable(url: str) -> None:
    """One connection first, for a clear reason (refused, no such database, password) instead
    of the pool's "initialization incomplete" after its timeout."""
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=10).close()
    except psycopg.Error as error:
        raise PostgresUnavailable(f"cannot connect to PostgreSQL: {error}".strip()) from None


def schema_version(db: PostgresConnection) -> int:
    db.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
    row = db.execute("SELECT version FROM schema_version").fetchone()
    return row[0] if row else 0


def migrate(db: PostgresConnection) -> None:
    """Bring the schema up to date, one transaction per version, once across processes."""
    from server.store.postgres_schema import POSTGRES_MIGRATIONS

    db.execute("SELECT pg_advisory_lock(?)", (MIGRATION_LOCK,))
    try:
        current = schema_version(db)
        if current > len(POSTGRES_MIGRATIONS):
            raise SchemaTooNewError(
                f"database schema version {current} is newer than this server knows "
                f"({len(POSTGRES_MIGRATIONS)}); upgrade the server")
        for version, script in enumerate(POSTGRES_MIGRATIONS[current:], start=current + 1):
            db.execute("BEGIN")
            try:
                db.execute(script)
                db.execute("DELETE FROM schema_version")
                db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
    finally:
        db.execute("SELECT pg_advisory_unlock(?)", (MIGRATION_LOCK,))
