"""Stored votes: open, cast (one ballot per eligible member), close, reopen.

A named vote stores each ballot as it comes (`vote_voters`, with the choice). A secret vote
stores nothing per ballot while it is open: who voted and the counts are kept in memory
(`SecretTallies`) and written once, together, when it closes, so neither the database nor its
write-ahead log holds one commit per ballot to line up with the voters. A server restart
while a secret vote is open loses the ballots cast since it (re)opened: the vote stays open,
says when they were lost (`ballots_lost_at`) and everyone may vote again (see
`recover_after_restart`)."""

from __future__ import annotations

import json
import threading
import time
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from meeting.core.protocol import ErrorCode, ProtocolError
from meeting.core.votes import (
    ABSTAIN,
    Majority,
    VoteData,
    VoteKind,
    VoteOpen,
    VoteStatus,
    choices,
    decide,
)
from server.store.db import inserted_id
from server.store.dialect import INTEGRITY_ERRORS
from server.store.repository import Store


@dataclass
class SecretTally:
    """An open secret vote's ballots, in memory only: who voted, and the counts."""

    voters: set[str]
    counts: Counter[str]
    version: int
    ballots_lost_at: float | None = None


@dataclass
class SecretTallies:
    """The open secret votes of one database (the server's process holds the only copy; with
    several processes, `server.shared_tallies` keeps them in Redis instead)."""

    tallies: dict[int, SecretTally] = field(default_factory=dict)
    lost: dict[int, float] = field(default_factory=dict)
    """When a restart lost a vote's ballots (kept after it closes, for this process's life)."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    """(the record of the meeting reads votes from a worker thread)"""

    def start(self, vote_id: int, tally: SecretTally) -> None:
        with self.lock:
            self.tallies[vote_id] = tally

    def get(self, vote_id: int) -> SecretTally | None:
        """A copy of the vote's tally (None: not open, or started by nobody yet)."""
        with self.lock:
            tally = self.tallies.get(vote_id)
            return None if tally is None else SecretTally(
                set(tally.voters), Counter(tally.counts), tally.version, tally.ballots_lost_at)

    def cast(self, vote_id: int, voter: str, choice: str) -> bool:
        """Count the ballot; False if `voter` has voted already. (The tally must exist.)"""
        with self.lock:
            tally = self.tallies[vote_id]
            if voter in tally.voters:
                return False
            tally.voters.add(voter)
            tally.counts[choice] += 1
            tally.version += 1
            return True

    def drop(self, vote_id: int) -> None:
        with self.lock:
            self.tallies.pop(vote_id, None)

    def lose(self, vote_id: int, at: float) -> None:
        """A restart lost the vote's ballots at `at`."""
        with self.lock:
            if vote_id in self.tallies:
                self.tallies[vote_id].ballots_lost_at = at
            self.lost[vote_id] = at

    def lost_at(self, vote_id: int) -> float | None:
        with self.lock:
            return self.lost.get(vote_id)


_TALLIES: weakref.WeakKeyDictionary[Store, SecretTallies] = weakref.WeakKeyDictionary()
_TALLIES_LOCK = threading.Lock()


def secret_tallies(store: Store) -> SecretTallies:
    """The one set of tallies for this store, whichever VoteStore asks."""
    with _TALLIES_LOCK:
        return _TALLIES.setdefault(store, SecretTallies())


def share_tallies(store: Store, tallies: SecretTallies) -> None:
    """Keep this store's tallies in `tallies` (before any VoteStore of it is made)."""
    with _TALLIES_LOCK:
        _TALLIES[store] = tallies


class VoteStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.secret = secret_tallies(store)

    @property
    def db(self) -> Any:
        """The calling thread's connection (see `Store.db`)."""
        return self.store.db

    def open(self, request: VoteOpen, eligible: list[str]) -> VoteData:
        with self.store.transaction() as db:
            cursor = db.execute(
                "INSERT INTO votes (meeting_id, agenda_item, title, kind, options, secret, "
                "quorum, majority, status, eligible, opened_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id",
                (request.meeting_id, request.agenda_item, request.title.strip(),
                 str(request.kind), json.dumps([o.strip() for o in request.options],
                                               ensure_ascii=False),
                 int(request.secret), request.quorum, str(request.majority),
                 json.dumps(sorted(eligible), ensure_ascii=False), time.time()))
            vote_id = inserted_id(cursor)
            if request.secret:
                self._start_tally(vote_id)
            return self.require(request.meeting_id, vote_id)

    def cast(self, meeting_id: int, vote_id: int, voter: str, choice: str) -> VoteData:
        vote = self.require(meeting_id, vote_id)
        if vote.status is not VoteStatus.OPEN:
            raise ProtocolError(ErrorCode.CONFLICT, "This vote is closed.")
        if voter not in vote.eligible:
            raise ProtocolError(ErrorCode.FORBIDDEN, "You are not eligible in this vote.")
        allowed = {c.casefold(): c for c in choices(vote.kind, vote.options)}
        chosen = allowed.get(choice.strip().casefold())
        if chosen is None:
            raise ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                f"Choose one of: {', '.join(allowed.values())}.")
        already = ProtocolError(ErrorCode.CONFLICT,
                                "You have already voted; a ballot cannot be changed.")
        if vote.secret:
            self._tally(vote_id)
            if not self.secret.cast(vote_id, voter, chosen):
                raise already
            return self.require(meeting_id, vote_id, viewer=voter)
        with self.store.transaction() as db:
            try:
                db.execute("INSERT INTO vote_voters (vote_id, voter, choice) VALUES (?, ?, ?)",
                           (vote_id, voter, chosen))
            except INTEGRITY_ERRORS:
                raise already from None
            db.execute("UPDATE votes SET version = version + 1 WHERE id = ?", (vote_id,))
            return self.require(meeting_id, vote_id, viewer=voter)

    def set_status(self, meeting_id: int, vote_id: int, status: VoteStatus) -> VoteData:
        """Close or reopen, once: the status is changed only where it is not already the one
        asked, in the same statement, so two processes closing one vote at once (on
        PostgreSQL each reads it open) close it once, and the second hears it was already."""
        with self.store.transaction() as db:
            vote = self.require(meeting_id, vote_id)
            changed = None if vote.status is status else db.execute(
                "UPDATE votes SET status = ?, closed_at = ?, version = version + 1 "
                "WHERE id = ? AND status <> ? RETURNING version",
                (str(status), time.time() if status is VoteStatus.CLOSED else None, vote_id,
                 str(status))).fetchone()
            if changed is None:
                raise ProtocolError(ErrorCode.CONFLICT, f"This vote is already {status}.")
            if vote.secret and status is VoteStatus.CLOSED:
                self._write_tally(db, vote_id)
            if vote.secret and status is VoteStatus.OPEN:
                self._start_tally(vote_id)
        if vote.secret and status is VoteStatus.CLOSED:  # (written: memory lets go of it)
            self.secret.drop(vote_id)
        return self.require(meeting_id, vote_id)

    def recover_after_restart(self) -> list[tuple[int, int]]:
        """At the server's start: every secret vote still open lost the ballots cast since it
        (re)opened, which only the previous process had. Each one stays open with what was
        stored when it last closed (nothing, for a first round), says when its ballots were
        lost, and takes a version above any its clients saw (each ballot raised it by one),
        so they show it. Returns (meeting, vote) for each."""
        now = time.time()
        recovered = []
        with self.store.transaction() as db:
            for row in db.execute("SELECT id, meeting_id, eligible FROM votes "
                                  "WHERE secret = 1 AND status = 'open'").fetchall():
                if self.secret.get(row["id"]) is not None:
                    continue  # (another server process holds it, in Redis)
                db.execute("UPDATE votes SET version = version + ? WHERE id = ?",
                           (len(json.loads(row["eligible"])) + 1, row["id"]))
                self._start_tally(row["id"])
                self.secret.lose(row["id"], now)
                recovered.append((row["meeting_id"], row["id"]))
        return recovered

    def vote(self, meeting_id: int, vote_id: int, viewer: str | None = None
             ) -> VoteData | None:
        """The vote as `viewer` may see it (None: as everyone may, for a broadcast)."""
        row = self.db.execute("SELECT * FROM votes WHERE id = ? AND meeting_id = ?",
                              (vote_id, meeting_id)).fetchone()
        return self._data(row, viewer) if row else None

    def votes(self, meeting_id: int, viewer: str | None = None) -> list[VoteData]:
        """Every vote of the meeting, oldest first (for the snapshot and the record)."""
        rows = self.db.execute("SELECT * FROM votes WHERE meeting_id = ? ORDER BY id",
                               (meeting_id,))
        return [self._data(row, viewer) for row in rows.fetchall()]

    def require(self, meeting_id: int, vote_id: int, viewer: str | None = None) -> VoteData:
        """The vote, which must exist in this meeting."""
        vote = self.vote(meeting_id, vote_id, viewer)
        if vote is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, "No such vote in this meeting.")
        return vote

    def _start_tally(self, vote_id: int) -> None:
        """A secret vote (re)opens: its tally starts from what its last close wrote."""
        voters, counts = self._stored_ballots(vote_id)
        version = self.db.execute("SELECT version FROM votes WHERE id = ?",
                                  (vote_id,)).fetchone()[0]
        self.secret.start(vote_id, SecretTally(set(voters), counts, version))

    def _tally(self, vote_id: int) -> SecretTally:
        """An open secret vote's tally (started from what is stored if this process has none:
        a store opened without the server's recovery, as a test may)."""
        tally = self.secret.get(vote_id)
        if tally is None:
            self._start_tally(vote_id)
            tally = self.secret.get(vote_id)
            assert tally is not None
        return tally

    def _stored_ballots(self, vote_id: int) -> tuple[list[str], Counter[str]]:
        voters = [r[0] for r in self.db.execute(
            "SELECT voter FROM vote_voters WHERE vote_id = ? ORDER BY voter", (vote_id,))]
        counts = Counter({choice: count for choice, count in self.db.execute(
            "SELECT choice, count FROM vote_counts WHERE vote_id = ?", (vote_id,))})
        return voters, counts

    def _write_tally(self, db: Any, vote_id: int) -> None:
        """The close of a secret vote: its voters (by name, in name order, as the table's key
        is) and its counts, in the one commit that also closes it."""
        tally = self._tally(vote_id)
        voters, counts = sorted(tally.voters), dict(tally.counts)
        db.executemany("INSERT INTO vote_voters (vote_id, voter, choice) "
                       "VALUES (?, ?, NULL) ON CONFLICT DO NOTHING",
                       [(vote_id, v) for v in voters])
        db.executemany("INSERT INTO vote_counts (vote_id, choice, count) VALUES (?, ?, ?) "
                       "ON CONFLICT (vote_id, choice) DO UPDATE SET count = excluded.count",
                       [(vote_id, c, n) for c, n in sorted(counts.items())])

    def _data(self, row: Any, viewer: str | None = None) -> VoteData:
        kind, secret = VoteKind(row["kind"]), bool(row["secret"])
        options = tuple(json.loads(row["options"]))
        counts = dict.fromkeys(choices(kind, options), 0)
        version, lost_at = row["version"], None
        ballots: dict[str, str] | None = None
        if secret:
            tally = self.secret.get(row["id"])
            lost_at = self.secret.lost_at(row["id"])
            if tally is not None:
                voters, stored = sorted(tally.voters), tally.counts
                version = tally.version
            else:
                voters, stored = self._stored_ballots(row["id"])
            counts.update(stored)
        else:
            named = self.db.execute("SELECT voter, choice FROM vote_voters WHERE vote_id = ? "
                                    "ORDER BY voter", (row["id"],)).fetchall()
            voters, ballots = [v["voter"] for v in named], {v["voter"]: v["choice"]
                                                             for v in named}
            for voter in named:
                counts[voter["choice"]] = counts.get(voter["choice"], 0) + 1
        eligible = tuple(json.loads(row["eligible"]))
        status = VoteStatus(row["status"])
        majority = Majority(row["majority"])
        return VoteData(
            id=row["id"], meeting_id=row["meeting_id"], version=version,
            title=row["title"], kind=kind, options=options, secret=secret,
            quorum=row["quorum"], majority=majority, agenda_item=row["agenda_item"],
            status=status, eligible=eligible, voted=len(voters),
            voters=tuple(v for v in voters if not secret or v == viewer),
            counts=counts, ballots=ballots, ballots_lost_at=lost_at,
            opened_at=row["opened_at"], closed_at=row["closed_at"],
            result=decide(kind, majority, row["quorum"], len(eligible), counts)
            if status is VoteStatus.CLOSED else None)


__all__ = ["ABSTAIN", "SecretTallies", "SecretTally", "VoteStore", "share_tallies"]
