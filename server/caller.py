"""Who sent an event, for handlers that check the session in their own trip to the store.

Why: the session check was a trip of its own to the store's threads before the handler ran,
and a page turn or a pen batch made a second one for its change. Each trip there and back
costs 0.1–0.5 ms (a thread to wake, the interpreter lock to take, the loop to wake); the query
itself 6 µs. So the hot events check the session inside the trip that makes the change.
"""

from __future__ import annotations

from dataclasses import dataclass

from meeting.core.protocol import ErrorCode, ProtocolError
from server.store.repository import Store, User


class SessionEnded(ProtocolError):
    """The token was revoked or has expired: the connection is to leave and be closed."""

    def __init__(self) -> None:
        super().__init__(ErrorCode.UNAUTHENTICATED, "The session has ended; log in again.")


@dataclass(frozen=True)
class Caller:
    token: str

    def user(self, store: Store) -> User:
        """The session's user, checked now (in the store's thread), or `SessionEnded`."""
        user = store.user_for_token(self.token)
        if user is None:
            raise SessionEnded
        return user
