"""The signed PDFs of an approved circulation: per document, the history as its last page,
then each approval in order (its stamp and check-point comments as annotations, saved
incrementally, then its signature), and the history as JSON beside them.

Why the history page comes first: a signature allows only annotations after it, and a page is
not one. The signing happens once the last step has approved, so the whole history is known
then; every signature covers it, and it is attached to each PDF (history.json) as well.

PyMuPDF and pyHanko take some tens of milliseconds a signature (plus a second or so to start a
child): `produce_signed_pdfs_async` runs it all in a child process, so the server's event loop
never waits on it and a crash in either library cannot take the server along.
"""

from __future__ import annotations

import asyncio
import pickle
import re
import sys
from pathlib import Path

from meeting.pdf.approval_pdf import (
    CheckPoint,
    DateStamp,
    StepMarks,
    add_step_marks,
    copy_with_history,
)
from server.signing.authority import Credentials, SigningAuthority
from server.signing.history import HEADING, HISTORY_FILE, history_json, history_rows
from server.signing.model import SignedApproval, SignedCirculation, SignedDocument
from server.signing.pades import sign_step


def produce_signed_pdfs(authority: SigningAuthority, circulation: SignedCirculation,
                        out_dir: Path) -> list[Path]:
    """Write one signed PDF per document into `out_dir` (and `history.json`); returns the
    PDFs in the circulation's order. Every signer's certificate is checked before anything
    is written: an expired one raises `SigningError` and leaves `out_dir` as it was."""
    credentials = {approval.user: authority.credentials(
        approval.user, approval.display_name, approval.section)
        for approval in circulation.approvals}
    out_dir.mkdir(parents=True, exist_ok=True)
    record = history_json(circulation)
    rows = history_rows(circulation)
    paths = []
    for index, document in enumerate(circulation.documents, start=1):
        final = out_dir / f"{index:02d}-{_file_title(document.title)}.pdf"
        work = final.with_name(final.name + ".part")
        copy_with_history(document.path, work, circulation.title, HEADING, rows,
                          attachment=record)
        for number, approval in enumerate(circulation.approvals):
            add_step_marks(work, step_marks(circulation, document, approval, number))
            _sign(work, authority, credentials[approval.user], approval, number)
        work.replace(final)
        paths.append(final)
    (out_dir / HISTORY_FILE).write_bytes(record)
    return paths


def step_marks(circulation: SignedCirculation, document: SignedDocument,
               approval: SignedApproval, number: int) -> StepMarks:
    """What approval `number` adds to `document`: its stamp (where placed, or slot `number`
    of the first page's stamp column when placed on no document) and its comments there."""
    stamps = []
    placement = approval.stamp
    if placement is None or placement.document == document.id:
        stamps.append(DateStamp(
            page=placement.page if placement else 0,
            rect=placement.rect if placement else None, slot=number,
            section=approval.section, date=f"'{approval.time.astimezone():%y.%m.%d}",
            name=approval.display_name, author=approval.display_name,
            contents=_stamp_contents(approval)))
    points = [CheckPoint(c.page, c.rect, c.text, approval.display_name)
              for c in approval.comments if c.document == document.id]
    marks = [m for m in approval.marks if m.document_id == document.id]
    return StepMarks(stamps, points, marks)


def _stamp_contents(approval: SignedApproval) -> str:
    who = approval.display_name
    if approval.on_behalf_of:
        who = f"{who}（{approval.on_behalf_of} 代理）"
    section = f" {approval.section}" if approval.section else ""
    return f"承認 {who}{section} {approval.role} {approval.time.astimezone():%Y-%m-%d %H:%M}"


def _sign(path: Path, authority: SigningAuthority, credentials: Credentials,
          approval: SignedApproval, number: int) -> None:
    reason = approval.role
    if approval.on_behalf_of:
        reason = f"{reason}（{approval.on_behalf_of} 代理）"
    sign_step(path, credentials, field_name=f"Approval{number + 1}",
              signer_name=approval.display_name, reason=reason,
              location=authority.organization, certify=number == 0,
              tsa_url=authority.tsa_url)


def _file_title(title: str) -> str:
    """The document's title as a file name (no separators, nothing a shell trips on)."""
    cleaned = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", "_", title).strip(" .") or "document"
    return cleaned[:80]


# ---- off the event loop

WORKER = "server.signing.worker"


async def produce_signed_pdfs_async(authority: SigningAuthority,
                                    circulation: SignedCirculation, out_dir: Path,
                                    timeout: float = 300) -> list[Path]:
    """`produce_signed_pdfs` in a child process; a `SigningError` there is raised here."""
    from server.child import child_command

    process = await asyncio.create_subprocess_exec(
        *child_command(WORKER), stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    job = pickle.dumps((authority, circulation, out_dir))
    try:
        output, errors = await asyncio.wait_for(process.communicate(job), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    result = pickle.loads(output) if process.returncode == 0 and output else None
    if isinstance(result, BaseException):
        raise result
    if not isinstance(result, list):
        raise RuntimeError(f"the signing worker failed: {errors.decode(errors='replace')}")
    return result


def worker_main() -> None:
    """The child: a pickled job on stdin, the pickled paths (or the error) on stdout."""
    authority, circulation, out_dir = pickle.loads(sys.stdin.buffer.read())
    try:
        result: object = produce_signed_pdfs(authority, circulation, out_dir)
    except Exception as error:  # handed back to the parent, which raises it
        result = error
    sys.stdout.buffer.write(pickle.dumps(result))
