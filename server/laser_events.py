"""Socket.IO handler for the laser pointer: relayed to the room at once, never stored."""

from __future__ import annotations

from meeting.core.laser import LaserData, LaserMove
from meeting.core.protocol import Event
from server import authz
from server.context import ServerContext
from server.store.repository import Store, User


class LaserEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context

    def handlers(self) -> dict:
        return {Event.LASER_MOVE: self.move}

    @authz.checks_session
    async def move(self, sid: str, session: authz.Session, request: LaserMove) -> None:
        m = request.meeting_id
        joined = self.context.joined(sid, m)

        def check(store: Store) -> User:
            user = session.user(store)
            authz.require_visible_meeting(store, user, m)
            authz.require_joined(joined)
            authz.require_presenter(store, user, m, "use the laser pointer")
            authz.require_page(store, m, request.document_id, request.page)
            return user

        user = await self.context.read(check)  # (one trip, answered while a write waits)
        pointer = LaserData(meeting_id=m, user=user.name,
                            document_id=request.document_id, page=request.page,
                            point=(request.point[0], request.point[1]) if request.point else None)
        await self.context.broadcast(pointer, skip_sid=sid)
