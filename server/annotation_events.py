"""Socket.IO handlers for annotations: live strokes, whole strokes, deletes, clearing a page.

Shared-layer changes are numbered with the meeting's `seq` and broadcast to the meeting; private
ones go only to their owner's connections (a room per user and meeting), never to anyone else.
"""

from __future__ import annotations

import asyncio

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
from server.context import ServerContext, meeting_room, private_room
from server.relay import InkBatch
from server.store.annotations import AnnotationStore, Head, Stored
from server.store.repository import User


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
        self._may_draw(sid, user, request.meeting_id, request.document_id, request.page,
                       request.layer)
        return await self._insert(user, request, complete=False, kind="begin")

    async def put(self, sid: str, user: User, request: AnnotationPut) -> dict:
        self._may_draw(sid, user, request.meeting_id, request.document_id, request.page,
                       request.layer)
        return await self._insert(user, request, complete=True, kind="put")

    async def points(self, sid: str, user: User, request: StrokePoints) -> dict:
        """Stored at once; relayed by the meeting's sender, joined to this stroke's batch still
        waiting there if there is one (see server/relay.py). Answered once relayed."""
        self._joined(sid, user, request.meeting_id)
        relayed: asyncio.Future[None] | None = None
        async with self.context.meeting_locks[request.meeting_id]:
            head = self._own(user, request.meeting_id, request.id)
            room = self._room(request.meeting_id, head.layer, head.owner)
            queue = self.context.sender(request.meeting_id).queue
            with self.store.transaction():
                offset, fresh, pressure = self.annotations.append(
                    head, request.offset, request.points, request.pressure)
                if fresh:
                    now = (self.annotations.seq(request.meeting_id)
                           if head.layer is Layer.SHARED else None)
                    waiting = queue.batch_for(room, request.id, offset, now, len(fresh))
                    seq = now if waiting else self._seq(request.meeting_id, head.layer)
            if fresh:
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
        self._joined(sid, user, request.meeting_id)
        async with self.context.meeting_locks[request.meeting_id]:
            head = self._own(user, request.meeting_id, request.id)
            have = head.count
            if request.count > have:
                raise ProtocolError(ErrorCode.CONFLICT, f"Only {have} of {request.count} points "
                                    f"arrived: resend from {have}.", count=have)
            if not head.complete:
                with self.store.transaction():
                    self.annotations.finish(request.id)
                    seq = self._seq(request.meeting_id, head.layer)
                await self._announce(head.layer, head.owner, AnnotationChange(
                    meeting_id=request.meeting_id, seq=seq, kind="end", id=request.id))
        return {"id": request.id, "count": have}

    async def delete(self, sid: str, user: User, request: AnnotationDelete) -> dict:
        self._joined(sid, user, request.meeting_id)
        async with self.context.meeting_locks[request.meeting_id]:
            found = [s for s in map(self.annotations.get, dict.fromkeys(request.ids))
                     if s is not None]  # already gone: nothing to do (a resend, an undo race)
            for stored in found:
                self._may_delete(user, request.meeting_id, stored)
            await self._delete(request.meeting_id, [s.annotation for s in found])
        return {"deleted": [s.annotation.id for s in found]}

    async def share(self, sid: str, user: User, request: AnnotationShare) -> dict:
        """A private note becomes a shared mark: gone from the owner's private layer, put on
        the room's (numbered like any shared change)."""
        self._joined(sid, user, request.meeting_id)
        authz.require_may_draw_shared(self.store, user, request.meeting_id)
        async with self.context.meeting_locks[request.meeting_id]:
            head = self._own(user, request.meeting_id, request.id)
            if head.layer is Layer.PRIVATE:
                with self.store.transaction():
                    self.annotations.set_layer(request.id, Layer.SHARED)
                    seq = self.annotations.bump_seq(request.meeting_id)
                shared = self.annotations.require(request.id)
                await self._announce(Layer.PRIVATE, user.name, AnnotationChange(
                    meeting_id=request.meeting_id, seq=None, kind="delete", ids=(request.id,)))
                await self._announce(Layer.SHARED, user.name, AnnotationChange(
                    meeting_id=request.meeting_id, seq=seq, kind="put", annotation=shared))
        return {"id": request.id, "layer": str(Layer.SHARED)}

    async def clear_page(self, sid: str, user: User, request: PageClear) -> dict:
        """The presenter wipes the shared layer of one page; the reply has what was removed,
        so the client can undo by putting it back."""
        self._joined(sid, user, request.meeting_id)
        authz.require_presenter(self.store, user, request.meeting_id, "clear the shared layer")
        async with self.context.meeting_locks[request.meeting_id]:
            ids = self.annotations.on_page(request.meeting_id, request.document_id,
                                           request.page, Layer.SHARED)
            removed = [self.annotations.require(i) for i in ids]
            await self._delete(request.meeting_id, removed)
        return {"annotations": [a.model_dump(mode="json") for a in removed]}

    # --- helpers -----------------------------------------------------------------------------

    async def _insert(self, user: User, request: StrokeStart | AnnotationPut, *, complete: bool,
                      kind: str) -> dict:
        async with self.context.meeting_locks[request.meeting_id]:
            with self.store.transaction():
                annotation, new = self.annotations.insert(
                    request.meeting_id, user, annotation_id=request.id,
                    document_id=request.document_id, page=request.page, layer=request.layer,
                    tool=request.tool, color=request.color, width=request.width,
                    points=request.points, complete=complete,
                    text=getattr(request, "text", ""), pressure=request.pressure)
                seq = self._seq(request.meeting_id, annotation.layer) if new else None
            if new:
                await self._announce(annotation.layer, annotation.owner, AnnotationChange(
                    meeting_id=request.meeting_id, seq=seq, kind=kind, annotation=annotation))
            elif complete and not annotation.complete:
                return await self._complete(user, request)
        return {"id": annotation.id, "count": len(annotation.points)}

    async def _complete(self, user: User, request: StrokeStart | AnnotationPut) -> dict:
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
        if fresh:
            await self._announce(head.layer, head.owner, AnnotationChange(
                meeting_id=request.meeting_id, seq=seqs[0], kind="points", id=request.id,
                offset=offset, points=tuple((x, y) for x, y in fresh),
                pressure=tuple(pressure)))
        await self._announce(head.layer, head.owner, AnnotationChange(
            meeting_id=request.meeting_id, seq=seqs[1], kind="end", id=request.id))
        return {"id": request.id, "count": offset + len(fresh)}

    async def _delete(self, meeting_id: int, annotations: list[AnnotationData]) -> None:
        if not annotations:
            return
        with self.store.transaction():
            self.annotations.delete([a.id for a in annotations])
            shared = [a.id for a in annotations if a.layer is Layer.SHARED]
            seq = self.annotations.bump_seq(meeting_id) if shared else None
        if shared:
            await self.context.broadcast(AnnotationChange(
                meeting_id=meeting_id, seq=seq, kind="delete", ids=tuple(shared)))
        for owner in {a.owner for a in annotations if a.layer is Layer.PRIVATE}:
            ids = tuple(a.id for a in annotations if a.layer is Layer.PRIVATE and a.owner == owner)
            await self._announce(Layer.PRIVATE, owner, AnnotationChange(
                meeting_id=meeting_id, seq=None, kind="delete", ids=ids))

    def _seq(self, meeting_id: int, layer: Layer) -> int | None:
        return self.annotations.bump_seq(meeting_id) if layer is Layer.SHARED else None

    async def _announce(self, layer: Layer, owner: str, change: AnnotationChange) -> None:
        await self.context.broadcast(change, room=self._room(change.meeting_id, layer, owner))

    @staticmethod
    def _room(meeting_id: int, layer: Layer, owner: str) -> str:
        return meeting_room(meeting_id) if layer is Layer.SHARED else private_room(meeting_id,
                                                                                   owner)

    def _joined(self, sid: str, user: User, meeting_id: int) -> None:
        authz.require_visible_meeting(self.store, user, meeting_id)
        self.context.require_joined(sid, meeting_id)

    def _may_draw(self, sid: str, user: User, meeting_id: int, document_id: int, page: int,
                  layer: Layer) -> None:
        self._joined(sid, user, meeting_id)
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
