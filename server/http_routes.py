"""HTTP endpoints: health, login/logout, documents (download by hash, upload to a meeting).

Errors use the same shape as Socket.IO replies: {"ok": false, "error": {"code", "message"}}.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import ETag, web

from meeting import __version__
from meeting.core.messages import language_of
from meeting.core.protection import Removal
from meeting.core.protocol import (
    MAX_UPLOAD_BYTES,
    PROTOCOL_VERSION,
    DocumentInfo,
    ErrorCode,
    Login,
    MeetingState,
    ProtocolError,
    ok_reply,
    parse,
)
from meeting.core.watermark import watermark_text
from server import authz
from server.context import ServerContext
from server.ingest import ingest
from server.login_throttle import PER_ACCOUNT, WINDOW_SECONDS, Refusal
from server.office import from_office
from server.passwords import verify_password
from server.reachability import unreachable
from server.storage_faults import storage_fault
from server.store.audit import Action
from server.store.repository import Store, User

log = logging.getLogger("meeting.server.http")

CONTEXT = web.AppKey("context", ServerContext)

MAX_SMALL_BODY_BYTES = 16 * 1024
"""For a JSON body such as a sign-in's (a few hundred bytes): anything longer is refused before
it is read, so no one can make the server hold megabytes without signing in."""

_STATUS = {
    ErrorCode.INVALID_PAYLOAD: 400,
    ErrorCode.BAD_DOCUMENT: 400,
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.CONFLICT: 409,
    ErrorCode.TOO_LARGE: 413,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.STORAGE_FULL: 507,
    ErrorCode.STORAGE_READ_ONLY: 503,
    ErrorCode.MATERIALS_REMOVED: 410,
    ErrorCode.PROTOCOL_MISMATCH: 400,
    ErrorCode.INTERNAL: 500,
}


def add_routes(app: web.Application) -> None:
    app.router.add_get("/health", health)
    app.router.add_post("/api/login", login)
    app.router.add_post("/api/logout", logout)
    app.router.add_get("/api/me", me)
    app.router.add_get("/api/documents/{sha256}", download_document)
    app.router.add_post("/api/meetings/{meeting_id}/documents", upload_document)
    app.router.add_post("/api/meetings/{meeting_id}/documents/{document_id}/revision",
                        revise_document)
    app.router.add_get("/api/meetings/{meeting_id}/documents/{document_id}/original",
                       download_original)
    from server.record_routes import add_record_routes
    add_record_routes(app, CONTEXT)
    from server.approval_routes import add_approval_routes
    add_approval_routes(app, CONTEXT)
    app.router.add_get("/api/meetings/{meeting_id}/documents/{document_id}/pages/{page}",
                       page_image)


@web.middleware
async def error_middleware(request: web.Request, handler) -> web.StreamResponse:
    try:
        try:
            return await handler(request)
        except (OSError, sqlite3.Error) as error:
            fault = storage_fault(error)
            if fault is None:
                raise
            log.error("%s %s: %s (%s)", request.method, request.path, fault.code, error)
            raise fault from error
    except ProtocolError as error:
        log.warning("%s %s refused: %s (%s)", request.method, request.path, error.code,
                    error.message)
        headers = ({"Retry-After": str(error.retry_after)} if error.retry_after is not None
                   else None)
        language = language_of(request.headers.get("Accept-Language"))
        return web.json_response(error.to_reply(language), status=_STATUS.get(error.code, 400),
                                 headers=headers)


async def health(request: web.Request) -> web.Response:
    """Still 200 when degraded: the server serves, but the administrator has work to do. 503
    when it cannot reach its database or Redis: it cannot serve a meeting now."""
    context = request.app[CONTEXT]
    down = await unreachable(context)
    problems = down + context.health.problems()
    status = ({"status": "unavailable" if down else "degraded", "problems": problems}
              if problems else {"status": "ok"})
    return web.json_response({**status, "version": __version__, "protocol": PROTOCOL_VERSION},
                             status=503 if down else 200)


async def login(request: web.Request) -> web.Response:
    context = request.app[CONTEXT]
    credentials = parse(Login, await small_json(request))
    address = client_address(request, context.trusted_proxies)
    attempt = await context.sign_ins.attempt(credentials.username, address)
    if isinstance(attempt, Refusal):
        log.warning("sign-in for %r from %s held back for %s s", credentials.username, address,
                    attempt.wait)
        if attempt.account_held:
            await context.audit_record(credentials.username, Action.SIGN_IN_HELD,
                                       detail=f"{PER_ACCOUNT} failed sign-ins in "
                                              f"{WINDOW_SECONDS / 60:.0f} min; last from "
                                              f"{address}")
        raise ProtocolError(ErrorCode.RATE_LIMITED,
                            f"Too many failed sign-ins. Try again in {attempt.wait} seconds.",
                            retry_after=attempt.wait)
    user, stored_hash = await context.read(Store.credentials, credentials.username)
    # scrypt takes ~50 ms on purpose: off the event loop, so other meetings do not wait.
    matches = await asyncio.get_running_loop().run_in_executor(
        None, verify_password, credentials.password, stored_hash
    )
    if user is None or not matches:
        await context.audit_record(credentials.username, Action.SIGN_IN_FAILED, detail=address)
        log.warning("failed sign-in for %r from %s", credentials.username, address)
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "Wrong user name or password.")
    await context.sign_ins.succeeded(attempt)

    def sign_in(user: User) -> tuple[str, float]:
        context.audit.record(user.name, Action.SIGNED_IN, detail=address)
        return context.store.create_session(user)

    token, expires_at = await context.call(sign_in, user)
    log.info("%s logged in", user.name)
    return web.json_response(
        ok_reply({"token": token, "expires_at": expires_at, "user": user.info().model_dump()})
    )


async def logout(request: web.Request) -> web.Response:
    context = request.app[CONTEXT]
    user = await _authenticated(request)

    def sign_out() -> None:
        context.store.revoke_session(_bearer(request))
        context.audit.record(user.name, Action.SIGNED_OUT)

    await context.call(sign_out)
    return web.json_response(ok_reply())


async def me(request: web.Request) -> web.Response:
    return web.json_response(ok_reply((await _authenticated(request)).info().model_dump()))


async def download_document(request: web.Request) -> web.StreamResponse:
    context = request.app[CONTEXT]
    user = await _authenticated(request)
    sha256 = request.match_info["sha256"]
    # The same answer whether the file does not exist or belongs to another meeting.
    if not (len(sha256) == 64 and await context.read(Store.may_read_blob, user, sha256)
            and context.blobs.exists(sha256)):
        raise ProtocolError(ErrorCode.NOT_FOUND, "No such document in your meetings.")
    headers = {"Cache-Control": "private, max-age=31536000, immutable"}
    if _names(request.if_none_match, sha256):  # the client has these very bytes
        return web.Response(status=304, headers={**headers, "ETag": f'"{sha256}"'})
    await context.audit_record(user.name, Action.DOCUMENT_DOWNLOADED, detail=sha256)
    return HashTaggedFile(context.blobs.path(sha256), sha256,
                          headers={**headers, "Content-Type": "application/pdf"})


class HashTaggedFile(web.FileResponse):
    """A document file whose ETag is its SHA-256, as docs/protocol.md says (aiohttp would tag
    it with the file's time and size, which a client cannot know or check)."""

    def __init__(self, path: Path, sha256: str, headers: dict[str, str]) -> None:
        self._sha256 = sha256
        super().__init__(path, headers=headers)

    @property
    def etag(self) -> ETag | None:
        return ETag(value=self._sha256)

    @etag.setter
    def etag(self, _: ETag | str | None) -> None:  # (aiohttp sets its own while sending)
        self.headers["ETag"] = f'"{self._sha256}"'



def _names(tags: tuple[ETag, ...] | None, sha256: str) -> bool:
    """An If-None-Match header names this hash (or any version: `*`)."""
    return tags is not None and any(t.value in (sha256, "*") for t in tags)


async def download_original(request: web.Request) -> web.StreamResponse:
    """The Office file a document was converted from, under its own name."""
    from urllib.parse import quote

    from server.office import MEDIA_TYPES

    context = request.app[CONTEXT]
    user = await _authenticated(request)
    meeting_id, document_id = _id(request, "meeting_id"), _id(request, "document_id")

    def check_and_read(store: Store) -> DocumentInfo | None:
        authz.require_visible_meeting(store, user, meeting_id)
        return store.document(meeting_id, document_id)

    document = await context.read(check_and_read)
    if document is None or not document.original_sha256 or not context.blobs.exists(
            document.original_sha256):
        raise ProtocolError(ErrorCode.NOT_FOUND, "This document has no original file.")
    await context.audit_record(user.name, Action.ORIGINAL_DOWNLOADED, meeting_id, document_id,
                               document.original_sha256)
    name = document.original_filename or "original"
    return web.FileResponse(context.blobs.path(document.original_sha256), headers={
        "Content-Type": MEDIA_TYPES.get(Path(name).suffix.lower(), "application/octet-stream"),
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}",
        "Cache-Control": "no-store"})


