"""The Japanese font MuPDF carries, for whoever lacks one: a job for a `PdfPool` worker.

(Browsers on machines without a Japanese font, LibreOffice on a server without one.) PyMuPDF
is imported inside the job, so naming it loads nothing in the caller.
"""

from __future__ import annotations

from meeting.pdf.niceness import yield_cpu


def japanese_font() -> bytes:
    """Droid Sans Fallback, the font the client, the browser viewer and LibreOffice fall back
    on."""
    yield_cpu()
    import pymupdf

    return pymupdf.Font("japan").buffer
