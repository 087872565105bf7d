"""A circulation's documents as one binder: pages numbered through, turning across documents.

An approver reads a set of documents as a paper binder: page 7 of the binder is page 2 of the
second document. The review window turns pages with this and labels them both ways.
"""

from __future__ import annotations

from dataclasses import dataclass

from meeting.core.following import Position


@dataclass(frozen=True)
class BinderDocument:
    id: int
    title: str
    pages: int


@dataclass(frozen=True)
class BinderPage:
    """Where a page sits: its document's place in the binder (0-based), its page in that
    document, and its number through the binder (1-based, as printed on a binder's tabs)."""

    document_index: int
    position: Position
    through: int


class Binder:
    def __init__(self, documents: list[BinderDocument]) -> None:
        self.documents = list(documents)
        self._first: dict[int, int] = {}
        total = 0
        for document in self.documents:
            self._first[document.id] = total
            total += document.pages
        self.total_pages = total

    def index_of(self, document_id: int) -> int:
        return next(i for i, d in enumerate(self.documents) if d.id == document_id)

    def page(self, position: Position) -> BinderPage:
        return BinderPage(self.index_of(position.document_id), position,
                          self._first[position.document_id] + position.page + 1)

    def at(self, through: int) -> Position:
        """The page numbered `through` (1-based, clamped to the binder)."""
        through = max(1, min(through, self.total_pages))
        for document in self.documents:
            first = self._first[document.id]
            if through <= first + document.pages:
                return Position(document.id, through - first - 1)
        raise ValueError("an empty binder has no pages")

    def step(self, position: Position, delta: int) -> Position:
        """`delta` pages on, into the next or previous document at its edges."""
        return self.at(self.page(position).through + delta)

    def first(self) -> Position:
        return self.at(1)

    def order_key(self, document_id: int, page: int) -> tuple[int, int]:
        """Sorts pages as the binder has them (documents not in it last)."""
        if document_id not in self._first:
            return (len(self.documents), page)
        return (self.index_of(document_id), page)


class BinderCursor:
    """Where a pane of the review stands in the binder (what the ink controller draws on): it
    never presents, so it erases only its user's own marks."""

    is_presenter = False

    def __init__(self, binder: Binder) -> None:
        self.binder = binder
        self.shown: Position | None = binder.first() if binder.total_pages else None

    def go_to(self, position: Position) -> Position:
        document = next(d for d in self.binder.documents if d.id == position.document_id)
        self.shown = Position(document.id, max(0, min(position.page, document.pages - 1)))
        return self.shown

    def step(self, delta: int) -> Position | None:
        if self.shown is not None:
            self.shown = self.binder.step(self.shown, delta)
        return self.shown