async def upload_document(request: web.Request) -> web.Response:
    """The body is the PDF itself; `filename` and `title` come as query parameters."""
    context = request.app[CONTEXT]
    user = await _authenticated(request)
    meeting_id = _id(request, "meeting_id")
    await context.read(authz.require_may_change_documents, user, meeting_id)
    incoming = await _receive(request, context)
    incoming, filename, original = await from_office(
        context.office, context.blobs, incoming, request.query.get("filename", "document.pdf"),
        owner=user.name)
    document = await ingest(
        context, meeting_id, incoming, filename=filename, title=request.query.get("title"),
        added_by=user, original=original,
    )
    await context.audit_record(user.name, Action.DOCUMENT_ADDED, meeting_id, document.id,
                               document.sha256)
    return web.json_response(ok_reply(document.model_dump(mode="json")), status=201)


async def revise_document(request: web.Request) -> web.Response:
    """The body is the revised PDF; the document keeps its id, title and marks."""
    from server.revise import revise

    context = request.app[CONTEXT]
    user = await _authenticated(request)
    meeting_id, document_id = _id(request, "meeting_id"), _id(request, "document_id")

    def check(store: Store) -> bool:
        """May revise it: whether the meeting is a circulation."""
        authz.require_may_change_documents(store, user, meeting_id)
        if store.document(meeting_id, document_id) is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "No such document in this meeting.")
        return store.is_circulation(meeting_id)

    circulation = await context.read(check)
    incoming = await _receive(request, context)
    incoming, filename, original = await from_office(
        context.office, context.blobs, incoming, request.query.get("filename", "document.pdf"),
        owner=user.name)
    result = await revise(context, meeting_id, document_id, incoming, filename=filename,
                          by=user, original=original, keep_every_mark=circulation)
    await context.audit_record(user.name, Action.DOCUMENT_REVISED, meeting_id, document_id,
                               result.document.sha256)
    if circulation:
        from server.approval_events import note_revision

        await note_revision(context, meeting_id, user, document_id)
    return web.json_response(ok_reply(result.reply(user)))


