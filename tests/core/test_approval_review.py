"""The review's plain decisions: the binder's page numbers, the check points across documents,
each approver's marks as a layer, the date stamp's face and place, the route draft's checks."""

from __future__ import annotations

from datetime import date

from meeting.core.annotations import AnnotationData, Layer, Tool
from meeting.core.approval_binder import Binder, BinderDocument
from meeting.core.approval_protocol import StepData, StepKind
from meeting.core.approval_route import DraftStep, RouteDraft
from meeting.core.approval_stamp import STAMP_PT, column_slot, placed_at, stamp_face
from meeting.core.check_points import check_points, comment_anchor
from meeting.core.following import Position
from meeting.core.mark_layers import LayerVisibility

BINDER = Binder([BinderDocument(10, "request", 2), BinderDocument(11, "budget", 3),
                 BinderDocument(12, "drawing", 1)])


def mark(id_: str, owner: str, document: int, page: int, points, tool=Tool.MARKER,
         text: str = "", width: float = 14.0, **extra) -> AnnotationData:
    return AnnotationData(id=id_, owner=owner, document_id=document, page=page,
                          layer=Layer.SHARED, tool=tool, color="#fbbc04", width=width,
                          points=tuple(points), complete=True, text=text, **extra)


def test_the_binder_numbers_pages_through_its_documents_and_turns_across_them():
    assert BINDER.total_pages == 6
    assert BINDER.page(Position(11, 0)).through == 3
    assert BINDER.page(Position(12, 0)).document_index == 2
    assert BINDER.at(5) == Position(11, 2)
    assert BINDER.step(Position(10, 1), +1) == Position(11, 0)  # into the next document
    assert BINDER.step(Position(11, 0), -1) == Position(10, 1)  # back to the previous one
    assert BINDER.step(Position(12, 0), +1) == Position(12, 0)  # the binder's last page
    assert BINDER.at(0) == BINDER.first() == Position(10, 0)


def test_check_points_pair_each_marker_with_its_comment_and_run_in_binder_order():
    marks = [
        mark("m-drawing", "chief", 12, 0, [(50, 50), (200, 50)]),
        mark("m-budget-low", "chief", 11, 1, [(50, 400), (300, 400)]),
        mark("m-budget-high", "chief", 11, 1, [(50, 100), (300, 100)]),
        mark("n-high", "chief", 11, 1, [comment_anchor((43, 93, 307, 107))], Tool.TEXT,
             "金額の根拠は？", 12.0),
        mark("n-alone", "director", 10, 0, [(400, 700)], Tool.TEXT, "日付を確認", 12.0),
        mark("n-other-owner", "director", 11, 1, [(50, 410)], Tool.TEXT, "同意", 12.0),
        mark("m-moved", "chief", 10, 1, [(1, 1), (2, 2)], unplaced="the words are gone"),
    ]
    points = check_points(marks, BINDER.order_key)
    assert [(p.mark_id, p.note_ids) for p in points] == [
        (None, ("n-alone",)),  # document 1 first
        ("m-budget-high", ("n-high",)),  # then document 2, top of the page first
        ("m-budget-low", ()),
        (None, ("n-other-owner",)),  # (another approver's note is never this stroke's comment)
        ("m-drawing", ()),
    ]
    assert points[1].comment == "金額の根拠は？"
    assert points[1].rect == (43.0, 93.0, 307.0, 107.0)


def test_notes_go_to_the_nearest_marker_and_a_far_one_stands_alone():
    marks = [mark("upper", "chief", 10, 0, [(50, 100), (300, 100)]),
             mark("lower", "chief", 10, 0, [(50, 160), (300, 160)]),
             mark("first", "chief", 10, 0, [(50, 112)], Tool.TEXT, "first", 12.0),
             mark("second", "chief", 10, 0, [(320, 96)], Tool.TEXT, "second", 12.0),
             mark("far", "chief", 10, 0, [(50, 500)], Tool.TEXT, "far", 12.0),
             mark("blank", "chief", 10, 0, [(50, 170)], Tool.TEXT, " ", 12.0)]
    points = {p.mark_id or p.note_ids[0]: p for p in check_points(marks)}
    assert points["upper"].comment == "first\nsecond"  # both notes, in the order written
    assert points["lower"].note_ids == ()  # (a blank note is no comment)
    assert points["far"].mark_id is None and set(points) == {"upper", "lower", "far"}


def test_each_approvers_marks_are_a_layer_of_their_own():
    marks = [mark("a", "chief", 10, 0, [(1, 1)]), mark("b", "director", 10, 0, [(1, 1)])]
    visibility = LayerVisibility().with_owner("chief", False)
    assert [m.id for m in visibility.visible(marks)] == ["b"]
    assert visibility.with_layer(Layer.PRIVATE, False).hidden_owners == {"chief"}  # kept
    assert [m.id for m in visibility.with_owner("chief", True).visible(marks)] == ["a", "b"]


