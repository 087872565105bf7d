"""A signed-in client: the live connection, the meetings it joined, documents and uploads.

Keeps each joined meeting in sync (snapshot plus numbered changes, a fresh snapshot on any gap)
and rejoins after a reconnect, so a client that dropped lands on the presenter's current page.
Qt-free: results go to a `SessionListener`, called from network threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from meeting.core import messages
from meeting.core.annotations import (
    AnnotationData,
    AnnotationDelete,
    AnnotationPut,
    AnnotationShare,
    PageClear,
)
from meeting.core.approval_protocol import CirculationSummary
from meeting.core.ink import InkAction, InkOutbox, LocalStroke
from meeting.core.laser import LaserData, LaserMove
from meeting.core.later import Later
from meeting.core.presence import (
    MemberRemove,
    MemberRemoved,
    Person,
    Place,
    PresenceData,
    PresenceSet,
)
from meeting.core.protection import Removal
from meeting.core.protocol import (
    MANAGER_ROLES,
    SERVER_PAYLOADS,
    DocumentInfo,
    ErrorCode,
    Event,
    ExportReport,
    MeetingJoin,
    MeetingLeave,
    MeetingSettings,
    MeetingsList,
    MeetingState,
    MeetingSummary,
    Message,
    PageSet,
    ProtocolError,
    Snapshot,
    SnapshotRequest,
    UserInfo,
    parse,
)
from meeting.core.retry import Backoff, passing
from meeting.core.sync import GAP_WAIT_S, Change, MeetingSync, MeetingView, Outcome
from meeting.core.votes import VoteCast, VoteData
from meeting.core.weblink import MeetingLink
from meeting.net.api import ApiError, Progress, ServerApi
from meeting.net.cache import DocumentCache
from meeting.net.connection import OFFLINE, MeetingConnection, Reply
from meeting.net.offline import OfflineShelf, PendingEdit
from meeting.net.outbox import Outbox, kept
from meeting.net.purge import RemovedMeeting, expired, purge, removed_since
from meeting.net.trust import Trust

log = logging.getLogger("meeting.net.session")


class SessionListener(Protocol):
    def connection_changed(self, online: bool) -> None: ...
    def session_refused(self, code: str, message: str) -> None: ...
    def meeting_changed(self, meeting_id: int, view: MeetingView) -> None: ...
    def request_failed(self, message: str) -> None: ...
    def laser_moved(self, pointer: LaserData) -> None: ...
    def presence_changed(self, meeting_id: int) -> None: ...
    def member_removed(self, meeting_id: int, user: str, by: str) -> None: ...
    def materials_removed(self, meeting: RemovedMeeting) -> None: ...
    def votes_changed(self, meeting_id: int) -> None: ...
    def approval_changed(self, summary: CirculationSummary) -> None: ...
    def changes_waiting(self, count: int) -> None: ...


PUT_FIELDS = set(AnnotationPut.model_fields) - {"meeting_id"}
"""What of an annotation goes back to the server to put it back (an undo)."""

class RequestError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class MeetingSession:
    def __init__(self, server_url: str, token: str, user: UserInfo, cache: DocumentCache,
                 listener: SessionListener, trust: Trust | None = None,
                 shelf: OfflineShelf | None = None) -> None:
        self.server_url = server_url.rstrip("/")
        self.trust = trust or Trust()
        self.user = user
        self.cache = cache
        self.listener = listener
        self.api = ServerApi(self.server_url, token, trust=self.trust)
        self._syncs: dict[int, MeetingSync] = {}
        self._lock = threading.RLock()
        self._downloads: dict[str, Future[Path]] = {}
        self._outboxes: dict[int, InkOutbox] = {}
        self._people: dict[int, PresenceData] = {}
        self._presence_sent: dict[int, tuple[bool, Place]] = {}
        self.shelf = shelf
        """Where meetings are kept for reading offline (None: nothing is kept)."""
        self._offline_copies: set[int] = set()
        """Meetings shown from the shelf until the server's snapshot replaces them."""
        self._votes: dict[int, dict[int, VoteData]] = {}
        """Each meeting's votes by id, the highest `version` of each."""
        self._my_ballots: set[tuple[int, float | None]] = set()
        """(vote, its ballots_lost_at): a server restart that lost a secret vote's ballots
        asks everyone to vote again."""
        """Votes this user has voted in (a secret vote's broadcast names nobody)."""
        self.outbox = Outbox(self._send_reported, shelf, listener.changes_waiting,
                             refused_for_now=listener.request_failed)
        """Every change of this user (notes, deletes, shares, ballots) until the server has it."""
        self._joined_here: set[int] = set()
        """Meetings whose join was answered on the current connection."""
        self._turn_waiting: dict[int, PageSet] = {}
        """The presenter's latest page turn asked before that (see `set_page`)."""
        self._snapshot_backoffs: dict[int, Backoff] = {}
        """Meetings whose join or snapshot the server could not answer yet."""
        self._later = Later()
        """What is to be done later for a meeting: ("gap", m), changes came early, a snapshot
        if the gap stays open; ("retry", m), the server could not answer a join or a
        snapshot, asked again."""
        self._pool = ThreadPoolExecutor(max_workers=3, thread_name_prefix="meeting-http")
        self.connection = MeetingConnection(
            self.server_url, token, self, events=list(SERVER_PAYLOADS), trust=self.trust
        )

    # --- lifetime ----------------------------------------------------------------------------

    def start(self) -> None:
        if self.shelf is not None:
            self.shelf.keep_user(self.user)  # to start without the server next time
        self.connection.open()

    def close(self) -> None:
        self._keep_for_next_time()
        self._later.close()
        with self._lock:
            ink = list(self._outboxes.values())
        for strokes in ink:
            strokes.close()
        self.outbox.close()
        self.connection.close()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.api.close()

    @property
    def online(self) -> bool:
        return self.connection.connected

    # --- meetings ----------------------------------------------------------------------------

    def list_meetings(self, done: Callable[[list[MeetingSummary] | RequestError], None]) -> None:
        def on_reply(reply: Reply) -> None:
            if reply.get("ok"):
                done([MeetingSummary.model_validate(m) for m in reply["data"]])
            else:
                done(_request_error(reply))

        self.connection.request(MeetingsList(), on_reply)

    def join(self, meeting_id: int) -> None:
        """Join now, or as soon as the connection is up (every (re)connect rejoins)."""
        with self._lock:
            sync = self._syncs.setdefault(meeting_id, MeetingSync(meeting_id))
        self.outbox.load(meeting_id)
        if self.online:
            self._request_snapshot(meeting_id, MeetingJoin)
        elif sync.view is None:
            self._show_offline_copy(meeting_id)

    def leave(self, meeting_id: int) -> None:
        with self._lock:
            self._syncs.pop(meeting_id, None)
            self._presence_sent.pop(meeting_id, None)  # (joining again: said again)
            self._joined_here.discard(meeting_id)
            self._turn_waiting.pop(meeting_id, None)
        self.outbox.left(meeting_id)
        self.connection.request(MeetingLeave(meeting_id=meeting_id), _ignore)

    def view(self, meeting_id: int) -> MeetingView | None:
        with self._lock:
            sync = self._syncs.get(meeting_id)
            return sync.view if sync else None

    def set_page(self, meeting_id: int, document_id: int, page: int) -> None:
        """Ask the server to make this the shared page (only the presenter may). Before the
        meeting's join is answered on this connection (just opened, or the link came back)
        the server would refuse it: the latest such turn goes once the join is answered."""
        turn = PageSet(meeting_id=meeting_id, document_id=document_id, page=page)
        with self._lock:
            if meeting_id not in self._joined_here:
                self._turn_waiting[meeting_id] = turn
                return
        self._send_turn(turn)

    def _send_turn(self, turn: PageSet) -> None:
        def on_reply(reply: Reply) -> None:
            if not reply.get("ok"):
                error = _request_error(reply)
                self.listener.request_failed(error.message)
                self._request_snapshot(turn.meeting_id, SnapshotRequest)  # back to the truth

        self.connection.request(turn, on_reply)

    # --- annotations -------------------------------------------------------------------------

    def ink(self, meeting_id: int) -> InkOutbox:
        """The outbox for this user's strokes in a meeting (made on first use)."""
        with self._lock:
            outbox = self._outboxes.get(meeting_id)
            if outbox is None:
                outbox = self._outboxes[meeting_id] = InkOutbox(  # (it says what to tell)
                    meeting_id, self.connection.request,
                    finished=lambda stroke: self._hold_stroke(meeting_id, stroke),
                    settled=lambda stroke: self.outbox.release(meeting_id, stroke.id),
                    tell=self.listener.request_failed)
            return outbox

    def _hold_stroke(self, meeting_id: int, stroke: LocalStroke) -> None:
        """A finished stroke is kept on disk until the server confirms it: after a crash the
        next start sends it whole (this run streams it)."""
        self.outbox.hold(meeting_id, stroke.id,
                         put_again(meeting_id, stroke.as_data(self.user.name)))

    def perform(self, meeting_id: int, action: InkAction) -> None:
        """Make annotations appear or go away (an undo, a redo, an erase)."""
        if action.removed:
            self._send_ink(AnnotationDelete(meeting_id=meeting_id,
                                            ids=[a.id for a in action.removed]), _ignore)
        for annotation in action.added:
            self._send_ink(put_again(meeting_id, annotation), _ignore)

    def people(self, meeting_id: int) -> tuple[Person, ...]:
        """Who is in the meeting now, as the server last said."""
        with self._lock:
            known = self._people.get(meeting_id)
            return known.people if known else ()

    def _take_presence(self, presence: PresenceData) -> bool:
        """Keep the newest list of people (False for one overtaken by a newer); holding the
        lock. Incoming messages are handled on threads of their own and may swap places."""
        known = self._people.get(presence.meeting_id)
        if known is not None and presence.version < known.version:
            return False
        self._people[presence.meeting_id] = presence
        return True

    def report_presence(self, meeting_id: int, following: bool, place: Place) -> None:
        """Tell the server what this device does (sent only when it changes, and again after
        a reconnect)."""
        with self._lock:
            if self._presence_sent.get(meeting_id) == (following, place):
                return
            self._presence_sent[meeting_id] = (following, place)
        self.connection.send(PresenceSet(meeting_id=meeting_id, following=following,
                                         place=place))

    def point_laser(self, meeting_id: int, document_id: int, page: int,
                    point: tuple[float, float] | None) -> None:
        """Where the presenter's laser points now (None hides it). Nothing is resent: the next
        position replaces a lost one."""
        self.connection.send(LaserMove(meeting_id=meeting_id, document_id=document_id, page=page,
                                       point=list(point) if point is not None else None))

    def command(self, model: type[Message], /, **fields: Any) -> None:
        """A request whose answer comes back as a broadcast (room controls), built from its
        model; a refusal (here, by the schema, or by the server) is reported to the listener.
        (`model` is positional only: a payload may have a field of any name, `kind` say.)"""
        message = self._message(model, fields)
        if message is not None:
            self._send_ink(message, _ignore)

    def share_annotation(self, meeting_id: int, annotation_id: str) -> None:
        """One of my private notes becomes a shared mark (when the meeting allows it)."""
        self._send_ink(AnnotationShare(meeting_id=meeting_id, id=annotation_id), _ignore)

    def remove_member(self, meeting_id: int, user: str) -> None:
        """Organizers: take someone out of the meeting (a refusal is reported)."""
        self.command(MemberRemove, meeting_id=meeting_id, user=user)

    def votes(self, meeting_id: int) -> list[VoteData]:
        """The meeting's votes, oldest first, as last heard."""
        with self._lock:
            return sorted(self._votes.get(meeting_id, {}).values(), key=lambda v: v.id)

    def has_voted(self, vote: VoteData) -> bool:
        return (self.user.name in vote.voters
                or (vote.id, vote.ballots_lost_at) in self._my_ballots)

    def _note_ballot(self, vote: VoteData) -> None:
        if self.user.name in vote.voters:
            self._my_ballots.add((vote.id, vote.ballots_lost_at))

    def cast_vote(self, meeting_id: int, vote_id: int, choice: str,
                  done: Callable[[bool], None] | None = None) -> None:
        """One ballot (a refusal is reported to the listener); `done` says if it counted."""
        def answered(reply: Reply) -> None:
            if reply.get("ok"):
                self._my_ballots.add((vote_id, reply["data"].get("ballots_lost_at")))
                self.on_event(str(Event.VOTE), reply["data"])  # (my own view of the vote)
            if done:
                done(bool(reply.get("ok")))

        message = self._message(VoteCast, {"meeting_id": meeting_id, "vote_id": vote_id,
                                           "choice": choice})
        if message is None:
            answered({"ok": False})
            return
        self._send_ink(message, answered)

    def report_export(self, meeting_id: int, document_ids: list[int], layers: list[str]
                      ) -> None:
        """Tell the server (for its audit log) that this device wrote these documents to a
        file. Best effort: an export made offline is not reported."""
        self.connection.request(ExportReport(meeting_id=meeting_id, document_ids=document_ids,
                                             layers=layers), _ignore)

    def set_web_link(self, meeting_id: int, url: str | None) -> None:
        """Organizers: the meeting's web meeting link, or None to remove it."""
        self.command(MeetingLink, meeting_id=meeting_id, url=url)

    def set_participants_draw(self, meeting_id: int, allowed: bool) -> None:
        """Organizers: let everyone draw for the room (and share their notes), or not."""
        self._send_ink(MeetingSettings(meeting_id=meeting_id, participants_draw=allowed),
                       _ignore)

    def clear_page(self, meeting_id: int, document_id: int, page: int,
                   done: Callable[[list[AnnotationData]], None]) -> None:
        def on_reply(reply: Reply) -> None:
            if reply.get("ok"):
                done([AnnotationData.model_validate(a) for a in reply["data"]["annotations"]])

        self._send_ink(PageClear(meeting_id=meeting_id, document_id=document_id, page=page),
                       on_reply)

    def _message(self, kind: type[Message], fields: dict[str, Any]) -> Message | None:
        """The message, or None when the schema refuses it (said to the listener, in the
        user's language, as the server would have)."""
        try:
            return parse(kind, fields)
        except ProtocolError as error:
            self.listener.request_failed(messages.localize(
                error.message, messages.client_language, str(error.code)))
            return None

    def _send_ink(self, message: Message, on_reply: Callable[[Reply], None]) -> None:
        """Send a change: one the user made goes through the outbox (kept until the server
        has it), a stroke's batches and room controls straight to the server."""
        if kept(message):
            self.outbox.add(message, on_reply)
        else:
            self._send_reported(message, on_reply)

    def _send_reported(self, message: Message, on_reply: Callable[[Reply], None]) -> None:
        """Send, telling the listener of a refusal (not of being offline, nor of a conflict:
        what is resent settles those; nor of a refusal for now: the outboxes keep the change,
        send it again, and say so once)."""
        def reported(reply: Reply) -> None:
            error = reply.get("error") or {}
            if (not reply.get("ok") and error.get("code") not in (OFFLINE, "conflict")
                    and not passing(reply)):
                self.listener.request_failed(error.get("message", "Request failed."))
            on_reply(reply)

        self.connection.request(message, reported)

    # --- documents ---------------------------------------------------------------------------

    def fetch_document(self, document: DocumentInfo) -> Future[Path]:
        """The document's local file; one download per document however often it is asked."""
        cached = self.cache.get(document.sha256)
        if cached is not None:
            done: Future[Path] = Future()
            done.set_result(cached)
            return done
        with self._lock:
            running = self._downloads.get(document.sha256)
            if running is None or running.done():  # (done and not in the cache: failed, or
                # the file went away since, e.g. removed as tampered: fetch it again)
                running = self._pool.submit(self.api.fetch_document, document, self.cache)
                self._downloads[document.sha256] = running
            return running

    def keep_offline(self, meeting_id: int, progress: Progress | None = None) -> Future[int]:
        """Before the meeting: download its documents and keep its picture on this device, to
        read it without the server. The future gives the number of documents kept."""
        def run() -> int:
            answer: Future[Reply] = Future()
            self.connection.request(SnapshotRequest(meeting_id=meeting_id), answer.set_result)
            reply = answer.result(timeout=30)
            if not reply.get("ok"):
                raise _request_error(reply)
            snapshot = Snapshot.model_validate(reply["data"])
            total = len(snapshot.documents)
            for done, document in enumerate(snapshot.documents, start=1):
                if self.cache.get(document.sha256) is None:  # (on this thread: the pool's
                    self.api.fetch_document(document, self.cache)  # others may all be busy)
                if progress:
                    progress(done, total)
            if self.shelf is not None:
                self.shelf.keep(snapshot)
            return total

        return self._pool.submit(run)

    def kept_offline(self) -> list[Snapshot]:
        """The meetings kept on this device (shown while the server cannot be reached)."""
        return self.shelf.kept() if self.shelf is not None else []

    def save_original(self, meeting_id: int, document_id: int, out: Path) -> Future[Path]:
        """The Office file a document was made from, saved at `out`."""
        return self._pool.submit(lambda: _write_whole(
            out, self.api.fetch_original(meeting_id, document_id)))

    def export_record(self, meeting_id: int, out: Path, mine: bool) -> Future[list[Path]]:
        """Save the record of the meeting: the PDF at `out`, and for the archive (not `mine`)
        the JSON record beside it. Each file appears whole or not at all."""
        def run() -> list[Path]:
            written = [_write_whole(out, self.api.fetch_record(meeting_id, "pdf", mine))]
            if not mine:
                written.append(_write_whole(out.with_suffix(".json"),
                                            self.api.fetch_record(meeting_id, "json")))
            return written

        return self._pool.submit(run)

    def upload(self, meeting_id: int, path: Path, progress: Progress | None = None
               ) -> Future[DocumentInfo]:
        return self._pool.submit(self.api.upload_document, meeting_id, path, None, progress)

    def revise(self, meeting_id: int, document_id: int, path: Path,
               progress: Progress | None = None) -> Future[dict]:
        return self._pool.submit(self.api.revise_document, meeting_id, document_id, path,
                                 progress)

    # --- ConnectionListener ------------------------------------------------------------------

    def on_connected(self) -> None:
        with self._lock:
            self._presence_sent.clear()  # a new connection: the server knows nothing of it
            # (and may have restarted, counting presence versions from 0 again)
            self._people = {m: p.model_copy(update={"version": -1})
                            for m, p in self._people.items()}
        self.listener.connection_changed(True)
        with self._lock:
            joined = list(self._syncs)
        for meeting_id in joined:  # after a reconnect: back into every meeting, fresh state
            self._request_snapshot(meeting_id, MeetingJoin)  # (then what waits is resent)

    def on_disconnected(self) -> None:
        self.outbox.disconnected()
        with self._lock:
            self._joined_here.clear()
            ink = list(self._outboxes.values())
        for strokes in ink:  # (until the rejoin is answered: `reconnected`)
            strokes.disconnected()
        self.listener.connection_changed(False)

    def on_refused(self, code: str, message: str) -> None:
        self.listener.session_refused(code, message)

    def on_event(self, event: str, data: Any) -> None:
        model = SERVER_PAYLOADS.get(Event(event))
        if model is None:  # (the connection forwards only the events of SERVER_PAYLOADS)
            return
        try:
            change = model.model_validate(data)
        except (ValidationError, TypeError):
            log.warning("ignoring malformed %s from the server: %r", event, data)
            return
        if isinstance(change, LaserData):  # not a change of the meeting: shown, not kept
            self.listener.laser_moved(change)
            return
        if isinstance(change, MemberRemoved):
            self._member_removed(change)
            return
        if isinstance(change, CirculationSummary):  # a circulation of mine moved on
            self.listener.approval_changed(change)
            return
        if isinstance(change, VoteData):
            self._note_ballot(change)
            with self._lock:
                known = self._votes.setdefault(change.meeting_id, {})
                newer = change.version >= known.get(change.id, change).version
                if newer:
                    known[change.id] = change
            if newer:
                self.listener.votes_changed(change.meeting_id)
            return
        if isinstance(change, PresenceData):  # who is here: the highest version wins
            with self._lock:
                if self._take_presence(change):
                    self.listener.presence_changed(change.meeting_id)
            return
        if not isinstance(change, Change):  # (every other payload is a change of the meeting)
            return
        with self._lock:  # (the listener is told under the lock: see _changed)
            sync = self._syncs.get(change.meeting_id)
            if sync is None:
                return
            outcome = sync.apply(change)
            if outcome is Outcome.APPLIED:
                self._changed(change.meeting_id, sync)
        if (isinstance(change, MeetingState) and change.materials_removed
                and not self.keeps_removed_materials):
            self._materials_gone(change.meeting_id)
            return
        if outcome is Outcome.NEED_SNAPSHOT:
            log.info("meeting %s: missed a change before seq %s; resyncing",
                     change.meeting_id, change.seq)
            self._request_snapshot(change.meeting_id, SnapshotRequest)
        elif outcome is Outcome.EARLY:
            self._watch_gap(change.meeting_id)

    def _watch_gap(self, meeting_id: int) -> None:
        """Changes came early (two server processes' broadcasts crossed, or one was lost):
        if those before them have not come within `GAP_WAIT_S`, resync."""
        with self._lock:
            sync = self._syncs.get(meeting_id)
            if sync is not None:
                self._later.call(("gap", meeting_id), GAP_WAIT_S, self._gap_due, meeting_id,
                                 sync.last_seq)

    def _retry_due(self, meeting_id: int, kind: type[MeetingJoin] | type[SnapshotRequest]
                   ) -> None:
        with self._lock:
            following = meeting_id in self._syncs
        if following and self.online:  # (offline: the next connection joins again)
            self._request_snapshot(meeting_id, kind)

    def _gap_due(self, meeting_id: int, seq_then: int | None) -> None:
        with self._lock:
            sync = self._syncs.get(meeting_id)
            if sync is None or not sync.gap_open:
                return
            moved = sync.last_seq != seq_then
        if moved:  # (some came, more are early: give those their moment too)
            self._watch_gap(meeting_id)
            return
        log.info("meeting %s: a change before seq %s did not come; resyncing", meeting_id,
                 (seq_then or 0) + 1)
        self._request_snapshot(meeting_id, SnapshotRequest)

    # --- internals ---------------------------------------------------------------------------

    def _show_offline_copy(self, meeting_id: int) -> None:
        """No server: show the meeting as last kept on this device, with the edits made since."""
        stored = self.shelf.snapshot(meeting_id) if self.shelf is not None else None
        if stored is None:
            return
        with self._lock:
            sync = self._syncs.get(meeting_id)
            if sync is None or sync.view is not None:
                return
            self._offline_copies.add(meeting_id)
            edits = self.outbox.pending(meeting_id)
            sync.apply_snapshot(with_edits(stored, edits, self.user.name))
            self._changed(meeting_id, sync)

    def _keep_for_next_time(self) -> None:
        """Closing: keep each meeting's picture, and turn strokes the server has not confirmed
        into edits for the next start (the outbox lives in memory only)."""
        if self.shelf is None:
            return
        with self._lock:
            views = [sync.view for sync in self._syncs.values()
                     if sync.view is not None and sync.meeting_id not in self._offline_copies]
            outboxes = list(self._outboxes.values())
        for view in views:
            self.shelf.keep(view.snapshot)
        for outbox in outboxes:
            for stroke in outbox.in_flight():  # (finished ones are held already: again, whole)
                self.outbox.hold(outbox.meeting_id, stroke.id,
                                 put_again(outbox.meeting_id, stroke.as_data(self.user.name)))

    def _member_removed(self, notice: MemberRemoved) -> None:
        """Someone was removed; if it is this user, the meeting is gone for them: forget it, so
        nothing is rejoined or resent after a reconnect."""
        if notice.user == self.user.name:
            with self._lock:
                self._syncs.pop(notice.meeting_id, None)
                self._outboxes.pop(notice.meeting_id, None)
                self._people.pop(notice.meeting_id, None)
                self._presence_sent.pop(notice.meeting_id, None)
            self.outbox.forget(notice.meeting_id)
            if self.shelf is not None:
                self.shelf.forget(notice.meeting_id)
        self.listener.member_removed(notice.meeting_id, notice.user, notice.by)

    # --- materials removed ---------------------------------------------------------------

    @property
    def keeps_removed_materials(self) -> bool:
        """Organizers and admins keep a meeting's materials after they were removed."""
        return self.user.role in MANAGER_ROLES

    def removed_meetings(self, listed: list[MeetingSummary]) -> list[RemovedMeeting]:
        """Of the meetings kept on this device, those the server's list says are gone (for a
        device that was offline when they ended)."""
        if self.keeps_removed_materials:
            return [m for m in removed_since(self.kept_offline(), listed)
                    if m.meeting_id not in {s.id for s in listed}]
        return removed_since(self.kept_offline(), listed)

    def expired_meetings(self) -> list[RemovedMeeting]:
        """Kept meetings whose access date has passed (known without the server)."""
        return [] if self.keeps_removed_materials else expired(self.kept_offline())

    def purge(self, meeting: RemovedMeeting) -> int:
        """Delete the meeting's materials from this device; the number of files deleted."""
        with self._lock:
            self._syncs.pop(meeting.meeting_id, None)
        if meeting.removes_notes:
            self.outbox.forget(meeting.meeting_id)
        deleted = purge(meeting, self.cache, self.shelf)
        log.info("meeting %s: materials removed from this device (%d files)",
                 meeting.meeting_id, deleted)
        return deleted

    def _materials_gone(self, meeting_id: int) -> None:
        """The server removed the meeting's materials: stop following it (nothing is rejoined
        or resent) and let the listener offer an export before `purge`."""
        with self._lock:
            sync = self._syncs.pop(meeting_id, None)
            view = sync.view if sync else None
            self._outboxes.pop(meeting_id, None)
            self._people.pop(meeting_id, None)
            self._presence_sent.pop(meeting_id, None)
        snapshot = view.snapshot if view else (
            self.shelf.snapshot(meeting_id) if self.shelf is not None else None)
        if snapshot is None:
            removal, title = Removal.FILES, ""
        else:
            removal, title = snapshot.state.removal, snapshot.meeting.title
        self.listener.materials_removed(RemovedMeeting(
            meeting_id, title, Removal.FILES if removal is Removal.NONE else removal, snapshot))

    def _changed(self, meeting_id: int, sync: MeetingSync) -> None:
        """Tell the listener about the new view; called holding the lock.

        python-socketio's client handles each incoming message on a thread of its own, so two
        broadcasts can be applied in order and yet reported in the other: the listener would
        end on the older view (a follower left on the presenter's previous page). Reporting
        while still holding the lock keeps the reports in the order the changes were applied.
        """
        if sync.view is not None:
            self.listener.meeting_changed(meeting_id, sync.view)

    def _request_snapshot(self, meeting_id: int,
                          kind: type[MeetingJoin] | type[SnapshotRequest]) -> None:
        """Join (or resync) and show the server's picture. If the server cannot answer for
        now (its store busy or failing), ask again later, at growing intervals, for as long
        as the connection lasts: otherwise the meeting would look followed and never move."""
        def on_reply(reply: Reply) -> None:
            if not reply.get("ok"):
                error = _request_error(reply)
                if error.code == ErrorCode.MATERIALS_REMOVED:
                    self._materials_gone(meeting_id)
                    return
                if error.code == OFFLINE:  # (the next connection joins again anyway)
                    return
                if not passing(reply):
                    self.listener.request_failed(error.message)
                    return
                with self._lock:
                    backoff = self._snapshot_backoffs.setdefault(meeting_id, Backoff())
                    first, wait = backoff.first, backoff.wait(reply)
                if first:  # (said once, not at every attempt)
                    self.listener.request_failed(error.message)
                self._later.call(("retry", meeting_id), wait, self._retry_due, meeting_id,
                                 kind)
                return
            with self._lock:
                self._snapshot_backoffs.pop(meeting_id, None)
            snapshot = Snapshot.model_validate(reply["data"])
            with self._lock:
                sync = self._syncs.get(meeting_id)
                if sync is None:
                    return
                if meeting_id in self._offline_copies:  # the server's picture replaces ours
                    self._offline_copies.discard(meeting_id)
                    sync = self._syncs[meeting_id] = MeetingSync(meeting_id)
                self._take_presence(PresenceData(meeting_id=meeting_id, people=snapshot.people,
                                                 version=snapshot.presence_version))
                known = self._votes.setdefault(meeting_id, {})
                for vote in snapshot.votes:
                    self._note_ballot(vote)
                    if vote.version >= known.get(vote.id, vote).version:
                        known[vote.id] = vote
                outcome = sync.apply_snapshot(snapshot)
                if outcome is Outcome.APPLIED:
                    self._changed(meeting_id, sync)
            if outcome is Outcome.NEED_SNAPSHOT:
                self._request_snapshot(meeting_id, SnapshotRequest)
                return
            if sync.gap_open:  # (changes past the snapshot came early)
                self._watch_gap(meeting_id)
            if self.shelf is not None and sync.view is not None:
                self.shelf.keep(sync.view.snapshot)
            self.listener.votes_changed(meeting_id)
            if kind is MeetingJoin:  # joined on this connection: what waits can go now (the
                self.outbox.joined(meeting_id)  # server takes nothing of a meeting before)
                with self._lock:
                    strokes = self._outboxes.get(meeting_id)
                    self._joined_here.add(meeting_id)
                    turn = self._turn_waiting.pop(meeting_id, None)
                if strokes is not None:  # with the strokes it did not confirm
                    strokes.reconnected()
                if turn is not None:  # and the presenter's page, if turned meanwhile
                    self._send_turn(turn)

        self.connection.request(kind(meeting_id=meeting_id), on_reply)


