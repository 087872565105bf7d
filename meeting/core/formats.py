"""What can be added to a meeting: PDF, and Office files the server converts to PDF."""

from __future__ import annotations

from pathlib import Path

OFFICE_SUFFIXES = frozenset({".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp",
                             ".doc", ".xls", ".ppt"})
UPLOAD_SUFFIXES = frozenset({".pdf", *OFFICE_SUFFIXES})


def is_office(name: str | Path) -> bool:
    return Path(name).suffix.lower() in OFFICE_SUFFIXES


def is_uploadable(name: str | Path) -> bool:
    return Path(name).suffix.lower() in UPLOAD_SUFFIXES


def file_dialog_pattern() -> str:
    """"*.pdf *.docx …" for a file dialog's filter."""
    return " ".join(f"*{suffix}" for suffix in sorted(UPLOAD_SUFFIXES))
