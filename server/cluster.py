"""This process among the others serving the same meetings (`meeting-server --redis URL`).

Several processes share one database and one Redis. Broadcasts, private rooms and removals go
through python-socketio's Redis manager (`server.fanout`); what used to live in one process's
memory and must now be seen by all of them (presence, the sign-in throttle, secret-ballot
tallies, who runs a sweep) lives in Redis, under keys starting with `meeting:`.

Secret-ballot tallies must never reach a disk (issue 19), so a Redis that saves its data
(RDB snapshots or an append-only file) is refused at start: `RedisPersists`.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # (imported where used: the redis package comes with the `scale` extra only)
    import redis
    import redis.asyncio

log = logging.getLogger("meeting.server.cluster")

PREFIX = "meeting:"
"""Every key this server keeps in Redis starts with this (the Socket.IO manager's channel is
`socketio`)."""

_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then
  return redis.call('pexpire', KEYS[1], ARGV[2])
end
return redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) and 1 or 0
"""
"""Hold a lock already ours a while longer, or take it if nobody holds it."""



def text(value: bytes | str) -> str:
    """A Redis reply as text (the clients decode replies; their types do not say so)."""
    return value.decode() if isinstance(value, bytes) else value


class RedisPersists(RuntimeError):
    """The Redis server writes its data to disk: secret ballots would reach it."""


class RedisUnavailable(RuntimeError):
    """`--redis` was given, but the redis package is not installed."""


class Cluster:
    """The Redis shared by every process, and this process's name among them."""

    def __init__(self, url: str) -> None:
        try:
            import redis
            import redis.asyncio
        except ImportError:
            raise RedisUnavailable("--redis needs the redis package: pip install "
                                   "'paperless-meeting[scale]'") from None
        self.url = url
        self.process = uuid.uuid4().hex[:12]
        """This process's name in what it keeps in Redis (a new one at every start)."""
        self.redis: redis.asyncio.Redis = redis.asyncio.Redis.from_url(
            url, decode_responses=True)
        self.sync: redis.Redis = redis.Redis.from_url(url, decode_responses=True)
        """For store code, which runs synchronously (off the event loop)."""

    @classmethod
    def open(cls, url: str) -> Cluster:
        """Connect, and refuse a Redis that keeps its data on disk."""
        cluster = cls(url)
        try:
            cluster.refuse_persistence()
        except BaseException:
            cluster.sync.close()
            raise
        return cluster

    def refuse_persistence(self) -> None:
        import redis

        try:
            saves = self.sync.config_get("save").get("save") or ""
            appendonly = self.sync.config_get("appendonly").get("appendonly") or "no"
        except redis.ResponseError as error:  # (CONFIG renamed away, as managed Redis does)
            log.warning("cannot ask Redis at %s whether it saves to disk (%s): secret ballots "
                        "are kept there while a vote is open; make sure it runs with "
                        "--save '' --appendonly no (docs/security.md)", self.url, error)
            return
        if saves.strip() or appendonly == "yes":
            raise RedisPersists(
                f"the Redis server at {self.url} saves its data to disk (save {saves!r}, "
                f"appendonly {appendonly}): secret ballots would be written there. Run it "
                "with --save '' --appendonly no (docs/deploy.md, \"Several processes\").")

    def key(self, *parts: Any) -> str:
        return PREFIX + ":".join(str(p) for p in parts)

    async def hold(self, name: str, seconds: float) -> bool:
        """Take or keep the lock `name` for `seconds` more: True while this process holds it.
        A process that dies lets go when its lock expires."""
        held = await self.redis.eval(_RENEW, 1, self.key("lock", name), self.process,
                                     int(seconds * 1000))
        return bool(held)

    async def close(self) -> None:
        await self.redis.aclose()
        self.sync.close()
