"""Follow the presenter or browse freely: what a viewer shows and what a page turn means.

A participant in follow mode shows the presenter's page. Turning a page on their own leaves follow
mode (browsing); one call brings them back. The presenter's own turns are sent to the server, which
makes them the meeting's shared page. The widgets ask this model; they decide nothing themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from meeting.core.protocol import DocumentInfo
from meeting.core.sync import MeetingView


@dataclass(frozen=True)
class Position:
    document_id: int
    page: int


class PaneModel:
    """What every pane that can follow the presenter or browse has: the user, the meeting's
    latest view, this viewer's own position, and page steps within a document."""

    def __init__(self, user: str) -> None:
        self.user = user
        self.following = True
        self._own: Position | None = None
        self._view: MeetingView | None = None

    @property
    def is_presenter(self) -> bool:
        return self._view is not None and self._view.state.presenter == self.user

    @property
    def shown(self) -> Position | None:
        raise NotImplementedError

    def step(self, delta: int) -> Position | None:
        """The position `delta` pages from the shown one, clamped to the document."""
        shown = self.shown
        if shown is None:
            return None
        return self._clamp(Position(shown.document_id, shown.page + delta))

    def follow_presenter(self) -> None:
        self.following = True
        self._own = None

    def document(self, document_id: int) -> DocumentInfo | None:
        return self._view.document(document_id) if self._view else None

    def _clamp(self, position: Position) -> Position | None:
        return clamp(self._view, position)


class FollowModel(PaneModel):
    """One viewer's position in one meeting, for the user named `user`."""

    def update(self, view: MeetingView | None) -> None:
        """Take the meeting's latest state (after a snapshot or change)."""
        was_presenter = self.is_presenter
        own = self._own
        revised = own is not None and self._revised(self._view, view, own.document_id)
        self._view = view
        shared = self.shared
        if revised and own is not None and shared is not None and \
                shared.document_id == own.document_id:
            self._own = shared  # its pages moved: the server mapped the room's page
        if self._own is not None and self._clamp(self._own) is None:
            self._own = None  # the document we were browsing is gone
        if self.is_presenter and not was_presenter:
            self._own = self.shared  # a new presenter starts from the room's page
        if self.held:
            self.follow_presenter()  # the presenter holds everyone on the room's page

    @staticmethod
    def _revised(old: MeetingView | None, new: MeetingView | None, document_id: int) -> bool:
        """The document was replaced by a revised version between the two views."""
        before = old.document(document_id) if old else None
        after = new.document(document_id) if new else None
        return before is not None and after is not None and before.sha256 != after.sha256

    @property
    def shared(self) -> Position | None:
        """The presenter's position, if there is a presenter and a current document."""
        if self._view is None or self._view.state.document_id is None:
            return None
        return self._clamp(Position(self._view.state.document_id, self._view.state.page))

    @property
    def shown(self) -> Position | None:
        """What this viewer shows now.

        The presenter sees their own turns at once, before the server's echo (which then agrees).
        """
        if self.is_presenter and self._own is not None:
            return self._own
        if (self.following or self.is_presenter) and self.shared is not None:
            return self.shared
        if self._own is not None:
            return self._own
        if self.shared is not None:
            return self.shared
        documents = self._view.documents if self._view else ()
        return Position(documents[0].id, 0) if documents else None

    @property
    def held(self) -> bool:
        """The presenter holds the followers on the room's page: this viewer may not browse."""
        return (self._view is not None and self._view.state.locked and not self.is_presenter
                and self.shared is not None)

    @property
    def zoom(self) -> tuple[float, float, float, float] | None:
        """The region of the page the room looks at, when this viewer shows the room's page."""
        if self._view is None or self.is_presenter or self.shown != self.shared:
            return None
        return self._view.state.zoom

    @property
    def off_presenter(self) -> bool:
        """True when a presenter is showing something else than this viewer."""
        shared = self.shared
        return shared is not None and not self.is_presenter and self.shown != shared

    def go_to(self, target: Position) -> Position | None:
        """A page turn or document switch by this user.

        Returns the position to send to the server as the new shared page when this user is the
        presenter; otherwise the viewer leaves follow mode (if the target differs from the
        presenter's page) and None is returned.
        """
        clamped = self._clamp(target)
        if clamped is None:
            return None
        if self.is_presenter:
            self._own = clamped
            return clamped if clamped != self.shared else None
        if self.held:
            return None  # held on the room's page for a moment that needs everyone's eyes
        self._own = clamped
        self.following = clamped == self.shared
        return None



def clamp(view: MeetingView | None, position: Position) -> Position | None:
    """The position moved onto a page its document has; None when the meeting has no such
    document (any more)."""
    document = view.document(position.document_id) if view else None
    if document is None:
        return None
    return Position(document.id, max(0, min(position.page, document.pages - 1)))
