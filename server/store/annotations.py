"""Stored annotations: begin a stroke, append its points idempotently, finish, put, delete.

Every write that touches the shared layer also bumps the meeting's `seq` in the same
transaction, so the number broadcast with it matches what is stored.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from meeting.core.annotations import MAX_POINTS, AnnotationData, Layer, Tool
from meeting.core.protocol import ErrorCode, ProtocolError
from server.store.repository import Store, User

_COLUMNS = ("a.id, u.name AS owner, a.owner_id, a.document_id, a.page, a.layer, a.tool, a.color, "
            "a.width, a.points, a.complete, a.meeting_id")


@dataclass(frozen=True)
class Stored:
    annotation: AnnotationData
    owner_id: int
    meeting_id: int


class AnnotationStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    def get(self, annotation_id: str) -> Stored | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM annotations a JOIN users u ON u.id = a.owner_id "
            "WHERE a.id = ?", (annotation_id,)).fetchone()
        return _stored(row) if row else None

    def visible(self, meeting_id: int, user: User) -> list[AnnotationData]:
        """Every shared annotation of the meeting and the user's own private ones."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM annotations a JOIN users u ON u.id = a.owner_id "
            "WHERE a.meeting_id = ? AND (a.layer = 'shared' OR a.owner_id = ?) "
            "ORDER BY a.created_at, a.rowid", (meeting_id, user.id))
        return [_stored(r).annotation for r in rows]

    def insert(self, meeting_id: int, owner: User, *, annotation_id: str, document_id: int,
               page: int, layer: Layer, tool: Tool, color: str, width: float,
               points: list[list[float]], complete: bool) -> tuple[AnnotationData, bool]:
        """Store a new annotation; returns it and whether it was new (False: same id resent)."""
        existing = self.get(annotation_id)
        if existing is not None:
            if existing.owner_id != owner.id or existing.meeting_id != meeting_id:
                raise ProtocolError(ErrorCode.CONFLICT, "That annotation id is already taken.")
            return existing.annotation, False
        self.db.execute(
            "INSERT INTO annotations (id, meeting_id, document_id, page, layer, owner_id, tool, "
            "color, width, points, complete, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (annotation_id, meeting_id, document_id, page, str(layer), owner.id, str(tool),
             color, width, json.dumps(points), int(complete), time.time()))
        return self.get(annotation_id).annotation, True

    def append(self, stored: Stored, offset: int, points: list[list[float]]
               ) -> tuple[int, list[list[float]]]:
        """Add the points past what is stored; returns (offset of the new ones, new points).

        A batch already stored (a resend) adds nothing; a batch that starts past the end means
        one was lost, and the reply tells the client where to resend from.
        """
        have = list(stored.annotation.points)
        if offset > len(have):
            raise ProtocolError(
                ErrorCode.CONFLICT,
                f"Points from {offset} sent, but only {len(have)} arrived: resend from "
                f"{len(have)}.")
        fresh = points[len(have) - offset:]
        if len(have) + len(fresh) > MAX_POINTS:
            raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                f"A stroke has at most {MAX_POINTS} points.")
        if fresh:
            self.db.execute("UPDATE annotations SET points = ? WHERE id = ?",
                            (json.dumps([list(p) for p in have] + fresh),
                             stored.annotation.id))
        return len(have), fresh

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

    def bump_seq(self, meeting_id: int) -> int:
        self.db.execute("UPDATE meetings SET seq = seq + 1 WHERE id = ?", (meeting_id,))
        return self.db.execute("SELECT seq FROM meetings WHERE id = ?",
                               (meeting_id,)).fetchone()["seq"]


def _stored(row) -> Stored:
    annotation = AnnotationData(
        id=row["id"], owner=row["owner"], document_id=row["document_id"], page=row["page"],
        layer=Layer(row["layer"]), tool=Tool(row["tool"]), color=row["color"],
        width=row["width"], points=tuple(tuple(p) for p in json.loads(row["points"])),
        complete=bool(row["complete"]))
    return Stored(annotation, row["owner_id"], row["meeting_id"])
