"""The client's flow: sign in (or reuse the token in the keychain), pick a meeting, follow it."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from meeting.core.collector import freeze_startup_objects
from meeting.core.places import PlaceMemory
from meeting.core.protocol import Role, UserInfo
from meeting.net.api import UNREACHABLE, LoginResult, ServerApi
from meeting.net.cache import DocumentCache
from meeting.net.credentials import TokenStore
from meeting.net.offline import OfflineShelf
from meeting.net.purge import RemovedMeeting
from meeting.net.session import MeetingSession
from meeting.net.trust import Trust
from meeting.ui import ui_scale
from meeting.ui.approval.windows import ApprovalWindows
from meeting.ui.base import touch
from meeting.ui.bridge import SessionBridge
from meeting.ui.display_window import DisplayWindow
from meeting.ui.login_dialog import LoginDialog
from meeting.ui.main_thread import run_on_main, when_done
from meeting.ui.materials_notice import MaterialsRemovedNotice
from meeting.ui.meeting_list import MeetingListWindow
from meeting.ui.place_question import SettingsStore
from meeting.ui.preferences import Preferences
from meeting.ui.runtime import ClientRuntime
from meeting.ui.settings_dialog import SettingsDialog
from meeting.ui.terminal_signals import quit_on_terminal_signals
from meeting.ui.viewer_window import ViewerWindow

log = logging.getLogger("meeting.ui.app")


@dataclass(frozen=True)
class DisplayTarget:
    """`meeting display`: show meetings full screen on a monitor instead of in a viewer."""

    screen: int | None = None
    """Index into the screens (-1: the last one; None: as set in the settings)."""
    meeting_id: int | None = None
    """Open this meeting at once (unattended); None: pick it from the list."""


class ClientApp(QObject):
    """Owns the windows of one signed-in user and the way between them."""

    def __init__(self, runtime: ClientRuntime, tokens: TokenStore, settings: QSettings,
                 display: DisplayTarget | None = None, trust: Trust | None = None) -> None:
        super().__init__()
        self.trust = trust or Trust()
        self.display_target = display
        self.displays: dict[int, DisplayWindow] = {}
        self.runtime = runtime
        self.tokens = tokens
        self.settings = settings
        self.preferences = Preferences.load(settings)
        self._apply_touch_mode()
        self.settings_dialog: SettingsDialog | None = None
        self.session: MeetingSession | None = None
        self.bridge: SessionBridge | None = None
        self.login: LoginDialog | None = None
        self.notice: QMessageBox | None = None
        self._retired: list[QWidget] = []
        """Closed windows waiting for Qt to delete them (see `_retire`)."""
        self.meetings: MeetingListWindow | None = None
        self.viewers: dict[int, ViewerWindow] = {}
        self.material_notices: dict[int, MaterialsRemovedNotice] = {}
        """Meetings whose removed materials the user is being told about."""
        self.approvals: ApprovalWindows | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="meeting-app")

    def start(self, server_url: str | None = None, user: str | None = None) -> None:
        server_url = server_url or self.settings.value("server", "", str)
        user = user or self.settings.value("user", "", str)
        token = self.tokens.load(server_url, user) if server_url and user else None
        if not token:
            self.show_login(server_url, user)
            return
        api = ServerApi(server_url, token, trust=self.trust)  # is the kept session still good?
        when_done(self._pool.submit(api.me),
                  lambda info: self._signed_in(server_url, token, info),
                  lambda error: self._not_confirmed(server_url, user, token, error))

    def _not_confirmed(self, server_url: str, user: str, token: str, error: Exception) -> None:
        """The server did not confirm the kept session. Unreachable: carry on offline with what
        this device keeps (the server checks the token again when it is back); refused: sign
        in again."""
        known = self.runtime.shelf(server_url, user).user()
        if getattr(error, "code", "") == UNREACHABLE and known is not None:
            self._signed_in(server_url, token, known)
        else:
            self.show_login(server_url, user)

    def show_login(self, server_url: str = "", user: str = "") -> None:
        note = "" if self.tokens.persistent else self.tr(
            "No system keychain is available here: you will stay signed in only until this "
            "program closes.")
        if self.login is not None:
            self._retire(self.login)  # (a sign-out's dialog after the first one's)
        self.login = LoginDialog(server_url, user, note,
                                 api_factory=partial(ServerApi, trust=self.trust))
        self.login.signedIn.connect(self._logged_in)
        self.login.show()

    def _logged_in(self, server_url: str, result: LoginResult) -> None:
        self.tokens.save(server_url, result.user.name, result.token)
        self._signed_in(server_url, result.token, result.user)

    def _signed_in(self, server_url: str, token: str, user: UserInfo) -> None:
        self.settings.setValue("server", server_url)
        self.settings.setValue("user", user.name)
        self.session, self.bridge = self.runtime.open_session(server_url, token, user,
                                                               self.trust)
        # (methods of the app, not lambdas: sign_out disconnects them all from this bridge,
        # so a signed-out session's late news cannot reach the next one's windows)
        self.bridge.sessionRefused.connect(self._on_session_refused)
        self.bridge.memberRemoved.connect(self._on_member_removed)
        self.bridge.materialsRemoved.connect(self._on_materials_removed)
        self.bridge.connectionChanged.connect(self._on_connection_changed)
        for meeting in self.session.expired_meetings():  # known without the server
            self._on_materials_removed(meeting)
        if self.session.online:
            self._check_removed_materials()
        target = self.display_target
        if target is not None and target.meeting_id is not None:
            self.open_display(target.meeting_id)  # unattended: straight to the screen
            return
        self.meetings = MeetingListWindow(self.session)
        self.meetings.joinRequested.connect(
            self.open_meeting if target is None else self.open_display)
        self.meetings.signOutRequested.connect(lambda: self.sign_out(forget=True))
        self.meetings.settingsRequested.connect(self.show_settings)
        self._open_approvals(self.meetings)
        if self.session.online or self.session.connection.unreachable:
            self.meetings.refresh()  # (the news came before the line above was connected)
        self.meetings.show()

    def _open_approvals(self, meetings: MeetingListWindow) -> None:
        """The approvals of this user, their counts and notice in the meeting list."""
        if self.session is None or self.bridge is None or \
                self.session.user.role is Role.DISPLAY:
            return
        self.approvals = ApprovalWindows(self.session, self.bridge, self.runtime.worker,
                                         self.settings, self)
        hub = self.approvals.hub
        hub.countsChanged.connect(lambda counted: meetings.set_approval_counts(counted.waiting))
        hub.arrived.connect(lambda summary: meetings.show_approval_notice(
            summary.id, summary.title, summary.drafter))
        meetings.approvalsRequested.connect(self.approvals.show_inbox)
        meetings.approvalOpenRequested.connect(self.approvals.open_review)

    def open_meeting(self, meeting_id: int) -> ViewerWindow:
        viewer = self.viewers.get(meeting_id)
        if viewer is None:
            viewer = ViewerWindow(self.session, self.bridge, self.runtime.worker, meeting_id,
                                  preferences=self.preferences, settings=self.settings,
                                  places=PlaceMemory(SettingsStore(self.settings)))
            self.viewers[meeting_id] = viewer
        viewer.show()
        viewer.raise_()
        return viewer

    def open_display(self, meeting_id: int) -> DisplayWindow:
        display = self.displays.get(meeting_id)
        if display is None:
            display = DisplayWindow(self.session, self.bridge, self.runtime.worker, meeting_id)
            self.displays[meeting_id] = display
        screens = QGuiApplication.screens()
        index = (self.display_target.screen if self.display_target else None)
        if index is None:
            index = self.preferences.display_screen
        display.place_on(screens[index if -len(screens) <= index < len(screens) else -1])
        if self.meetings is not None:
            self.meetings.hide()
        return display

    def _on_session_refused(self, code: str, message: str) -> None:
        self.sign_out(forget=True)

    def _on_connection_changed(self, online: bool) -> None:
        if online:
            self._check_removed_materials()
        if self.meetings is not None:  # online: the server's list; offline: the kept ones
            self.meetings.refresh()

    def _on_member_removed(self, meeting_id: int, user: str, by: str) -> None:
        """Removed from a meeting: its windows close (the server already stopped sending it)
        and the user is told by whom; the meeting list no longer offers it."""
        if self.session is None or user != self.session.user.name:
            return
        for windows in (self.viewers, self.displays):
            window = windows.pop(meeting_id, None)
            if window is not None:
                self._retire(window)
        self.notice = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Removed from the meeting"),
            self.tr("{0} removed you from the meeting. Its materials are no longer available "
                    "to you.").format(by), QMessageBox.StandardButton.Ok, self.meetings)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.open()
        if self.meetings is not None:
            self.meetings.refresh()
            self.meetings.show()

    def _check_removed_materials(self) -> None:
        """Meetings kept on this device whose materials were removed while it was away."""
        session = self.session
        if session is None:
            return

        def listed(meetings) -> None:
            if isinstance(meetings, list) and session is self.session:
                for meeting in session.removed_meetings(meetings):
                    self._on_materials_removed(meeting)

        session.list_meetings(lambda meetings: run_on_main(lambda: listed(meetings), self))

    def _on_materials_removed(self, meeting: RemovedMeeting) -> None:
        """The meeting's windows close; the user is told, offered an export of their notes if
        those go too, and the materials leave this device."""
        if self.session is None or meeting.meeting_id in self.material_notices:
            return
        for windows in (self.viewers, self.displays):
            window = windows.pop(meeting.meeting_id, None)
            if window is not None:
                self._retire(window)
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        notice = MaterialsRemovedNotice(self.session, self.runtime.worker, meeting, folder,
                                        self.meetings)
        self.material_notices[meeting.meeting_id] = notice
        notice.finished.connect(lambda _: self.material_notices.pop(meeting.meeting_id, None)
                                if notice.done_choosing else None)
        notice.purged.connect(lambda _: self.meetings.refresh() if self.meetings else None)
        notice.start()

    def show_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self.meetings)
        dialog.signOutRequested.connect(lambda: self.sign_out(forget=True))
        dialog.accepted.connect(lambda: self._preferences_changed(dialog.preferences))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _preferences_changed(self, preferences: Preferences) -> None:
        self.preferences = preferences
        self._apply_touch_mode()

    def _apply_touch_mode(self) -> None:
        touch.apply(self.runtime.app, touch.wanted(self.preferences.touch,
                                                   touch.touch_screen_present()))

    def sign_out(self, forget: bool) -> None:
        """End the session; with `forget`, also revoke the token and remove it from the keychain."""
        session = self.session
        if session is None:
            return
        self.session = None
        if forget:
            self.tokens.delete(session.server_url, session.user.name)
        for window in [*self.viewers.values(), *self.displays.values()]:
            self._retire(window)
        self.viewers.clear()
        self.displays.clear()
        self._close_approvals()
        if self.meetings is not None:
            self._retire(self.meetings)
            self.meetings = None
        if self.bridge is not None:
            self.bridge.disconnect(self)  # (every connection of this bridge to the app)
            self.bridge = None
        session.connection.close()
        self._pool.submit(_end_session, session, forget)
        self.show_login(session.server_url, session.user.name)

    def _close_approvals(self) -> None:
        if self.approvals is not None:
            for window in self.approvals.windows():
                self._retire(window)
            self.approvals.deleteLater()
            self.approvals = None

    def _retire(self, window: QWidget) -> None:
        """Close a window and let Qt delete it from the event loop. Dropping the last Python
        reference instead would delete it at once, possibly while the signal that closed it is
        still being delivered to the window itself."""
        if isinstance(window, ViewerWindow):
            window.close_now()  # (nothing to ask: the session or the meeting is over)
        else:
            window.close()
        self._retired.append(window)
        window.destroyed.connect(lambda: self._retired.remove(window))
        window.deleteLater()

    def close(self) -> None:
        """The app ends: its windows go with it (closed and deleted here, on the GUI thread),
        then the session and the thread that confirms kept sign-ins."""
        windows = [self.login, self.meetings, self.notice, self.settings_dialog,
                   *self.viewers.values(), *self.displays.values(),
                   *self.material_notices.values()]
        for window in windows:
            if window is not None and shiboken6.isValid(window):
                self._retire(window)
        self.login = self.meetings = self.notice = self.settings_dialog = None
        self.viewers.clear()
        self.displays.clear()
        self.material_notices.clear()
        self._close_approvals()
        if self.session is not None:
            self.session.close()
        self._pool.shutdown(wait=False)


def _prune_cache(runtime: ClientRuntime, preferences: Preferences) -> None:
    """Keep the document cache within its size; meetings kept for offline reading stay."""
    kept = {d.sha256 for snapshot in OfflineShelf.everything_kept(runtime.cache_dir.parent
                                                                  / "offline")
            for d in snapshot.documents}
    removed = DocumentCache(runtime.cache_dir).prune(preferences.cache_limit_mb * 2**20, kept)
    if removed:
        log.info("document cache: %d least recently used files removed", removed)


def _end_session(session: MeetingSession, revoke: bool) -> None:
    """Off the GUI thread: revoke the token on the server (best effort), then close."""
    try:
        if revoke:
            session.api.logout()
    except Exception as error:  # offline or already expired: the token is gone locally anyway
        log.info("could not revoke the session on the server: %s", error)
    finally:
        session.close()


def run_client(server_url: str | None = None, user: str | None = None,
               display: DisplayTarget | None = None, trust: Trust | None = None) -> int:
    settings = QSettings("paperless-meeting", "Paperless Meeting")
    preferences = Preferences.load(settings)
    ui_scale.apply_before_start(preferences.ui_scale)  # (Qt reads it once, at the start)
    cache = preferences.cache_dir()
    runtime = ClientRuntime.start(cache)
    _prune_cache(runtime, preferences)
    tokens = TokenStore()
    client = ClientApp(runtime, tokens, settings, display, trust)
    client.start(server_url, user)
    freeze_startup_objects()  # (meeting/core/collector.py: no full-collection stall mid-meeting)
    try:
        with quit_on_terminal_signals(runtime.app):
            return runtime.app.exec()
    finally:
        client.close()
        runtime.close()
