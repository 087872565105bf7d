"""Telling a full disk or a read-only data folder apart from a bug.

SQLite and the file system report these as generic errors deep inside a handler. Turned into a
protocol error here, they reach the client as a plain sentence ("the server's disk is full")
instead of "internal error", and the operator's log says what to fix. Nothing is half-stored:
the store's transactions roll back and document files are written under a temporary name.
"""

from __future__ import annotations

import errno
import sqlite3

from meeting.core.protocol import ErrorCode, ProtocolError

_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}

FULL_MESSAGE = ("The server's storage is full, so nothing was saved. Ask the administrator to "
                "free space in the data folder; what was saved before is safe.")
READ_ONLY_MESSAGE = ("The server's data folder cannot be written, so nothing was saved. Ask the "
                     "administrator to make it writable; what was saved before is safe.")


def storage_fault(error: BaseException) -> ProtocolError | None:
    """The protocol error for a storage failure anywhere in `error`'s chain, or None."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = _kind(current)
        if kind is not None:
            return ProtocolError(kind, FULL_MESSAGE if kind == ErrorCode.STORAGE_FULL
                                 else READ_ONLY_MESSAGE)
        current = current.__cause__ or current.__context__
    return None


def _kind(error: BaseException) -> ErrorCode | None:
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL:
            return ErrorCode.STORAGE_FULL
        if code is not None and code & 0xFF in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
            return ErrorCode.STORAGE_READ_ONLY
        text = str(error).lower()
        if "disk is full" in text:
            return ErrorCode.STORAGE_FULL
        if "readonly" in text or "read-only" in text:
            return ErrorCode.STORAGE_READ_ONLY
        if code is not None and code & 0xFF == sqlite3.SQLITE_IOERR:
            # An I/O error while writing: on these systems, a full or read-only file system.
            return ErrorCode.STORAGE_READ_ONLY
        return None
    if isinstance(error, OSError):
        if error.errno in _FULL_ERRNOS:
            return ErrorCode.STORAGE_FULL
        if error.errno in _READ_ONLY_ERRNOS:
            return ErrorCode.STORAGE_READ_ONLY
    return None
