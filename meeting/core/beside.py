"""The second pane: a document beside the page (a report and its reference).

The presenter opens it for the room (`beside:set`); a participant follows it like the page, or
opens, turns and closes their own, and comes back to the presenter's. Like `FollowModel`, the
widgets ask this model and decide nothing themselves.
"""

from __future__ import annotations

from meeting.core.following import PaneModel, Position
from meeting.core.sync import MeetingView


class BesideModel(PaneModel):
    """One viewer's second pane in one meeting, for the user named `user`.

    `_own` is, for the presenter, what the room's second pane shows (None: closed) ahead of the
    server's echo; for a participant browsing, their own choice (None: closed).
    """

    def update(self, view: MeetingView | None) -> None:
        was_presenter = self.is_presenter
        self._view = view
        if self._own is not None and self._clamp(self._own) is None:
            self._own = None  # its document is gone
        if self.is_presenter and not was_presenter:
            self._own = self.shared  # a new presenter takes over the room's second pane
        if self.held:
            self.follow_presenter()

    @property
    def shared(self) -> Position | None:
        """The presenter's second document and page, if they show one."""
        beside = self._view.state.beside if self._view else None
        if beside is None:
            return None
        return self._clamp(Position(beside.document_id, beside.page))

    @property
    def held(self) -> bool:
        """The presenter holds everyone on the room's pages: no browsing here either."""
        return (self._view is not None and self._view.state.locked and not self.is_presenter)

    @property
    def shown(self) -> Position | None:
        """What the pane shows; None: the pane is closed."""
        if self.is_presenter or not self.following:
            return self._clamp(self._own) if self._own else None
        return self.shared

    @property
    def off_presenter(self) -> bool:
        """The presenter shows a second document and this pane shows something else."""
        return not self.is_presenter and self.shared is not None and self.shown != self.shared

    def go_to(self, target: Position | None) -> tuple[bool, Position | None]:
        """Open, turn or close (`None`) the pane.

        Returns whether to tell the server (the presenter changes the room's pane) and what to
        tell it. A participant who is held on the room's pages changes nothing.
        """
        clamped = self._clamp(target) if target is not None else None
        if target is not None and clamped is None:
            return False, None
        if self.is_presenter:
            changed = clamped != self._own
            self._own = clamped
            return changed, clamped
        if self.held:
            return False, None
        self._own = clamped
        self.following = clamped is not None and clamped == self.shared
        return False, None
