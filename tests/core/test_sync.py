"""Snapshot plus numbered changes: in order, duplicates dropped, gaps detected, early ones held."""

from __future__ import annotations

from meeting.core.protocol import (
    DocumentAdded,
    DocumentInfo,
    DocumentRevised,
    MeetingState,
    MeetingSummary,
    Snapshot,
)
from meeting.core.sync import MeetingSync, Outcome

SHA = "a" * 64


def doc(document_id: int, pages: int = 5) -> DocumentInfo:
    return DocumentInfo(id=document_id, sha256=SHA, title=f"d{document_id}",
                        filename=f"d{document_id}.pdf", pages=pages, size=100)


def state(seq: int, page: int = 0, document_id: int | None = 1,
          presenter: str | None = "olga") -> MeetingState:
    return MeetingState(meeting_id=7, seq=seq, document_id=document_id, page=page,
                        presenter=presenter)


def snapshot(seq: int, page: int = 0) -> Snapshot:
    return Snapshot(meeting=MeetingSummary(id=7, title="m", documents=1, presenter="olga"),
                    state=state(seq, page), documents=(doc(1),), members=())


def test_changes_apply_in_order_and_duplicates_are_ignored():
    sync = MeetingSync(7)
    assert sync.apply_snapshot(snapshot(3)) is Outcome.APPLIED
    assert sync.apply(state(4, page=1)) is Outcome.APPLIED
    assert sync.apply(state(4, page=1)) is Outcome.IGNORED
    assert sync.apply(state(2, page=9)) is Outcome.IGNORED
    assert sync.view.state.page == 1 and sync.last_seq == 4


def test_a_gap_is_kept_open_until_a_snapshot_closes_it():
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3))
    assert sync.apply(state(6, page=4)) is Outcome.EARLY
    assert sync.view.state.page == 0 and sync.gap_open  # nothing applied past the gap
    assert sync.apply_snapshot(snapshot(6, page=4)) is Outcome.APPLIED
    assert sync.view.state.page == 4 and not sync.gap_open


def test_a_change_that_comes_early_waits_for_the_one_before_it():
    """Two server processes: seq 5 (sent by the follower's own process) can overtake seq 4
    (committed first on the other, coming through Redis). Both apply, in order, with no
    snapshot asked for."""
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3))
    assert sync.apply(state(5, page=2)) is Outcome.EARLY
    assert sync.apply(state(4, page=1)) is Outcome.APPLIED
    assert sync.view.state.page == 2 and sync.last_seq == 5 and not sync.gap_open
    assert sync.apply(state(5, page=2)) is Outcome.IGNORED


def test_an_early_revision_still_asks_for_a_snapshot():
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3))
    revised = DocumentRevised(meeting_id=7, seq=5, document=doc(1), previous_sha256=SHA,
                              placed=0, unplaced=0)
    assert sync.apply(revised) is Outcome.NEED_SNAPSHOT


def test_changes_before_the_snapshot_are_held_then_applied():
    sync = MeetingSync(7)
    assert sync.apply(state(5, page=2)) is Outcome.HELD
    assert sync.apply(state(4, page=1)) is Outcome.HELD
    assert sync.apply_snapshot(snapshot(3)) is Outcome.APPLIED
    assert sync.view.state.page == 2 and sync.last_seq == 5


def test_held_change_beyond_a_gap_leaves_the_gap_open():
    sync = MeetingSync(7)
    sync.apply(state(9, page=2))
    assert sync.apply_snapshot(snapshot(3)) is Outcome.APPLIED
    assert sync.gap_open and sync.last_seq == 3


def test_an_older_snapshot_does_not_roll_back():
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3))
    sync.apply(state(4, page=3))
    assert sync.apply_snapshot(snapshot(3, page=0)) is Outcome.IGNORED
    assert sync.view.state.page == 3


def test_document_added_extends_the_list_and_advances_seq():
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3))
    added = DocumentAdded(meeting_id=7, seq=4, document=doc(2))
    assert sync.apply(added) is Outcome.APPLIED
    assert [d.id for d in sync.view.documents] == [1, 2]
    assert sync.view.snapshot.meeting.documents == 2
    assert sync.view.state.seq == 4


def test_other_meetings_changes_are_ignored():
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3))
    other = MeetingState(meeting_id=8, seq=4, document_id=1, page=3, presenter="x")
    assert sync.apply(other) is Outcome.IGNORED


def test_annotation_changes_build_up_strokes():
    from meeting.core.annotations import AnnotationChange, AnnotationData

    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3))
    stroke = AnnotationData(id="s" * 10, owner="olga", document_id=1, page=0, layer="shared",
                            tool="pen", color="#000000", width=2, points=((0, 0),),
                            complete=False)
    changes = [
        AnnotationChange(meeting_id=7, seq=4, kind="begin", annotation=stroke),
        AnnotationChange(meeting_id=7, seq=5, kind="points", id=stroke.id, offset=1,
                         points=((1, 1), (2, 2))),
        AnnotationChange(meeting_id=7, seq=6, kind="points", id=stroke.id, offset=2,
                         points=((2, 2), (3, 3))),  # overlaps what we have: only (3, 3) is new
        AnnotationChange(meeting_id=7, seq=7, kind="end", id=stroke.id),
    ]
    for change in changes:
        assert sync.apply(change) is Outcome.APPLIED
    (built,) = sync.view.annotations_on(1, 0)
    assert built.points == ((0, 0), (1, 1), (2, 2), (3, 3)) and built.complete
    assert sync.view.seq == 7
    private = AnnotationChange(meeting_id=7, seq=None, kind="delete", ids=(stroke.id,))
    assert sync.apply(private) is Outcome.APPLIED and sync.view.seq == 7
    assert sync.view.annotations_on(1, 0) == []
