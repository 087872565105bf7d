"""What an export contains: which documents, which layers. Decided here, without Qt or PyMuPDF,
so the dialog stays a thin view and the choice is testable on its own."""

from __future__ import annotations

from dataclasses import dataclass

from meeting.core.annotations import AnnotationData, Layer
from meeting.core.protocol import DocumentInfo
from meeting.core.sync import MeetingView


@dataclass(frozen=True)
class ExportChoice:
    whole_meeting: bool
    """Every document of the meeting in one PDF (the record), or only the one on screen."""
    layers: frozenset[Layer]


def documents_to_export(view: MeetingView, choice: ExportChoice, shown_document_id: int | None
                        ) -> list[DocumentInfo]:
    if choice.whole_meeting:
        return list(view.documents)
    document = view.document(shown_document_id) if shown_document_id is not None else None
    return [document] if document is not None else []


def marks_for(view: MeetingView, document_id: int, choice: ExportChoice, user: str
              ) -> list[AnnotationData]:
    """The chosen layers' marks on one document: the room's shared marks, and the user's own
    private notes (a view never holds anyone else's), in the order they were made."""
    return [a for a in view.snapshot.annotations
            if a.document_id == document_id and a.layer in choice.layers and a.points
            and a.unplaced is None
            and (a.layer is Layer.SHARED or a.owner == user)]


def suggested_file_name(title: str, label: str, untitled: str) -> str:
    """A file name from a title and a label in the user's language (" (with notes)",
    "（書き込み付き）"), without the characters file systems refuse."""
    cleaned = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in title).strip(" .")
    return f"{cleaned or untitled}{label}.pdf"
