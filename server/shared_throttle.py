"""The sign-in throttle as the server's handlers use it: in this process's memory
(`server.login_throttle`), or in Redis when several processes serve one organisation, so a
guesser taking turns at them meets one count.

In Redis each key (account and address, address, account) is a sorted set of failure times
(wall clock: the processes' monotonic clocks differ); one Lua script checks all three and
counts the attempt in one step, so attempts sent at once to two processes cannot all pass.
"""

from __future__ import annotations

import time
import uuid

from server.cluster import Cluster
from server.login_throttle import (
    PER_ACCOUNT,
    PER_ACCOUNT_AND_ADDRESS,
    PER_ADDRESS,
    WINDOW_SECONDS,
    Attempt,
    LoginThrottle,
    Refusal,
)

_ATTEMPT = """
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local limits = {tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])}
local wait, account_wait = 0, 0
for i = 1, 3 do
  redis.call('zremrangebyscore', KEYS[i], '-inf', now - window)
  local n = redis.call('zcard', KEYS[i])
  if n >= limits[i] then
    local oldest = redis.call('zrange', KEYS[i], n - limits[i], n - limits[i], 'WITHSCORES')
    local w = math.max(1, math.ceil(tonumber(oldest[2]) + window - now))
    if w > wait then wait = w end
    if i == 3 then account_wait = w end
  end
end
if wait > 0 then
  local noticed = 0
  if account_wait > 0 and redis.call('set', KEYS[4], '1', 'NX', 'EX', math.ceil(window)) then
    noticed = 1
  end
  return {wait, noticed}
end
for i = 1, 3 do
  redis.call('zadd', KEYS[i], now, ARGV[6])
  redis.call('expire', KEYS[i], math.ceil(window))
end
return {0, 0}
"""


class LocalSignIns:
    """One process: its own memory."""

    def __init__(self, throttle: LoginThrottle) -> None:
        self.throttle = throttle

    async def attempt(self, account: str, address: str) -> Attempt | Refusal:
        """Let one attempt through (already counted as a failure) or refuse it."""
        return self.throttle.attempt(account, address)

    async def succeeded(self, attempt: Attempt) -> None:
        self.throttle.succeeded(attempt)


class SharedSignIns(LocalSignIns):
    """Every process: the counts live in Redis."""

    def __init__(self, throttle: LoginThrottle, cluster: Cluster) -> None:
        super().__init__(throttle)
        self.cluster = cluster

    def _keys(self, name: str, address: str) -> list[str]:
        key = self.cluster.key
        return [key("sign-ins", "pair", name, address), key("sign-ins", "address", address),
                key("sign-ins", "account", name)]

    async def attempt(self, account: str, address: str) -> Attempt | Refusal:
        now, name = time.time(), account.lower()
        token = uuid.uuid4().hex
        wait, noticed = await self.cluster.redis.eval(
            _ATTEMPT, 4, *self._keys(name, address), self.cluster.key("sign-ins-held", name),
            now, WINDOW_SECONDS, PER_ACCOUNT_AND_ADDRESS, PER_ADDRESS, PER_ACCOUNT, token)
        if wait:
            return Refusal(int(wait), bool(noticed))
        return Attempt(account, address, now, token)

    async def succeeded(self, attempt: Attempt) -> None:
        pair, *others = self._keys(attempt.account.lower(), attempt.address)
        async with self.cluster.redis.pipeline(transaction=True) as pipe:
            pipe.delete(pair)
            for key in others:
                pipe.zrem(key, attempt.token)
            await pipe.execute()
