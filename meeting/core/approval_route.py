"""A route being drawn up: steps in order, each a person or a 合議 group, checked before sending.

The drafter's route editor is a thin view over this. It says what is wrong with the server's
own check (an empty route, a step with nobody, a need larger than the group), so the drafter
hears it before sending; the server checks again, with the names it knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from meeting.core.approval import route_steps
from meeting.core.approval_protocol import RouteStep, StepData, StepKind
from meeting.core.schema import ProtocolError, parse

NAMES = re.compile(r"[\s,、，]+")
"""Names in a step are separated by spaces or commas (Japanese ones too)."""


def split_names(text: str) -> tuple[str, ...]:
    names: list[str] = []
    for name in NAMES.split(text):
        if name and name not in names:
            names.append(name)
    return tuple(names)


@dataclass(frozen=True)
class DraftStep:
    kind: StepKind = StepKind.APPROVE
    members: tuple[str, ...] = ()
    need: int | None = None
    """How many of a group must approve; None: all of them."""
    label: str = ""
    """What the step's people sign as (課長, 合議, 部長…)."""

    @property
    def is_group(self) -> bool:
        return len(self.members) > 1


@dataclass(frozen=True)
class RouteDraft:
    steps: tuple[DraftStep, ...] = field(default_factory=tuple)

    def add_step(self, step: DraftStep | None = None) -> RouteDraft:
        return RouteDraft((*self.steps, step or DraftStep()))

    def remove_step(self, index: int) -> RouteDraft:
        return RouteDraft(self.steps[:index] + self.steps[index + 1:])

    def move_step(self, index: int, delta: int) -> RouteDraft:
        target = index + delta
        if not (0 <= index < len(self.steps) and 0 <= target < len(self.steps)):
            return self
        steps = list(self.steps)
        steps[index], steps[target] = steps[target], steps[index]
        return RouteDraft(tuple(steps))

    def with_step(self, index: int, **changes: Any) -> RouteDraft:
        steps = list(self.steps)
        steps[index] = replace(steps[index], **changes)
        return RouteDraft(tuple(steps))

    def add_member(self, index: int, user: str) -> RouteDraft:
        step = self.steps[index]
        if user in step.members:
            return self
        return self.with_step(index, members=(*step.members, user))

    def remove_member(self, index: int, user: str) -> RouteDraft:
        step = self.steps[index]
        members = tuple(m for m in step.members if m != user)
        need = step.need if step.need is None or step.need <= len(members) else None
        return self.with_step(index, members=members, need=need)

    def problem(self) -> str | None:
        """What the server would refuse in this route (its own check, its own words, in
        English: `messages.localize` gives the user's language), or None. Whether each name
        is a real account is left to the server."""
        try:
            route_steps([parse(RouteStep, step) for step in self.payload()], _ANYONE)
        except ProtocolError as error:
            return error.message
        return None

    def payload(self) -> list[dict[str, Any]]:
        """The steps as `approval:start` and `approval:template_save` carry them."""
        return [{"kind": str(s.kind), "members": list(s.members),
                 "need": s.need if s.is_group else None, "label": s.label.strip()}
                for s in self.steps]

    @classmethod
    def from_payload(cls, steps: list[dict[str, Any]]) -> RouteDraft:
        """A template's steps, to edit before sending."""
        return cls(tuple(DraftStep(StepKind(s.get("kind", "approve")),
                                   tuple(s.get("members", ())), s.get("need"),
                                   s.get("label", "")) for s in steps))

    @classmethod
    def of_route(cls, route: Iterable[StepData]) -> RouteDraft:
        """A circulation's route as the server keeps it (to send it along again)."""
        return cls(tuple(DraftStep(s.kind, s.members,
                                   s.need if s.need < len(s.members) else None, s.label)
                         for s in route))


class _Anyone(Mapping[str, bool]):
    """Every name a user who may act (the client does not know the accounts; the server
    does)."""

    def __getitem__(self, name: str) -> bool:
        return True

    def __contains__(self, name: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


_ANYONE = _Anyone()
