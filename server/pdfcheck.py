"""Checking an uploaded file before it becomes a meeting document.

The check runs PyMuPDF in a child process with a time limit (see server.child). Run as a
module it prints one JSON line: {"ok": true, "pages": N} or {"ok": false, "reason": CODE}.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from server.child import ChildFailed, run_child

CHECK_SECONDS = 30.0

REASONS = {
    "not_pdf": "The file is not a PDF document.",
    "broken": "The PDF file is damaged and cannot be opened.",
    "encrypted": "The PDF is protected by a password. Remove the password and upload it again.",
    "no_pages": "The PDF has no pages.",
    "bad_pages": "Some pages of the PDF are damaged and cannot be shown.",
    "timeout": "The PDF took too long to check; it may be damaged.",
    "crashed": "The PDF could not be checked; it may be damaged.",
}


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    pages: int = 0
    reason: str = ""
    title: str = ""
    """The title in the PDF's own metadata, if it has one."""

    @property
    def message(self) -> str:
        return REASONS.get(self.reason, "")


def check_file(path: str) -> dict:
    """The check itself (in the child process)."""
    import pymupdf

    pymupdf.TOOLS.mupdf_display_errors(False)
    with open(path, "rb") as f:
        if b"%PDF-" not in f.read(1024):
            return {"ok": False, "reason": "not_pdf"}
    try:
        document = pymupdf.open(path, filetype="pdf")
    except Exception:
        return {"ok": False, "reason": "broken"}
    with document:
        if document.needs_pass:
            return {"ok": False, "reason": "encrypted"}
        if document.page_count < 1:
            return {"ok": False, "reason": "no_pages"}
        try:
            for page in document.pages():
                page.bound()
        except Exception:
            return {"ok": False, "reason": "bad_pages"}
        title = (document.metadata or {}).get("title") or ""
        return {"ok": True, "pages": document.page_count, "title": title.strip()[:200]}


async def check_pdf(path: Path, timeout: float = CHECK_SECONDS) -> CheckResult:
    try:
        answer = await run_child("server.pdfcheck", path, timeout=timeout)
    except ChildFailed as failure:
        return CheckResult(False, reason=failure.reason)
    return CheckResult(bool(answer["ok"]), int(answer.get("pages", 0)), answer.get("reason", ""),
                       str(answer.get("title", "")))


if __name__ == "__main__":
    print(json.dumps(check_file(sys.argv[1])), flush=True)
