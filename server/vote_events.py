"""Socket.IO handlers for votes: the chair (the presenter, or an organizer stepping in) opens,
closes and reopens; each eligible member casts one ballot. Every change is broadcast whole as
`vote`, so the large monitor shows the live count."""

from __future__ import annotations

import logging

from meeting.core.protocol import ErrorCode, Event, ProtocolError, Role
from meeting.core.votes import VoteCast, VoteData, VoteOpen, VoteRef, VoteStatus
from server import authz
from server.context import ServerContext
from server.store.audit import Action
from server.store.repository import User
from server.store.votes import VoteStore

log = logging.getLogger("meeting.server.votes")


class VoteEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context
        self.store = context.store
        self.votes = VoteStore(context.store)
        self._recover_secret_votes()

    def handlers(self) -> dict:
        return {Event.VOTE_OPEN: self.open, Event.VOTE_CAST: self.cast,
                Event.VOTE_CLOSE: self.close, Event.VOTE_REOPEN: self.reopen}

    async def open(self, sid: str, user: User, request: VoteOpen) -> dict:
        m = request.meeting_id

        def check_and_open() -> VoteData:
            authz.require_visible_meeting(self.store, user, m)
            authz.require_drives_room(self.store, user, m, "open a vote")
            if request.agenda_item is not None and request.agenda_item not in {
                    item.id for item in self.store.agenda(m)}:
                raise ProtocolError(authz.ErrorCode.NOT_FOUND, "No such agenda item.")
            # Eligible: the members then, not display accounts (a screen does not vote).
            eligible = [u.name for u in self.store.members(m) if u.role is not Role.DISPLAY]
            vote = self.votes.open(request, eligible)
            self.context.audit.record(user.name, Action.VOTE_OPENED, m,
                                      detail=f"vote {vote.id}: {vote.title}")
            return vote

        async with self.context.meeting_locks[m]:
            vote = await self.context.call(check_and_open)
            await self._announce(vote)
        log.info("meeting %s: %s opened vote %s (%s, %s)", m, user.name, vote.id, vote.kind,
                 "secret" if vote.secret else "named")
        return vote.model_dump(mode="json")

    async def cast(self, sid: str, user: User, request: VoteCast) -> dict:
        m = request.meeting_id

        def check_and_cast() -> tuple[VoteData, VoteData | None]:
            """The ballot as the voter sees it, and the vote to announce (names hidden if
            secret; None for a ballot sent again)."""
            authz.require_visible_meeting(self.store, user, m)
            try:
                vote = self.votes.cast(m, request.vote_id, user.name, request.choice)
            except ProtocolError as refused:
                return self._resent(user, request, refused), None
            return vote, self.votes.require(m, vote.id)

        async with self.context.meeting_locks[m]:
            vote, announce = await self.context.call(check_and_cast)
            if announce is not None:
                await self._announce(announce)
        # (nothing about the ballot goes to the log: for a secret vote, the time of a ballot
        # next to the counts could tell what someone voted)
        return vote.model_dump(mode="json")

    def _resent(self, user: User, request: VoteCast, refused: ProtocolError) -> VoteData:
        """A ballot the server already counted, sent again (its answer was lost with the
        link): answered as the first time, and nothing changes. Anything else stays refused.
        (A secret ballot's choice is not kept, so any repeat of the voter counts as one.)"""
        vote = self.votes.vote(request.meeting_id, request.vote_id, viewer=user.name)
        if (refused.code != ErrorCode.CONFLICT or vote is None or user.name not in vote.voters
                or not (vote.secret or (vote.ballots or {}).get(user.name, "").casefold()
                        == request.choice.strip().casefold())):
            raise refused
        return vote

    async def close(self, sid: str, user: User, request: VoteRef) -> dict:
        return await self._set_status(user, request, VoteStatus.CLOSED)

    async def reopen(self, sid: str, user: User, request: VoteRef) -> dict:
        return await self._set_status(user, request, VoteStatus.OPEN)

    async def _set_status(self, user: User, request: VoteRef, status: VoteStatus) -> dict:
        m = request.meeting_id

        def check_and_set() -> VoteData:
            authz.require_visible_meeting(self.store, user, m)
            authz.require_drives_room(self.store, user, m,
                                      "close a vote" if status is VoteStatus.CLOSED
                                      else "reopen a vote")
            vote = self.votes.set_status(m, request.vote_id, status)
            action = Action.VOTE_CLOSED if status is VoteStatus.CLOSED else Action.VOTE_REOPENED
            outcome = f" ({vote.result.outcome})" if vote.result else ""
            self.context.audit.record(user.name, action, m, detail=f"vote {vote.id}{outcome}")
            return vote

        async with self.context.meeting_locks[m]:
            vote = await self.context.call(check_and_set)
            await self._announce(vote)
        if vote.secret and status is VoteStatus.CLOSED:
            # Nothing per ballot was written, but the close's commit is emptied from the log
            # too (in the background: readers may hold it; /health says if they always do).
            self.context.wal.empty_soon(f"closing secret vote {vote.id}")
        return vote.model_dump(mode="json")

    def _recover_secret_votes(self) -> None:
        """A secret vote open when the server stopped lost its ballots (they were only in that
        process's memory): it stays open, says so, and everyone may vote again."""
        for meeting_id, vote_id in self.votes.recover_after_restart():
            self.context.audit.record(
                "(server)", Action.VOTE_REOPENED, meeting_id,
                detail=f"vote {vote_id}: the server restarted while this secret vote was open; "
                       "its ballots since it opened were lost and are cast again")
            log.warning("meeting %s: secret vote %s was open when the server stopped: its "
                        "ballots were lost (never written), everyone votes again", meeting_id,
                        vote_id)

    async def _announce(self, vote: VoteData) -> None:
        await self.context.broadcast(vote)
