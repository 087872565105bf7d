"""Socket.IO handlers for approval (決裁): drafts, starting a circulation, the inbox, opening
one, approving, sending back, pulling back, templates, delegates, signature states.

The server decides: only the current step's people (or their delegates) act; everyone on the
route reads; nobody else sees a circulation, administrators included. The rules are in
`meeting.core.approval`; each action is checked there, stored as one history entry, written
to the audit log, and announced with `approval:changed` to every person on the route. A
refused action stores nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from meeting.core.approval import route_steps
from meeting.core.approval_protocol import (
    ActionKind,
    ApprovalApprove,
    ApprovalDelegatesSet,
    ApprovalDraft,
    ApprovalInbox,
    ApprovalList,
    ApprovalPullBack,
    ApprovalRef,
    ApprovalSendBack,
    ApprovalStart,
    ApprovalTemplateDelete,
    ApprovalTemplates,
    ApprovalTemplateSave,
    CirculationData,
    CirculationStatus,
    CirculationSummary,
    HistoryEntry,
    RouteStep,
)
from meeting.core.protocol import MANAGER_ROLES, ErrorCode, Event, ProtocolError, Role
from server import approval_signing
from server.context import ServerContext, user_room
from server.store.approvals import ApprovalStore, StoredCirculation
from server.store.audit import Action
from server.store.repository import User

log = logging.getLogger("meeting.server.approval")

AUDIT_ACTIONS = {
    ActionKind.STARTED: Action.APPROVAL_STARTED, ActionKind.APPROVED: Action.APPROVAL_APPROVED,
    ActionKind.READ: Action.APPROVAL_READ, ActionKind.SENT_BACK: Action.APPROVAL_SENT_BACK,
    ActionKind.PULLED_BACK: Action.APPROVAL_PULLED_BACK,
    ActionKind.REVISED: Action.APPROVAL_REVISED, ActionKind.SIGNED: Action.APPROVAL_SIGNED,
}


@dataclass(frozen=True)
class Announced:
    """A circulation just changed, as read in the store's thread: who is told, what the
    actor is answered."""

    circulation: StoredCirculation
    readers: set[str]
    reply: dict


class ApprovalEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context
        self.store = context.store
        self.approvals = ApprovalStore(context.store)

    def handlers(self) -> dict:
        return {
            Event.APPROVAL_DRAFT: self.draft, Event.APPROVAL_START: self.start,
            Event.APPROVAL_LIST: self.inbox, Event.APPROVAL_OPEN: self.open,
            Event.APPROVAL_APPROVE: self.approve, Event.APPROVAL_SEND_BACK: self.send_back,
            Event.APPROVAL_PULL_BACK: self.pull_back, Event.APPROVAL_TEMPLATES: self.templates,
            Event.APPROVAL_TEMPLATE_SAVE: self.template_save,
            Event.APPROVAL_TEMPLATE_DELETE: self.template_delete,
            Event.APPROVAL_DELEGATES_SET: self.delegates_set,
            Event.APPROVAL_SIGNATURES: self.signatures,
        }

    # --- reading ---------------------------------------------------------------------------
    # (each handler's store work is one function run in the store's thread: ServerContext.call)

    async def draft(self, sid: str, user: User, request: ApprovalDraft) -> dict:
        if user.role is Role.DISPLAY:
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "A display account cannot start a circulation.")

        def draft() -> dict:
            circulation = self.approvals.draft(user, request.title)
            self.context.audit.record(
                user.name, Action.APPROVAL_DRAFTED, circulation.meeting_id,
                detail=f"circulation {circulation.id}: {circulation.title}")
            return self.data(circulation, user)

        return await self.context.call(draft)

    async def inbox(self, sid: str, user: User, _: ApprovalList) -> dict:
        return await self.context.call(self._inbox, user)

    def _inbox(self, user: User) -> dict:
        acting_for = self.approvals.principals_of(user.name)
        waiting, sent, done, others = [], [], [], []
        for circulation in self.approvals.seen_by(user.name):
            if not self._reads(circulation, user.name):
                continue
            summary = circulation.summary()
            if summary.status is CirculationStatus.APPROVED:
                done.append(summary)
            elif (circulation.rules.acts_for(user.name, acting_for)
                  or (summary.status is not CirculationStatus.CIRCULATING
                      and circulation.drafter == user.name)):
                waiting.append(summary)
            elif circulation.drafter == user.name:
                sent.append(summary)
            else:
                others.append(summary)
        sent += [s for s in waiting if s.drafter == user.name]
        return ApprovalInbox(waiting=_newest(waiting), sent=_newest(sent), done=_newest(done),
                             others=_newest(others)).payload()

    async def open(self, sid: str, user: User, request: ApprovalRef) -> dict:
        def open_it() -> dict:
            circulation = self.require(user, request.id)
            self.context.audit.record(user.name, Action.APPROVAL_OPENED, circulation.meeting_id,
                                      detail=f"circulation {circulation.id}")
            return self.data(circulation, user)

        return await self.context.call(open_it)

    async def signatures(self, sid: str, user: User, request: ApprovalRef) -> list:
        circulation = await self.context.call(self.require, user, request.id)
        return await approval_signing.signature_states(self.context, circulation)

    # --- deciding --------------------------------------------------------------------------

    async def start(self, sid: str, user: User, request: ApprovalStart) -> dict:
        circulation = await self.context.call(self.require, user, request.id)

        def check_and_start() -> Announced:
            circulation = self.approvals.require(request.id)
            entry = circulation.rules.check_start(user.name, time.time(), request.comment)
            steps = route_steps(request.route, self._known_users())
            self._require_a_fixed_route(user, request.route)
            present = {d.id for d in self.store.documents(circulation.meeting_id)}
            for document_id in request.document_ids:
                if document_id not in present:
                    raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                        f"Document {document_id} is not in this circulation.")
            if len(set(request.document_ids)) != len(request.document_ids):
                raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                    "A document is named twice in this circulation.")
            members = {m for s in steps for m in s.members}
            names = {user.name, *members,
                     *(d for n in members for d in self.approvals.delegates_of(n))}
            self.approvals.start(circulation, request.title, list(request.document_ids),
                                 list(request.route), entry, self._users(names))
            return self.noted(user, request.id, entry)

        async with self.context.meeting_locks[circulation.meeting_id]:
            return await self.tell(await self.context.call(check_and_start))

    async def approve(self, sid: str, user: User, request: ApprovalApprove) -> dict:
        def check(circulation: StoredCirculation, acting_for: frozenset[str]) -> HistoryEntry:
            entry = circulation.rules.check_approve(
                user.name, time.time(), on_behalf_of=request.on_behalf_of,
                acting_for=acting_for, comment=request.comment, stamp=request.stamp)
            if entry.stamp is not None:
                self._require_stamp_page(circulation, entry)
            if entry.action is ActionKind.APPROVED:
                approval_signing.require_signer(self.context, user.name)
            return entry

        return await self._decide(user, request.id, check)

    async def send_back(self, sid: str, user: User, request: ApprovalSendBack) -> dict:
        return await self._decide(user, request.id, lambda c, acting_for: (
            c.rules.check_send_back(user.name, time.time(), request.to_step,
                                    on_behalf_of=request.on_behalf_of, acting_for=acting_for,
                                    comment=request.comment)))

    async def pull_back(self, sid: str, user: User, request: ApprovalPullBack) -> dict:
        return await self._decide(user, request.id, lambda c, _: (
            c.rules.check_pull_back(user.name, time.time())))

    async def _decide(self, user: User, circulation_id: int, check) -> dict:
        circulation = await self.context.call(self.require, user, circulation_id)

        def check_and_append() -> tuple[Announced, bool]:
            circulation = self.approvals.require(circulation_id)  # (as it is now, locked)
            entry = check(circulation, self.approvals.principals_of(user.name))
            self.approvals.append(circulation_id, entry)
            announced = self.noted(user, circulation_id, entry)
            return announced, announced.circulation.summary().status is \
                CirculationStatus.APPROVED

        async with self.context.meeting_locks[circulation.meeting_id]:
            announced, approved = await self.context.call(check_and_append)
            reply = await self.tell(announced)
        if approved:
            self.context.track(approval_signing.sign(self.context, circulation_id, self.notify))
        return reply

    def noted(self, user: User, circulation_id: int, entry: HistoryEntry) -> Announced:
        """An action stored: into the audit log; what to tell whom (in the store's thread)."""
        circulation = self.approvals.require(circulation_id)
        detail = f"circulation {circulation_id}"
        if entry.step is not None:
            detail += f", step {entry.step + 1}"
        if entry.on_behalf_of:
            detail += f", for {entry.on_behalf_of}"
        if entry.comment:
            detail += f": {entry.comment}"
        self.context.audit.record(user.name, AUDIT_ACTIONS[entry.action],
                                  circulation.meeting_id, entry.document_id, detail)
        log.info("circulation %s: %s %s (%s)", circulation_id, user.name, entry.action,
                 circulation.summary().status)
        return Announced(circulation, self.readers(circulation), self.data(circulation, user))

    async def tell(self, announced: Announced) -> dict:
        """Everyone on the route hears of the change; the reply is the actor's view."""
        await self._tell(announced.circulation, announced.readers)
        return announced.reply

    # --- templates and delegates -----------------------------------------------------------

    async def templates(self, sid: str, user: User, request: ApprovalTemplates) -> list:
        def templates() -> list:
            _, section = self.store.profile(user.name)
            return [t.payload() for t in self.approvals.templates_for(user.name, section)]

        return await self.context.call(templates)

    async def template_save(self, sid: str, user: User, request: ApprovalTemplateSave) -> dict:
        def save() -> dict:
            route_steps(request.route, self._known_users())
            if request.section is not None and user.role not in MANAGER_ROLES:
                raise ProtocolError(
                    ErrorCode.FORBIDDEN,
                    "Only an organizer or administrator can fix a section's routes.")
            if request.id is not None:
                self._require_template_owner(user, request.id)
            template = self.approvals.save_template(request.id, request.name, user.name,
                                                    request.section, list(request.route))
            self.context.audit.record(user.name, Action.APPROVAL_TEMPLATE_SAVED,
                                      detail=f"template {template.id}: {template.name}"
                                      + (f" (fixed for {template.section})"
                                         if template.section else ""))
            return template.payload()

        return await self.context.call(save)

    async def template_delete(self, sid: str, user: User, request: ApprovalTemplateDelete
                              ) -> None:
        def delete() -> None:
            template = self._require_template_owner(user, request.id)
            self.approvals.delete_template(request.id)
            self.context.audit.record(user.name, Action.APPROVAL_TEMPLATE_DELETED,
                                      detail=f"template {template.id}: {template.name}")

        await self.context.call(delete)

    async def delegates_set(self, sid: str, user: User, request: ApprovalDelegatesSet) -> dict:
        if user.role is Role.DISPLAY:
            raise ProtocolError(ErrorCode.FORBIDDEN, "A display account cannot approve.")
        return await self.context.call(self._set_delegates, user, request)

    def _set_delegates(self, user: User, request: ApprovalDelegatesSet) -> dict:
        for name in request.delegates:
            delegate = self.store.user_by_name(name)
            if delegate is None:
                raise ProtocolError(ErrorCode.NOT_FOUND, f"No user named {name!r}.")
            if name == user.name:
                raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                    "You cannot name yourself your delegate.")
            if delegate.role is Role.DISPLAY:
                raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                    f"{name} is a display account and cannot approve.")
        self.approvals.set_delegates(user.name, sorted(set(request.delegates)))
        for circulation in self.approvals.seen_by(user.name):  # who reads them changed
            self.approvals.set_readers(circulation, self._users(self.readers(circulation)))
        self.context.audit.record(user.name, Action.APPROVAL_DELEGATES_SET,
                                  detail=", ".join(sorted(set(request.delegates))) or "none")
        return {"delegates": self.approvals.delegates_of(user.name)}

    # --- helpers ---------------------------------------------------------------------------

    def require(self, user: User, circulation_id: int) -> StoredCirculation:
        """The circulation, which the user reads; anyone else gets the answer they would get
        for one that does not exist."""
        circulation = self.approvals.get(circulation_id)
        if circulation is None or not self._reads(circulation, user.name):
            raise ProtocolError(ErrorCode.NOT_FOUND,
                                f"No circulation {circulation_id} that you are on.")
        return circulation

    def _reads(self, circulation: StoredCirculation, name: str) -> bool:
        return name in self.readers(circulation)

    def readers(self, circulation: StoredCirculation) -> set[str]:
        """Who reads it (and is told of each change): the drafter, every step's people and
        the delegates those people named."""
        people = set(circulation.rules.on_route())
        for name in people - {circulation.drafter}:
            people.update(self.approvals.delegates_of(name))
        return people

    async def notify(self, circulation: StoredCirculation) -> None:
        await self._tell(circulation, await self.context.call(self.readers, circulation))

    async def _tell(self, circulation: StoredCirculation, readers: set[str]) -> None:
        summary = circulation.summary()
        for name in sorted(readers):
            await self.context.broadcast(summary, room=user_room(name))

    def data(self, circulation: StoredCirculation, user: User) -> dict:
        acting_for = self.approvals.principals_of(user.name)
        stamp_name, stamp_section = self.store.profile(user.name)
        documents = {d.id: d for d in self.store.documents(circulation.meeting_id)}
        order = [*circulation.document_ids, *(i for i in documents
                                               if i not in circulation.document_ids)]
        return CirculationData(
            summary=circulation.summary(), route=circulation.rules.step_data(),
            documents=tuple(documents[i] for i in order if i in documents),
            history=tuple(circulation.rules.history),
            may=circulation.rules.may(user.name, acting_for),
            on_behalf_of=tuple(p for p in circulation.rules.acts_for(user.name, acting_for)
                               if p != user.name),
            signed=circulation.signed_at is not None, stamp_name=stamp_name,
            stamp_section=stamp_section or "").payload()

    def _users(self, names: Iterable[str]) -> list[User]:
        found = (self.store.user_by_name(n) for n in sorted(names))
        return [u for u in found if u is not None]

    def _known_users(self) -> dict[str, bool]:
        return {u.name: u.role is not Role.DISPLAY for u in self.store.users()}

    def _require_a_fixed_route(self, user: User, route: Iterable[RouteStep]) -> None:
        _, section = self.store.profile(user.name)
        fixed = self.approvals.fixed_for(section)
        if fixed and not any(_same_route(t.route, route) for t in fixed):
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                f"Your section must use one of its routes: "
                                f"{', '.join(t.name for t in fixed)}.")

    def _require_stamp_page(self, circulation: StoredCirculation, entry: HistoryEntry) -> None:
        assert entry.stamp is not None
        document = self.store.document(circulation.meeting_id, entry.stamp.document_id)
        if (document is None or document.id not in circulation.document_ids
                or entry.stamp.page >= document.pages):
            raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                "The stamp's page is not in this circulation.")

    def _require_template_owner(self, user: User, template_id: int):
        template = self.approvals.template(template_id)
        _, section = self.store.profile(user.name)
        visible = template is not None and (template.owner == user.name
                                            or template.section == section
                                            or (template.section is not None
                                                and user.role in MANAGER_ROLES))
        if template is None or not visible:
            raise ProtocolError(ErrorCode.NOT_FOUND, "No such route template.")
        if template.owner != user.name and user.role not in MANAGER_ROLES:
            raise ProtocolError(ErrorCode.FORBIDDEN,
                                "Only an organizer or administrator can fix a section's routes.")
        return template


def _newest(summaries: list[CirculationSummary]) -> tuple[CirculationSummary, ...]:
    return tuple(sorted(summaries, key=lambda s: -s.updated_at))


def _same_route(fixed: Iterable[RouteStep], route: Iterable[RouteStep]) -> bool:
    def key(steps: Iterable[RouteStep]) -> list[tuple[Any, ...]]:
        return [(s.kind, tuple(s.members), s.need if s.need != len(s.members) else None)
                for s in steps]
    return key(fixed) == key(route)


async def note_revision(context: ServerContext, meeting_id: int, user: User,
                        document_id: int) -> None:
    """A document of a circulation was revised (after a send-back): into its history, the
    audit log and everyone's inbox."""
    events = ApprovalEvents(context)

    def note() -> Announced:
        circulation = events.approvals.of_container(meeting_id)
        assert circulation is not None
        entry = circulation.rules.check_revise(user.name, time.time(), document_id)
        events.approvals.append(circulation.id, entry)
        return events.noted(user, circulation.id, entry)

    await events.tell(await context.call(note))
