"""The rules that decide a vote."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from meeting.core.votes import Majority, Outcome, VoteKind, VoteOpen, decide

YES_NO = VoteKind.YES_NO


@pytest.mark.parametrize(("majority", "yes", "no", "abstain", "outcome"), [
    (Majority.SIMPLE, 5, 4, 9, Outcome.PASSED),
    (Majority.SIMPLE, 4, 4, 0, Outcome.REJECTED),  # a tie is not a majority
    (Majority.TWO_THIRDS, 6, 3, 5, Outcome.PASSED),  # exactly two thirds of yes + no
    (Majority.TWO_THIRDS, 5, 3, 9, Outcome.REJECTED),
    (Majority.TWO_THIRDS, 0, 0, 4, Outcome.REJECTED),  # everyone abstained
    (Majority.ABSOLUTE, 5, 0, 0, Outcome.PASSED),  # 5 of 9 eligible
    (Majority.ABSOLUTE, 4, 0, 0, Outcome.REJECTED),  # the absent count against
])
def test_majorities(majority, yes, no, abstain, outcome):
    counts = {"yes": yes, "no": no, "abstain": abstain}
    assert decide(YES_NO, majority, None, 9, counts).outcome is outcome


def test_abstentions_count_for_the_quorum_only():
    counts = {"yes": 2, "no": 1, "abstain": 2}
    assert decide(YES_NO, Majority.SIMPLE, 5, 9, counts).outcome is Outcome.PASSED
    short = decide(YES_NO, Majority.SIMPLE, 6, 9, counts)
    assert short.outcome is Outcome.NO_QUORUM and not short.quorum_met


def test_a_choice_is_won_by_the_most_votes_and_a_tie_decides_nothing():
    counts = {"A案": 3, "B案": 2, "abstain": 4}
    chosen = decide(VoteKind.CHOICE, Majority.SIMPLE, None, 9, counts)
    assert (chosen.outcome, chosen.winner) == (Outcome.CHOSEN, "A案")
    tie = decide(VoteKind.CHOICE, Majority.SIMPLE, None, 9, {"A案": 3, "B案": 3, "abstain": 0})
    assert tie.outcome is Outcome.TIE and tie.winner is None


@pytest.mark.parametrize("options", [[], ["A"], ["A", "a"], ["A", "Abstain"]])
def test_a_choice_needs_two_distinct_real_options(options):
    with pytest.raises(ValidationError):
        VoteOpen(meeting_id=1, title="?", kind=VoteKind.CHOICE, options=options)


def test_a_yes_no_vote_takes_no_options():
    with pytest.raises(ValidationError):
        VoteOpen(meeting_id=1, title="?", options=["A", "B"])
