"""Replacing a document with a revised version while keeping every mark on it.

The new file is checked like any upload. The words of both versions are read in the server's
PDF workers; meeting.core.reanchor decides where each mark goes. Then, in one transaction, the
document points at the new file, the marks move (or are flagged "unplaced", with the reason),
the shared page follows its page, and the old version is recorded. Everyone in the meeting is
told with `document:revised` and reloads the meeting's snapshot.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

from meeting.core.annotations import AnnotationData, Layer
from meeting.core.protocol import DocumentInfo, DocumentRevised, ErrorCode, ProtocolError
from meeting.core.reanchor import Placement, match_pages, reanchor
from meeting.pdf.processes import PdfJobFailed
from server.context import ServerContext
from server.ingest import clean_filename
from server.pdfcheck import check_pdf
from server.pdftext import page_texts
from server.store.annotations import AnnotationStore
from server.store.blobs import sha256_of
from server.store.repository import Store, User

log = logging.getLogger("meeting.server.revise")


@dataclass(frozen=True)
class RevisionResult:
    document: DocumentInfo
    placed: int
    unplaced: tuple[str, ...]
    """Ids of the marks that could not be placed (every layer and owner: for the command
    line's administrator)."""
    marks: tuple[AnnotationData, ...] = ()
    """The marks that were moved, to tell each requester only about those they may see."""

    def reply(self, user: User) -> dict:
        """What `user` may know: shared marks, and their own private notes (the ids and
        count of other people's private notes are theirs alone)."""
        seen = {m.id for m in self.marks if m.layer is Layer.SHARED or m.owner == user.name}
        unplaced = [i for i in self.unplaced if i in seen]
        return {"document": self.document.model_dump(mode="json"),
                "placed": len(seen) - len(unplaced), "unplaced": unplaced}


async def revise(context: ServerContext, meeting_id: int, document_id: int, incoming: Path, *,
                 filename: str, by: User | None, original: tuple[str, str] | None = None,
                 keep_every_mark: bool = False) -> RevisionResult:
    """Check `incoming` and make it the new version of the document. On any refusal the file is
    removed and nothing changes. With `keep_every_mark` (a circulation's check points) a
    version that leaves any shared mark unplaced is refused (private notes are kept flagged, as
    in a meeting)."""
    store = context.store
    try:
        old = await context.read(Store.document, meeting_id, document_id)
        if old is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "No such document in this meeting.")
        checked = await check_pdf(context.pdf, incoming)
        if not checked.ok:
            raise ProtocolError(ErrorCode.BAD_DOCUMENT, checked.message)
        sha256, size = await asyncio.to_thread(sha256_of, incoming), incoming.stat().st_size
        if sha256 == old.sha256:
            raise ProtocolError(ErrorCode.CONFLICT, "This file is the version already shown.")
        await asyncio.to_thread(context.blobs.commit, incoming, sha256)
    finally:
        if incoming.exists():
            os.unlink(incoming)
    try:
        before = await page_texts(context.pdf, context.blobs.path(old.sha256))
        after = await page_texts(context.pdf, context.blobs.path(sha256))
    except PdfJobFailed as failure:
        raise ProtocolError(ErrorCode.BAD_DOCUMENT,
                            f"The text of the PDF could not be read ({failure.kind}).") from None
    pages = match_pages(before, after)
    annotations = AnnotationStore(store)

    def move_marks() -> tuple[DocumentInfo, int, list[AnnotationData], list[Placement]]:
        """In one transaction: the new version, its marks moved, the room's page kept."""
        marks = [a for a in annotations.of_document(document_id) if a.unplaced is None]
        placements = reanchor(before, after, marks, pages)
        shared = {m.id for m in marks if m.layer is Layer.SHARED}
        lost = sum(1 for p in placements if p.page is None and p.annotation_id in shared)
        if keep_every_mark and lost:
            raise ProtocolError(ErrorCode.CONFLICT,
                                f"{lost} marks could not be placed in the revised document "
                                "(their words are gone), so nothing was changed: keep those "
                                "passages, or ask who marked them.")
        original_sha256, original_filename = original or (None, None)
        document = old.model_copy(update={"sha256": sha256, "pages": checked.pages, "size": size,
                                          "filename": clean_filename(filename),
                                          "original_sha256": original_sha256,
                                          "original_filename": original_filename})
        with store.transaction() as db:
            db.execute("INSERT INTO document_revisions (document_id, sha256, pages, replaced_at, "
                       "replaced_by) VALUES (?, ?, ?, ?, ?)",
                       (document_id, old.sha256, old.pages, time.time(), by.id if by else None))
            db.execute("UPDATE documents SET sha256 = ?, pages = ?, size = ?, filename = ?, "
                       "original_sha256 = ?, original_filename = ? WHERE id = ?",
                       (sha256, document.pages, size, document.filename, original_sha256,
                        original_filename, document_id))
            for placement in placements:
                mark = next(m for m in marks if m.id == placement.annotation_id)
                annotations.relocate(placement.annotation_id,
                                     mark.page if placement.page is None else placement.page,
                                     placement.points, placement.reason or None, mark.pressure)
            state = store.meeting_state(meeting_id)
            page = state.page
            if state.document_id == document_id:  # the room stays on the same page
                page = pages.get(state.page, min(state.page, document.pages - 1))
            beside = state.beside.page if state.beside else 0
            if state.beside and state.beside.document_id == document_id:  # and beside it too
                beside = pages.get(beside, min(beside, document.pages - 1))
            db.execute("UPDATE meetings SET seq = seq + 1, current_page = ?, beside_page = ? "
                       "WHERE id = ?", (page, beside, meeting_id))
            seq = store.meeting_state(meeting_id).seq
        return document, seq, marks, placements

    async with context.meeting_locks[meeting_id]:
        document, seq, marks, placements = await context.call(move_marks)
        unplaced = tuple(p.annotation_id for p in placements if p.page is None)
        shared = {m.id for m in marks if m.layer is Layer.SHARED}
        shared_unplaced = len(shared.intersection(unplaced))
        # (everyone receives it: it counts the room's marks, never anyone's private notes)
        revised = DocumentRevised(meeting_id=meeting_id, seq=seq, document=document,
                                  previous_sha256=old.sha256,
                                  placed=len(shared) - shared_unplaced, unplaced=shared_unplaced)
        await context.broadcast(revised)
    log.info("meeting %s: document %s revised (%s -> %s): %d marks placed, %d unplaced",
             meeting_id, document_id, old.sha256[:12], sha256[:12],
             len(placements) - len(unplaced), len(unplaced))
    return RevisionResult(document, len(placements) - len(unplaced), unplaced, tuple(marks))
