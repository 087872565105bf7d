"""Socket.IO handlers for the agenda: organizers write it, the presenter walks through it."""

from __future__ import annotations

from meeting.core.protocol import (
    AgendaChanged,
    AgendaGo,
    AgendaSet,
    ErrorCode,
    Event,
    MeetingState,
    ProtocolError,
)
from server import authz
from server.context import ServerContext
from server.store.repository import User


class AgendaEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context
        self.store = context.store

    def handlers(self) -> dict:
        return {Event.AGENDA_SET: self.set, Event.AGENDA_GO: self.go}

    async def set(self, sid: str, user: User, request: AgendaSet) -> dict:
        m = request.meeting_id

        def check_and_set() -> AgendaChanged:
            authz.require_may_manage(self.store, user, m)
            items = []
            for entry in request.items:
                if entry.document_id is not None:
                    authz.require_page(self.store, m, entry.document_id, entry.page)
                items.append((entry.title.strip(), entry.document_id, entry.page))
            agenda, seq = self.store.set_agenda(m, items)
            return AgendaChanged(meeting_id=m, seq=seq, items=tuple(agenda))

        async with self.context.meeting_locks[m]:
            return await self.context.broadcast(await self.context.call(check_and_set))

    async def go(self, sid: str, user: User, request: AgendaGo) -> dict:
        m = request.meeting_id
        joined = self.context.joined(sid, m)

        def check_and_go() -> MeetingState:
            authz.require_visible_meeting(self.store, user, m)
            authz.require_joined(joined)
            authz.require_drives_room(self.store, user, m, "move the meeting along its agenda")
            item = next((i for i in self.store.agenda(m) if i.id == request.item_id), None)
            if item is None:
                raise ProtocolError(ErrorCode.NOT_FOUND, "No such agenda item in this meeting.")
            return self.store.go_to_item(m, item)

        async with self.context.meeting_locks[m]:
            return await self.context.broadcast(await self.context.call(check_and_go))
