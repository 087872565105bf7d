"""Socket.IO handler for what clients report to the audit log (files they wrote).

A report is the one audit entry a client writes, so it is held to what the meeting has: only
its documents (each once), only known layers (the protocol's enum: no free text reaches the
log), and a few reports a minute per connection, so nobody fills the log or buries an entry
under thousands of their own.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque

from meeting.core.protocol import ErrorCode, Event, ExportReport, ProtocolError
from server import authz
from server.context import ServerContext
from server.store.audit import Action
from server.store.repository import User

REPORTS_PER_MINUTE = 10
"""Per connection: an export takes a person seconds to ask for and a file dialog to save."""


class AuditEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context
        self._recent: defaultdict[str, deque[float]] = defaultdict(deque)

    def handlers(self) -> dict:
        return {Event.AUDIT_EXPORT: self.exported}

    async def exported(self, sid: str, user: User, report: ExportReport) -> None:
        m = report.meeting_id

        def check() -> None:
            # (an export made as the materials go, offered to participants, is still reported)
            authz.require_visible_meeting(self.context.store, user, m, materials=False)

        def write() -> None:
            documents = {d.id for d in self.context.store.documents(m)}
            unknown = sorted(set(report.document_ids) - documents)
            if unknown:
                raise ProtocolError(ErrorCode.NOT_FOUND,
                                    f"No document {unknown[0]} in this meeting.")
            layers = ",".join(sorted(set(report.layers)))
            for document_id in dict.fromkeys(report.document_ids):
                self.context.audit.record(user.name, Action.EXPORTED, m, document_id,
                                          f"layers: {layers}")

        await self.context.call(check)
        self._throttle(sid)  # (the loop's memory: between the check and the writing)
        await self.context.call(write)

    def _throttle(self, sid: str) -> None:
        now = time.monotonic()
        recent = self._recent[sid]
        while recent and recent[0] <= now - 60:
            recent.popleft()
        if len(recent) >= REPORTS_PER_MINUTE:
            wait = max(1, int(recent[0] + 60 - now) + 1)
            raise ProtocolError(ErrorCode.RATE_LIMITED,
                                f"Too many export reports. Try again in {wait} seconds.",
                                retry_after=wait)
        recent.append(now)
        if len(self._recent) > 10_000:  # connections that went: forget the oldest
            for old in [s for s, times in self._recent.items() if not times or
                        times[-1] <= now - 60]:
                del self._recent[old]