def put_again(meeting_id: int, annotation: AnnotationData) -> AnnotationPut:
    """The `annotation:put` that puts this annotation (back) on the server: an undo, a
    resend, a stroke kept for the next start."""
    return AnnotationPut.model_validate(
        {"meeting_id": meeting_id, **annotation.model_dump(mode="json", include=PUT_FIELDS)})


def with_edits(snapshot: Snapshot, edits: list[PendingEdit], owner: str) -> Snapshot:
    """The snapshot as it will be once the server has these edits (shown while offline)."""
    annotations = {a.id: a for a in snapshot.annotations}
    for edit in edits:
        payload = edit.get("payload", {})
        try:
            if edit.get("event") == Event.ANNOTATION_PUT:
                fields = {k: v for k, v in payload.items() if k != "meeting_id"}
                annotations[fields["id"]] = AnnotationData.model_validate(
                    {**fields, "owner": owner, "complete": True})
            elif edit.get("event") == Event.ANNOTATION_DELETE:
                for annotation_id in payload.get("ids", []):
                    annotations.pop(annotation_id, None)
        except (KeyError, ValidationError, TypeError):
            log.warning("skipping an unreadable offline edit: %r", edit)
    return snapshot.model_copy(update={"annotations": tuple(annotations.values())})


def _write_whole(out: Path, data: bytes) -> Path:
    temporary = out.with_name(out.name + ".part")
    temporary.write_bytes(data)
    temporary.replace(out)
    return out


def _request_error(reply: Reply) -> RequestError:
    error = reply.get("error") or {}
    return RequestError(error.get("code", "error"), error.get("message", "Request failed."))


def _ignore(_: Reply) -> None:
    pass


__all__ = ["ApiError", "MeetingSession", "RequestError", "SessionListener"]