async def page_image(request: web.Request) -> web.Response:
    """A page as a PNG `width` pixels wide (rounded up to a step of 128, 128–4096), for the
    browser viewer. The page's size in points comes in headers, for placing marks on it."""
    from server.page_images import MAX_WIDTH, image_width

    context = request.app[CONTEXT]
    user = await _authenticated(request)
    meeting_id, document_id = _id(request, "meeting_id"), _id(request, "document_id")
    page = _id(request, "page")

    def check_and_read(store: Store) -> tuple[DocumentInfo, MeetingState]:
        authz.require_visible_meeting(store, user, meeting_id)
        return (authz.require_page(store, meeting_id, document_id, page),
                store.meeting_state(meeting_id))

    document, state = await context.read(check_and_read)
    try:
        asked = int(request.query.get("width", "1024"))
    except ValueError:
        asked = 0
    if not 1 <= asked <= MAX_WIDTH * 4:
        raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                            f"width must be a number of pixels from 1 to {MAX_WIDTH}.")
    watermark = watermark_text(user.name, datetime.now()) if state.watermark else None
    image = await context.page_images.get(context.pdf, user.name, document.sha256,
                                          context.blobs.path(document.sha256), page,
                                          image_width(asked), watermark)
    await context.audit_record(user.name, Action.PAGE_VIEWED_IN_BROWSER, meeting_id,
                               document_id, f"page {page + 1}")
    protected = state.watermark or state.removal is not Removal.NONE or state.expires_at
    return web.Response(body=image.png, content_type="image/png", headers={
        # A protected meeting's pages stay in no browser cache (they must go when it ends).
        "Cache-Control": "no-store" if protected else "private, max-age=3600",
        "X-Page-Width": f"{image.width_pt:.3f}", "X-Page-Height": f"{image.height_pt:.3f}"})


