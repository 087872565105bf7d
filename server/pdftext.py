"""The words of every page of a PDF (meeting.pdf.page_texts), for re-anchoring annotations to
a revised version: read in a worker of the server's PDF pool, within a time limit."""

from __future__ import annotations

from pathlib import Path

from meeting.core.reanchor import PageText
from meeting.pdf.page_texts import page_texts as read_page_texts
from server.pdf_jobs import PdfJobs

TEXT_SECONDS = 60.0


async def page_texts(jobs: PdfJobs, path: Path, timeout: float = TEXT_SECONDS) -> list[PageText]:
    """Raises meeting.pdf.processes.PdfJobFailed if the file could not be read in time."""
    return await jobs.run(read_page_texts, str(path), time_limit=timeout)
