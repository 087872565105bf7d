"""Stored annotations: begin a stroke, append its points idempotently, finish, put, delete.

Every write that touches the shared layer also bumps the meeting's `seq` in the same
transaction, so the number broadcast with it matches what is stored.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any

from meeting.core.annotations import MAX_POINTS, AnnotationData, Layer, Tool
from meeting.core.protocol import ErrorCode, ProtocolError
from server.store.repository import Store, User

_COLUMNS = ("a.id, u.name AS owner, a.owner_id, a.document_id, a.page, a.layer, a.tool, a.color, "
            "a.width, a.point_count, a.complete, a.meeting_id, a.unplaced, a.text")
_FROM = "FROM annotations a JOIN users u ON u.id = a.owner_id"


@dataclass(frozen=True)
class Head:
    """An annotation without its points: enough to authorize and to append."""

    id: str
    owner: str
    owner_id: int
    meeting_id: int
    document_id: int
    page: int
    layer: Layer
    tool: Tool
    color: str
    width: float
    count: int
    complete: bool
    unplaced: str | None
    text: str


@dataclass(frozen=True)
class Stored:
    annotation: AnnotationData
    owner_id: int
    meeting_id: int


class AnnotationStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def db(self) -> Any:
        """The calling thread's connection (see `Store.db`)."""
        return self.store.db

    def head(self, annotation_id: str) -> Head | None:
        row = self.db.execute(f"SELECT {_COLUMNS} {_FROM} WHERE a.id = ?",
                              (annotation_id,)).fetchone()
        return _head(row) if row else None

    def get(self, annotation_id: str) -> Stored | None:
        head = self.head(annotation_id)
        if head is None:
            return None
        chunks = self.db.execute(
            "SELECT points FROM annotation_points WHERE annotation_id = ? ORDER BY start",
            (annotation_id,))
        return _stored(head, [c["points"] for c in chunks])

    def require(self, annotation_id: str) -> AnnotationData:
        """An annotation that must exist (just stored, or listed by its id)."""
        stored = self.get(annotation_id)
        if stored is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "No such annotation.")
        return stored.annotation

    def visible(self, meeting_id: int, user: User) -> list[AnnotationData]:
        """Every shared annotation of the meeting and the user's own private ones."""
        where = "a.meeting_id = ? AND (a.layer = 'shared' OR a.owner_id = ?)"
        heads = [_head(r) for r in self.db.execute(
            f"SELECT {_COLUMNS} {_FROM} WHERE {where} ORDER BY a.created_at, a.rowid",
            (meeting_id, user.id))]
        chunks: dict[str, list[str]] = {}
        for row in self.db.execute(
                "SELECT p.annotation_id, p.points FROM annotation_points p "
                f"JOIN annotations a ON a.id = p.annotation_id WHERE {where} "
                "ORDER BY p.annotation_id, p.start", (meeting_id, user.id)):
            chunks.setdefault(row["annotation_id"], []).append(row["points"])
        return [_stored(h, chunks.get(h.id, [])).annotation for h in heads]

    def insert(self, meeting_id: int, owner: User, *, annotation_id: str, document_id: int,
               page: int, layer: Layer, tool: Tool, color: str, width: float,
               points: list[list[float]], complete: bool, text: str = "",
               pressure: list[float] | tuple[float, ...] = ()) -> tuple[AnnotationData, bool]:
        """Store a new annotation; returns it and whether it was new (False: same id resent)."""
        existing = self.get(annotation_id)
        if existing is not None:
            if existing.owner_id != owner.id or existing.meeting_id != meeting_id:
                raise ProtocolError(ErrorCode.CONFLICT, "That annotation id is already taken.")
            return existing.annotation, False
        self.db.execute(
            "INSERT INTO annotations (id, meeting_id, document_id, page, layer, owner_id, tool, "
            "color, width, point_count, complete, created_at, text) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (annotation_id, meeting_id, document_id, page, str(layer), owner.id, str(tool),
             color, width, len(points), int(complete), time.time(), text))
        if points:
            self._add_chunk(annotation_id, 0, points, pressure)
        return self.require(annotation_id), True

    def append(self, head: Head, offset: int, points: list[list[float]],
               pressure: list[float] | tuple[float, ...] = ()
               ) -> tuple[int, list[list[float]], list[float]]:
        """Add the points past what is stored; returns (offset of the new ones, new points,
        their pressure).

        A batch already stored (a resend) adds nothing; a batch that starts past the end means
        one was lost, and the reply tells the client where to resend from.
        """
        have = head.count
        if offset > have:
            raise ProtocolError(
                ErrorCode.CONFLICT,
                f"Points from {offset} sent, but only {have} arrived: resend from {have}.",
                count=have)
        fresh = points[have - offset:]
        if have + len(fresh) > MAX_POINTS:
            raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                f"A stroke has at most {MAX_POINTS} points.")
        fresh_pressure = list(pressure[have - offset:])
        if fresh:
            self._add_chunk(head.id, have, fresh, fresh_pressure)
            self.db.execute("UPDATE annotations SET point_count = ? WHERE id = ?",
                            (have + len(fresh), head.id))
        return have, fresh, fresh_pressure

    def _add_chunk(self, annotation_id: str, start: int, points, pressure=()) -> None:
        """One batch: [x, y] per point, or [x, y, pressure] when the stylus reported it."""
        rows = ([[*p, w] for p, w in zip(points, pressure, strict=True)] if pressure
                else [list(p) for p in points])
        self.db.execute(
            "INSERT INTO annotation_points (annotation_id, start, points) VALUES (?, ?, ?)",
            (annotation_id, start, json.dumps(rows)))

    def of_document(self, document_id: int) -> list[AnnotationData]:
        """Every mark on a document, all layers and owners (for moving them to a revision)."""
        ids = [r["id"] for r in self.db.execute(
            "SELECT id FROM annotations WHERE document_id = ? ORDER BY created_at, rowid",
            (document_id,))]
        return [self.require(i) for i in ids]

    def relocate(self, annotation_id: str, page: int, points: tuple[tuple[float, float], ...],
                 unplaced: str | None, pressure: tuple[float, ...] = ()) -> None:
        """Move a mark to another page and points (a revision), or flag it as unplaced."""
        self.db.execute("UPDATE annotations SET page = ?, point_count = ?, unplaced = ? "
                        "WHERE id = ?", (page, len(points), unplaced, annotation_id))
        self.db.execute("DELETE FROM annotation_points WHERE annotation_id = ?",
                        (annotation_id,))
        if points:
            self._add_chunk(annotation_id, 0, points, pressure)

    def set_layer(self, annotation_id: str, layer: Layer) -> None:
        self.db.execute("UPDATE annotations SET layer = ? WHERE id = ?",
                        (str(layer), annotation_id))

    def finish(self, annotation_id: str) -> None:
        self.db.execute("UPDATE annotations SET complete = 1 WHERE id = ?", (annotation_id,))

    def delete(self, annotation_ids: list[str]) -> None:
        self.db.executemany("DELETE FROM annotations WHERE id = ?",
                            [(i,) for i in annotation_ids])

    def on_page(self, meeting_id: int, document_id: int, page: int, layer: Layer) -> list[str]:
        rows = self.db.execute(
            "SELECT id FROM annotations WHERE meeting_id = ? AND document_id = ? AND page = ? "
            "AND layer = ? ORDER BY created_at", (meeting_id, document_id, page, str(layer)))
        return [r["id"] for r in rows]

    def seq(self, meeting_id: int) -> int:
        """The meeting's `seq` now (the last change numbered)."""
        return self.db.execute("SELECT seq FROM meetings WHERE id = ?",
                               (meeting_id,)).fetchone()["seq"]

    def bump_seq(self, meeting_id: int) -> int:
        return self.store.next_seq(meeting_id)


def _head(row) -> Head:
    return Head(id=row["id"], owner=row["owner"], owner_id=row["owner_id"],
                meeting_id=row["meeting_id"], document_id=row["document_id"], page=row["page"],
                layer=Layer(row["layer"]), tool=Tool(row["tool"]), color=row["color"],
                width=row["width"], count=row["point_count"], complete=bool(row["complete"]),
                unplaced=row["unplaced"], text=row["text"])


def _stored(head: Head, chunks: list[str]) -> Stored:
    rows = [row for chunk in chunks for row in json.loads(chunk)]
    points = tuple((row[0], row[1]) for row in rows)
    with_pressure = any(len(row) == 3 for row in rows)
    pressure = tuple(row[2] if len(row) == 3 else 1.0 for row in rows) if with_pressure else ()
    annotation = AnnotationData(pressure=pressure,
        id=head.id, owner=head.owner, document_id=head.document_id, page=head.page,
        layer=head.layer, tool=head.tool, color=head.color, width=head.width, points=points,
        complete=head.complete, unplaced=head.unplaced, text=head.text)
    return Stored(annotation, head.owner_id, head.meeting_id)
