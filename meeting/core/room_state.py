"""The room's state, told honestly: which one line the banner above the page says.

A participant must always know whether they are following, browsing, offline or alone. Offline
comes first (the page shown may be old, votes and marks for the room wait); a presenter who
left the meeting (closed it, or lost the connection long enough for the server to drop it)
is said at once, not hidden behind "following". The server's list of people in the meeting
decides who is here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Standing(StrEnum):
    OFFLINE = "offline"
    """No connection: reconnecting; what needs the server waits."""
    PRESENTING = "presenting"
    PRESENTER_AWAY = "alone"
    """Nobody presents, or the presenter is not in the meeting now: browse on your own."""
    HELD = "held"
    BROWSING = "browsing"
    FOLLOWING = "following"
    NO_MATERIAL = "empty"
    QUIET = ""
    """Nothing to say (no banner)."""


@dataclass(frozen=True)
class RoomFacts:
    online: bool
    is_presenter: bool
    presenter: str | None
    present: frozenset[str]
    """Who is in the meeting now (the server's presence list)."""
    has_shared_page: bool
    off_presenter: bool
    held: bool
    has_document: bool

    @property
    def presenter_here(self) -> bool:
        return self.presenter is not None and self.presenter in self.present


def standing(facts: RoomFacts) -> Standing:
    if not facts.online:
        return Standing.OFFLINE
    if facts.is_presenter:
        return Standing.PRESENTING
    if not facts.presenter_here and facts.has_document:
        return Standing.PRESENTER_AWAY
    if facts.off_presenter and facts.has_shared_page:
        return Standing.BROWSING
    if facts.held:
        return Standing.HELD
    if facts.has_shared_page:
        return Standing.FOLLOWING
    if not facts.has_document:
        return Standing.NO_MATERIAL
    return Standing.QUIET


class PresenterWatch:
    """Notices a presenter coming back (after leaving, or a new one taking over), so those who
    browsed meanwhile follow again."""

    def __init__(self) -> None:
        self._was_here: bool | None = None
        self._seen: set[str] = set()

    def returned(self, facts: RoomFacts) -> bool:
        """True once, when the presenter is here again after having been away."""
        if not facts.online:
            return False  # (offline says nothing about the presenter)
        here = facts.presenter_here
        if here and facts.presenter is not None:  # (here: there is a presenter)
            self._seen.add(facts.presenter)
        came_back = self._was_here is False and here
        self._was_here = here
        return came_back

    def has_left(self, facts: RoomFacts) -> bool:
        """The presenter was here and is not now (rather than not yet come)."""
        return facts.presenter in self._seen and not facts.presenter_here
