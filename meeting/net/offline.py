"""Meetings kept on this device for reading without the server, and edits waiting for it.

For each server and user: the last picture (snapshot) of every meeting they opened or chose to
keep, who they are (to start without the server), and the note edits the server has not
confirmed yet, so that notes made offline reach the server when the link is back, even after
the program was closed in between. Documents themselves live in the `DocumentCache`.
Every file is written whole or not at all (a crash leaves the previous version).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from meeting.core.protocol import Snapshot, UserInfo

log = logging.getLogger("meeting.net.offline")

PendingEdit = dict[str, Any]
"""{"id": str, "event": "annotation:put" | "annotation:delete" | …, "payload": {...}}, and
`"held": true` for a stroke its run streams itself; in the order made (see `outbox`)."""


class OfflineShelf:
    def __init__(self, root: Path, server_url: str, user: str) -> None:
        key = hashlib.sha256(f"{server_url.rstrip('/')}\n{user}".encode()).hexdigest()[:24]
        self.folder = Path(root) / key
        self._lock = threading.Lock()

    @classmethod
    def everything_kept(cls, root: Path) -> list[Snapshot]:
        """The meetings kept on this device for every server and user (what cache clean-up
        must not touch)."""
        kept = []
        for folder in sorted(Path(root).glob("*")):
            if folder.is_dir():
                shelf = cls.__new__(cls)
                shelf.folder, shelf._lock = folder, threading.Lock()
                kept.extend(shelf.kept())
        return kept

    # --- who and what ------------------------------------------------------------------------

    def keep_user(self, user: UserInfo) -> None:
        self._write("user.json", user.model_dump(mode="json"))

    def user(self) -> UserInfo | None:
        data = self._read("user.json")
        try:
            return UserInfo.model_validate(data) if data is not None else None
        except ValidationError:
            return None

    def keep(self, snapshot: Snapshot) -> None:
        self._write(f"meeting-{snapshot.meeting.id}.json", snapshot.model_dump(mode="json"))

    def snapshot(self, meeting_id: int) -> Snapshot | None:
        data = self._read(f"meeting-{meeting_id}.json")
        try:
            return Snapshot.model_validate(data) if data is not None else None
        except ValidationError:
            log.warning("ignoring an unreadable offline copy of meeting %s", meeting_id)
            return None

    def kept(self) -> list[Snapshot]:
        """Every meeting kept here, by title."""
        snapshots = []
        for path in sorted(self.folder.glob("meeting-*.json")):
            meeting_id = path.stem.removeprefix("meeting-")
            if meeting_id.isdigit() and (snapshot := self.snapshot(int(meeting_id))):
                snapshots.append(snapshot)
        return sorted(snapshots, key=lambda s: s.meeting.title)

    def forget(self, meeting_id: int, keep_pending: bool = False) -> None:
        """The meeting is no longer this user's (removed from it, or its materials removed):
        keep nothing of it, but perhaps the notes still waiting to be sent."""
        names = [f"meeting-{meeting_id}.json"]
        if not keep_pending:
            names.append(f"pending-{meeting_id}.json")
        for name in names:
            (self.folder / name).unlink(missing_ok=True)

    # --- edits waiting for the server --------------------------------------------------------

    def keep_pending(self, meeting_id: int, edits: list[PendingEdit]) -> None:
        if edits:
            self._write(f"pending-{meeting_id}.json", edits)
        else:
            (self.folder / f"pending-{meeting_id}.json").unlink(missing_ok=True)

    def pending(self, meeting_id: int) -> list[PendingEdit]:
        data = self._read(f"pending-{meeting_id}.json")
        return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []

    # --- files -------------------------------------------------------------------------------

    def _write(self, name: str, data: Any) -> None:
        with self._lock:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=self.folder, suffix=".part")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as file:
                    json.dump(data, file, ensure_ascii=False)
                    file.flush()
                    os.fsync(file.fileno())
                os.replace(temp, self.folder / name)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise

    def _read(self, name: str) -> Any:
        try:
            return json.loads((self.folder / name).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("cannot read %s: %s", self.folder / name, error)
            return None
