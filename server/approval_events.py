"""Socket.IO handlers for approval (決裁): circulations along a route (being written)."""

from __future__ import annotations

from typing import Any

from meeting.core.approval_protocol import APPROVAL_CLIENT_MESSAGES, ApprovalRef
from meeting.core.protocol import ErrorCode, ProtocolError
from server.context import ServerContext
from server.store.repository import User


class ApprovalEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context

    def handlers(self) -> dict:
        return {message.event: self.not_yet for message in APPROVAL_CLIENT_MESSAGES}

    async def not_yet(self, sid: str, user: User, request: Any) -> Any:
        circulation = request.id if isinstance(request, ApprovalRef) else "?"
        raise ProtocolError(ErrorCode.NOT_FOUND, f"No circulation {circulation} that you are on.")
