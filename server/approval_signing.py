"""The call into signing (`server.signing`) when a circulation's last step has acted: what is
signed is built here from the store (documents, the approvals that stand, each approver's
check points), the slow work runs off the event loop, and the result is recorded.

Signed PDFs go to `signed/<circulation id>/<document id>.pdf` in the data folder.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from meeting.core.annotations import AnnotationData, Layer, Tool
from meeting.core.approval import approvals
from meeting.core.approval_protocol import (
    ActionKind,
    DocumentSignatures,
    HistoryEntry,
    SignatureState,
    StepKind,
)
from meeting.core.check_points import check_points as pair_check_points
from meeting.core.protocol import ErrorCode, ProtocolError
from server import signing
from server.context import ServerContext
from server.signing import model
from server.signing.authority import SigningAuthority
from server.store.annotations import AnnotationStore
from server.store.approvals import ApprovalStore, StoredCirculation
from server.store.audit import Action

log = logging.getLogger("meeting.server.approval.signing")

SIGNED_FOLDER = "signed"
CHECK_POINT_TOOLS = frozenset({Tool.MARKER, Tool.TEXT})
"""Marks that are check points (the marker on the words, a typed note); the rest are kept as
plain annotations of the approver's layer."""


def signed_path(context: ServerContext, circulation_id: int, document_id: int) -> Path:
    return context.data_dir / SIGNED_FOLDER / str(circulation_id) / f"{document_id}.pdf"


def require_signer(context: ServerContext, user: str) -> None:
    """Refuse an approval whose signature could not be made: the approver's certificate
    expired (nothing is stored; the administrator renews it)."""
    if not SigningAuthority.exists(context.data_dir):
        return
    certificate = SigningAuthority.open(context.data_dir).certificate_of(user)
    if certificate is not None and certificate.not_valid_after_utc <= datetime.now(UTC):
        raise ProtocolError(ErrorCode.FORBIDDEN,
                            f"Your signing certificate expired on "
                            f"{certificate.not_valid_after_utc:%Y-%m-%d}, so nothing was "
                            f"stored: ask the administrator to renew it.")


def signed_circulation(context: ServerContext, circulation: StoredCirculation
                       ) -> model.SignedCirculation:
    """What the signing needs, from the store: documents in order, the approvals that stand
    (one signature each, in order), each approver's check points, and the history."""
    store = context.store
    documents = {d.id: d for d in store.documents(circulation.meeting_id)}
    signed_documents = tuple(
        model.SignedDocument(id=i, path=context.blobs.path(documents[i].sha256),
                             title=documents[i].title)
        for i in circulation.document_ids if i in documents)
    marks = [m for i in circulation.document_ids for m in AnnotationStore(store).of_document(i)
             if m.layer is Layer.SHARED and m.unplaced is None and m.complete and m.points]
    signed: list[model.SignedApproval] = []
    seen: set[str] = set()
    for entry in approvals(circulation.rules.history):
        if entry.action is not ActionKind.APPROVED or entry.step is None:
            continue
        step = circulation.rules.steps[entry.step]
        if step.kind is StepKind.READ:
            continue
        name, section = store.profile(entry.user)
        own = [m for m in marks if m.owner == entry.user] if entry.user not in seen else []
        seen.add(entry.user)
        signed.append(model.SignedApproval(
            step=entry.step, user=entry.user, display_name=name, section=section or "",
            role=step.label or "承認", time=_time(entry.at),
            on_behalf_of=store.profile(entry.on_behalf_of)[0] if entry.on_behalf_of else None,
            stamp=None if entry.stamp is None else model.StampPlacement(
                document=entry.stamp.document_id, page=entry.stamp.page,
                rect=(entry.stamp.rect.x0, entry.stamp.rect.y0, entry.stamp.rect.x1,
                      entry.stamp.rect.y1)),
            comments=check_points(own),
            marks=tuple(m for m in own if m.tool not in CHECK_POINT_TOOLS),
            comment=entry.comment))
    return model.SignedCirculation(
        id=circulation.id, title=circulation.title,
        drafter=store.profile(circulation.drafter)[0], documents=signed_documents,
        approvals=tuple(signed),
        history=tuple(model.HistoryEntry(
            time=_time(e.at), user=e.user, display_name=store.profile(e.user)[0],
            action=str(e.action), step=e.step, comment=e.comment,
            on_behalf_of=store.profile(e.on_behalf_of)[0] if e.on_behalf_of else None)
            for e in circulation.rules.history))


