"""`meeting-server --data-dir DIR copy-to --database URL`: an existing SQLite installation moved
into an empty PostgreSQL database, in one transaction (all of it, or nothing).

Tables go in foreign-key order; a reference that closes a cycle (a meeting's current document
is one of its documents) is written once both rows exist. Identity sequences are set past the
copied ids, so what is added next does not collide. The document files stay in the data folder:
the server started with `--database` reads them there."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from server.store.db import DATABASE_NAME, open_database, schema_version
from server.store.postgres import PostgresDatabase, PostgresUnavailable, is_postgres_url

_ORDERED_BY_ROWID = {"annotations"}
"""Tables whose order of arrival is SQLite's rowid, kept as a column on PostgreSQL."""


class CopyRefused(RuntimeError):
    """The target is not an empty database of this program's schema: nothing was copied."""


@dataclass
class Plan:
    order: list[str]
    deferred: dict[str, list[str]] = field(default_factory=dict)
    """Per table, the columns written after every table is in (they close a cycle)."""


def plan(source: sqlite3.Connection) -> Plan:
    tables = [r[0] for r in source.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    references = {table: [(r["from"], r["table"]) for r in source.execute(
        f"PRAGMA foreign_key_list({table})") if r["table"] != table] for table in tables}
    result, done = Plan([]), set[str]()
    while len(done) < len(tables):
        ready = [t for t in tables if t not in done
                 and all(target in done for _, target in references[t])]
        if not ready:  # a cycle: its first nullable reference is filled in at the end
            table, column = next((t, c) for t in tables if t not in done
                                 for c, target in references[t] if target not in done
                                 and _nullable(source, t, c))
            result.deferred.setdefault(table, []).append(column)
            references[table] = [(c, t) for c, t in references[table] if c != column]
            continue
        result.order.extend(ready)
        done.update(ready)
    return result


def _nullable(source: sqlite3.Connection, table: str, column: str) -> bool:
    return any(r["name"] == column and not r["notnull"]
               for r in source.execute(f"PRAGMA table_info({table})"))


def copy_to_postgres(data_dir: Path, database_url: str) -> list[tuple[str, int]]:
    """Copy every row; returns (table, rows) in the order copied."""
    if not is_postgres_url(database_url):
        raise PostgresUnavailable("copy-to wants a postgresql://USER@HOST/DB URL")
    if not (data_dir / DATABASE_NAME).is_file():
        raise CopyRefused(f"there is no SQLite database in {data_dir}")
    with closing(open_database(data_dir)) as source:
        target = PostgresDatabase(database_url, threads=1)
        try:
            return _copy(source, target)
        finally:
            target.close()


def _copy(source: sqlite3.Connection, target: PostgresDatabase) -> list[tuple[str, int]]:
    db = target.connection()
    steps = plan(source)
    from server.store.postgres import schema_version as target_version

    if target_version(db) != schema_version(source):
        raise CopyRefused("the two databases are at different schema versions")
    full = [t for t in steps.order
            if db.execute(f"SELECT EXISTS (SELECT 1 FROM {t})").fetchone()[0]]
    if full:
        raise CopyRefused(f"the PostgreSQL database is not empty (rows in {', '.join(full)}): "
                          "copy-to fills a new database only")
    copied = []
    source.execute("BEGIN")  # (one consistent reading of the SQLite file)
    db.execute("BEGIN")
    try:
        for table in steps.order:
            copied.append((table, _copy_table(source, db, table,
                                              steps.deferred.get(table, []))))
        for table, columns in steps.deferred.items():
            for column in columns:
                db.raw.cursor().executemany(
                    f'UPDATE {table} SET "{column}" = %s WHERE id = %s',
                    source.execute(f'SELECT "{column}", id FROM {table} '
                                   f'WHERE "{column}" IS NOT NULL').fetchall())
        _advance_sequences(db)
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    finally:
        source.execute("ROLLBACK")
    return copied


def _copy_table(source: sqlite3.Connection, db, table: str, deferred: list[str]) -> int:
    rowid = "rowid AS rowid, " if table in _ORDERED_BY_ROWID else ""
    cursor = source.execute(f"SELECT {rowid}* FROM {table}")
    columns = [d[0] for d in cursor.description]
    blank = [i for i, c in enumerate(columns) if c in deferred]
    names = ", ".join(f'"{c}"' for c in columns)
    count = 0
    with db.raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in cursor:
            values = list(row)
            for i in blank:
                values[i] = None
            copy.write_row(values)
            count += 1
    return count


def _advance_sequences(db) -> None:
    """Every identity column's next value past the largest id copied."""
    for table, column in db.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND is_identity = 'YES'").fetchall():
        db.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
            f'COALESCE((SELECT max("{column}") FROM {table}), 0) + 1, false)')
