"""Where each person is, asked once per device and meeting: in the room or remote.

Everyone used to be "remote" until they found an unlabelled combo box, so the people list and
the record of the meeting (attendance by place) were wrong for the room. A device now asks on
its first join of a meeting and remembers the answer; display accounts are in the room.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from urllib.parse import urlsplit

from meeting.core.presence import Place
from meeting.core.protocol import Role

ASKABLE = (Place.ROOM, Place.REMOTE)
"""What the app can be (a browser is `Place.BROWSER` by itself)."""


class PlaceMemory:
    """Remembered answers, per server and meeting, in a store of strings (the app's settings)."""

    def __init__(self, store: MutableMapping[str, str]) -> None:
        self._store = store

    @staticmethod
    def key(server_url: str, meeting_id: int) -> str:
        host = urlsplit(server_url).netloc or server_url
        return f"places/{host.replace('/', '_')}/{meeting_id}"

    def recall(self, server_url: str, meeting_id: int) -> Place | None:
        value = self._store.get(self.key(server_url, meeting_id))
        return Place(value) if value in {p.value for p in ASKABLE} else None

    def remember(self, server_url: str, meeting_id: int, place: Place) -> None:
        self._store[self.key(server_url, meeting_id)] = place.value


def starting_place(role: Role, remembered: Place | None, can_ask: bool) -> tuple[Place, bool]:
    """Where a device starts in a meeting, and whether to ask the user."""
    if role is Role.DISPLAY:
        return Place.ROOM, False  # a large monitor is in the room
    if remembered is not None:
        return remembered, False
    return Place.REMOTE, can_ask
