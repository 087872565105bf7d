"""Whether an uploaded file can become a meeting document: a job for the server's `PdfPool`.

Answers a plain dict, {"ok": True, "pages": N, "title": T} or {"ok": False, "reason": CODE}
(the codes server.pdfcheck explains to people). PyMuPDF is imported inside the job only.
"""

from __future__ import annotations

from meeting.pdf.niceness import yield_cpu

TITLE_CHARACTERS = 200


def check_file(path: str) -> dict:
    yield_cpu()
    import pymupdf

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
        return {"ok": True, "pages": document.page_count,
                "title": title.strip()[:TITLE_CHARACTERS]}
