"""Socket.IO handlers for what organizers decide about a meeting besides its material: who is
in it, and the web meeting remote participants join for audio and video."""

from __future__ import annotations

import logging

from meeting.core.presence import MemberRemove, MemberRemoved
from meeting.core.protocol import ErrorCode, Event, MeetingState, ProtocolError
from meeting.core.weblink import MeetingLink
from server import authz
from server.context import ServerContext
from server.store.audit import Action
from server.store.repository import User

log = logging.getLogger("meeting.server.organizer")


class OrganizerEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context
        self.store = context.store

    def handlers(self) -> dict:
        return {Event.MEMBER_REMOVE: self.remove, Event.MEETING_LINK: self.link}

    async def remove(self, sid: str, user: User, request: MemberRemove) -> None:
        """Uninvite the person, tell the meeting, then take each of their connections out of
        it: they stop receiving its changes at once and cannot join it again."""
        meeting_id = request.meeting_id

        def check_and_remove() -> User:
            target = self.store.user_by_name(request.user)
            if target is None:
                authz.require_visible_meeting(self.store, user, meeting_id)
                raise ProtocolError(ErrorCode.NOT_FOUND, f"No user named {request.user!r}.")
            authz.require_may_remove(self.store, user, meeting_id, target)
            self.store.uninvite(meeting_id, target)
            self.context.audit.record(user.name, Action.MEMBER_REMOVED, meeting_id,
                                      detail=target.name)
            return target

        async with self.context.meeting_locks[meeting_id]:
            target = await self.context.call(check_and_remove)
            notice = MemberRemoved(meeting_id=meeting_id, user=target.name, by=user.name)
            await self.context.broadcast(notice)
            await self.context.take_out(meeting_id, lambda device: device.name != target.name)
        log.info("meeting %s: %s removed %s", meeting_id, user.name, target.name)

    async def link(self, sid: str, user: User, request: MeetingLink) -> dict:
        m = request.meeting_id

        def check_and_set() -> MeetingState:
            authz.require_may_manage(self.store, user, m)
            state = self.store.set_web_link(m, request.url)
            self.context.audit.record(user.name, Action.WEB_LINK_SET, m,
                                      detail=request.url or "(removed)")
            return state

        async with self.context.meeting_locks[m]:
            payload = await self.context.broadcast(await self.context.call(check_and_set))
        log.info("meeting %s: %s %s the web meeting link", m, user.name,
                 "set" if request.url else "removed")
        return payload
