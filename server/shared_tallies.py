"""Open secret votes' tallies in Redis, so every server process counts one vote's ballots
together (`meeting-server --redis`).

Still memory only: the server refuses a Redis that saves to disk (`server.cluster`). One hash
per open vote: `v:NAME` for each voter, `c:CHOICE` for each count, `version`; a ballot is
checked and counted by one Lua script, so a voter with two devices on two processes votes
once. Store code runs synchronously (off the event loop), hence the synchronous client.
"""

from __future__ import annotations

from collections import Counter

from server.cluster import Cluster, text
from server.store.votes import SecretTallies, SecretTally

_CAST = """
if redis.call('exists', KEYS[1]) == 0 then return -1 end
if redis.call('hsetnx', KEYS[1], 'v:' .. ARGV[1], 1) == 0 then return 0 end
redis.call('hincrby', KEYS[1], 'c:' .. ARGV[2], 1)
redis.call('hincrby', KEYS[1], 'version', 1)
return 1
"""


class SharedTallies(SecretTallies):
    def __init__(self, cluster: Cluster) -> None:
        super().__init__()
        self.cluster = cluster

    def _key(self, vote_id: int) -> str:
        return self.cluster.key("tally", vote_id)

    def start(self, vote_id: int, tally: SecretTally) -> None:
        fields: dict[str, int] = {"version": tally.version}
        fields.update({f"v:{voter}": 1 for voter in tally.voters})
        fields.update({f"c:{choice}": count for choice, count in tally.counts.items()})
        with self.cluster.sync.pipeline(transaction=True) as pipe:
            pipe.delete(self._key(vote_id))
            pipe.hset(self._key(vote_id), mapping=fields)  # type: ignore[arg-type]  # (an invariant key type)
            pipe.execute()

    def get(self, vote_id: int) -> SecretTally | None:
        fields = {text(name): text(value)
                  for name, value in self.cluster.sync.hgetall(self._key(vote_id)).items()}
        if not fields:
            return None
        voters = {name[2:] for name in fields if name.startswith("v:")}
        counts = Counter({name[2:]: int(n) for name, n in fields.items()
                          if name.startswith("c:")})
        return SecretTally(voters, counts, int(fields["version"]), self.lost_at(vote_id))

    def cast(self, vote_id: int, voter: str, choice: str) -> bool:
        counted = self.cluster.sync.eval(_CAST, 1, self._key(vote_id), voter, choice)
        if counted == -1:
            raise KeyError(vote_id)
        return bool(counted)

    def drop(self, vote_id: int) -> None:
        self.cluster.sync.delete(self._key(vote_id))

    def lose(self, vote_id: int, at: float) -> None:
        self.cluster.sync.set(self.cluster.key("tally-lost", vote_id), at)

    def lost_at(self, vote_id: int) -> float | None:
        at = self.cluster.sync.get(self.cluster.key("tally-lost", vote_id))
        return None if at is None else float(at)
