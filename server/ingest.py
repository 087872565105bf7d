"""Turning an uploaded file into a meeting document: check, store by hash, record, announce."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from meeting.core.protocol import DocumentAdded, DocumentInfo, ErrorCode, ProtocolError
from server.context import ServerContext
from server.pdfcheck import check_pdf
from server.store.blobs import sha256_of
from server.store.repository import User

log = logging.getLogger("meeting.server.ingest")


def clean_filename(name: str) -> str:
    """Keep the name people know the file by, without any directory part."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    name = "".join(ch for ch in name if ch.isprintable())[:200]
    return name or "document.pdf"


async def ingest(
    context: ServerContext,
    meeting_id: int,
    incoming: Path,
    *,
    filename: str,
    title: str | None,
    added_by: User | None,
    original: tuple[str, str] | None = None,
) -> DocumentInfo:
    """Check `incoming` (a file in the store's incoming folder) and add it to the meeting.

    On any refusal the incoming file is removed and nothing is recorded.
    """
    try:
        result = await check_pdf(context.pdf, incoming)
        if not result.ok:
            raise ProtocolError(ErrorCode.BAD_DOCUMENT, result.message)
        # Off the loop: hashing 200 MB takes about a second, the fsync as long as the disk
        # wants; both release the interpreter lock (see bench/upload_stall.py).
        sha256 = await asyncio.to_thread(sha256_of, incoming)
        size = incoming.stat().st_size
        await asyncio.to_thread(context.blobs.commit, incoming, sha256)
    finally:
        if incoming.exists():
            os.unlink(incoming)
    filename = clean_filename(filename)
    # The title people gave it, else the one inside the PDF, else the file's name.
    title = (title or "").strip()[:200] or result.title or Path(filename).stem or filename
    async with context.meeting_locks[meeting_id]:
        document, seq = await context.call(
            context.store.add_document,
            meeting_id, sha256=sha256, title=title, filename=filename, pages=result.pages,
            size=size, added_by=added_by, original=original,
        )
        added = DocumentAdded(meeting_id=meeting_id, seq=seq, document=document)
        await context.broadcast(added)
    log.info("meeting %s: added %s (%s, %d pages)", meeting_id, filename, sha256[:12], result.pages)
    return document
