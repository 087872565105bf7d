"""HTTP endpoints for the record of the meeting (JSON and PDF).

Every member but display accounts may take the record: organizers for the archive,
participants as their own copy (with `notes=mine`, their private notes on the pages)."""

from __future__ import annotations

import asyncio
from datetime import datetime

from aiohttp import web

from meeting.core.annotations import AnnotationData
from meeting.core.protocol import ErrorCode, ProtocolError, Role, ok_reply
from meeting.core.record import MeetingRecord
from meeting.core.watermark import watermark_text
from meeting.pdf.processes import PdfJobFailed
from server import authz
from server.context import ServerContext
from server.record import build_record, record_marks, record_pdf
from server.store.audit import Action
from server.store.repository import User


def add_record_routes(app: web.Application, context_key) -> None:
    rendering = asyncio.Semaphore(1)  # one record PDF at a time: it is CPU work

    async def record_json(request: web.Request) -> web.Response:
        context, user, meeting_id, notes = await _ask(request, context_key)

        def build_and_note() -> MeetingRecord:
            record = build_record(context.store, meeting_id, user, notes)
            context.audit.record(user.name, Action.RECORD_EXPORTED, meeting_id, detail="json")
            return record

        record = await context.call(build_and_note)
        return web.json_response(ok_reply(record.model_dump(mode="json")))

    async def record_pdf_route(request: web.Request) -> web.Response:
        context, user, meeting_id, notes = await _ask(request, context_key)

        def build() -> tuple[MeetingRecord, list[AnnotationData], bool]:
            record = build_record(context.store, meeting_id, user, notes)
            return (record, record_marks(context.store, record, user),
                    context.store.meeting_state(meeting_id).watermark)

        record, marks, watermarked = await context.call(build)
        watermark = watermark_text(user.name, datetime.now()) if watermarked else None
        async with rendering:
            try:
                pdf = await record_pdf(context.pdf, record, marks, context.blobs, watermark)
            except PdfJobFailed as failure:
                raise ProtocolError(ErrorCode.INTERNAL, "The record took too long to write."
                                    if failure.kind == "timeout" else
                                    "The record could not be written.") from None
        await context.audit_record(user.name, Action.RECORD_EXPORTED, meeting_id, detail="pdf")
        name = f"meeting-{meeting_id}-record.pdf"
        return web.Response(body=pdf, content_type="application/pdf", headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store"})

    app.router.add_get("/api/meetings/{meeting_id}/record.json", record_json)
    app.router.add_get("/api/meetings/{meeting_id}/record.pdf", record_pdf_route)


async def _ask(request: web.Request, context_key
               ) -> tuple[ServerContext, User, int, str | None]:
    from server.http_routes import _authenticated, _id

    context = request.app[context_key]
    user = await _authenticated(request)
    meeting_id = _id(request, "meeting_id")
    await context.read(authz.require_visible_meeting, user, meeting_id)
    if user.role is Role.DISPLAY:
        raise ProtocolError(ErrorCode.FORBIDDEN, "A display account takes no record.")
    notes = request.query.get("notes")
    if notes not in (None, "mine"):
        raise ProtocolError(ErrorCode.INVALID_PAYLOAD, "notes may only be 'mine'.")
    return context, user, meeting_id, user.name if notes == "mine" else None
