"""What the signing needs to know about an approved circulation, as plain data.

The approval events build a `SignedCirculation` from the store and hand it to
`produce_signed_pdfs(authority, circulation, out_dir)`, which runs off the event loop. Nothing
here touches the database, PyMuPDF or pyHanko, so the dataclasses cross a process boundary as
they are (they pickle) and tests build them by hand.

Coordinates are those of the marks (`meeting.core.annotations`): PDF points on the page as
shown (rotation applied, origin top-left); pages count from 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from meeting.core.annotations import AnnotationData

Rect = tuple[float, float, float, float]
"""x0, y0, x1, y1 in page points as shown."""


@dataclass(frozen=True)
class SignedDocument:
    """One document of the circulation, in the order shown to the approvers."""

    id: int
    """The document's id in the circulation's container; placements and comments name it."""
    path: Path
    """Its current PDF (the last revision), read only: the signed copy is written elsewhere."""
    title: str


@dataclass(frozen=True)
class StampPlacement:
    """Where an approver put their date stamp (日付印)."""

    document: int
    """A `SignedDocument.id`."""
    page: int
    rect: Rect


@dataclass(frozen=True)
class CheckPointComment:
    """A check point an approver marked, with what they wrote at it."""

    document: int
    """A `SignedDocument.id`."""
    page: int
    rect: Rect
    """The marked place (the marker's bounds); the words under it are highlighted."""
    text: str


@dataclass(frozen=True)
class SignedApproval:
    """One person's approval, in the order they approved; each becomes one signature.

    A 合議 step approved by two of its three members gives two approvals with the same step.
    """

    step: int
    """The route's step, from 0."""
    user: str
    """The account that approved (its certificate signs); for a delegate, the delegate."""
    display_name: str
    """The name on the stamp and in the signature."""
    section: str
    """The section (課) on the stamp; may be empty."""
    role: str
    """What they signed as (e.g. 課長, or the step's name): the signature's reason."""
    time: datetime
    """When they approved (timezone aware): the date on the stamp."""
    on_behalf_of: str | None = None
    """The display name of the absent approver a delegate acted for, or None."""
    stamp: StampPlacement | None = None
    """Where the stamp goes; None: the stamp column at the top right of each first page."""
    comments: tuple[CheckPointComment, ...] = ()
    """This approver's check points with their comments."""
    marks: tuple[AnnotationData, ...] = ()
    """Other marks of this approver's layer (pen, marker, shapes, typed notes) to keep as
    annotations; optional."""
    comment: str = ""
    """The comment given with the decision (it goes in the history)."""


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the circulation's history: who did what when, with their comment."""

    time: datetime
    user: str
    display_name: str
    action: str
    """`start`, `approve`, `read`, `send_back`, `pull_back`, `revise`, … as the server names it."""
    step: int | None = None
    comment: str = ""
    on_behalf_of: str | None = None


@dataclass(frozen=True)
class SignedCirculation:
    id: int
    title: str
    drafter: str
    """The drafter's display name (for the history page)."""
    documents: tuple[SignedDocument, ...]
    approvals: tuple[SignedApproval, ...]
    """In the order they happened (the signing order)."""
    history: tuple[HistoryEntry, ...] = field(default=())
