"""Queries over the database: accounts, sessions, meetings, members, documents.

Plain methods over one connection; the caller decides who may do what (see server.authz).
Each change of a meeting's shared state bumps its `seq` in the same transaction, so the number a
client sees always matches what is stored.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from meeting.core.protection import MeetingProtect, Removal, materials_removed
from meeting.core.protocol import (
    AgendaItem,
    DocumentInfo,
    MeetingState,
    MeetingSummary,
    PagePosition,
    Role,
    Snapshot,
    UserInfo,
)
from server.passwords import hash_password, new_token, token_digest
from server.store.db import inserted_id
from server.store.dialect import INTEGRITY_ERRORS, Database, SqliteDatabase

SESSION_SECONDS = 12 * 3600


class StoreError(ValueError):
    """A request the data does not allow (unknown user, duplicate name…); message for people."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role

    def info(self) -> UserInfo:
        return UserInfo(name=self.name, role=self.role)


class Store:
    """Over SQLite (one connection) or PostgreSQL (a connection per calling thread: the same
    Store may be used from several threads there)."""

    def __init__(self, database: Database | sqlite3.Connection) -> None:
        self.database: Database = (SqliteDatabase(database)
                                   if isinstance(database, sqlite3.Connection) else database)

    @property
    def db(self) -> Any:
        """The calling thread's connection (`sqlite3.Connection`, or PostgreSQL's adapter)."""
        return self.database.connection()

    @property
    def threads(self) -> int:
        """How many threads may call the store at once (1 on SQLite)."""
        return self.database.threads

    @property
    def on_postgres(self) -> bool:
        return self.database.name == "postgresql"

    def close(self) -> None:
        self.database.close()

    @contextmanager
    def transaction(self, snapshot: bool = False) -> Iterator[Any]:
        """A writing transaction, or with `snapshot` one consistent reading of the data."""
        db = self.db
        db.execute(self.database.begin_snapshot if snapshot else self.database.begin)
        try:
            yield db
            db.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back (a full disk does); a failed COMMIT has not.
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    # --- users and sessions ---------------------------------------------------------------

    def add_user(self, name: str, role: Role, password: str) -> User:
        if not password:
            raise StoreError("the password must not be empty")
        try:
            cursor = self.db.execute(
                "INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?) "
                "RETURNING id",
                (name, str(role), hash_password(password), time.time()),
            )
        except INTEGRITY_ERRORS:
            raise StoreError(f"a user named {name!r} already exists") from None
        return User(inserted_id(cursor), name, role)

    def set_profile(self, name: str, section: str | None = None,
                    display_name: str | None = None) -> None:
        """A user's section (課: route templates may be fixed per section) and the name on
        their stamp; None leaves either as it was, "" removes it."""
        user = self.require_user(name)
        for column, value in (("section", section), ("display_name", display_name)):
            if value is not None:  # (column names from the line above)
                self.db.execute(f"UPDATE users SET {column} = ? WHERE id = ?",
                                (value.strip() or None, user.id))

    def profile(self, name: str) -> tuple[str, str | None]:
        """The name on a user's stamp (their user name unless set) and their section."""
        row = self.db.execute("SELECT display_name, section FROM users WHERE name = ?",
                              (name,)).fetchone()
        if row is None:
            return name, None
        return row["display_name"] or name, row["section"]

    def set_password(self, name: str, password: str) -> None:
        user = self.require_user(name)
        with self.transaction() as db:
            db.execute(
                "UPDATE users SET password_hash = ? WHERE id = ?",
                (hash_password(password), user.id),
            )
            db.execute("UPDATE sessions SET revoked = 1 WHERE user_id = ?", (user.id,))

    def users(self) -> list[User]:
        rows = self.db.execute("SELECT id, name, role FROM users ORDER BY name")
        return [User(r["id"], r["name"], Role(r["role"])) for r in rows]

    def user_by_name(self, name: str) -> User | None:
        row = self.db.execute("SELECT id, name, role FROM users WHERE name = ?", (name,)).fetchone()
        return User(row["id"], row["name"], Role(row["role"])) if row else None

    def require_user(self, name: str) -> User:
        user = self.user_by_name(name)
        if user is None:
            raise StoreError(f"no user named {name!r}")
        return user

    def credentials(self, name: str) -> tuple[User | None, str]:
        """The user and their password hash; for an unknown name, None and a decoy hash, so
        checking takes the same time whether or not the name exists."""
        row = self.db.execute(
            "SELECT id, name, role, password_hash FROM users WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            return None, _DUMMY_HASH
        return User(row["id"], row["name"], Role(row["role"])), row["password_hash"]

    def create_session(self, user: User, seconds: float = SESSION_SECONDS) -> tuple[str, float]:
        token = new_token()
        now = time.time()
        self.db.execute(
            "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
            "VALUES (?, ?, ?, ?)",
            (token_digest(token), user.id, now, now + seconds),
        )
        return token, now + seconds

    def user_for_token(self, token: str) -> User | None:
        row = self.db.execute(
            "SELECT u.id, u.name, u.role FROM sessions s JOIN users u ON u.id = s.user_id "
            "WHERE s.token_hash = ? AND s.revoked = 0 AND s.expires_at > ?",
            (token_digest(token), time.time()),
        ).fetchone()
        return User(row["id"], row["name"], Role(row["role"])) if row else None

    def revoke_sessions(self, user: User) -> int:
        """End every session of the user (an admin's decision, or a lost tablet): how many."""
        cursor = self.db.execute(
            "UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0 AND expires_at > ?",
            (user.id, time.time()))
        return cursor.rowcount

    def active_sessions(self) -> list[tuple[str, float, float]]:
        """(user name, created at, expires at) of every session still valid, oldest first."""
        rows = self.db.execute(
            "SELECT u.name, s.created_at, s.expires_at FROM sessions s "
            "JOIN users u ON u.id = s.user_id WHERE s.revoked = 0 AND s.expires_at > ? "
            "ORDER BY s.created_at", (time.time(),))
        return [(r["name"], r["created_at"], r["expires_at"]) for r in rows]

    def revoke_session(self, token: str) -> None:
        self.db.execute(
            "UPDATE sessions SET revoked = 1 WHERE token_hash = ?", (token_digest(token),)
        )

    # --- meetings ----------------------------------------------------------------------------

    def create_meeting(self, title: str, starts_at: float | None = None,
                       place: str | None = None) -> int:
        title = title.strip()
        if not title:
            raise StoreError("a meeting needs a title")
        cursor = self.db.execute(
            "INSERT INTO meetings (title, created_at, starts_at, place) VALUES (?, ?, ?, ?) "
            "RETURNING id",
            (title, time.time(), starts_at, (place or "").strip() or None),
        )
        return inserted_id(cursor)

    def schedule_meeting(self, meeting_id: int, starts_at: float | None,
                         place: str | None) -> None:
        """When and where the meeting is held; None leaves that part as it was."""
        self.require_meeting(meeting_id)
        if starts_at is not None:
            self.db.execute("UPDATE meetings SET starts_at = ? WHERE id = ?",
                            (starts_at, meeting_id))
        if place is not None:
            self.db.execute("UPDATE meetings SET place = ? WHERE id = ?",
                            (place.strip() or None, meeting_id))

    def is_circulation(self, meeting_id: int) -> bool:
        """The meeting is a circulation's container (approval), not a meeting."""
        row = self.db.execute("SELECT kind FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return row is not None and row["kind"] == "circulation"

    def meeting_exists(self, meeting_id: int) -> bool:
        row = self.db.execute("SELECT 1 FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return row is not None

    def require_meeting(self, meeting_id: int) -> None:
        if not self.meeting_exists(meeting_id):
            raise StoreError(f"no meeting with id {meeting_id}")

    def invite(self, meeting_id: int, user: User) -> None:
        self.require_meeting(meeting_id)
        self.db.execute(
            "INSERT INTO meeting_members (meeting_id, user_id) VALUES (?, ?) "
            "ON CONFLICT DO NOTHING",
            (meeting_id, user.id),
        )

    def uninvite(self, meeting_id: int, user: User) -> bool:
        """Take the user out of the meeting (their private notes stay, should they come back).
        False when they were not invited."""
        cursor = self.db.execute(
            "DELETE FROM meeting_members WHERE meeting_id = ? AND user_id = ?",
            (meeting_id, user.id))
        return cursor.rowcount > 0

    def is_member(self, meeting_id: int, user: User) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM meeting_members WHERE meeting_id = ? AND user_id = ?",
            (meeting_id, user.id),
        ).fetchone()
        return row is not None

    def members(self, meeting_id: int) -> list[User]:
        rows = self.db.execute(
            "SELECT u.id, u.name, u.role FROM meeting_members m JOIN users u ON u.id = m.user_id "
            "WHERE m.meeting_id = ? ORDER BY u.name",
            (meeting_id,),
        )
        return [User(r["id"], r["name"], Role(r["role"])) for r in rows]

    def meetings_for(self, user: User) -> list[MeetingSummary]:
        """Meetings the user may see: those they are invited to (an admin sees all)."""
        if user.role is Role.ADMIN:
            return self.all_meetings()
        return self._meeting_summaries(
            "WHERE m.kind = 'meeting' AND m.id IN "
            "(SELECT meeting_id FROM meeting_members WHERE user_id = ?)", (user.id,)
        )

    def all_meetings(self) -> list[MeetingSummary]:
        return self._meeting_summaries("WHERE m.kind = 'meeting'", ())

    def _meeting_summaries(self, where: str, parameters: tuple) -> list[MeetingSummary]:
        rows = self.db.execute(
            "SELECT m.id, m.title, p.name AS presenter, m.removal, m.ended_at, m.expires_at, "
            "m.starts_at, m.place, "
            "(SELECT COUNT(*) FROM documents d WHERE d.meeting_id = m.id) AS documents "
            f"FROM meetings m LEFT JOIN users p ON p.id = m.presenter_id {where} ORDER BY m.id",
            parameters,
        )
        return [
            MeetingSummary(
                id=r["id"], title=r["title"], documents=r["documents"], presenter=r["presenter"],
                ended=r["ended_at"] is not None, removal=Removal(r["removal"]),
                materials_removed=materials_removed(Removal(r["removal"]), r["ended_at"],
                                                    r["expires_at"]),
                starts_at=r["starts_at"], place=r["place"],
            )
            for r in rows
        ]

    def meeting_state(self, meeting_id: int) -> MeetingState:
        row = self.db.execute(
            "SELECT m.seq, m.current_document_id, m.current_page, p.name AS presenter, "
            "m.participants_draw, m.blank, m.followers_locked, m.zoom, m.agenda_item, "
            "m.beside_document_id, m.beside_page, m.web_link, m.watermark, m.removal, "
            "m.expires_at, m.ended_at "
            "FROM meetings m LEFT JOIN users p ON p.id = m.presenter_id WHERE m.id = ?",
            (meeting_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"no meeting with id {meeting_id}")
        return MeetingState(
            meeting_id=meeting_id,
            seq=row["seq"],
            document_id=row["current_document_id"],
            page=row["current_page"],
            presenter=row["presenter"],
            participants_draw=bool(row["participants_draw"]),
            blank=row["blank"],
            locked=bool(row["followers_locked"]),
            zoom=tuple(json.loads(row["zoom"])) if row["zoom"] else None,
            agenda_item=row["agenda_item"],
            beside=None if row["beside_document_id"] is None else PagePosition(
                document_id=row["beside_document_id"], page=row["beside_page"]),
            web_link=row["web_link"],
            watermark=bool(row["watermark"]),
            removal=Removal(row["removal"]),
            expires_at=row["expires_at"],
            ended_at=row["ended_at"],
            materials_removed=materials_removed(Removal(row["removal"]), row["ended_at"],
                                                row["expires_at"]),
        )

    def snapshot(self, meeting_id: int) -> Snapshot:
        with self.transaction(snapshot=True):  # one reading of state, documents, members
            state = self.meeting_state(meeting_id)
            documents = tuple(self.documents(meeting_id))
            members = tuple(u.info() for u in self.members(meeting_id))
            agenda = tuple(self.agenda(meeting_id))
            row = self.db.execute(
                "SELECT title, starts_at, place FROM meetings WHERE id = ?", (meeting_id,)
            ).fetchone()
        summary = MeetingSummary(
            id=meeting_id, title=row["title"], documents=len(documents),
            presenter=state.presenter, ended=state.ended_at is not None,
            starts_at=row["starts_at"], place=row["place"],
        )
        return Snapshot(meeting=summary, state=state, documents=documents, members=members,
                        agenda=agenda)

    # --- agenda ------------------------------------------------------------------------------

    def agenda(self, meeting_id: int) -> list[AgendaItem]:
        rows = self.db.execute(
            "SELECT id, title, document_id, page FROM agenda_items WHERE meeting_id = ? "
            "ORDER BY position", (meeting_id,))
        return [AgendaItem(**dict(r)) for r in rows]

    def set_agenda(self, meeting_id: int, items: list[tuple[str, int | None, int]]
                   ) -> tuple[list[AgendaItem], int]:
        """Replace the agenda (title, document id or None, page); returns it and the new seq.
        Items whose title, document and page are unchanged keep their id (and their visits)."""
        with self.transaction() as db:
            seq = self.next_seq(meeting_id)  # (first: on PostgreSQL no other change meanwhile)
            old = {(i.title, i.document_id, i.page): i.id for i in self.agenda(meeting_id)}
            kept = set()
            for position, (title, document_id, page) in enumerate(items):
                item_id = old.pop((title, document_id, page), None)
                if item_id is None:
                    item_id = inserted_id(db.execute(
                        "INSERT INTO agenda_items (meeting_id, position, title, document_id, "
                        "page) VALUES (?, ?, ?, ?, ?) RETURNING id",
                        (meeting_id, position, title, document_id, page)))
                else:
                    db.execute("UPDATE agenda_items SET position = ? WHERE id = ?",
                               (position, item_id))
                kept.add(item_id)
            for item_id in old.values():
                db.execute("DELETE FROM agenda_items WHERE id = ?", (item_id,))
            db.execute("UPDATE meetings SET agenda_item = CASE WHEN agenda_item "
                       f"IN ({','.join('?' * len(kept)) or 'NULL'}) THEN agenda_item END "
                       "WHERE id = ?", (*kept, meeting_id))
            return self.agenda(meeting_id), seq

    def next_seq(self, meeting_id: int) -> int:
        """The meeting's next number, taken inside the caller's transaction. On PostgreSQL the
        update also locks the meeting's row until that transaction ends, so changes of one
        meeting from two processes are serialised and never share a number."""
        return self.db.execute("UPDATE meetings SET seq = seq + 1 WHERE id = ? RETURNING seq",
                               (meeting_id,)).fetchall()[0][0]

    def go_to_item(self, meeting_id: int, item: AgendaItem) -> MeetingState:
        """The meeting takes up an item: noted with the time, and its page becomes the room's."""
        with self.transaction() as db:
            db.execute("INSERT INTO agenda_visits (meeting_id, item_id, at) VALUES (?, ?, ?)",
                       (meeting_id, item.id, time.time()))
            if item.document_id is not None:
                db.execute("UPDATE meetings SET current_document_id = ?, current_page = ?, "
                           "zoom = NULL WHERE id = ?", (item.document_id, item.page, meeting_id))
                self._note_page_shown(item.document_id, item.page, meeting_id)
            db.execute("UPDATE meetings SET agenda_item = ?, seq = seq + 1 WHERE id = ?",
                       (item.id, meeting_id))
            return self.meeting_state(meeting_id)

    def set_page(self, meeting_id: int, document_id: int, page: int) -> MeetingState:
        with self.transaction() as db:
            db.execute(
                "UPDATE meetings SET current_document_id = ?, current_page = ?, zoom = NULL, "
                "seq = seq + 1 WHERE id = ?",
                (document_id, page, meeting_id),
            )
            self._note_page_shown(document_id, page, meeting_id)
            return self.meeting_state(meeting_id)

    def _note_page_shown(self, document_id: int, page: int, meeting_id: int) -> None:
        """For the record of the meeting (inside the caller's transaction)."""
        self.db.execute("INSERT INTO page_history (meeting_id, document_id, page, at) "
                        "VALUES (?, ?, ?, ?)", (meeting_id, document_id, page, time.time()))

    def set_beside(self, meeting_id: int, document_id: int | None, page: int) -> MeetingState:
        with self.transaction() as db:
            db.execute("UPDATE meetings SET beside_document_id = ?, beside_page = ?, "
                       "seq = seq + 1 WHERE id = ?", (document_id, page, meeting_id))
            return self.meeting_state(meeting_id)

    def set_room(self, meeting_id: int, **changes: object) -> MeetingState:
        """Change what the room's screens show, as one numbered change: any of `blank`
        ("black", "white" or None), `locked` (bool), `zoom` ([x0, y0, x1, y1] or None)."""
        encode: dict[str, Callable[[Any], object]] = {"blank": lambda v: v, "locked": int,
                  "zoom": lambda v: None if v is None else json.dumps(list(v))}
        column = {"blank": "blank", "locked": "followers_locked", "zoom": "zoom"}
        with self.transaction() as db:
            assignments = ", ".join(f"{column[name]} = ?" for name in changes)
            db.execute(f"UPDATE meetings SET {assignments}, seq = seq + 1 WHERE id = ?",
                       (*(encode[n](v) for n, v in changes.items()), meeting_id))
            return self.meeting_state(meeting_id)

    def set_web_link(self, meeting_id: int, url: str | None) -> MeetingState:
        with self.transaction() as db:
            db.execute("UPDATE meetings SET web_link = ?, seq = seq + 1 WHERE id = ?",
                       (url, meeting_id))
            return self.meeting_state(meeting_id)

    def protect(self, meeting_id: int, request: MeetingProtect) -> MeetingState:
        """Apply the organizer's choices; the fields left out of the request stay."""
        given = request.model_fields_set
        columns: dict[str, object] = {}
        if "watermark" in given and request.watermark is not None:
            columns["watermark"] = int(request.watermark)
        if "removal" in given and request.removal is not None:
            columns["removal"] = str(request.removal)
        if "expires_at" in given:
            columns["expires_at"] = request.expires_at or None
        with self.transaction() as db:
            for column, value in columns.items():  # (column names from the list above)
                db.execute(f"UPDATE meetings SET {column} = ? WHERE id = ?", (value, meeting_id))
            db.execute("UPDATE meetings SET seq = seq + 1 WHERE id = ?", (meeting_id,))
            return self.meeting_state(meeting_id)

    def set_ended(self, meeting_id: int, ended_at: float | None) -> MeetingState:
        """End the meeting now (a time) or reopen it (None)."""
        with self.transaction() as db:
            db.execute("UPDATE meetings SET ended_at = ?, seq = seq + 1 WHERE id = ?",
                       (ended_at, meeting_id))
            return self.meeting_state(meeting_id)

    def materials_removed(self, meeting_id: int) -> bool:
        row = self.db.execute("SELECT removal, ended_at, expires_at FROM meetings WHERE id = ?",
                              (meeting_id,)).fetchone()
        return row is not None and materials_removed(Removal(row["removal"]), row["ended_at"],
                                                     row["expires_at"])

    def expiring(self, after: float, until: float) -> list[int]:
        """Meetings whose access expires in (after, until]: to tell their clients."""
        rows = self.db.execute(
            "SELECT id FROM meetings WHERE expires_at > ? AND expires_at <= ?", (after, until))
        return [r["id"] for r in rows]

    def delete_private_notes(self, meeting_id: int) -> int:
        """Every private annotation of the meeting (materials removed with the notes)."""
        with self.transaction() as db:
            return db.execute("DELETE FROM annotations WHERE meeting_id = ? AND layer = 'private'",
                              (meeting_id,)).rowcount

    # --- for the record of the meeting ----------------------------------------------------

    def note_attendance(self, meeting_id: int, user: User, place: str) -> None:
        """Someone's device said where it is (kept: the first time at each place)."""
        self.db.execute(
            'INSERT INTO attendance (meeting_id, "user", role, place, first_at) '
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (meeting_id, user.name, str(user.role), place, time.time()))

    def attendance(self, meeting_id: int) -> list[Any]:
        return self.db.execute(
            'SELECT "user", role, place, first_at FROM attendance WHERE meeting_id = ? '
            'ORDER BY first_at, "user"', (meeting_id,)).fetchall()

    def page_history(self, meeting_id: int) -> list[Any]:
        return self.db.execute(
            "SELECT document_id, page, at FROM page_history WHERE meeting_id = ? ORDER BY at",
            (meeting_id,)).fetchall()

    def agenda_visits(self, meeting_id: int) -> list[Any]:
        return self.db.execute(
            "SELECT item_id, at FROM agenda_visits WHERE meeting_id = ? ORDER BY at",
            (meeting_id,)).fetchall()

    def set_participants_draw(self, meeting_id: int, allowed: bool) -> MeetingState:
        with self.transaction() as db:
            db.execute("UPDATE meetings SET participants_draw = ?, seq = seq + 1 WHERE id = ?",
                       (int(allowed), meeting_id))
            return self.meeting_state(meeting_id)

    def set_presenter(self, meeting_id: int, user: User | None) -> MeetingState:
        with self.transaction() as db:
            if user is not None:
                self.invite(meeting_id, user)
            db.execute(
                "UPDATE meetings SET presenter_id = ?, seq = seq + 1 WHERE id = ?",
                (user.id if user else None, meeting_id),
            )
            return self.meeting_state(meeting_id)

    # --- documents ---------------------------------------------------------------------------

    def add_document(
        self,
        meeting_id: int,
        *,
        sha256: str,
        title: str,
        filename: str,
        pages: int,
        size: int,
        added_by: User | None,
        original: tuple[str, str] | None = None,
    ) -> tuple[DocumentInfo, int]:
        """Record a stored file as a document of the meeting; returns it and the new seq.

        The first document of a meeting becomes its current one, so followers have a page to show.
        """
        with self.transaction() as db:
            self.require_meeting(meeting_id)
            cursor = db.execute(
                "INSERT INTO documents (meeting_id, sha256, title, filename, pages, size, "
                "added_at, added_by, original_sha256, original_filename) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (meeting_id, sha256, title, filename, pages, size, time.time(),
                 added_by.id if added_by else None, *(original or (None, None))),
            )
            document_id = inserted_id(cursor)
            db.execute(
                "UPDATE meetings SET seq = seq + 1, current_document_id = "
                "COALESCE(current_document_id, ?) WHERE id = ?",
                (document_id, meeting_id),
            )
            seq = self.meeting_state(meeting_id).seq
            document = self.document(meeting_id, document_id)
        assert document is not None  # (added just above)
        return document, seq

    def documents(self, meeting_id: int) -> list[DocumentInfo]:
        rows = self.db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE meeting_id = ? ORDER BY id",
            (meeting_id,),
        )
        return [DocumentInfo(**dict(r)) for r in rows]

    def document(self, meeting_id: int, document_id: int) -> DocumentInfo | None:
        row = self.db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE meeting_id = ? AND id = ?",
            (meeting_id, document_id),
        ).fetchone()
        return DocumentInfo(**dict(row)) if row else None

    def may_read_blob(self, user: User, sha256: str) -> bool:
        """True when the file belongs to a meeting the user may see."""
        if user.role is Role.ADMIN:
            # (every meeting's files, but not those of circulations they are not on)
            row = self.db.execute(
                "SELECT 1 FROM documents d JOIN meetings g ON g.id = d.meeting_id "
                "WHERE d.sha256 = ? AND (g.kind = 'meeting' OR d.meeting_id IN "
                "(SELECT meeting_id FROM meeting_members WHERE user_id = ?))",
                (sha256, user.id)).fetchone()
            return row is not None
        rows = self.db.execute(
            "SELECT g.removal, g.ended_at, g.expires_at FROM documents d "
            "JOIN meeting_members m ON m.meeting_id = d.meeting_id "
            "JOIN meetings g ON g.id = d.meeting_id WHERE d.sha256 = ? AND m.user_id = ?",
            (sha256, user.id))
        # Organizers keep the materials of meetings whose materials were removed (the record).
        return any(user.role is Role.ORGANIZER or not materials_removed(
            Removal(r["removal"]), r["ended_at"], r["expires_at"]) for r in rows)


_DOCUMENT_COLUMNS = ("id, sha256, title, filename, pages, size, original_sha256, "
                     "original_filename")

_DUMMY_HASH = hash_password("not a real password")
