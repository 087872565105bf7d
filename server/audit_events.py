"""Socket.IO handler for what clients report to the audit log (files they wrote)."""

from __future__ import annotations

from meeting.core.protocol import Event, ExportReport
from server import authz
from server.context import ServerContext
from server.store.audit import Action
from server.store.repository import User


class AuditEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context

    def handlers(self) -> dict:
        return {Event.AUDIT_EXPORT: self.exported}

    async def exported(self, sid: str, user: User, report: ExportReport) -> None:
        # (an export made as the materials go, offered to participants, is still reported)
        authz.require_visible_meeting(self.context.store, user, report.meeting_id,
                                      materials=False)
        layers = ",".join(report.layers)
        for document_id in report.document_ids:
            self.context.audit.record(user.name, Action.EXPORTED, report.meeting_id,
                                      document_id, f"layers: {layers}")
