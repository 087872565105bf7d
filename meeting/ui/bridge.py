"""Session events as Qt signals, delivered on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from meeting.core.sync import MeetingView


class SessionBridge(QObject):
    """A SessionListener whose calls (from network threads) become queued Qt signals."""

    connectionChanged = Signal(bool)
    sessionRefused = Signal(str, str)
    meetingChanged = Signal(int, object)
    requestFailed = Signal(str)
    laserMoved = Signal(object)
    presenceChanged = Signal(int)
    memberRemoved = Signal(int, str, str)
    """(meeting, who was removed, by whom)."""
    votesChanged = Signal(int)
    materialsRemoved = Signal(object)
    changesWaiting = Signal(int)
    """How many of this user's changes the server has not confirmed yet."""
    """A `RemovedMeeting`: its materials must leave this device."""
    approvalChanged = Signal(object)
    """A `CirculationSummary`: a circulation one is on moved on (or arrived)."""

    def connection_changed(self, online: bool) -> None:
        self.connectionChanged.emit(online)

    def session_refused(self, code: str, message: str) -> None:
        self.sessionRefused.emit(code, message)

    def meeting_changed(self, meeting_id: int, view: MeetingView) -> None:
        self.meetingChanged.emit(meeting_id, view)

    def request_failed(self, message: str) -> None:
        self.requestFailed.emit(message)

    def laser_moved(self, pointer) -> None:
        self.laserMoved.emit(pointer)

    def presence_changed(self, meeting_id: int) -> None:
        self.presenceChanged.emit(meeting_id)

    def member_removed(self, meeting_id: int, user: str, by: str) -> None:
        self.memberRemoved.emit(meeting_id, user, by)

    def materials_removed(self, meeting) -> None:
        self.materialsRemoved.emit(meeting)

    def votes_changed(self, meeting_id: int) -> None:
        self.votesChanged.emit(meeting_id)

    def approval_changed(self, summary) -> None:
        self.approvalChanged.emit(summary)

    def changes_waiting(self, count: int) -> None:
        self.changesWaiting.emit(count)
