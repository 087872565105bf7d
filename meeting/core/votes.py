"""Votes: what a chair opens, what a member casts, and how the result is decided.

Pure rules, shared by the server (which decides), the clients (which show) and the record of
the meeting. Abstentions count towards the quorum but not towards a majority, as in most
standing orders: "two thirds" means two thirds of those voting yes or no.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from meeting.core.schema import Data, Event, Id, Message

YES, NO, ABSTAIN = "yes", "no", "abstain"


class VoteKind(StrEnum):
    YES_NO = "yes_no"
    """Yes, no or abstain on a motion."""
    CHOICE = "choice"
    """One of several options (or abstain); the option with the most votes wins."""


class Majority(StrEnum):
    SIMPLE = "simple"
    """More yes than no."""
    TWO_THIRDS = "two_thirds"
    """At least two thirds of the yes and no votes are yes."""
    ABSOLUTE = "absolute"
    """More yes than half of everyone eligible (absent members count against)."""


class VoteStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Outcome(StrEnum):
    PASSED = "passed"
    REJECTED = "rejected"
    CHOSEN = "chosen"
    TIE = "tie"
    NO_QUORUM = "no_quorum"


Option = Annotated[str, Field(min_length=1, max_length=100)]


class VoteOpen(Message):
    """`vote:open`: the chair (presenter, organizer) puts a question to the meeting."""

    event = Event.VOTE_OPEN

    meeting_id: Id
    title: Annotated[str, Field(min_length=1, max_length=300)]
    kind: Annotated[VoteKind, Field(strict=False)] = VoteKind.YES_NO
    options: Annotated[list[Option], Field(max_length=20, default_factory=list)]
    """For a choice: 2–20 distinct options (not "abstain", which every vote has)."""
    secret: bool = False
    """Who voted what is never stored nor shown; only the counts, and who has voted."""
    quorum: Annotated[int, Field(ge=1, le=100_000)] | None = None
    """Ballots (abstentions included) needed for the result to count."""
    majority: Annotated[Majority, Field(strict=False)] = Majority.SIMPLE
    agenda_item: Id | None = None

    @model_validator(mode="after")
    def _options_fit_the_kind(self) -> VoteOpen:
        if self.kind is VoteKind.CHOICE:
            folded = [o.strip().casefold() for o in self.options]
            if len(self.options) < 2 or len(set(folded)) != len(folded) or ABSTAIN in folded:
                raise ValueError("a choice needs 2 to 20 distinct options other than abstain")
        elif self.options:
            raise ValueError("a yes/no vote takes no options")
        return self


class VoteCast(Message):
    event = Event.VOTE_CAST

    meeting_id: Id
    vote_id: Id
    choice: Option


class VoteRef(Message):
    """A vote of a meeting: what `vote:close` and `vote:reopen` name."""

    meeting_id: Id
    vote_id: Id


class VoteClose(VoteRef):
    event = Event.VOTE_CLOSE


class VoteReopen(VoteRef):
    event = Event.VOTE_REOPEN


class VoteResult(Data):
    outcome: Outcome
    winner: str | None = None
    """The chosen option (a choice vote that was decided)."""
    quorum_met: bool = True


class VoteData(Data):
    """A vote as everyone in the meeting sees it (sent whole on every change)."""

    event = Event.VOTE

    id: Id
    meeting_id: Id
    version: int
    """Grows with every change: a client keeps the highest it has seen."""
    title: str
    kind: VoteKind
    options: tuple[str, ...]
    secret: bool
    quorum: int | None
    majority: Majority
    agenda_item: int | None
    status: VoteStatus
    eligible: tuple[str, ...]
    """Who may vote: the members (not display accounts) when the vote was opened."""
    voted: int = 0
    """How many ballots were cast."""
    voters: tuple[str, ...]
    """Who has voted: everyone, for a named vote. For a secret vote only the recipient, in
    their own reply or snapshot: a list of names sent to everyone beside counts that change
    live would tell who voted what."""
    counts: dict[str, int]
    """Ballots per choice, abstain included."""
    ballots: dict[str, str] | None = None
    """Named votes: who voted what. None for a secret vote."""
    opened_at: float
    closed_at: float | None = None
    result: VoteResult | None = None
    """Set once the vote is closed."""
    ballots_lost_at: float | None = None
    """A secret vote only: when the server restarted while it was open. Its ballots are kept
    in the server's memory until it closes (nothing on disk may link them to the voters), so
    those cast before then were lost: everyone eligible votes again."""


def choices(kind: VoteKind, options: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """What a ballot may say, in the order shown."""
    return (YES, NO, ABSTAIN) if kind is VoteKind.YES_NO else (*options, ABSTAIN)


def decide(kind: VoteKind, majority: Majority, quorum: int | None, eligible: int,
           counts: Mapping[str, int]) -> VoteResult:
    """The result of a closed vote."""
    cast = sum(counts.values())
    quorum_met = quorum is None or cast >= quorum
    if not quorum_met:
        return VoteResult(outcome=Outcome.NO_QUORUM, quorum_met=False)
    if kind is VoteKind.CHOICE:
        tallied = {o: n for o, n in counts.items() if o != ABSTAIN}
        best = max(tallied.values(), default=0)
        leaders = [o for o, n in tallied.items() if n == best]
        if best == 0 or len(leaders) > 1:
            return VoteResult(outcome=Outcome.TIE)
        return VoteResult(outcome=Outcome.CHOSEN, winner=leaders[0])
    yes, no = counts.get(YES, 0), counts.get(NO, 0)
    if majority is Majority.TWO_THIRDS:
        passed = yes > 0 and 3 * yes >= 2 * (yes + no)
    elif majority is Majority.ABSOLUTE:
        passed = yes > eligible / 2
    else:
        passed = yes > no
    return VoteResult(outcome=Outcome.PASSED if passed else Outcome.REJECTED)


def needed_to_pass(majority: Majority, eligible: int, yes: int, no: int) -> int:
    """Yes votes needed with this many no votes (for showing "passes at N")."""
    if majority is Majority.TWO_THIRDS:
        return max(1, math.ceil(2 * no))
    if majority is Majority.ABSOLUTE:
        return eligible // 2 + 1
    return no + 1
