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
        m = request.meeting_id

        def check_and_protect() -> MeetingState:
            authz.require_may_manage(self.store, user, m)
            return self.store.protect(m, request)

        async with self.context.meeting_locks[m]:
            state = await self.context.call(check_and_protect)
            await self._announce(state)
        await self.context.audit_record(
            user.name, Action.PROTECTION_SET, m,
            detail=f"watermark={state.watermark} removal={state.removal} "
                   f"expires_at={state.expires_at}")
        return state.model_dump(mode="json")

    async def end(self, sid: str, user: User, request: MeetingEnd) -> dict:
        m = request.meeting_id

        def check_and_end() -> MeetingState:
            authz.require_may_manage(self.store, user, m)
            state = self.store.set_ended(m, time.time())
            if state.removal is Removal.FILES_AND_NOTES:
                removed = self.store.delete_private_notes(m)
                log.info("meeting %s: %d private notes removed at its end", m, removed)
            return state

        async with self.context.meeting_locks[m]:
            state = await self.context.call(check_and_end)
            if state.removal is Removal.FILES_AND_NOTES:
                # (secure_delete zeroed their pages in the database; the log keeps copies)
                self.context.wal.empty_soon(f"removing meeting {m}'s notes")
            await self._announce(state)
        await self.context.audit_record(user.name, Action.MEETING_ENDED, m,
                                        detail=f"removal={state.removal}")
        log.info("meeting %s: ended by %s (removal: %s)", m, user.name, state.removal)
        return state.model_dump(mode="json")

    async def reopen(self, sid: str, user: User, request: MeetingEnd) -> dict:
        m = request.meeting_id

        def check_and_reopen() -> MeetingState:
            authz.require_may_manage(self.store, user, m)
            return self.store.set_ended(m, None)

        async with self.context.meeting_locks[m]:
            state = await self.context.call(check_and_reopen)
            await self._announce(state)
        await self.context.audit_record(user.name, Action.MEETING_REOPENED, m)
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
                for meeting_id in await self.context.call(self.store.expiring, checked, now):
                    async with self.context.meeting_locks[meeting_id]:
                        await self._announce(
                            await self.context.call(self.store.meeting_state, meeting_id))
                    await self.context.audit_record("(server)", Action.MATERIALS_EXPIRED,
                                                    meeting_id)
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
