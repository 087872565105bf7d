"""What an export is asked to write and what it wrote: plain values, no PyMuPDF, so the
client's GUI process can build and read them while the export runs in a worker process."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from meeting.core.annotations import AnnotationData


@dataclass(frozen=True)
class ExportPart:
    """One document of an export: its file, its title and the marks to write on it."""

    path: Path
    title: str
    annotations: Sequence[AnnotationData]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    written: int
    """Annotations written."""
    skipped: tuple[str, ...]
    """Ids of annotations whose page is not in the file (never silently: the caller says so)."""
