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

    async def move(self, sid: str, user: User, request: LaserMove) -> None:
        m = request.meeting_id
        joined = self.context.joined(sid, m)

        def check(store: Store) -> None:
            authz.require_visible_meeting(store, user, m)
            authz.require_joined(joined)
            authz.require_presenter(store, user, m, "use the laser pointer")
            authz.require_page(store, m, request.document_id, request.page)

        await self.context.read(check)  # (answers while a write waits for the database)
        pointer = LaserData(meeting_id=m, user=user.name,
                            document_id=request.document_id, page=request.page,
                            point=(request.point[0], request.point[1]) if request.point else None)
        await self.context.broadcast(pointer, skip_sid=sid)
