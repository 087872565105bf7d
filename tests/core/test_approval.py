"""The rules of a circulation, without a server: steps in order, 合議 all or N, 回覧, send
back, pull back, delegates, and the refusals."""

from __future__ import annotations

import pytest

from meeting.core.approval import Circulation, approvals, route_steps
from meeting.core.approval_protocol import ActionKind, CirculationStatus, RouteStep, StepKind
from meeting.core.protocol import ErrorCode, ProtocolError

KNOWN = {name: True for name in ("drafter", "chief", "a", "b", "c", "director", "reader",
                                 "deputy")} | {"screen": False}


def circulation(*route: RouteStep) -> Circulation:
    steps = route or (RouteStep(members=["chief"]),
                      RouteStep(members=["a", "b", "c"], need=2),
                      RouteStep(members=["director"]))
    c = Circulation("drafter", route_steps(list(steps), KNOWN))
    c.apply(c.check_start("drafter", 1.0))
    return c


def act(c: Circulation, user: str, at: float = 2.0, **kw) -> None:
    c.apply(c.check_approve(user, at, **kw))


def refused(code: ErrorCode, call, *args, **kw) -> str:
    with pytest.raises(ProtocolError) as caught:
        call(*args, **kw)
    assert caught.value.code is code
    return caught.value.message


def test_steps_go_in_order_and_a_gougi_step_needs_two_of_three():
    c = circulation()
    assert c.standing().step == 0 and c.standing().waiting_for(c.steps, "drafter") == ("chief",)
    act(c, "chief")
    assert c.standing().step == 1
    act(c, "b", 3.0)
    assert c.standing().step == 1 and c.standing().waiting_for(c.steps, "drafter") == ("a", "c")
    act(c, "c", 4.0)
    assert c.standing().step == 2 and c.standing().since == 4.0
    act(c, "director", 5.0)
    assert c.standing().status is CirculationStatus.APPROVED
    assert [e.user for e in approvals(c.history)] == ["chief", "b", "c", "director"]


def test_a_step_without_need_waits_for_all():
    c = circulation(RouteStep(members=["a", "b"]))
    act(c, "a")
    assert c.standing().step == 0
    act(c, "b")
    assert c.standing().status is CirculationStatus.APPROVED


def test_a_read_step_only_confirms_reading():
    c = circulation(RouteStep(members=["chief"]), RouteStep(kind=StepKind.READ,
                                                            members=["reader"]))
    act(c, "chief")
    assert c.may("reader") == ("read",)
    refused(ErrorCode.FORBIDDEN, c.check_send_back, "reader", 3.0, None)
    entry = c.check_approve("reader", 3.0)
    assert entry.action is ActionKind.READ and entry.stamp is None
    c.apply(entry)
    assert c.standing().status is CirculationStatus.APPROVED


def test_out_of_turn_twice_and_strangers_are_refused():
    c = circulation()
    message = refused(ErrorCode.FORBIDDEN, c.check_approve, "director", 2.0)
    assert message == "It is not your turn: this circulation waits for chief."
    act(c, "chief")
    act(c, "a")
    assert refused(ErrorCode.CONFLICT, c.check_approve, "a", 3.0) == \
        "You have already acted at this step."
    refused(ErrorCode.FORBIDDEN, c.check_approve, "stranger", 3.0)


def test_send_back_to_the_first_step_clears_what_came_after_it():
    c = circulation()
    act(c, "chief")
    act(c, "a")
    act(c, "b")
    c.apply(c.check_send_back("director", 5.0, 0, comment="fix page 2"))
    standing = c.standing()
    assert standing.step == 0 and standing.done_by == ((), (), ())
    assert approvals(c.history) == []
    act(c, "chief", 6.0)
    assert c.standing().step == 1


def test_send_back_keeps_earlier_steps_and_refuses_a_later_step():
    c = circulation()
    act(c, "chief")
    act(c, "a")
    act(c, "b")
    refused(ErrorCode.INVALID_PAYLOAD, c.check_send_back, "director", 5.0, 2)
    c.apply(c.check_send_back("director", 5.0, 1))
    assert c.standing().done_by == (("chief",), (), ())
    assert [e.user for e in approvals(c.history)] == ["chief"]


