"""The record of a meeting: who attended from where, the agenda with the time spent on each
item, every vote and its result, and the pages that were shown. Built by the server from what
it stored, written as JSON for archives and as the first pages of the record PDF."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from meeting.core.protocol import AgendaItem, DocumentInfo
from meeting.core.schema import Data
from meeting.core.votes import VoteData

RECORD_FORMAT = 1
"""The JSON record's own version, for archives that keep records over years."""


class Attendee(Data):
    name: str
    role: str
    places: tuple[str, ...]
    """"room", "remote" (the app), "browser": every place they were seen at."""
    first_seen: float


class AgendaTime(Data):
    id: int
    title: str
    started_at: float | None
    """When the presenter first took the item up (None: never)."""
    seconds: float
    """Time spent on it, summed over every time it was taken up."""


class ShownPage(Data):
    document_id: int
    document_title: str
    page: int
    """0-based, as everywhere in the protocol (the PDF says page + 1)."""
    first_shown_at: float


class MeetingRecord(Data):
    format: int = RECORD_FORMAT
    meeting_id: int
    title: str
    started_at: float | None
    """The first sign of the meeting: attendance, a page shown or an agenda item taken up."""
    ended_at: float | None
    exported_at: float
    exported_by: str
    attendees: tuple[Attendee, ...]
    agenda: tuple[AgendaTime, ...]
    votes: tuple[VoteData, ...]
    documents: tuple[DocumentInfo, ...]
    shown: tuple[ShownPage, ...]
    private_notes_of: str | None = None
    """Whose private notes the PDF carries ("their own copy"), or None: shared marks only."""


def attendees(rows: Iterable[tuple[str, str, str, float]]) -> tuple[Attendee, ...]:
    """(user, role, place, first seen) rows to one entry per person, in order of arrival."""
    people: dict[str, Attendee] = {}
    for name, role, place, first in sorted(rows, key=lambda r: r[3]):
        known = people.get(name)
        if known is None:
            people[name] = Attendee(name=name, role=role, places=(place,), first_seen=first)
        elif place not in known.places:
            people[name] = known.model_copy(update={"places": (*known.places, place)})
    return tuple(people.values())


def agenda_times(items: Sequence[AgendaItem], visits: Sequence[tuple[int, float]],
                 end: float) -> tuple[AgendaTime, ...]:
    """Each visit lasts until the next one (or `end`); an item's time is the sum."""
    spent: dict[int, float] = {}
    started: dict[int, float] = {}
    ordered = sorted(visits, key=lambda v: v[1])
    for (item_id, at), following in zip(ordered, [*ordered[1:], (None, end)][:len(ordered)],
                                        strict=True):
        spent[item_id] = spent.get(item_id, 0.0) + max(0.0, following[1] - at)
        started.setdefault(item_id, at)
    return tuple(AgendaTime(id=item.id, title=item.title, started_at=started.get(item.id),
                            seconds=spent.get(item.id, 0.0)) for item in items)


def shown_pages(history: Iterable[tuple[int, int, float]],
                documents: Sequence[DocumentInfo]) -> tuple[ShownPage, ...]:
    """Every (document, page) the room saw, once each, in the order first shown."""
    titles = {d.id: d.title for d in documents}
    seen: dict[tuple[int, int], ShownPage] = {}
    for document_id, page, at in sorted(history, key=lambda h: h[2]):
        if (document_id, page) not in seen and document_id in titles:
            seen[document_id, page] = ShownPage(document_id=document_id,
                                                document_title=titles[document_id],
                                                page=page, first_shown_at=at)
    return tuple(seen.values())
