"""HTTP endpoints of approval: a signed document, and a circulation's history as JSON, for
everyone on its route (nobody else learns it exists)."""

from __future__ import annotations

from urllib.parse import quote

from aiohttp import web

from meeting.core.protocol import DocumentInfo, ErrorCode, ProtocolError, ok_reply
from server.approval_events import ApprovalEvents
from server.approval_signing import signed_path
from server.store.audit import Action


def add_approval_routes(app: web.Application, context_key) -> None:
    async def circulation_of(request: web.Request):
        from server.http_routes import _authenticated, _id

        context = request.app[context_key]
        user = await _authenticated(request)
        events = ApprovalEvents(context)
        circulation_id = _id(request, "circulation_id")
        return context, user, events, await context.call(events.require, user, circulation_id)

    async def signed(request: web.Request) -> web.StreamResponse:
        from server.http_routes import _id

        context, user, _, circulation = await circulation_of(request)
        document_id = _id(request, "document_id")
        path = signed_path(context, circulation.id, document_id)
        if circulation.signed_at is None or document_id not in circulation.document_ids \
                or not path.exists():
            raise ProtocolError(ErrorCode.NOT_FOUND, "This document is not signed (yet).")

        def note_and_read() -> DocumentInfo | None:
            context.audit.record(user.name, Action.APPROVAL_DOWNLOADED, circulation.meeting_id,
                                 document_id, f"circulation {circulation.id}")
            return context.store.document(circulation.meeting_id, document_id)

        document = await context.call(note_and_read)
        name = f"{document.title if document else document_id}-signed.pdf"
        return web.FileResponse(path, headers={
            "Content-Type": "application/pdf", "Cache-Control": "no-store",
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

    async def history(request: web.Request) -> web.Response:
        context, user, events, circulation = await circulation_of(request)
        return web.json_response(ok_reply(await context.call(events.data, circulation, user)))

    app.router.add_get("/api/approvals/{circulation_id}/documents/{document_id}/signed.pdf",
                       signed)
    app.router.add_get("/api/approvals/{circulation_id}/history.json", history)
