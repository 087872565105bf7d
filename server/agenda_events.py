"""Socket.IO handlers for the agenda: organizers write it, the presenter walks through it."""

from __future__ import annotations

from meeting.core.protocol import (
    AgendaChanged,
    AgendaGo,
    AgendaSet,
    ErrorCode,
    Event,
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
        authz.require_may_manage(self.store, user, request.meeting_id)
        items = []
        for entry in request.items:
            if entry.document_id is not None:
                authz.require_page(self.store, request.meeting_id, entry.document_id, entry.page)
            items.append((entry.title.strip(), entry.document_id, entry.page))
        async with self.context.meeting_locks[request.meeting_id]:
            agenda, seq = self.store.set_agenda(request.meeting_id, items)
            changed = AgendaChanged(meeting_id=request.meeting_id, seq=seq, items=tuple(agenda))
            return await self.context.broadcast(changed)

    async def go(self, sid: str, user: User, request: AgendaGo) -> dict:
        authz.require_visible_meeting(self.store, user, request.meeting_id)
        self.context.require_joined(sid, request.meeting_id)
        async with self.context.meeting_locks[request.meeting_id]:
            authz.require_drives_room(self.store, user, request.meeting_id,
                                      "move the meeting along its agenda")
            item = next((i for i in self.store.agenda(request.meeting_id)
                         if i.id == request.item_id), None)
            if item is None:
                raise ProtocolError(ErrorCode.NOT_FOUND, "No such agenda item in this meeting.")
            state = self.store.go_to_item(request.meeting_id, item)
            return await self.context.broadcast(state)
