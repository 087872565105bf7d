"""Socket.IO handlers for leak protection and the end of a meeting: the watermark, materials
removed when the meeting ends, an expiry date for access, and ending and reopening.

When the materials go, the server stops serving them to anyone but organizers and admins, and
takes every other connection out of the meeting after telling it: the clients then delete
their copies (see `meeting.net.purge`)."""

from __future__ import annotations

import asyncio
import logging
import time

from meeting.core.protection import MeetingEnd, MeetingProtect, Removal
from meeting.core.protocol import Event, MeetingState, Role
from server import authz
from server.context import ServerContext
from server.store.audit import Action
from server.store.repository import User

log = logging.getLogger("meeting.server.lifecycle")

EXPIRY_SWEEP_SECONDS = 2.0
"""How often expiry dates are checked, to tell connected clients that materials went."""


class LifecycleEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context
        self.store = context.store

    def handlers(self) -> dict:
        return {Event.MEETING_PROTECT: self.protect, Event.MEETING_END: self.end,
                Event.MEETING_REOPEN: self.reopen}

    async def protect(self, sid: str, user: User, request: MeetingProtect) -> dict:
        authz.require_may_manage(self.store, user, request.meeting_id)
        async with self.context.meeting_locks[request.meeting_id]:
            state = self.store.protect(request.meeting_id, request)
            await self._announce(state)
        self.context.audit.record(
            user.name, Action.PROTECTION_SET, request.meeting_id,
            detail=f"watermark={state.watermark} removal={state.removal} "
                   f"expires_at={state.expires_at}")
        return state.model_dump(mode="json")

    async def end(self, sid: str, user: User, request: MeetingEnd) -> dict:
        authz.require_may_manage(self.store, user, request.meeting_id)
        async with self.context.meeting_locks[request.meeting_id]:
            state = self.store.set_ended(request.meeting_id, time.time())
            if state.removal is Removal.FILES_AND_NOTES:
                removed = self.store.delete_private_notes(request.meeting_id)
                log.info("meeting %s: %d private notes removed at its end", request.meeting_id,
                         removed)
                # (secure_delete zeroed their pages in the database; the log keeps copies)
                self.context.wal.empty_soon(f"removing meeting {request.meeting_id}'s notes")
            await self._announce(state)
        self.context.audit.record(user.name, Action.MEETING_ENDED, request.meeting_id,
                                  detail=f"removal={state.removal}")
        log.info("meeting %s: ended by %s (removal: %s)", request.meeting_id, user.name,
                 state.removal)
        return state.model_dump(mode="json")

    async def reopen(self, sid: str, user: User, request: MeetingEnd) -> dict:
        authz.require_may_manage(self.store, user, request.meeting_id)
        async with self.context.meeting_locks[request.meeting_id]:
            state = self.store.set_ended(request.meeting_id, None)
            await self._announce(state)
        self.context.audit.record(user.name, Action.MEETING_REOPENED, request.meeting_id)
        return state.model_dump(mode="json")

    async def sweep_expiries(self) -> None:
        """Runs for the server's life: when a meeting's access expires, its clients are told
        and taken out, as at the end of a meeting with its materials removed."""
        checked = time.time()
        while True:
            await asyncio.sleep(EXPIRY_SWEEP_SECONDS)
            now = time.time()
            try:
                if not await self.context.my_turn("expiry-sweep", 3 * EXPIRY_SWEEP_SECONDS):
                    continue  # (another process sweeps)
                checked = await self._checked(checked)
                for meeting_id in self.store.expiring(checked, now):
                    async with self.context.meeting_locks[meeting_id]:
                        await self._announce(self.store.meeting_state(meeting_id))
                    self.context.audit.record("(server)", Action.MATERIALS_EXPIRED, meeting_id)
                    log.info("meeting %s: access to its materials expired", meeting_id)
                checked = await self._checked(now, now)
            except Exception:  # (a full disk, say): try again at the next round
                log.exception("checking expiry dates failed")

    async def _checked(self, mine: float, now: float | None = None) -> float:
        """Up to when expiry dates were checked, by whichever process swept last: one that
        takes over the sweep carries on from there (each expiry is told once)."""
        cluster = self.context.cluster
        if cluster is None:
            return mine
        key = cluster.key("expiry-sweep-checked")
        if now is not None:
            await cluster.redis.set(key, now)
            return now
        stored = await cluster.redis.get(key)
        return float(stored) if stored is not None else mine

    async def _announce(self, state: MeetingState) -> None:
        """Broadcast the state; if the materials are gone, everyone but organizers and admins
        leaves the meeting's rooms (they were just told why)."""
        meeting_id = state.meeting_id
        await self.context.broadcast(state)
        if not state.materials_removed:
            return
        await self.context.take_out(meeting_id,
                                    lambda device: Role(device.role) in authz.MANAGERS)