async def sign(context: ServerContext, circulation_id: int,
               notify: Callable[[StoredCirculation], Awaitable[None]]) -> None:
    """Sign an approved circulation's documents (off the event loop), then record it and tell
    everyone on the route. A failure is logged and audited; the approval stands, and
    `meeting-server approval export` tries again."""
    approvals_store = ApprovalStore(context.store)
    circulation = await context.call(approvals_store.require, circulation_id)
    try:
        paths = await produce(context, circulation)
    except Exception as error:  # logged, audited, answered by `export` later
        log.exception("circulation %s: signing failed", circulation_id)
        await context.audit_record("(server)", Action.APPROVAL_SIGNING_FAILED,
                                   circulation.meeting_id,
                                   detail=f"circulation {circulation_id}: {error}")
        return
    if not paths:
        return
    entry = HistoryEntry(at=time.time(), action=ActionKind.SIGNED, user="(server)",
                         comment=f"{len(paths)} documents signed")

    def mark_signed() -> StoredCirculation:
        approvals_store.mark_signed(circulation_id, entry)
        context.audit.record("(server)", Action.APPROVAL_SIGNED, circulation.meeting_id,
                             detail=f"circulation {circulation_id}: {len(paths)} documents")
        return approvals_store.require(circulation_id)

    await notify(await context.call(mark_signed))


async def produce(context: ServerContext, circulation: StoredCirculation) -> list[Path]:
    """Write the signed PDFs (one per document, in order); [] when the server has no signing
    authority (nothing to sign with: logged)."""
    if not SigningAuthority.exists(context.data_dir):
        log.warning("circulation %s approved, but the server has no signing authority "
                    "(meeting-server pki init): not signed", circulation.id)
        return []
    authority = SigningAuthority.open(context.data_dir)
    folder = context.data_dir / SIGNED_FOLDER / str(circulation.id)
    work = folder.with_name(f"{circulation.id}.partial")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    what = await context.call(signed_circulation, context, circulation)
    paths = await signing.produce_signed_pdfs(authority, what, work)  # (in a child process)
    for document, path in zip(what.documents, paths, strict=True):
        Path(path).rename(work / f"{document.id}.pdf")
    shutil.rmtree(folder, ignore_errors=True)
    work.rename(folder)
    return [folder / f"{d.id}.pdf" for d in what.documents]


async def signature_states(context: ServerContext, circulation: StoredCirculation
                           ) -> list[dict[str, Any]]:
    """Per document, the state of each signature (valid, who, when, what changed after)."""
    if circulation.signed_at is None or not SigningAuthority.exists(context.data_dir):
        return []
    authority = SigningAuthority.open(context.data_dir)
    titles = {d.id: d.title
              for d in await context.call(context.store.documents, circulation.meeting_id)}
    found = await asyncio.to_thread(  # (pyHanko: never on the event loop)
        signing.signature_states, authority,
        [(d, signed_path(context, circulation.id, d)) for d in circulation.document_ids])
    return [DocumentSignatures(
        document_id=document_id, title=titles.get(document_id, ""),
        signatures=tuple(SignatureState(
            signer=s.signer, role=s.role, at=s.time.timestamp() if s.time else None,
            valid=s.valid, intact=s.intact,
            changed_after="" if s.changed_after == "nothing" else str(s.changed_after))
            for s in states)).payload()
        for document_id, states in found]


def _time(at: float) -> datetime:
    return datetime.fromtimestamp(at, UTC)


def check_points(marks: list[AnnotationData]) -> tuple[model.CheckPointComment, ...]:
    """One approver's check points, as the review window lists them (the rule is
    `meeting.core.check_points`: each marker stroke with the typed notes written at it as its
    comment; a note near no marker is a check point of its own)."""
    return tuple(model.CheckPointComment(document=p.document_id, page=p.page, rect=p.rect,
                                         text=p.comment) for p in pair_check_points(marks))
