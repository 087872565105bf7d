"""A route being drawn up: steps in order, each a person or a 合議 group, checked before sending.

The drafter's route editor is a thin view over this. It says what is wrong in the words the
server would use (an empty route, a step with nobody, a need larger than the group), so the
drafter hears it before sending; the server checks again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any


class StepKind(StrEnum):
    APPROVE = "approve"
    READ = "read"
    """回覧: the step's people read it; nobody approves."""


@dataclass(frozen=True)
class DraftStep:
    kind: StepKind = StepKind.APPROVE
    members: tuple[str, ...] = ()
    need: int | None = None
    """How many of a group must approve; None: all of them."""

    @property
    def is_group(self) -> bool:
        return len(self.members) > 1


class RouteProblem(StrEnum):
    EMPTY = "The route has no step."
    NOBODY = "A step of the route has nobody."
    NEED_TOO_LARGE = "A step needs more approvals than it has people."
    TWICE = "The same person is twice in one step."


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

    def problems(self) -> list[RouteProblem]:
        found: list[RouteProblem] = []
        if not self.steps:
            found.append(RouteProblem.EMPTY)
        for step in self.steps:
            if not step.members and RouteProblem.NOBODY not in found:
                found.append(RouteProblem.NOBODY)
            if step.need is not None and step.need > len(step.members) and step.members \
                    and RouteProblem.NEED_TOO_LARGE not in found:
                found.append(RouteProblem.NEED_TOO_LARGE)
            if len(set(step.members)) != len(step.members) and RouteProblem.TWICE not in found:
                found.append(RouteProblem.TWICE)
        return found

    def payload(self) -> list[dict[str, Any]]:
        """The steps as `approval:start` and `approval:template_save` carry them."""
        return [{"kind": str(s.kind), "members": list(s.members),
                 "need": s.need if s.is_group else None} for s in self.steps]

    @classmethod
    def from_payload(cls, steps: list[dict[str, Any]]) -> RouteDraft:
        """A template's steps, to edit before sending."""
        return cls(tuple(DraftStep(StepKind(s.get("kind", "approve")),
                                   tuple(s.get("members", ())), s.get("need"))
                         for s in steps))