def test_the_date_stamp_says_section_date_and_name_and_stays_on_the_page():
    face = stamp_face(" 山田 ", "総務課", date(2026, 12, 1))
    assert (face.section, face.date_text, face.name) == ("総務課", "'26.12.01", "山田")
    assert placed_at((300, 400), (595, 842)) == (273.0, 373.0, 327.0, 427.0)
    assert placed_at((590, 2), (595, 842)) == (595 - STAMP_PT, 0.0, 595.0, STAMP_PT)
    first, second = column_slot(0, (595, 842)), column_slot(1, (595, 842))
    assert first[2] == 595 - 24 and first[1] == 24  # top right
    assert second[2] < first[0]  # the next step's slot to its left
    assert column_slot(20, (595, 842))[1] > first[3]  # a long route wraps to a second row


def test_the_route_draft_says_what_is_wrong_before_it_is_sent():
    assert "no steps" in RouteDraft().problem()
    draft = RouteDraft().add_step().add_member(0, "chief")
    assert draft.problem() is None
    assert "Step 2 of the route has nobody" in draft.add_step().problem()
    group = draft.add_step(DraftStep(members=("a", "b", "c"), need=2))
    group = group.add_step(DraftStep(StepKind.READ, ("all-staff",)))
    assert group.problem() is None
    group = group.with_step(1, label="合議 ")
    assert group.payload() == [
        {"kind": "approve", "members": ["chief"], "need": None, "label": ""},
        {"kind": "approve", "members": ["a", "b", "c"], "need": 2, "label": "合議"},
        {"kind": "read", "members": ["all-staff"], "need": None, "label": ""}]
    assert RouteDraft.from_payload(group.payload()).payload() == group.payload()
    kept = (StepData(index=0, kind="approve", members=("chief",), need=1, label="課長"),
            StepData(index=1, kind="approve", members=("a", "b", "c"), need=3))
    assert RouteDraft.of_route(kept).payload() == [
        {"kind": "approve", "members": ["chief"], "need": None, "label": "課長"},
        {"kind": "approve", "members": ["a", "b", "c"], "need": None, "label": ""}]
    assert "needs 4 people but has 3" in group.with_step(1, need=4).problem()
    assert group.remove_member(1, "c").remove_member(1, "b").steps[1].need is None
    moved = group.move_step(2, -1)
    assert [s.kind for s in moved.steps] == ["approve", "read", "approve"]
    assert group.move_step(0, -1) == group


def test_a_pane_of_the_review_turns_through_the_binder():
    from meeting.core.approval_binder import BinderCursor

    cursor = BinderCursor(BINDER)
    assert cursor.shown == Position(10, 0) and not cursor.is_presenter
    assert cursor.step(+2) == Position(11, 0)
    assert cursor.go_to(Position(12, 5)) == Position(12, 0)  # clamped to the document
    assert BinderCursor(Binder([])).shown is None


def summary(id_: int, step: int | None = 0, status: str = "circulating",
            waiting: tuple[str, ...] = ("paul",)):
    from meeting.core.approval_protocol import CirculationSummary

    return CirculationSummary(id=id_, meeting_id=100 + id_, title=f"c{id_}", drafter="olga",
                              status=status, step=step, waiting_for=waiting, since=0.0,
                              documents=1, updated_at=0.0)


def test_the_inbox_counts_and_announces_only_what_is_new():
    from meeting.core.approval_inbox import InboxCounts, arrivals, concerns_me, counts
    from meeting.core.approval_protocol import ApprovalInbox

    first = ApprovalInbox(waiting=(summary(1),), sent=(summary(2), summary(3)), done=())
    assert counts(first) == InboxCounts(1, 2, 0) and counts(None) == InboxCounts()
    assert arrivals(None, first) == []  # the first look: counted, not announced
    later = ApprovalInbox(waiting=(summary(1), summary(4)), sent=(), done=())
    assert [s.id for s in arrivals(first, later)] == [4]
    back_again = ApprovalInbox(waiting=(summary(1, step=None, status="returned"),), sent=(),
                               done=())
    assert [s.id for s in arrivals(first, back_again)] == [1]  # sent back to me: new
    assert concerns_me(summary(5), "paul") and not concerns_me(summary(5), "pia")
    assert not concerns_me(summary(6, status="approved"), "paul")


def test_names_are_split_by_spaces_and_commas_of_either_script():
    from meeting.core.approval_route import split_names

    assert split_names(" a1, a2、a3，a1  b ") == ("a1", "a2", "a3", "b")
