"""Schema migrations on a real SQLite file: data written by an older server survives."""

from __future__ import annotations

import json
import sqlite3

import pytest

from server.store.annotations import AnnotationStore
from server.store.db import DATABASE_NAME, SchemaTooNewError, open_database, schema_version
from server.store.migrations import MIGRATIONS
from server.store.repository import Store


def database_at(version: int, folder) -> sqlite3.Connection:
    folder.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(folder / DATABASE_NAME, isolation_level=None)
    for number, script in enumerate(MIGRATIONS[:version], start=1):
        connection.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    return connection


def test_strokes_stored_as_one_array_move_to_chunks(tmp_path):
    old = database_at(2, tmp_path)
    old.execute("INSERT INTO users VALUES (1, 'olga', 'organizer', 'x', 0)")
    old.execute("INSERT INTO meetings (id, title, created_at) VALUES (1, 'M', 0)")
    old.execute("INSERT INTO documents VALUES (1, 1, 'h', 'T', 'f.pdf', 3, 10, 0, 1)")
    for annotation_id, points in (("stroke-with-points", [[1, 2], [3, 4.5]]),
                                  ("stroke-just-begun", [])):
        old.execute("INSERT INTO annotations (id, meeting_id, document_id, page, layer, "
                    "owner_id, tool, color, width, points, complete, created_at) "
                    "VALUES (?, 1, 1, 0, 'shared', 1, 'pen', '#000000', 2, ?, 1, 0)",
                    (annotation_id, json.dumps(points)))
    old.close()

    connection = open_database(tmp_path)
    assert schema_version(connection) == len(MIGRATIONS)
    annotations = AnnotationStore(Store(connection))
    moved = annotations.get("stroke-with-points")
    assert moved.annotation.points == ((1, 2), (3, 4.5))
    assert annotations.head("stroke-with-points").count == 2
    assert annotations.get("stroke-just-begun").annotation.points == ()
    head = annotations.head("stroke-just-begun")
    annotations.append(head, 0, [[5, 6]])
    assert annotations.get("stroke-just-begun").annotation.points == ((5, 6),)


def test_a_newer_database_is_left_alone(tmp_path):
    database_at(len(MIGRATIONS), tmp_path).execute(
        f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(SchemaTooNewError):
        open_database(tmp_path)
