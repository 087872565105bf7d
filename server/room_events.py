"""Socket.IO handlers for what the room's screens show besides the page: blanking the large
monitor, holding the followers on the presenter's page, and zooming into a region of it."""

from __future__ import annotations

from meeting.core.protocol import DisplayBlank, Event, FollowersLock, MeetingState, ViewZoom
from server import authz
from server.context import ServerContext
from server.store.repository import User


class RoomEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context
        self.store = context.store

    def handlers(self) -> dict:
        return {Event.DISPLAY_BLANK: self.blank, Event.FOLLOWERS_LOCK: self.lock,
                Event.VIEW_ZOOM: self.zoom}

    async def blank(self, sid: str, user: User, request: DisplayBlank) -> dict:
        return await self._change(sid, user, request.meeting_id, "blank the display",
                                  blank=None if request.blank is None else str(request.blank))

    async def lock(self, sid: str, user: User, request: FollowersLock) -> dict:
        return await self._change(sid, user, request.meeting_id, "hold the followers",
                                  locked=request.locked)

    async def zoom(self, sid: str, user: User, request: ViewZoom) -> dict:
        return await self._change(sid, user, request.meeting_id, "zoom the room's view",
                                  zoom=request.region)

    async def _change(self, sid: str, user: User, meeting_id: int, doing: str, **room) -> dict:
        joined = self.context.joined(sid, meeting_id)

        def check_and_set() -> MeetingState:
            authz.require_visible_meeting(self.store, user, meeting_id)
            authz.require_joined(joined)
            authz.require_drives_room(self.store, user, meeting_id, doing)
            return self.store.set_room(meeting_id, **room)

        async with self.context.meeting_locks[meeting_id]:
            return await self.context.broadcast(await self.context.call(check_and_set))