def client_address(request: web.Request, trusted_proxies: frozenset[str]) -> str:
    """Who is asking: the peer's address, or, when the peer is a reverse proxy we were told to
    trust, the address that proxy put last in X-Forwarded-For (the one it saw itself)."""
    peer = request.remote or "?"
    if peer in trusted_proxies:
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        return forwarded or peer
    return peer


def _id(request: web.Request, name: str) -> int:
    try:
        return int(request.match_info[name])
    except ValueError:
        raise ProtocolError(ErrorCode.NOT_FOUND, "No such meeting or document.") from None


async def _receive(request: web.Request, context: ServerContext) -> Path:
    """The request body, streamed into the store's incoming folder, within the size limit."""
    if (request.content_length or 0) > MAX_UPLOAD_BYTES:
        raise _too_large()
    incoming = context.blobs.new_incoming()
    try:
        received = 0
        with open(incoming, "wb") as out:
            async for chunk in request.content.iter_chunked(1 << 16):
                received += len(chunk)
                if received > MAX_UPLOAD_BYTES:
                    raise _too_large()
                out.write(chunk)
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    return incoming


def _too_large() -> ProtocolError:
    return ProtocolError(
        ErrorCode.TOO_LARGE, f"The file is larger than {MAX_UPLOAD_BYTES // 2**20} MiB."
    )


def _bearer(request: web.Request) -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


async def _authenticated(request: web.Request) -> User:
    token = _bearer(request)
    user = await request.app[CONTEXT].read(Store.user_for_token, token) if token else None
    if user is None:
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "Log in first (a valid bearer token).")
    return user


async def small_json(request: web.Request, limit: int = MAX_SMALL_BODY_BYTES) -> Any:
    """A small JSON body (sign-in and the like), refused as soon as it is longer than `limit`:
    never read whole into memory, whatever length it claims or does not claim."""
    if (request.content_length or 0) > limit:
        raise _body_too_large(limit)
    body = bytearray()
    async for chunk in request.content.iter_chunked(1 << 12):
        body += chunk
        if len(body) > limit:
            raise _body_too_large(limit)
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise ProtocolError(ErrorCode.INVALID_PAYLOAD, "The body must be JSON.") from None


def _body_too_large(limit: int) -> ProtocolError:
    return ProtocolError(ErrorCode.TOO_LARGE,
                         f"The request body is larger than {limit // 1024} KiB.")
