"""The Socket.IO side of the protocol: connect, then one handler per client event.

Every handler authenticates the session again (a revoked token stops working at once), validates
the payload against the core schema, checks authorization and answers through the Socket.IO
acknowledgement: {"ok": true, "data": ...} or {"ok": false, "error": {"code", "message"}}. No
exception escapes a handler; bad input is logged and answered, the connection stays up.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

import socketio

from meeting.core.messages import localize
from meeting.core.presence import PresenceData, PresenceSet
from meeting.core.protocol import (
    CLIENT_PAYLOADS,
    PROTOCOL_VERSION,
    BesideSet,
    ErrorCode,
    Event,
    MeetingRef,
    MeetingSettings,
    MeetingsList,
    MeetingState,
    Message,
    PageSet,
    PresenterSet,
    ProtocolError,
    Snapshot,
    ok_reply,
    parse,
)
from server import authz
from server.agenda_events import AgendaEvents
from server.annotation_events import AnnotationEvents
from server.approval_events import ApprovalEvents
from server.audit_events import AuditEvents
from server.caller import Caller, SessionEnded
from server.connection_order import ConnectionOrder, Place
from server.context import ServerContext, meeting_room, private_room, user_room
from server.laser_events import LaserEvents
from server.lifecycle_events import LifecycleEvents
from server.organizer_events import OrganizerEvents
from server.room_events import RoomEvents
from server.storage_faults import storage_fault
from server.store.annotations import AnnotationStore
from server.store.audit import Action
from server.store.repository import Store, User
from server.vote_events import VoteEvents
from server.wire import TOO_DEEP_EVENT

log = logging.getLogger("meeting.server.events")

Handler = Callable[[str, Any, Any], Awaitable[Any]]
"""(sid, the `User`, or for `CHECKED_IN_TRIP` the `Caller`, and the payload)."""

CHECKED_IN_TRIP = frozenset({Event.PAGE_SET, Event.BESIDE_SET, Event.ANNOTATION_POINTS})
"""The hot events: their handlers get a `Caller` and check its session in the trip that makes
their change (server/caller.py), one trip instead of two."""

ARRIVALS = frozenset({Event.MEETINGS_LIST, Event.MEETING_JOIN, Event.MEETING_LEAVE,
                      Event.MEETING_SNAPSHOT, Event.PRESENCE_SET})
"""Coming, going and looking around: their store work waits for that of changes (see
server/store_threads.py), so a whole room arriving at once never holds up the presenter.
Leaving is one of them so that a leave sent right after a join comes after it."""

SESSION_SWEEP_SECONDS = 10.0
"""How often connections are checked for a session that was revoked or expired elsewhere (the
command line, another server process): a client that only listens sends no event to be
refused on, so the server looks for it."""


class MeetingEvents:
    def __init__(self, context: ServerContext, sio: socketio.AsyncServer) -> None:
        self.context = context
        self.store = context.store
        self.annotations = AnnotationStore(context.store)
        self.sio = sio
        self._order = ConnectionOrder()
        """Each connection's changes, to their handlers in the order sent."""
        self._comings_and_goings: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        """Each connection's `ARRIVALS`, one at a time: a join waits for its trip to the
        store and a leave for nothing, so a leave sent right after a join would otherwise
        be done first, and leave the connection in the meeting."""
        self.lifecycle = LifecycleEvents(context)
        self.vote_events = VoteEvents(context)
        sio.on("connect", self.connect)
        sio.on("disconnect", self.disconnect)
        handlers: dict[Event, Handler] = {
            Event.MEETINGS_LIST: self.meetings_list,
            Event.MEETING_JOIN: self.meeting_join,
            Event.MEETING_LEAVE: self.meeting_leave,
            Event.MEETING_SNAPSHOT: self.meeting_snapshot,
            Event.PAGE_SET: self.page_set,
            Event.BESIDE_SET: self.beside_set,
            Event.PRESENTER_SET: self.presenter_set,
            Event.PRESENCE_SET: self.presence_set,
            Event.MEETING_SETTINGS: self.meeting_settings,
            **AnnotationEvents(context).handlers(),
            **LaserEvents(context).handlers(),
            **RoomEvents(context).handlers(),
            **AgendaEvents(context).handlers(),
            **OrganizerEvents(context).handlers(),
            **AuditEvents(context).handlers(),
            **self.lifecycle.handlers(),
            **self.vote_events.handlers(),
            **ApprovalEvents(context).handlers(),
        }
        assert handlers.keys() == CLIENT_PAYLOADS.keys()
        for event, handler in handlers.items():
            sio.on(str(event), self._guarded(event, CLIENT_PAYLOADS[event], handler))
        sio.on("*", self.unknown_event)

    # --- connection --------------------------------------------------------------------------

    async def connect(self, sid: str, environ: dict, auth: Any = None) -> None:
        if not isinstance(auth, dict):
            raise _refuse(
                ErrorCode.UNAUTHENTICATED, "Log in first: connect with {token, protocol}."
            )
        language = auth.get("language") if isinstance(auth.get("language"), str) else None
        if auth.get("protocol") != PROTOCOL_VERSION:
            raise _refuse(
                ErrorCode.PROTOCOL_MISMATCH,
                f"This server speaks protocol {PROTOCOL_VERSION}; the client speaks "
                f"{auth.get('protocol')!r}. Update the client.", language,
            )
        token = auth.get("token")
        user = (await self.context.arrival_read(Store.user_for_token, token)
                if isinstance(token, str) else None)
        if user is None:
            raise _refuse(ErrorCode.UNAUTHENTICATED, "The session has expired; log in again.",
                          language)
        await self.sio.save_session(sid, {"token": token, "user": user.name,
                                          "language": language})
        await self.sio.enter_room(sid, user_room(user.name))  # (approval:changed)
        log.info("%s connected as %s", sid, user.name)

    async def disconnect(self, sid: str, reason: Any = None) -> None:
        log.info("%s disconnected (%s)", sid, reason)
        self._comings_and_goings.pop(sid, None)
        self._order.forget(sid)
        for meeting_id in self.context.presence.gone(sid):
            await self.context.announce_presence(meeting_id)

    async def unknown_event(self, event: str, sid: str, *args: Any) -> dict:
        if event == TOO_DEEP_EVENT:
            log.warning("%s sent a message nested too deeply to read", sid)
            return ProtocolError(ErrorCode.INVALID_PAYLOAD,
                                 "The message is nested too deeply.").to_reply()
        log.warning("%s sent unknown event %r", sid, event)
        return ProtocolError(ErrorCode.INVALID_PAYLOAD, f"Unknown event {event!r}.").to_reply()

    def _guarded(self, event: Event, model: type[Message], handler: Handler):
        """Every event takes the same path to its handler: its session checked (in a trip of
        its own to the store's threads, or for `CHECKED_IN_TRIP` in the handler's), then its
        turn among the connection's events (`ConnectionOrder`); and a handler that changes
        a meeting awaits nothing before taking its lock. So a connection's changes reach the
        meeting in the order sent (tests/server/test_event_order.py). `ARRIVALS` go one at a
        time per connection instead, and their store work waits for that of changes."""
        arriving, in_trip = event in ARRIVALS, event in CHECKED_IN_TRIP

        def read_payload(args: tuple[Any, ...]) -> Message:
            if not args and model.payload_optional:
                return model()
            if len(args) != 1:
                raise ProtocolError(
                    ErrorCode.INVALID_PAYLOAD, f"{event} takes exactly one payload object.")
            return parse(model, args[0])

        async def run(sid: str, *args: Any) -> dict:
            # (both taken before anything awaits: in the order the events came)
            if arriving:
                async with self._comings_and_goings[sid]:
                    return await handle(sid, None, *args)
            place = self._order.place(sid)
            try:
                return await handle(sid, place, *args)
            finally:
                place.go()  # (if it never reached its handler)

        async def handle(sid: str, place: Place | None, *args: Any) -> dict:
            session = await self.sio.get_session(sid)
            language = session.get("language")
            try:
                user: User | Caller = (Caller(session.get("token", "")) if in_trip
                                       else await self._user(sid, arriving))
                if place is not None:
                    await place.wait()
                    place.go()
                try:
                    payload = read_payload(args)
                except ProtocolError:
                    if in_trip:  # (an ended session hears that first, as on every event)
                        await self._user(sid)
                    raise
                return ok_reply(await handler(sid, user, payload))
            except SessionEnded as error:
                log.info("%s %s refused: the session has ended", sid, event)
                await self._end_connection(sid)
                return error.to_reply(language)
            except ProtocolError as error:
                log.warning("%s %s refused: %s (%s)", sid, event, error.code, error.message)
                return error.to_reply(language)
            except Exception as error:
                fault = storage_fault(error)
                if fault is not None:
                    log.error("%s %s: %s (%s)", sid, event, fault.code, error)
                    return fault.to_reply(language)
                log.exception("%s %s failed", sid, event)
                return ProtocolError(
                    ErrorCode.INTERNAL, "The server could not handle this request."
                ).to_reply(language)

        return run

    async def _user(self, sid: str, arriving: bool = False) -> User:
        session = await self.sio.get_session(sid)
        read = self.context.arrival_read if arriving else self.context.read
        user = await read(Store.user_for_token, session.get("token", ""))
        if user is None:
            raise SessionEnded
        return user

    async def _end_connection(self, sid: str) -> None:
        """Stop broadcasts at once; close the connection after the reply has gone out."""
        for room in self.sio.rooms(sid):
            if room != sid:
                await self.sio.leave_room(sid, room)
        self.sio.start_background_task(self._disconnect_soon, sid)

    async def sweep_sessions(self) -> None:
        """Runs for the server's life: closes connections whose session has ended."""
        while True:
            await self.sio.sleep(SESSION_SWEEP_SECONDS)
            try:
                await self._close_ended_sessions()
            except Exception:  # never let the sweep die: log, and try again next round
                log.exception("checking the sessions of connections failed")

    async def _close_ended_sessions(self) -> None:
        sessions = {sid: await self.sio.get_session(sid)
                    for sid, _ in list(self.sio.manager.get_participants("/", None))}
        ended = await self.context.read(lambda store: {
            sid for sid, session in sessions.items()
            if store.user_for_token(session.get("token", "")) is None})
        for sid, session in sessions.items():
            if sid in ended:
                log.info("%s: session of %s ended; closing", sid, session.get("user"))
                for room in self.sio.rooms(sid):
                    if room != sid:
                        await self.sio.leave_room(sid, room)
                await self.sio.disconnect(sid)

    async def _disconnect_soon(self, sid: str) -> None:
        await self.sio.sleep(0.5)
        await self.sio.disconnect(sid)

    # --- events ------------------------------------------------------------------------------

    async def meetings_list(self, sid: str, user: User, _: MeetingsList) -> list[dict]:
        meetings = await self.context.arrival_read(Store.meetings_for, user)
        return [m.model_dump(mode="json") for m in meetings]

    async def meeting_join(self, sid: str, user: User, request: MeetingRef) -> dict:
        m = request.meeting_id
        async with self.context.meeting_locks[m].shared():
            # One trip under the meeting's lock (nothing awaits before taking it, so one
            # connection's events reach the meeting in the order sent): the check, the snapshot
            # and the audit entry. Then into the rooms, still under the lock: no change can
            # fall between the snapshot and the rooms, so the client misses nothing (what the
            # meeting's sender still holds from before it has, by `seq`, and ignores). Other
            # joins may run beside this one; a change waits for them, and goes before the
            # joins still waiting (a full room rejoining does not hold up the presenter).
            def check_read_and_note() -> Snapshot:
                authz.require_visible_meeting(self.store, user, m)
                snapshot = self._stored_snapshot(m, user)
                self.context.audit.record(user.name, Action.MEETING_OPENED, m)
                return snapshot

            stored = await self.context.call(check_read_and_note)
            self.context.sender(m).queue.seal()  # (the points waiting are in the snapshot)
            await self.sio.enter_room(sid, meeting_room(m))
            await self.sio.enter_room(sid, private_room(m, user.name))
            self.context.presence.join(m, sid, user.name, str(user.role))
            snapshot = self._with_presence(stored, await self.context.presence_now(m))
        await self.context.announce_presence(m)
        log.info("%s (%s) joined meeting %s", sid, user.name, m)
        return snapshot

    async def meeting_leave(self, sid: str, user: User, request: MeetingRef) -> None:
        # (no check: leaving a room one is not in changes nothing)
        await self.sio.leave_room(sid, meeting_room(request.meeting_id))
        await self.sio.leave_room(sid, private_room(request.meeting_id, user.name))
        if self.context.presence.leave(request.meeting_id, sid):
            await self.context.announce_presence(request.meeting_id)

    async def meeting_snapshot(self, sid: str, user: User, request: MeetingRef) -> dict:
        m = request.meeting_id
        async with self.context.meeting_locks[m].shared():
            self.context.sender(m).queue.seal()  # (its points are in this snapshot)

            def check_and_read() -> Snapshot:
                authz.require_visible_meeting(self.store, user, m)
                return self._stored_snapshot(m, user)

            stored = await self.context.call(check_and_read)
            return self._with_presence(stored, await self.context.presence_board.data(m))

    def _stored_snapshot(self, meeting_id: int, user: User) -> Snapshot:
        """What the store has of the meeting for this user (in the store's thread)."""
        return self.store.snapshot(meeting_id).model_copy(update={
            "annotations": tuple(self.annotations.visible(meeting_id, user)),
            "votes": tuple(self.vote_events.votes.votes(meeting_id, viewer=user.name))})

    @staticmethod
    def _with_presence(snapshot: Snapshot, here: PresenceData) -> dict:
        """The snapshot with who is here now, as sent."""
        return snapshot.model_copy(update={
            "people": here.people, "presence_version": here.version}).model_dump(mode="json")

    async def page_set(self, sid: str, caller: Caller, request: PageSet) -> dict:
        """The hot path of a meeting: one trip to the store's thread (session, checks and
        change)."""
        m = request.meeting_id
        joined = self.context.joined(sid, m)
        async with self.context.meeting_locks[m]:
            def check_and_turn() -> MeetingState:
                user = caller.user(self.store)
                authz.require_visible_meeting(self.store, user, m)
                authz.require_joined(joined)
                self._require_page(m, request.document_id, request.page)
                authz.require_presenter(self.store, user, m)
                return self.store.set_page(m, request.document_id, request.page)

            return await self.context.broadcast(await self.context.call(check_and_turn))

    async def beside_set(self, sid: str, caller: Caller, request: BesideSet) -> dict:
        m = request.meeting_id
        joined = self.context.joined(sid, m)
        async with self.context.meeting_locks[m]:
            def check_and_set() -> MeetingState:
                user = caller.user(self.store)
                authz.require_visible_meeting(self.store, user, m)
                authz.require_joined(joined)
                if request.document_id is not None:
                    self._require_page(m, request.document_id, request.page)
                authz.require_presenter(self.store, user, m)
                return self.store.set_beside(m, request.document_id,
                                             request.page if request.document_id else 0)

            return await self.context.broadcast(await self.context.call(check_and_set))

    def _require_page(self, meeting_id: int, document_id: int, page: int) -> None:
        document = self.store.document(meeting_id, document_id)
        if document is None:
            raise ProtocolError(ErrorCode.NOT_FOUND, f"No document {document_id} in this meeting.")
        if page >= document.pages:
            raise ProtocolError(
                ErrorCode.NOT_FOUND,
                f"Page index {page} is past the end of {document.title!r} "
                f"({document.pages} pages, indexed from 0).",
            )

    async def presenter_set(self, sid: str, user: User, request: PresenterSet) -> dict:
        m = request.meeting_id

        def check_and_hand_over() -> MeetingState:
            target = self.store.user_by_name(request.user)
            if target is None:
                authz.require_visible_meeting(self.store, user, m)
                raise ProtocolError(ErrorCode.NOT_FOUND, f"No user named {request.user!r}.")
            authz.require_may_set_presenter(self.store, user, m, target)
            return self.store.set_presenter(m, target)

        async with self.context.meeting_locks[m]:
            state = await self.context.call(check_and_hand_over)
            payload = await self.context.broadcast(state)
        log.info("meeting %s: %s made %s presenter", m, user.name, state.presenter)
        return payload

    async def meeting_settings(self, sid: str, user: User, request: MeetingSettings) -> dict:
        m = request.meeting_id

        def check_and_set() -> MeetingState:
            authz.require_may_manage(self.store, user, m)
            return self.store.set_participants_draw(m, request.participants_draw)

        async with self.context.meeting_locks[m]:
            payload = await self.context.broadcast(await self.context.call(check_and_set))
        log.info("meeting %s: %s set participants_draw=%s", request.meeting_id, user.name,
                 request.participants_draw)
        return payload

    async def presence_set(self, sid: str, user: User, request: PresenceSet) -> None:
        await self.context.arrival_read(authz.require_visible_meeting, user, request.meeting_id)
        if not self.context.presence.set(request.meeting_id, sid, request.following,
                                         request.place):
            raise ProtocolError(ErrorCode.NOT_JOINED, "Join the meeting first.")
        # For the record of the meeting: who attended, from where (as the device says).
        await self.context.arrival_call(self.store.note_attendance, request.meeting_id, user,
                                        str(request.place))
        await self.context.announce_presence(request.meeting_id)


def _refuse(code: ErrorCode, message: str, language: str | None = None
            ) -> socketio.exceptions.ConnectionRefusedError:
    log.info("connection refused: %s", message)
    return socketio.exceptions.ConnectionRefusedError(localize(message, language, str(code)),
                                                      {"code": str(code)})
