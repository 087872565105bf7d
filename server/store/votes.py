"""Stored votes: open, cast (one ballot per eligible member, enforced by the primary key),
close, reopen. A secret vote keeps who voted apart from what was voted (see migration 13)."""

from __future__ import annotations

import json
import sqlite3
import time

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
from server.store.repository import Store


class VoteStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.db = store.db

    def open(self, request: VoteOpen, eligible: list[str]) -> VoteData:
        with self.store.transaction() as db:
            cursor = db.execute(
                "INSERT INTO votes (meeting_id, agenda_item, title, kind, options, secret, "
                "quorum, majority, status, eligible, opened_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)",
                (request.meeting_id, request.agenda_item, request.title.strip(),
                 str(request.kind), json.dumps([o.strip() for o in request.options],
                                               ensure_ascii=False),
                 int(request.secret), request.quorum, str(request.majority),
                 json.dumps(sorted(eligible), ensure_ascii=False), time.time()))
            return self.require(request.meeting_id, inserted_id(cursor))

    def cast(self, meeting_id: int, vote_id: int, voter: str, choice: str) -> VoteData:
        with self.store.transaction() as db:
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
            try:
                db.execute("INSERT INTO vote_voters (vote_id, voter, choice) VALUES (?, ?, ?)",
                           (vote_id, voter, None if vote.secret else chosen))
            except sqlite3.IntegrityError:
                raise ProtocolError(ErrorCode.CONFLICT,
                                    "You have already voted; a ballot cannot be changed."
                                    ) from None
            if vote.secret:
                db.execute("INSERT INTO vote_counts (vote_id, choice, count) VALUES (?, ?, 1) "
                           "ON CONFLICT (vote_id, choice) DO UPDATE SET count = count + 1",
                           (vote_id, chosen))
            db.execute("UPDATE votes SET version = version + 1 WHERE id = ?", (vote_id,))
            return self.require(meeting_id, vote_id, viewer=voter)

    def set_status(self, meeting_id: int, vote_id: int, status: VoteStatus) -> VoteData:
        with self.store.transaction() as db:
            vote = self.require(meeting_id, vote_id)
            if vote.status is status:
                raise ProtocolError(ErrorCode.CONFLICT, f"This vote is already {status}.")
            db.execute("UPDATE votes SET status = ?, closed_at = ?, version = version + 1 "
                       "WHERE id = ?", (str(status), time.time() if status is VoteStatus.CLOSED
                                        else None, vote_id))
            return self.require(meeting_id, vote_id)

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

    def _data(self, row: sqlite3.Row, viewer: str | None = None) -> VoteData:
        kind, secret = VoteKind(row["kind"]), bool(row["secret"])
        options = tuple(json.loads(row["options"]))
        voters = self.db.execute("SELECT voter, choice FROM vote_voters WHERE vote_id = ? "
                                 "ORDER BY voter", (row["id"],)).fetchall()
        counts = dict.fromkeys(choices(kind, options), 0)
        if secret:
            for choice, count in self.db.execute(
                    "SELECT choice, count FROM vote_counts WHERE vote_id = ?", (row["id"],)):
                counts[choice] = count
        else:
            for voter in voters:
                counts[voter["choice"]] = counts.get(voter["choice"], 0) + 1
        eligible = tuple(json.loads(row["eligible"]))
        status = VoteStatus(row["status"])
        majority = Majority(row["majority"])
        return VoteData(
            id=row["id"], meeting_id=row["meeting_id"], version=row["version"],
            title=row["title"], kind=kind, options=options, secret=secret,
            quorum=row["quorum"], majority=majority, agenda_item=row["agenda_item"],
            status=status, eligible=eligible, voted=len(voters),
            voters=tuple(v["voter"] for v in voters if not secret or v["voter"] == viewer),
            counts=counts,
            ballots=None if secret else {v["voter"]: v["choice"] for v in voters},
            opened_at=row["opened_at"], closed_at=row["closed_at"],
            result=decide(kind, majority, row["quorum"], len(eligible), counts)
            if status is VoteStatus.CLOSED else None)


__all__ = ["ABSTAIN", "VoteStore"]
