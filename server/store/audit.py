"""The audit log: who opened, downloaded, viewed, exported or changed what in which meeting,
and when. Written by the server as things happen (exports are reported by the client that
made them: the server cannot see a file written on a tablet). Read with `meeting-server audit`.

Rows are never updated or deleted by the server; they name users by their name, so the log
still reads after an account is removed.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from server.health import Health
from server.storage_faults import storage_fault
from server.store.repository import Store

log = logging.getLogger("meeting.server.audit")

UNWRITABLE = "audit"
"""The key of the health problem "audit entries cannot be written"."""


class Action(StrEnum):
    SIGNED_IN = "signed_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_IN_HELD = "sign_in_held"
    SIGNED_OUT = "signed_out"
    SESSIONS_REVOKED = "sessions_revoked"
    MEETING_OPENED = "meeting_opened"
    DOCUMENT_DOWNLOADED = "document_downloaded"
    PAGE_VIEWED_IN_BROWSER = "page_viewed_in_browser"
    DOCUMENT_ADDED = "document_added"
    DOCUMENT_REVISED = "document_revised"
    EXPORTED = "exported"
    MEMBER_REMOVED = "member_removed"
    WEB_LINK_SET = "web_link_set"
    PROTECTION_SET = "protection_set"
    MEETING_ENDED = "meeting_ended"
    MEETING_REOPENED = "meeting_reopened"
    MATERIALS_EXPIRED = "materials_expired"
    VOTE_OPENED = "vote_opened"
    VOTE_CLOSED = "vote_closed"
    VOTE_REOPENED = "vote_reopened"
    RECORD_EXPORTED = "record_exported"
    ORIGINAL_DOWNLOADED = "original_downloaded"
    APPROVAL_DRAFTED = "approval_drafted"
    APPROVAL_STARTED = "approval_started"
    APPROVAL_OPENED = "approval_opened"
    APPROVAL_APPROVED = "approval_approved"
    APPROVAL_READ = "approval_read"
    APPROVAL_SENT_BACK = "approval_sent_back"
    APPROVAL_PULLED_BACK = "approval_pulled_back"
    APPROVAL_REVISED = "approval_revised"
    APPROVAL_SIGNED = "approval_signed"
    APPROVAL_SIGNING_FAILED = "approval_signing_failed"
    APPROVAL_DOWNLOADED = "approval_downloaded"
    APPROVAL_TEMPLATE_SAVED = "approval_template_saved"
    APPROVAL_TEMPLATE_DELETED = "approval_template_deleted"
    APPROVAL_DELEGATES_SET = "approval_delegates_set"


@dataclass(frozen=True)
class AuditEntry:
    at: float
    user: str
    action: str
    meeting_id: int | None
    document_id: int | None
    detail: str


class AuditLog:
    """With `health` (the running server), an entry that cannot be written for a full or
    read-only disk is logged and reported in `/health`, and what it records goes on: a full
    disk must not stop people joining a meeting or reading its pages. Without (the command
    line), the failure is raised, for the administrator to see."""

    def __init__(self, store: Store, health: Health | None = None) -> None:
        self.store = store
        self.health = health

    @property
    def db(self) -> Any:
        """The calling thread's connection (see `Store.db`)."""
        return self.store.db

    def record(self, user: str, action: Action, meeting_id: int | None = None,
               document_id: int | None = None, detail: str = "") -> None:
        try:
            self.db.execute(
                'INSERT INTO audit (at, "user", action, meeting_id, document_id, detail) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                (time.time(), user, str(action), meeting_id, document_id, detail[:500]))
        except (OSError, sqlite3.Error) as error:
            fault = storage_fault(error)
            if fault is None or self.health is None:
                raise
            log.error("audit entry NOT written (%s: %s): %s %s meeting %s document %s %r",
                      fault.code, error, user, action, meeting_id, document_id, detail[:500])
            self.health.report(UNWRITABLE, f"audit entries cannot be written ({fault.code}); "
                                           "see the server's log for the entries lost")
        else:
            if self.health is not None:
                self.health.clear(UNWRITABLE)

    def query(self, user: str | None = None, meeting_id: int | None = None,
              action: str | None = None, since: float | None = None,
              limit: int = 1000) -> list[AuditEntry]:
        """Newest last; filters combine."""
        where: list[str] = []
        values: list[object] = []
        for column, value in (('"user"', user), ("meeting_id", meeting_id), ("action", action)):
            if value is not None:
                where.append(f"{column} = ?")
                values.append(value)
        if since is not None:
            where.append("at >= ?")
            values.append(since)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.execute(
            f'SELECT at, "user", action, meeting_id, document_id, detail FROM audit {clause} '
            f"ORDER BY id DESC LIMIT ?", (*values, limit)).fetchall()
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5]) for r in reversed(rows)]
