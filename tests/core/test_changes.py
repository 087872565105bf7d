"""Each change names what it touches: a stroke is marks only, a page turn is the page."""

from __future__ import annotations

from meeting.core.annotations import AnnotationChange
from meeting.core.changes import (
    EVERYTHING,
    ChangeKind,
    Part,
    parts_touched,
    touches_page,
    what_changed,
)
from meeting.core.protocol import AgendaChanged, AgendaItem, DocumentAdded, MeetingState
from meeting.core.sync import MeetingSync
from tests.core.test_sync import doc, snapshot, state


def _applied(change) -> frozenset[ChangeKind]:
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3))
    before = sync.view
    sync.apply(change)
    return what_changed(before, sync.view)


def stroke(seq: int) -> AnnotationChange:
    return AnnotationChange.model_validate({
        "meeting_id": 7, "seq": seq, "kind": "put", "annotation": {
            "id": "s1", "document_id": 1, "page": 0, "owner": "olga", "layer": "shared",
            "tool": "pen", "color": "#d93025", "width": 3.0, "points": [[1, 2], [3, 4]],
            "complete": False}})


def test_a_stroke_batch_is_marks_only():
    kinds = _applied(stroke(4))
    assert kinds == {ChangeKind.MARKS}
    assert not touches_page(kinds)


def test_a_page_turn_a_document_the_agenda_and_the_room():
    assert _applied(state(4, page=1)) == {ChangeKind.PAGE}
    assert _applied(DocumentAdded(meeting_id=7, seq=4, document=doc(2))) == {
        ChangeKind.DOCUMENTS}
    assert _applied(AgendaChanged(meeting_id=7, seq=4, items=(AgendaItem(id=1, title="a"),))
                    ) == {ChangeKind.AGENDA}
    held = MeetingState(**{**state(4).model_dump(), "locked": True})
    assert _applied(held) == {ChangeKind.ROOM}
    marked = MeetingState(**{**state(4).model_dump(), "watermark": True})
    assert _applied(marked) == {ChangeKind.PROTECTION}
    assert touches_page(frozenset({ChangeKind.ROOM}))


def test_a_first_view_is_everything_and_the_same_view_nothing():
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3))
    assert what_changed(None, sync.view) == EVERYTHING
    assert what_changed(sync.view, sync.view) == frozenset()


def test_each_part_is_updated_only_for_what_touches_it():
    assert parts_touched(frozenset({ChangeKind.MARKS})) == {Part.MARKS}
    turned = parts_touched(frozenset({ChangeKind.PAGE}))
    assert turned == {Part.PAGE, Part.DOCUMENTS, Part.CHAIR}  # (the list says where it is)
    assert Part.AGENDA not in turned and Part.PROTECTION not in turned
    assert parts_touched(frozenset({ChangeKind.AGENDA})) == {Part.AGENDA, Part.CHAIR}
    assert parts_touched(frozenset({ChangeKind.PROTECTION})) == {Part.PROTECTION}
    assert parts_touched(EVERYTHING) == frozenset(Part)
