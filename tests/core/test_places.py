"""In the room or remote: asked once per device and meeting, display accounts in the room."""

from __future__ import annotations

from meeting.core.places import PlaceMemory, starting_place
from meeting.core.presence import Place
from meeting.core.protocol import Role


def test_asked_once_then_remembered_per_server_and_meeting():
    store: dict[str, str] = {}
    memory = PlaceMemory(store)
    url = "https://meeting.example.lg.jp:8443"
    assert starting_place(Role.PARTICIPANT, memory.recall(url, 1), True) == (Place.REMOTE, True)
    memory.remember(url, 1, Place.ROOM)
    assert starting_place(Role.PARTICIPANT, memory.recall(url, 1), True) == (Place.ROOM, False)
    assert memory.recall(url, 2) is None
    assert memory.recall("https://other.example:8443", 1) is None
    assert PlaceMemory(store).recall(url, 1) is Place.ROOM  # (kept in the store)


def test_display_accounts_are_in_the_room_and_nothing_is_asked():
    assert starting_place(Role.DISPLAY, None, True) == (Place.ROOM, False)
    assert starting_place(Role.DISPLAY, Place.REMOTE, True) == (Place.ROOM, False)


def test_without_a_memory_nothing_is_asked():
    assert starting_place(Role.ORGANIZER, None, False) == (Place.REMOTE, False)


def test_a_garbled_entry_is_asked_again():
    memory = PlaceMemory({PlaceMemory.key("http://h:1", 3): "moon"})
    assert memory.recall("http://h:1", 3) is None
