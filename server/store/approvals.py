"""Stored circulations: the row, its container (a meeting of kind 'circulation'), its history
(one JSON entry per action, appended, never changed), route templates and delegates.

Where a circulation stands is not stored: `meeting.core.approval` replays the history."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from meeting.core.approval import Circulation, as_steps
from meeting.core.approval_protocol import (
    CirculationSummary,
    HistoryEntry,
    RouteStep,
    TemplateData,
)
from server.store.db import inserted_id
from server.store.repository import Store, User


@dataclass
class StoredCirculation:
    id: int
    meeting_id: int
    title: str
    route: tuple[RouteStep, ...]
    document_ids: tuple[int, ...]
    updated_at: float
    signed_at: float | None
    rules: Circulation

    @property
    def drafter(self) -> str:
        return self.rules.drafter

    def summary(self) -> CirculationSummary:
        standing = self.rules.standing()
        return CirculationSummary(
            id=self.id, meeting_id=self.meeting_id, title=self.title, drafter=self.drafter,
            status=standing.status, step=standing.step,
            waiting_for=standing.waiting_for(self.rules.steps, self.drafter),
            since=standing.since, documents=len(self.document_ids), updated_at=self.updated_at)


class ApprovalStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def db(self) -> Any:
        """The calling thread's connection (see `Store.db`)."""
        return self.store.db

    # --- circulations ----------------------------------------------------------------------

    def draft(self, drafter: User, title: str) -> StoredCirculation:
        """A new circulation and its container, seen by the drafter alone."""
        now = time.time()
        with self.store.transaction() as db:
            meeting_id = inserted_id(db.execute(
                "INSERT INTO meetings (title, created_at, kind, participants_draw) "
                "VALUES (?, ?, 'circulation', 1) RETURNING id", (title.strip(), now)))
            self.store.invite(meeting_id, drafter)
            circulation_id = inserted_id(db.execute(
                "INSERT INTO circulations (meeting_id, title, drafter, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?) RETURNING id",
                (meeting_id, title.strip(), drafter.name, now, now)))
        return self.require(circulation_id)

    def get(self, circulation_id: int) -> StoredCirculation | None:
        row = self.db.execute("SELECT * FROM circulations WHERE id = ?",
                              (circulation_id,)).fetchone()
        if row is None:
            return None
        route = tuple(RouteStep.model_validate(s, strict=False) for s in json.loads(row["route"]))
        history = [HistoryEntry.model_validate_json(r["entry"]) for r in self.db.execute(
            "SELECT entry FROM circulation_history WHERE circulation_id = ? ORDER BY id",
            (circulation_id,))]
        return StoredCirculation(
            id=row["id"], meeting_id=row["meeting_id"], title=row["title"], route=route,
            document_ids=tuple(json.loads(row["document_ids"])), updated_at=row["updated_at"],
            signed_at=row["signed_at"],
            rules=Circulation(row["drafter"], as_steps(route), history, row["created_at"]))

    def require(self, circulation_id: int) -> StoredCirculation:
        circulation = self.get(circulation_id)
        assert circulation is not None, circulation_id
        return circulation

    def of_container(self, meeting_id: int) -> StoredCirculation | None:
        row = self.db.execute("SELECT id FROM circulations WHERE meeting_id = ?",
                              (meeting_id,)).fetchone()
        return self.get(row["id"]) if row else None

    def seen_by(self, name: str) -> list[StoredCirculation]:
        """The circulations whose container has `name` among its members (the people who
        read it: see `set_readers`), oldest first."""
        ids = [r["id"] for r in self.db.execute(
            "SELECT c.id FROM circulations c JOIN meeting_members m ON m.meeting_id = "
            "c.meeting_id JOIN users u ON u.id = m.user_id WHERE u.name = ? ORDER BY c.id",
            (name,))]
        return [self.require(i) for i in ids]

    def set_readers(self, circulation: StoredCirculation, readers: Iterable[User]) -> None:
        """The container's members become exactly these people (they read its documents,
        pages and marks; nobody else does)."""
        with self.store.transaction() as db:
            self._set_readers(db, circulation.meeting_id, readers)

    def _set_readers(self, db, meeting_id: int, readers: Iterable[User]) -> None:
        db.execute("DELETE FROM meeting_members WHERE meeting_id = ?", (meeting_id,))
        for user in readers:
            self.store.invite(meeting_id, user)

    def all(self) -> list[StoredCirculation]:
        ids = [r["id"] for r in self.db.execute("SELECT id FROM circulations ORDER BY id")]
        return [self.require(i) for i in ids]

    def start(self, circulation: StoredCirculation, title: str, document_ids: list[int],
              route: list[RouteStep], entry: HistoryEntry, readers: Iterable[User]) -> None:
        """Set the route and documents, record the start, and make the container's members
        exactly the people who read it."""
        with self.store.transaction() as db:
            db.execute("UPDATE circulations SET title = ?, route = ?, document_ids = ? "
                       "WHERE id = ?", (title.strip(), json.dumps(
                           [s.model_dump(mode="json") for s in route], ensure_ascii=False),
                           json.dumps(document_ids), circulation.id))
            db.execute("UPDATE meetings SET title = ? WHERE id = ?",
                       (title.strip(), circulation.meeting_id))
            self._set_readers(db, circulation.meeting_id, readers)
            self._append(circulation.id, entry)

    def append(self, circulation_id: int, entry: HistoryEntry) -> None:
        with self.store.transaction():
            self._append(circulation_id, entry)

    def _append(self, circulation_id: int, entry: HistoryEntry) -> None:
        self.db.execute("INSERT INTO circulation_history (circulation_id, entry) VALUES (?, ?)",
                        (circulation_id, entry.model_dump_json()))
        self.db.execute("UPDATE circulations SET updated_at = ? WHERE id = ?",
                        (entry.at, circulation_id))

    def mark_signed(self, circulation_id: int, entry: HistoryEntry) -> None:
        with self.store.transaction() as db:
            self._append(circulation_id, entry)
            db.execute("UPDATE circulations SET signed_at = ? WHERE id = ?",
                       (entry.at, circulation_id))

    # --- delegates -------------------------------------------------------------------------

    def delegates_of(self, principal: str) -> list[str]:
        return [r["delegate"] for r in self.db.execute(
            "SELECT delegate FROM approval_delegates WHERE principal = ? ORDER BY delegate",
            (principal,))]

    def principals_of(self, delegate: str) -> frozenset[str]:
        """The people who named `delegate` to act for them."""
        return frozenset(r["principal"] for r in self.db.execute(
            "SELECT principal FROM approval_delegates WHERE delegate = ?", (delegate,)))

    def set_delegates(self, principal: str, delegates: list[str]) -> None:
        with self.store.transaction() as db:
            db.execute("DELETE FROM approval_delegates WHERE principal = ?", (principal,))
            db.executemany("INSERT INTO approval_delegates (principal, delegate) "
                           "VALUES (?, ?) ON CONFLICT DO NOTHING",
                           [(principal, d) for d in delegates])

    # --- route templates -------------------------------------------------------------------

    def templates_for(self, owner: str, section: str | None) -> list[TemplateData]:
        """The owner's own templates and those fixed for their section."""
        rows = self.db.execute("SELECT * FROM route_templates WHERE (owner = ? AND section IS "
                               "NULL) OR (section IS NOT NULL AND section = ?) ORDER BY id",
                               (owner, section))
        return [self._template(r) for r in rows]

    def fixed_for(self, section: str | None) -> list[TemplateData]:
        if section is None:
            return []
        rows = self.db.execute("SELECT * FROM route_templates WHERE section = ? ORDER BY id",
                               (section,))
        return [self._template(r) for r in rows]

    def template(self, template_id: int) -> TemplateData | None:
        row = self.db.execute("SELECT * FROM route_templates WHERE id = ?",
                              (template_id,)).fetchone()
        return self._template(row) if row else None

    def save_template(self, template_id: int | None, name: str, owner: str,
                      section: str | None, route: list[RouteStep]) -> TemplateData:
        encoded = json.dumps([s.model_dump(mode="json") for s in route], ensure_ascii=False)
        with self.store.transaction() as db:
            if template_id is None:
                template_id = inserted_id(db.execute(
                    "INSERT INTO route_templates (name, owner, section, route, created_at) "
                    "VALUES (?, ?, ?, ?, ?) RETURNING id",
                    (name.strip(), owner, section, encoded, time.time())))
            else:
                db.execute("UPDATE route_templates SET name = ?, section = ?, route = ? "
                           "WHERE id = ?", (name.strip(), section, encoded, template_id))
        template = self.template(template_id)
        assert template is not None
        return template

    def delete_template(self, template_id: int) -> None:
        self.db.execute("DELETE FROM route_templates WHERE id = ?", (template_id,))

    @staticmethod
    def _template(row) -> TemplateData:
        return TemplateData(id=row["id"], name=row["name"], owner=row["owner"],
                            section=row["section"], route=tuple(
                                RouteStep.model_validate(s, strict=False)
                                for s in json.loads(row["route"])))
