"""Socket.IO handlers for annotations: live strokes, whole strokes, deletes, clearing a page.

Shared-layer changes are numbered with the meeting's `seq` and broadcast to the meeting; private
ones go only to their owner's connections (a room per user and meeting), never to anyone else.

Each handler's checks and store work are one function run in the store's thread (one trip, one
transaction: see `ServerContext.call`); it returns what to announce, which the handler sends
from the loop, still holding the meeting's lock.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeAlias

from meeting.core.annotations import (
    AnnotationChange,
    AnnotationData,
    AnnotationDelete,
    AnnotationPut,
    AnnotationShare,
    Layer,
    PageClear,
    StrokeEnd,
    StrokePoints,
    StrokeStart,
)
from meeting.core.protocol import ErrorCode, Event, ProtocolError, Role
from server import authz
from server.caller import Caller
from server.context import ServerContext, meeting_room, private_room
from server.relay import InkBatch, SendQueue
from server.store.annotations import AnnotationStore, Head, Stored
from server.store.repository import User

Announcement: TypeAlias = tuple[Layer, str, AnnotationChange]
"""A change to send: the layer and owner name its room."""
Outcome: TypeAlias = tuple[dict, list[Announcement]]
"""A handler's reply and what it announces, from its work in the store's thread."""


class AnnotationEvents:
    def __init__(self, context: ServerContext) -> None:
        self.context = context
        self.store = context.store
        self.annotations = AnnotationStore(context.store)

    def handlers(self) -> dict:
        return {
            Event.ANNOTATION_BEGIN: self.begin,
            Event.ANNOTATION_POINTS: self.points,
            Event.ANNOTATION_END: self.end,
            Event.ANNOTATION_PUT: self.put,
            Event.ANNOTATION_DELETE: self.delete,
            Event.ANNOTATION_SHARE: self.share,
            Event.PAGE_CLEAR: self.clear_page,
        }

    # --- handlers ----------------------------------------------------------------------------

    async def begin(self, sid: str, user: User, request: StrokeStart) -> dict:
        return await self._insert(sid, user, request, complete=False, kind="begin")

    async def put(self, sid: str, user: User, request: AnnotationPut) -> dict:
        return await self._insert(sid, user, request, complete=True, kind="put")

    async def points(self, sid: str, caller: Caller, request: StrokePoints) -> dict:
        """Stored at once; relayed by the meeting's sender, joined to this stroke's batch still
        waiting there if there is one (see server/relay.py). Answered once relayed.

        The hot path of live ink: one trip to the store's thread, where the points are stored
        and, if they cannot join the batch waiting, numbered in the same transaction."""
        m = request.meeting_id
        joined = self.context.joined(sid, m)
        relayed: asyncio.Future[None] | None = None
        async with self.context.meeting_locks[m]:
            queue = self.context.sender(m).queue

            def store_points() -> tuple[str, int, list[list[float]], list[float], int | None,
                                        bool]:
                user = caller.user(self.store)  # (the session, checked in this one trip)
                self._joined(joined, user, m)
                head = self._own(user, m, request.id)
                room = self._room(m, head.layer, head.owner)
                seq, joins = None, False
                with self.store.transaction():
                    offset, fresh, pressure = self.annotations.append(
                        head, request.offset, request.points, request.pressure)
                    if fresh and head.layer is Layer.SHARED:
                        now = self.annotations.seq(m)
                        joins = _waiting(queue, room, request.id, offset, now, len(fresh))
                        seq = now if joins else self.annotations.bump_seq(m)
                return room, offset, fresh, pressure, seq, joins

            room, offset, fresh, pressure, seq, joins = await self.context.call(store_points)
            if fresh:
                waiting = queue.batch_for(room, request.id, offset, seq, len(fresh))
                if waiting is None and joins:  # (sent meanwhile: these need a number of their own)
                    seq = await self.context.call(self._bump, m)
                relayed = self._relay(request, room, waiting, seq, offset, fresh, pressure)
        if relayed is not None:
            await asyncio.shield(relayed)
        return {"id": request.id, "count": offset + len(fresh)}

    def _relay(self, request: StrokePoints, room: str, waiting: InkBatch | None,
               seq: int | None, offset: int, fresh: list[list[float]], pressure: list[float]
               ) -> asyncio.Future[None] | None:
        """New points join the waiting batch or start one; the future is done when sent."""
        points = [(x, y) for x, y in fresh]
        if waiting is not None:
            waiting.extend(points, tuple(pressure))
            return waiting.sent
        return self.context.sender(request.meeting_id).put(InkBatch(
            request.meeting_id, room, seq, request.id, offset, points, tuple(pressure)))

    async def end(self, sid: str, user: User, request: StrokeEnd) -> dict:
        m = request.meeting_id
        joined = self.context.joined(sid, m)

        def finish() -> Outcome:
            self._joined(joined, user, m)
            head = self._own(user, m, request.id)
            have = head.count
            if request.count > have:
                raise ProtocolError(ErrorCode.CONFLICT, f"Only {have} of {request.count} points "
                                    f"arrived: resend from {have}.", count=have)
            announce: list[Announcement] = []
            if not head.complete:
                with self.store.transaction():
                    self.annotations.finish(request.id)
                    seq = self._seq(m, head.layer)
                announce.append((head.layer, head.owner, AnnotationChange(
                    meeting_id=m, seq=seq, kind="end", id=request.id)))
            return {"id": request.id, "count": have}, announce

        return await self._stored(m, finish)

    async def delete(self, sid: str, user: User, request: AnnotationDelete) -> dict:
        m = request.meeting_id
        joined = self.context.joined(sid, m)

        def delete() -> Outcome:
            self._joined(joined, user, m)
            found = [s for s in map(self.annotations.get, dict.fromkeys(request.ids))
                     if s is not None]  # already gone: nothing to do (a resend, an undo race)
            for stored in found:
                self._may_delete(user, m, stored)
            announce = self._delete(m, [s.annotation for s in found])
            return {"deleted": [s.annotation.id for s in found]}, announce

        return await self._stored(m, delete)

    async def share(self, sid: str, user: User, request: AnnotationShare) -> dict:
        """A private note becomes a shared mark: gone from the owner's private layer, put on
        the room's (numbered like any shared change)."""
        m = request.meeting_id
        joined = self.context.joined(sid, m)

        def share() -> Outcome:
            self._joined(joined, user, m)
            authz.require_may_draw_shared(self.store, user, m)
            head = self._own(user, m, request.id)
            announce: list[Announcement] = []
            if head.layer is Layer.PRIVATE:
                with self.store.transaction():
                    self.annotations.set_layer(request.id, Layer.SHARED)
                    seq = self.annotations.bump_seq(m)
                shared = self.annotations.require(request.id)
                announce += [(Layer.PRIVATE, user.name, AnnotationChange(
                                 meeting_id=m, seq=None, kind="delete", ids=(request.id,))),
                             (Layer.SHARED, user.name, AnnotationChange(
                                 meeting_id=m, seq=seq, kind="put", annotation=shared))]
            return {"id": request.id, "layer": str(Layer.SHARED)}, announce

        return await self._stored(m, share)

    async def clear_page(self, sid: str, user: User, request: PageClear) -> dict:
        """The presenter wipes the shared layer of one page; the reply has what was removed,
        so the client can undo by putting it back."""
        m = request.meeting_id
        joined = self.context.joined(sid, m)

        def clear() -> Outcome:
            self._joined(joined, user, m)
            authz.require_presenter(self.store, user, m, "clear the shared layer")
            ids = self.annotations.on_page(m, request.document_id, request.page, Layer.SHARED)
            removed = [self.annotations.require(i) for i in ids]
            announce = self._delete(m, removed)
            return {"annotations": [a.model_dump(mode="json") for a in removed]}, announce

        return await self._stored(m, clear)

    # --- helpers -----------------------------------------------------------------------------

    async def _stored(self, meeting_id: int, work: Callable[[], Outcome]) -> dict:
        """Run `work` in the store's thread under the meeting's lock, then announce what it
        says (before the lock goes: the meeting's changes go out in `seq` order)."""
        async with self.context.meeting_locks[meeting_id]:
            reply, announce = await self.context.call(work)
            for layer, owner, change in announce:
                await self._announce(layer, owner, change)
        return reply

    async def _insert(self, sid: str, user: User, request: StrokeStart | AnnotationPut, *,
                      complete: bool, kind: str) -> dict:
        m = request.meeting_id
        joined = self.context.joined(sid, m)

        def insert() -> Outcome:
            self._may_draw(joined, user, m, request.document_id, request.page, request.layer)
            with self.store.transaction():
                annotation, new = self.annotations.insert(
                    m, user, annotation_id=request.id,
                    document_id=request.document_id, page=request.page, layer=request.layer,
                    tool=request.tool, color=request.color, width=request.width,
                    points=request.points, complete=complete,
                    text=getattr(request, "text", ""), pressure=request.pressure)
                seq = self._seq(m, annotation.layer) if new else None
            if new:
                return {"id": annotation.id, "count": len(annotation.points)}, [(
                    annotation.layer, annotation.owner, AnnotationChange(
                        meeting_id=m, seq=seq, kind=kind, annotation=annotation))]
            if complete and not annotation.complete:
                return self._complete(user, request)
            return {"id": annotation.id, "count": len(annotation.points)}, []

        return await self._stored(m, insert)

    def _complete(self, user: User, request: StrokeStart | AnnotationPut) -> Outcome:
        """A stroke that arrived in part, sent again whole (its client closed or crashed
        mid-stroke, and put it on the next start): the rest is added and it is finished, as
        if its last batches and its end had come. Holding the meeting's lock."""
        head = self._own(user, request.meeting_id, request.id)
        with self.store.transaction():
            offset, fresh, pressure = self.annotations.append(head, 0, request.points,
                                                              request.pressure)
            self.annotations.finish(request.id)
            seqs = (self._seq(request.meeting_id, head.layer) if fresh else None,
                    self._seq(request.meeting_id, head.layer))
        announce: list[Announcement] = []
        if fresh:
            announce.append((head.layer, head.owner, AnnotationChange(
                meeting_id=request.meeting_id, seq=seqs[0], kind="points", id=request.id,
                offset=offset, points=tuple((x, y) for x, y in fresh),
                pressure=tuple(pressure))))
        announce.append((head.layer, head.owner, AnnotationChange(
            meeting_id=request.meeting_id, seq=seqs[1], kind="end", id=request.id)))
        return {"id": request.id, "count": offset + len(fresh)}, announce

    def _delete(self, meeting_id: int, annotations: list[AnnotationData]
                ) -> list[Announcement]:
        if not annotations:
            return []
        with self.store.transaction():
            self.annotations.delete([a.id for a in annotations])
            shared = [a.id for a in annotations if a.layer is Layer.SHARED]
            seq = self.annotations.bump_seq(meeting_id) if shared else None
        announce: list[Announcement] = []
        if shared:
            announce.append((Layer.SHARED, "", AnnotationChange(
                meeting_id=meeting_id, seq=seq, kind="delete", ids=tuple(shared))))
        for owner in {a.owner for a in annotations if a.layer is Layer.PRIVATE}:
            ids = tuple(a.id for a in annotations if a.layer is Layer.PRIVATE and a.owner == owner)
            announce.append((Layer.PRIVATE, owner, AnnotationChange(
                meeting_id=meeting_id, seq=None, kind="delete", ids=ids)))
        return announce

    def _seq(self, meeting_id: int, layer: Layer) -> int | None:
        return self.annotations.bump_seq(meeting_id) if layer is Layer.SHARED else None

    def _bump(self, meeting_id: int) -> int:
        with self.store.transaction():
            return self.annotations.bump_seq(meeting_id)

    async def _announce(self, layer: Layer, owner: str, change: AnnotationChange) -> None:
        await self.context.broadcast(change, room=self._room(change.meeting_id, layer, owner))

    @staticmethod
    def _room(meeting_id: int, layer: Layer, owner: str) -> str:
        return meeting_room(meeting_id) if layer is Layer.SHARED else private_room(meeting_id,
                                                                                   owner)

    def _joined(self, joined: bool, user: User, meeting_id: int) -> None:
        """The meeting's checks, then the connection's (`joined`: asked on the loop)."""
        authz.require_visible_meeting(self.store, user, meeting_id)
        authz.require_joined(joined)

    def _may_draw(self, joined: bool, user: User, meeting_id: int, document_id: int, page: int,
                  layer: Layer) -> None:
        self._joined(joined, user, meeting_id)
        if user.role is Role.DISPLAY:
            raise ProtocolError(ErrorCode.FORBIDDEN, "A display account cannot draw.")
        authz.require_page(self.store, meeting_id, document_id, page)
        if layer is Layer.SHARED:
            authz.require_may_draw_shared(self.store, user, meeting_id)

    def _own(self, user: User, meeting_id: int, annotation_id: str) -> Head:
        head = self.annotations.head(annotation_id)
        if head is None or head.meeting_id != meeting_id or head.owner_id != user.id:
            raise ProtocolError(ErrorCode.NOT_FOUND, "No stroke of yours with that id.")
        return head

    def _may_delete(self, user: User, meeting_id: int, stored: Stored) -> None:
        if stored.meeting_id != meeting_id:
            raise ProtocolError(ErrorCode.NOT_FOUND, "No such annotation in this meeting.")
        if stored.owner_id == user.id:
            if stored.annotation.layer is Layer.SHARED:  # (a circulation's check point)
                authz.require_may_mark(self.store, user, meeting_id)
            return
        if stored.annotation.layer is Layer.PRIVATE:
            raise ProtocolError(ErrorCode.NOT_FOUND, "No such annotation in this meeting.")
        authz.require_presenter(self.store, user, meeting_id, "remove others' shared marks")


def _waiting(queue: SendQueue, room: str, stroke_id: str, offset: int, seq: int | None,
             count: int) -> bool:
    """Whether the points can join the batch waiting in the meeting's queue, looked at from
    the store's thread to decide on a number in the same transaction. The loop's sender may
    send that batch meanwhile (it only ever goes: nothing joinable appears while the meeting's
    lock is held), so the loop looks again before joining it."""
    try:
        return queue.batch_for(room, stroke_id, offset, seq, count) is not None
    except IndexError:  # (emptied between its look at the queue and at its last entry)
        return False
