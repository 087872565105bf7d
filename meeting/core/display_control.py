"""The large monitor driven from itself: on a single screen (a laptop mirrored to the room's
monitor) the display window covers the presenter's own window, so the presenter turns the
room's pages right there, with keys, clicks and swipes. Anyone else only watches."""

from __future__ import annotations

from meeting.core.following import Position, clamp
from meeting.core.sync import MeetingView

BACK_SHARE = 1 / 3
"""A click on the left third of the screen goes back a page; anywhere else, forward."""
HINT_SECONDS = 4
"""How long "Esc to return" stays on screen after the display opens (or the mouse moves)."""


def display_turn(view: MeetingView | None, user: str, delta: int) -> Position | None:
    """The room's page `delta` pages on, when `user` presents; None when there is nothing to
    do (not the presenter, no page, already at the end)."""
    if view is None or view.state.presenter != user or view.state.document_id is None:
        return None
    here = Position(view.state.document_id, view.state.page)
    target = clamp(view, Position(here.document_id, here.page + delta))
    return target if target is not None and target != here else None


def click_step(x_share: float) -> int:
    """-1 or +1 for a click at this share of the screen's width (0 left, 1 right)."""
    return -1 if x_share < BACK_SHARE else +1
