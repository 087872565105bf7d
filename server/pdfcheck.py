"""Checking an uploaded file before it becomes a meeting document.

The check (meeting.pdf.check) runs in a worker of the server's PDF pool with a time limit: a
hostile or broken PDF that makes MuPDF spin or crash takes only that worker with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from meeting.pdf.check import check_file
from meeting.pdf.processes import PdfJobFailed
from server.pdf_jobs import PdfJobs

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


async def check_pdf(jobs: PdfJobs, path: Path, timeout: float = CHECK_SECONDS) -> CheckResult:
    try:
        answer = await jobs.run(check_file, str(path), time_limit=timeout)
    except PdfJobFailed as failure:
        return CheckResult(False, reason="timeout" if failure.kind == "timeout" else "crashed")
    return CheckResult(bool(answer["ok"]), int(answer.get("pages", 0)), answer.get("reason", ""),
                       str(answer.get("title", "")))

