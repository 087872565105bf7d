"""Who is in a meeting right now, where, and whether they follow the presenter.

Presence lives in the server's memory only (after a restart, clients rejoin and say it again).
Each connection that joined a meeting counts; one person with a tablet and a laptop is one
person with two devices, "following" if any device follows and "in the room" if any is there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from meeting.core.schema import Data, Event, Id, Message, UserName


class Place(StrEnum):
    """Where a device is: in the meeting room, remote in the app, or remote in a browser."""

    ROOM = "room"
    REMOTE = "remote"
    BROWSER = "browser"


NEAREST_FIRST = (Place.ROOM, Place.REMOTE, Place.BROWSER)
"""A person with several devices is where the nearest of them is."""


class PresenceSet(Message):
    """`presence:set`: what this device is doing."""

    event = Event.PRESENCE_SET

    meeting_id: Id
    following: bool
    place: Annotated[Place, Field(strict=False)]


class MemberRemove(Message):
    """`member:remove`: an organizer takes someone out of the meeting (uninvites them and
    closes what they have open of it)."""

    event = Event.MEMBER_REMOVE

    meeting_id: Id
    user: UserName


class MemberRemoved(Data):
    """`member:removed`: sent to the meeting just before the person leaves it."""

    event = Event.MEMBER_REMOVED

    meeting_id: int
    user: str
    by: str


class Person(Data):
    name: str
    role: str
    place: Place
    following: bool
    devices: int


class PresenceData(Data):
    """`presence`: everyone in the meeting now, sorted by name.

    `version` grows with every change the server records (within one run of the server): a
    client that handles messages on several threads keeps the list with the highest version.
    """

    event = Event.PRESENCE

    meeting_id: int
    people: tuple[Person, ...]
    version: int = 0


@dataclass
class Device:
    """One connection that joined a meeting."""

    name: str
    role: str
    place: Place
    following: bool


class Presence:
    """The server's record: meeting -> connection -> device. Not thread-safe: the server's
    event loop is its only user."""

    def __init__(self) -> None:
        self._meetings: dict[int, dict[str, Device]] = {}
        self.version = 0
        """Counts the changes: the newest `presence` list has the highest."""

    def join(self, meeting_id: int, sid: str, name: str, role: str) -> None:
        devices = self._meetings.setdefault(meeting_id, {})
        if sid not in devices:
            devices[sid] = Device(name, role, Place.ROOM if role == "display" else Place.REMOTE,
                                   True)
            self.version += 1

    def set(self, meeting_id: int, sid: str, following: bool, place: Place) -> bool:
        """False when the connection has not joined the meeting."""
        device = self._meetings.get(meeting_id, {}).get(sid)
        if device is None:
            return False
        device.following, device.place = following, place
        self.version += 1
        return True

    def leave(self, meeting_id: int, sid: str) -> bool:
        if self._meetings.get(meeting_id, {}).pop(sid, None) is None:
            return False
        self.version += 1
        return True

    def data(self, meeting_id: int) -> PresenceData:
        return PresenceData(meeting_id=meeting_id, people=self.people(meeting_id),
                            version=self.version)

    def connections(self, meeting_id: int, name: str) -> list[str]:
        """Every connection of one person in the meeting."""
        return [sid for sid, device in self._meetings.get(meeting_id, {}).items()
                if device.name == name]

    def devices(self, meeting_id: int) -> dict[str, Device]:
        """The meeting's connections (to this server process), by sid."""
        return dict(self._meetings.get(meeting_id, {}))

    def meetings(self) -> list[int]:
        """The meetings someone has joined (or had, since this process started)."""
        return list(self._meetings)

    def gone(self, sid: str) -> list[int]:
        """The connection closed: the meetings it was in."""
        return [meeting_id for meeting_id in list(self._meetings)
                if self.leave(meeting_id, sid)]

    def people(self, meeting_id: int) -> tuple[Person, ...]:
        return people_of(self._meetings.get(meeting_id, {}).values())


def people_of(devices: Iterable[Device]) -> tuple[Person, ...]:
    """Each person once, sorted by name, from their devices."""
    by_name: dict[str, list[Device]] = {}
    for device in devices:
        by_name.setdefault(device.name, []).append(device)
    return tuple(
        Person(name=name, role=devices[0].role,
               place=min((d.place for d in devices), key=NEAREST_FIRST.index),
               following=any(d.following for d in devices), devices=len(devices))
        for name, devices in sorted(by_name.items()))
