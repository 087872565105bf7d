"""The rules of approval (決裁): where a circulation stands, whose turn it is, and what each
action does to it.

Pure: a circulation is its route and its history (every action, oldest first); where it
stands is worked out by replaying the history, so what is stored is only what happened and
the same rules answer the server (which decides), the inbox and the history page. Each
`check_*` refuses an action with a ProtocolError whose message is for people (with its
Japanese in `meeting.core.messages`), or returns the history entry to store.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from meeting.core.approval_protocol import (
    ActionKind,
    CirculationStatus,
    HistoryEntry,
    Permission,
    RouteStep,
    StampPlacement,
    StepData,
    StepKind,
)
from meeting.core.schema import ErrorCode, ProtocolError


@dataclass(frozen=True)
class Step:
    kind: StepKind
    members: tuple[str, ...]
    need: int
    """How many of `members` must act (all of them unless the route said fewer)."""
    label: str = ""


def route_steps(route: Sequence[RouteStep], known: Mapping[str, bool]) -> tuple[Step, ...]:
    """The route as steps, or a refusal saying what is wrong with it. `known` maps each user
    name that exists to whether it may act (False: a display account)."""
    if not route:
        raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                            "The route has no steps: add at least one person to approve.")
    for number, step in enumerate(route, start=1):
        if not step.members:
            raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                f"Step {number} of the route has nobody: add at least one person.")
        for name in step.members:
            if name not in known:
                raise ProtocolError(ErrorCode.INVALID_PAYLOAD, f"No user named {name!r}.")
            if not known[name]:
                raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                    f"{name} is a display account and cannot approve.")
        if len(set(step.members)) != len(step.members):
            raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                f"Step {number} of the route names someone twice.")
        need = len(step.members) if step.need is None else step.need
        if need > len(step.members):
            raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                f"Step {number} needs {need} people but has {len(step.members)}.")
    return as_steps(route)


def as_steps(route: Sequence[RouteStep]) -> tuple[Step, ...]:
    """A route already checked (stored) as steps."""
    return tuple(Step(s.kind, tuple(s.members), len(s.members) if s.need is None else s.need,
                      s.label) for s in route)


@dataclass(frozen=True)
class Standing:
    """Where a circulation stands after its history."""

    status: CirculationStatus
    step: int | None
    """The current step (while circulating)."""
    done_by: tuple[tuple[str, ...], ...]
    """Per step, who acted in the current round (the people of the step, not delegates)."""
    since: float
    """When it got to where it stands."""
    sender: tuple[str, ...] = ()
    """Who sent it to the current step (the drafter, or whoever completed the step before):
    who may pull it back. The person acted for and their delegate both count."""

    def waiting_for(self, steps: Sequence[Step], drafter: str) -> tuple[str, ...]:
        if self.status in (CirculationStatus.DRAFT, CirculationStatus.RETURNED):
            return (drafter,)
        if self.step is None:
            return ()
        return tuple(m for m in steps[self.step].members if m not in self.done_by[self.step])


_WHERE_IT_IS = {
    CirculationStatus.DRAFT: "This circulation has not been started yet.",
    CirculationStatus.CIRCULATING: "This circulation is already on its way.",
    CirculationStatus.RETURNED: "This circulation is back with its drafter.",
    CirculationStatus.APPROVED: "This circulation is already approved.",
}
"""Why an action does not fit where the circulation is."""


def _people(entry: HistoryEntry) -> tuple[str, ...]:
    return (entry.user,) if entry.on_behalf_of is None else (entry.on_behalf_of, entry.user)


@dataclass
class Circulation:
    """A circulation's route and history, and the rules for the next action."""

    drafter: str
    steps: tuple[Step, ...]
    history: list[HistoryEntry] = field(default_factory=list)
    created_at: float = 0.0

    # --- where it stands -------------------------------------------------------------------

    def standing(self) -> Standing:
        status, step, since = CirculationStatus.DRAFT, None, self.created_at
        done: list[list[str]] = [[] for _ in self.steps]
        arrived: list[tuple[str, ...]] = [() for _ in self.steps]
        """Per step: who sent it there (who may pull it back); nobody after a send-back."""
        for entry in self.history:
            kind = entry.action
            if kind is ActionKind.STARTED:
                status, step, since = CirculationStatus.CIRCULATING, 0, entry.at
                done = [[] for _ in self.steps]
                arrived = [(entry.user,)] + [() for _ in self.steps[1:]]
            elif kind in (ActionKind.APPROVED, ActionKind.READ) and step is not None:
                done[step].append(entry.on_behalf_of or entry.user)
                if len(done[step]) >= self.steps[step].need:
                    since = entry.at
                    step += 1
                    if step == len(self.steps):
                        status, step = CirculationStatus.APPROVED, None
                    else:
                        arrived[step] = _people(entry)
            elif kind is ActionKind.SENT_BACK:
                since = entry.at
                if entry.to_step is None:
                    status, step = CirculationStatus.RETURNED, None
                    done = [[] for _ in self.steps]
                else:
                    step = entry.to_step
                    for later in range(entry.to_step, len(self.steps)):
                        done[later], arrived[later] = [], ()
            elif kind is ActionKind.PULLED_BACK and step is not None:
                since = entry.at
                mine = entry.on_behalf_of or entry.user
                if mine in done[step]:  # a 合議 member takes back their own approval
                    done[step].remove(mine)
                elif step == 0:  # the drafter takes it back
                    status, step = CirculationStatus.RETURNED, None
                else:  # the one who completed the step before takes it back
                    arrived[step] = ()
                    step -= 1
                    done[step].remove(mine)
        sender = arrived[step] if step is not None else ()
        return Standing(status, step, tuple(tuple(d) for d in done), since, sender)

    def on_route(self) -> frozenset[str]:
        """Everyone who reads the circulation: the drafter and every step's people."""
        return frozenset({self.drafter, *(m for s in self.steps for m in s.members)})

    def step_data(self) -> tuple[StepData, ...]:
        standing = self.standing()
        return tuple(StepData(index=i, kind=s.kind, members=s.members, need=s.need,
                              done_by=standing.done_by[i], label=s.label)
                     for i, s in enumerate(self.steps))

    def may(self, user: str, acting_for: Collection[str] = ()) -> tuple[Permission, ...]:
        """What `user` may do now (`acting_for`: the people who named them delegate)."""
        standing = self.standing()
        allowed: list[Permission] = []
        if user == self.drafter and standing.status in (CirculationStatus.DRAFT,
                                                        CirculationStatus.RETURNED):
            allowed.append(Permission.START)
            if standing.status is CirculationStatus.RETURNED:
                allowed.append(Permission.REVISE)
        if self.acts_for(user, acting_for):
            step = self.steps[standing.step or 0]
            allowed.extend((Permission.READ,) if step.kind is StepKind.READ
                           else (Permission.APPROVE, Permission.SEND_BACK))
        if self._may_pull_back(user, standing):
            allowed.append(Permission.PULL_BACK)
        return tuple(allowed)

    def check_marking(self, user: str, acting_for: Collection[str] = ()) -> None:
        """Check points (the shared layer of the container) are drawn by whoever acts now:
        the drafter while it is with them, the current step's people who have not acted
        yet (or their delegates). Marks are then what each approver saw when deciding."""
        status = self.standing().status
        if user == self.drafter and status in (CirculationStatus.DRAFT,
                                               CirculationStatus.RETURNED):
            return
        if not self.acts_for(user, acting_for):
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "You can mark check points only while it is your turn.")

    def acts_for(self, user: str, acting_for: Collection[str] = ()) -> tuple[str, ...]:
        """The people of the current step, yet to act, whom `user` may act as: themselves
        first, then those who named them delegate."""
        standing = self.standing()
        if standing.status is not CirculationStatus.CIRCULATING or standing.step is None:
            return ()
        waiting = standing.waiting_for(self.steps, self.drafter)
        return tuple(p for p in (user, *sorted(acting_for)) if p in waiting)

    # --- the rules of each action ----------------------------------------------------------

    def check_start(self, user: str, at: float, comment: str = "") -> HistoryEntry:
        if user != self.drafter:
            raise ProtocolError(ErrorCode.FORBIDDEN, "Only the drafter can start this circulation.")
        status = self.standing().status
        if status not in (CirculationStatus.DRAFT, CirculationStatus.RETURNED):
            raise ProtocolError(ErrorCode.CONFLICT, _WHERE_IT_IS[status])
        return HistoryEntry(at=at, action=ActionKind.STARTED, user=user, comment=comment)

    def check_approve(self, user: str, at: float, *, on_behalf_of: str | None = None,
                      acting_for: Collection[str] = (), comment: str = "",
                      stamp: StampPlacement | None = None) -> HistoryEntry:
        on_behalf_of = None if on_behalf_of == user else on_behalf_of
        standing, _ = self._turn(user, on_behalf_of, acting_for)
        assert standing.step is not None  # (checked by _turn)
        read_only = self.steps[standing.step].kind is StepKind.READ
        return HistoryEntry(at=at, action=ActionKind.READ if read_only else ActionKind.APPROVED,
                            user=user, on_behalf_of=on_behalf_of, step=standing.step,
                            comment=comment, stamp=None if read_only else stamp)

    def check_send_back(self, user: str, at: float, to_step: int | None, *,
                        on_behalf_of: str | None = None, acting_for: Collection[str] = (),
                        comment: str = "") -> HistoryEntry:
        on_behalf_of = None if on_behalf_of == user else on_behalf_of
        standing, _ = self._turn(user, on_behalf_of, acting_for)
        assert standing.step is not None
        if self.steps[standing.step].kind is StepKind.READ:
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "A step that only reads (回覧) cannot send back.")
        if to_step is not None and to_step >= standing.step:
            raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                f"Step {to_step + 1} is not before this one (step "
                                f"{standing.step + 1}): send back to an earlier step or to "
                                "the drafter.")
        return HistoryEntry(at=at, action=ActionKind.SENT_BACK, user=user,
                            on_behalf_of=on_behalf_of, step=standing.step, to_step=to_step,
                            comment=comment)

    def check_pull_back(self, user: str, at: float) -> HistoryEntry:
        standing = self.standing()
        if standing.status is not CirculationStatus.CIRCULATING or standing.step is None:
            raise ProtocolError(ErrorCode.CONFLICT, "Only a circulation on its way can be "
                                                    "pulled back.")
        if not self._may_pull_back(user, standing):
            if user in standing.sender:
                raise ProtocolError(ErrorCode.CONFLICT,
                                    "The next step has already acted: it can no longer be "
                                    "pulled back.")
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "Only the one who sent it on can pull it back.")
        mine = self._own_approval(user, standing)
        if mine is None:  # the approval that completed the step before (or the start)
            previous = self._completing_entry(standing.step - 1) if standing.step else None
            mine = (previous.on_behalf_of or previous.user) if previous else user
        return HistoryEntry(at=at, action=ActionKind.PULLED_BACK, user=user,
                            on_behalf_of=mine if mine != user else None, step=standing.step,
                            to_step=standing.step if self._own_approval(user, standing)
                            else (standing.step - 1 if standing.step else None))

    def check_revise(self, user: str, at: float, document_id: int) -> HistoryEntry:
        if user != self.drafter:
            raise ProtocolError(ErrorCode.FORBIDDEN, "Only the drafter can revise its documents.")
        if self.standing().status not in (CirculationStatus.DRAFT, CirculationStatus.RETURNED):
            raise ProtocolError(ErrorCode.CONFLICT,
                                "Documents can be revised only when the circulation is back "
                                "with the drafter.")
        return HistoryEntry(at=at, action=ActionKind.REVISED, user=user,
                            document_id=document_id)

    def apply(self, entry: HistoryEntry) -> None:
        self.history.append(entry)

    # --- helpers ---------------------------------------------------------------------------

    def _turn(self, user: str, on_behalf_of: str | None,
              acting_for: Collection[str]) -> tuple[Standing, str]:
        """The standing, and whom the user acts as; or why they may not act now."""
        standing = self.standing()
        if standing.status is not CirculationStatus.CIRCULATING or standing.step is None:
            raise ProtocolError(ErrorCode.CONFLICT, _WHERE_IT_IS[standing.status])
        step = self.steps[standing.step]
        principal = on_behalf_of or user
        if on_behalf_of is not None and on_behalf_of not in acting_for:
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                f"{on_behalf_of} has not named you their delegate.")
        if principal not in step.members:
            waiting = ", ".join(standing.waiting_for(self.steps, self.drafter))
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                f"It is not your turn: this circulation waits for {waiting}.")
        if principal in standing.done_by[standing.step]:
            if principal == user:
                raise ProtocolError(ErrorCode.CONFLICT, "You have already acted at this step.")
            raise ProtocolError(ErrorCode.CONFLICT, f"{principal} has already acted at this step.")
        return standing, principal

    def _own_approval(self, user: str, standing: Standing) -> str | None:
        """The person whose approval at the current step `user` gave (themselves or as
        delegate), if any."""
        assert standing.step is not None
        for entry in reversed(self.history):
            if entry.action is ActionKind.STARTED:
                break
            if (entry.action in (ActionKind.APPROVED, ActionKind.READ)
                    and entry.step == standing.step and user in _people(entry)
                    and (entry.on_behalf_of or entry.user) in standing.done_by[standing.step]):
                return entry.on_behalf_of or entry.user
        return None

    def _completing_entry(self, step: int) -> HistoryEntry | None:
        for entry in reversed(self.history):
            if entry.action in (ActionKind.APPROVED, ActionKind.READ) and entry.step == step:
                return entry
        return None

    def _may_pull_back(self, user: str, standing: Standing) -> bool:
        if standing.status is not CirculationStatus.CIRCULATING or standing.step is None:
            return False
        if self._own_approval(user, standing) is not None:
            return True
        return user in standing.sender and not standing.done_by[standing.step]


def approvals(history: Iterable[HistoryEntry]) -> list[HistoryEntry]:
    """The approvals that stand at the end (the last round's, step by step, in order): what
    gets signed. Approvals later pulled back or cleared by a send-back are left out."""
    standing: list[HistoryEntry] = []
    for entry in history:
        if entry.action is ActionKind.STARTED:
            standing = []
        elif entry.action in (ActionKind.APPROVED, ActionKind.READ):
            standing.append(entry)
        elif entry.action is ActionKind.SENT_BACK:
            standing = [e for e in standing
                        if entry.to_step is not None and (e.step or 0) < entry.to_step]
        elif entry.action is ActionKind.PULLED_BACK:
            mine = entry.on_behalf_of or entry.user
            for index in range(len(standing) - 1, -1, -1):
                if (standing[index].on_behalf_of or standing[index].user) == mine:
                    del standing[index]
                    break
    return standing
