"""Refusals that pass, and how long a client waits before asking again.

Why: the server answers `internal_error` or `storage_full` when its store is busy or failing
(another process holding SQLite's write lock past its timeout, a full disk, a database that
went away). Those say nothing about the request: the same note, stroke or join may well be
taken a few seconds later. A client that took them as final lost the user's work, or showed a
meeting that never moved.
"""

from __future__ import annotations

from typing import Any

from meeting.core.schema import ErrorCode

PASSING_ERRORS = frozenset({ErrorCode.INTERNAL, ErrorCode.STORAGE_FULL,
                            ErrorCode.STORAGE_READ_ONLY, ErrorCode.RATE_LIMITED})
"""Refusals about the server's state, not the request: ask again later."""

FIRST_WAIT_S = 1.0
LONGEST_WAIT_S = 10.0
"""Asked again after 1 s, then 2, 4, 8, and every 10 s from then on."""


def passing(reply: dict[str, Any]) -> bool:
    """The server refused for now, not for good."""
    return not reply.get("ok") and (reply.get("error") or {}).get("code") in PASSING_ERRORS


class Backoff:
    """The waits between attempts at one thing, growing while the refusals go on."""

    def __init__(self) -> None:
        self._next = FIRST_WAIT_S

    @property
    def first(self) -> bool:
        """No attempt refused since the last success: the user has not been told yet."""
        return self._next == FIRST_WAIT_S

    def wait(self, reply: dict[str, Any]) -> float:
        """Seconds to wait after this refusal (at least what the server asked, `retry_after`)."""
        asked = (reply.get("error") or {}).get("retry_after")
        wait = max(self._next, float(asked) if isinstance(asked, int | float) else 0.0)
        self._next = min(self._next * 2, LONGEST_WAIT_S)
        return wait

    def reset(self) -> None:
        self._next = FIRST_WAIT_S