def test_send_back_to_the_drafter_then_revise_and_start_again():
    c = circulation()
    refused(ErrorCode.CONFLICT, c.check_revise, "drafter", 2.0, 7)
    c.apply(c.check_send_back("chief", 2.0, None, comment="redo"))
    assert c.standing().status is CirculationStatus.RETURNED
    assert c.may("drafter") == ("start", "revise")
    refused(ErrorCode.FORBIDDEN, c.check_revise, "chief", 3.0, 7)
    c.apply(c.check_revise("drafter", 3.0, 7))
    c.apply(c.check_start("drafter", 4.0))
    assert c.standing().step == 0 and c.standing().done_by[0] == ()


def test_the_drafter_pulls_back_before_the_first_step_acted():
    c = circulation()
    assert "pull_back" in c.may("drafter")
    c.apply(c.check_pull_back("drafter", 2.0))
    assert c.standing().status is CirculationStatus.RETURNED


def test_an_approver_pulls_back_until_the_next_step_acts():
    c = circulation()
    act(c, "chief")
    c.apply(c.check_pull_back("chief", 3.0))
    assert c.standing().step == 0 and c.standing().done_by[0] == ()
    assert "pull_back" in c.may("drafter")  # nobody at step 0 has acted (any more)
    act(c, "chief", 4.0)
    act(c, "a", 5.0)  # a 合議 member acted: the chief can no longer pull back
    assert refused(ErrorCode.CONFLICT, c.check_pull_back, "chief", 6.0) == \
        "The next step has already acted: it can no longer be pulled back."
    c.apply(c.check_pull_back("a", 6.0))  # a takes back their own approval
    assert c.standing().done_by[1] == ()
    refused(ErrorCode.FORBIDDEN, c.check_pull_back, "b", 7.0)


def test_the_approver_who_completed_a_gougi_step_pulls_back_only_their_own():
    c = circulation()
    act(c, "chief")
    act(c, "a")
    act(c, "c")
    c.apply(c.check_pull_back("c", 4.0))
    assert c.standing().step == 1 and c.standing().done_by[1] == ("a",)
    assert [e.user for e in approvals(c.history)] == ["chief", "a"]


def test_a_delegate_acts_for_someone_who_named_them_and_is_recorded_as_such():
    c = circulation(RouteStep(members=["director"]))
    refused(ErrorCode.FORBIDDEN, c.check_approve, "deputy", 2.0, on_behalf_of="director")
    assert c.may("deputy", acting_for={"director"}) == ("approve", "send_back")
    entry = c.check_approve("deputy", 2.0, on_behalf_of="director", acting_for={"director"})
    assert (entry.user, entry.on_behalf_of) == ("deputy", "director")
    c.apply(entry)
    assert c.standing().status is CirculationStatus.APPROVED
    assert refused(ErrorCode.CONFLICT, c.check_approve, "director", 3.0) == \
        "This circulation is already approved."


def test_the_delegate_may_pull_back_what_they_did_for_someone():
    c = circulation(RouteStep(members=["director"]), RouteStep(members=["chief"]))
    c.apply(c.check_approve("deputy", 2.0, on_behalf_of="director", acting_for={"director"}))
    assert "pull_back" in c.may("deputy")
    entry = c.check_pull_back("deputy", 3.0)
    assert (entry.user, entry.on_behalf_of) == ("deputy", "director")
    c.apply(entry)
    assert c.standing().step == 0 and approvals(c.history) == []


@pytest.mark.parametrize(("route", "message"), [
    ([], "The route has no steps: add at least one person to approve."),
    ([RouteStep(members=["chief"]), RouteStep(members=[])],
     "Step 2 of the route has nobody: add at least one person."),
    ([RouteStep(members=["a", "b"], need=3)], "Step 1 needs 3 people but has 2."),
    ([RouteStep(members=["a", "a"])], "Step 1 of the route names someone twice."),
    ([RouteStep(members=["nobody"])], "No user named 'nobody'."),
    ([RouteStep(members=["screen"])], "screen is a display account and cannot approve."),
])
def test_a_bad_route_is_refused_with_a_message(route, message):
    assert refused(ErrorCode.INVALID_PAYLOAD, route_steps, route, KNOWN) == message


def test_only_the_drafter_starts_and_only_once():
    c = Circulation("drafter", route_steps([RouteStep(members=["chief"])], KNOWN))
    refused(ErrorCode.FORBIDDEN, c.check_start, "chief", 1.0)
    c.apply(c.check_start("drafter", 1.0))
    refused(ErrorCode.CONFLICT, c.check_start, "drafter", 2.0)
