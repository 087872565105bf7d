"""Who is in each meeting, across every server process (`--redis`), or in this one's memory.

Each process records its own connections in `meeting.core.presence.Presence` as before, and
with a Redis it also writes them there, one hash field per process per meeting; the list a
meeting is told is the union of every living process's. A process says it lives by a key that
expires (`ALIVE_SECONDS`) unless it renews it; one that dies (SIGKILL, a lost machine) stops
renewing, and the first process to notice drops what it had written and tells those meetings
who is left. The presence version comes from one Redis counter, so a client comparing lists
from two processes keeps the newest.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from meeting.core.presence import Device, Place, Presence, PresenceData, people_of
from server.cluster import Cluster, text

log = logging.getLogger("meeting.server.presence")

REFRESH_SECONDS = 1.0
"""How often a process says it lives and checks on the others."""
ALIVE_SECONDS = 5.0
"""A process not heard from for this long is taken for dead: its people leave."""

Announce = Callable[[int], Coroutine[Any, Any, None]]


class LocalPresence:
    """One process: the board is its own memory."""

    def __init__(self, presence: Presence) -> None:
        self.presence = presence

    async def publish(self, meeting_id: int) -> None:
        """This process's connections to the meeting changed (nothing to tell anyone)."""

    async def data(self, meeting_id: int) -> PresenceData:
        return self.presence.data(meeting_id)

    async def devices(self, meeting_id: int) -> dict[str, Device]:
        """Every connection in the meeting, by sid (on every process)."""
        return self.presence.devices(meeting_id)

    async def run(self, announce: Announce, in_room: Callable[[str, int], bool]) -> None:
        """Nothing to look after."""

    async def close(self) -> None:
        """Nothing kept elsewhere."""


class SharedPresence(LocalPresence):
    """Several processes: each writes its own part to Redis, everyone reads the whole."""

    def __init__(self, presence: Presence, cluster: Cluster) -> None:
        super().__init__(presence)
        self.cluster = cluster
        self.me = cluster.process
        self._version = cluster.key("presence-version")
        self._processes = cluster.key("processes")

    def _meeting(self, meeting_id: int) -> str:
        return self.cluster.key("presence", meeting_id)

    def _alive(self, process: str) -> str:
        return self.cluster.key("alive", process)

    def _meetings_of(self, process: str) -> str:
        return self.cluster.key("presence-meetings", process)

    async def publish(self, meeting_id: int) -> None:
        devices = self.presence.devices(meeting_id)
        async with self.cluster.redis.pipeline(transaction=True) as pipe:
            if devices:
                pipe.hset(self._meeting(meeting_id), self.me, _encode(devices))
            else:
                pipe.hdel(self._meeting(meeting_id), self.me)
            pipe.sadd(self._meetings_of(self.me), meeting_id)
            pipe.set(self._alive(self.me), 1, px=int(ALIVE_SECONDS * 1000))
            pipe.sadd(self._processes, self.me)
            pipe.incr(self._version)
            await pipe.execute()

    async def data(self, meeting_id: int) -> PresenceData:
        devices = await self.devices(meeting_id)
        version = int(await self.cluster.redis.get(self._version) or 0)
        return PresenceData(meeting_id=meeting_id, people=people_of(devices.values()),
                            version=version)

    async def devices(self, meeting_id: int) -> dict[str, Device]:
        parts = {text(p): text(part) for p, part in
                 (await self.cluster.redis.hgetall(self._meeting(meeting_id))).items()}
        others = [p for p in parts if p != self.me]
        alive = await self.cluster.redis.mget([self._alive(p) for p in others]) if others else []
        dead = {p for p, mark in zip(others, alive, strict=True) if mark is None}
        devices: dict[str, Device] = {}
        for process, part in parts.items():
            if process not in dead:
                devices.update(_decode(part))
        return devices

    async def run(self, announce: Announce, in_room: Callable[[str, int], bool]) -> None:
        """For the server's life: say this process lives, let go of connections another
        process took out of a meeting, and clear what dead processes left behind."""
        while True:
            try:
                await self._round(announce, in_room)
            except Exception:  # (Redis away for a moment): try again next round
                log.exception("sharing presence through Redis failed")
            await asyncio.sleep(REFRESH_SECONDS)

    async def _round(self, announce: Announce, in_room: Callable[[str, int], bool]) -> None:
        redis = self.cluster.redis
        await redis.set(self._alive(self.me), 1, px=int(ALIVE_SECONDS * 1000))
        await redis.sadd(self._processes, self.me)
        for meeting_id in self.presence.meetings():
            # (a removal or an expiry on another process took these out of the meeting's room)
            left = [sid for sid in self.presence.devices(meeting_id)
                    if not in_room(sid, meeting_id)]
            for sid in left:
                self.presence.leave(meeting_id, sid)
            if left:
                await announce(meeting_id)
        for process in map(text, await redis.smembers(self._processes)):
            if process == self.me or await redis.exists(self._alive(process)):
                continue
            if not await redis.srem(self._processes, process):
                continue  # (another process is clearing it)
            meetings = sorted(int(m) for m in await redis.smembers(self._meetings_of(process)))
            log.warning("server process %s stopped renewing its presence: its people in "
                        "meetings %s have left", process, meetings)
            for gone_from in meetings:
                await redis.hdel(self._meeting(gone_from), process)
                await announce(gone_from)
            await redis.delete(self._meetings_of(process))

    async def close(self) -> None:
        """The process stops: its connections leave every meeting."""
        redis = self.cluster.redis
        for meeting_id in await redis.smembers(self._meetings_of(self.me)):
            await redis.hdel(self._meeting(int(meeting_id)), self.me)
        await redis.delete(self._meetings_of(self.me), self._alive(self.me))
        await redis.srem(self._processes, self.me)


def _encode(devices: dict[str, Device]) -> str:
    return json.dumps({sid: [d.name, d.role, str(d.place), d.following]
                       for sid, d in devices.items()}, ensure_ascii=False)


def _decode(part: str) -> dict[str, Device]:
    return {sid: Device(name, role, Place(place), following)
            for sid, (name, role, place, following) in json.loads(part).items()}
