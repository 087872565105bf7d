"""The record's arithmetic: time per agenda item, attendees by place, pages shown once."""

from __future__ import annotations

from meeting.core.protocol import AgendaItem, DocumentInfo
from meeting.core.record import agenda_times, attendees, shown_pages

ITEMS = [AgendaItem(id=1, title="開会"), AgendaItem(id=2, title="予算"),
         AgendaItem(id=3, title="閉会")]


def test_time_per_item_sums_every_visit_until_the_next_or_the_end():
    times = agenda_times(ITEMS, [(1, 100.0), (2, 160.0), (1, 400.0), (2, 430.0)], end=500.0)
    assert [(t.id, t.started_at, t.seconds) for t in times] == [
        (1, 100.0, 60.0 + 30.0), (2, 160.0, 240.0 + 70.0), (3, None, 0.0)]
    assert [t.seconds for t in agenda_times(ITEMS, [], end=5.0)] == [0.0, 0.0, 0.0]


def test_attendees_once_each_with_every_place_in_order_of_arrival():
    people = attendees([("paul", "participant", "remote", 20.0),
                        ("olga", "organizer", "room", 10.0),
                        ("paul", "participant", "room", 30.0)])
    assert [(p.name, p.places, p.first_seen) for p in people] == [
        ("olga", ("room",), 10.0), ("paul", ("remote", "room"), 20.0)]


def test_pages_shown_once_in_the_order_first_shown_and_only_known_documents():
    documents = [DocumentInfo(id=7, sha256="0" * 64, title="資料", filename="a.pdf", pages=9,
                              size=1)]
    shown = shown_pages([(7, 2, 30.0), (7, 0, 10.0), (7, 2, 50.0), (99, 0, 60.0)], documents)
    assert [(s.page, s.first_shown_at) for s in shown] == [(0, 10.0), (2, 30.0)]
