"""The meetings this user is invited to; join one with a double tap or the Join button.

Each row says what a person picks a meeting by: its title, whether it is on now, when and where,
how many documents, who presents. Rows wrap, never elide, in either language.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting.core.protocol import MeetingSummary, Role
from meeting.core.schedule import MeetingStatus, in_listing_order, status_of
from meeting.net.connection import OFFLINE
from meeting.net.session import MeetingSession, RequestError
from meeting.ui.banners import Banner
from meeting.ui.keyboard_order import KeyboardOrder
from meeting.ui.main_thread import run_on_main, when_done
from meeting.ui.plain_label import PlainLabel
from meeting.ui.role_names import role_name

TITLE = Qt.ItemDataRole.UserRole + 1
ENDED_COLOR = QColor("#6b7280")


def status_text(status: MeetingStatus) -> str:
    return {
        MeetingStatus.UPCOMING: QCoreApplication.translate("MeetingList", "Upcoming"),
        MeetingStatus.IN_PROGRESS: QCoreApplication.translate("MeetingList", "In progress"),
        MeetingStatus.ENDED: QCoreApplication.translate("MeetingList", "Ended"),
    }[status]


def start_text(starts_at: float, now: float) -> str:
    """The start in the interface's language; the year only when it is not this year's."""
    when = QDateTime.fromSecsSinceEpoch(int(starts_at))
    this_year = QDateTime.fromSecsSinceEpoch(int(now)).date().year()
    if when.date().year() == this_year:
        pattern = QCoreApplication.translate("MeetingList", "ddd d MMM, HH:mm")
    else:
        pattern = QCoreApplication.translate("MeetingList", "ddd d MMM yyyy, HH:mm")
    return QLocale().toString(when, pattern)


def row_text(meeting: MeetingSummary, now: float, kept: bool) -> str:
    """Three lines: the title; status, time and place; documents and presenter."""
    when = [status_text(status_of(meeting, now))]
    if meeting.starts_at is not None:
        when.append(start_text(meeting.starts_at, now))
    if meeting.place:
        when.append(meeting.place)
    presenter = meeting.presenter or QCoreApplication.translate("MeetingList", "no presenter yet")
    details = QCoreApplication.translate(
        "MeetingList", "{0} documents · presenter: {1}").format(meeting.documents, presenter)
    if kept:
        details += QCoreApplication.translate("MeetingList", " · ✓ on this device")
    separator = QCoreApplication.translate("MeetingList", " · ")
    return "\n".join((meeting.title, separator.join(when), details))


class MeetingListWindow(QWidget):
    joinRequested = Signal(int)
    signOutRequested = Signal()
    settingsRequested = Signal()
    approvalsRequested = Signal()
    approvalOpenRequested = Signal(int)
    """The notice's Open: a circulation that just arrived."""
    loaded = Signal()

    def __init__(self, session: MeetingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keyboard = KeyboardOrder(self)
        self.session = session
        self.setWindowTitle(self.tr("Meetings — Paperless Meeting"))
        self.resize(640, 520)
        user = session.user
        heading = PlainLabel(self.tr("Signed in as {0} ({1}) at {2}").format(
            user.name, role_name(user.role), session.server_url))
        heading.setWordWrap(True)
        self.status = PlainLabel()  # (titles and the server's messages)
        self.status.setStyleSheet("color: #5f6368;")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Meetings"))
        self.list.setStyleSheet("QListWidget::item { padding: 12px 8px; }")
        self.list.setWordWrap(True)  # a long title or a long English line wraps, never "…"
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setUniformItemSizes(False)
        self.list.setAccessibleName(self.tr("Meetings"))
        self.list.itemDoubleClicked.connect(self._join_item)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.join_button = QPushButton(self.tr("Join"))
        self.keep_button = QPushButton(self.tr("Keep for offline reading"))
        self.keep_button.setToolTip(self.tr(
            "Download the meeting's documents to this device before the meeting, to read "
            "them (and take notes) without a connection"))
        self.keep_button.clicked.connect(self.keep_current)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.clicked.connect(self.settingsRequested)
        self.approvals_button = QPushButton()
        self.approvals_button.clicked.connect(self.approvalsRequested)
        self.approvals_button.setVisible(user.role is not Role.DISPLAY)
        self.set_approval_counts(0)
        self.approval_notice = Banner()
        self.approval_notice.actionClicked.connect(self._open_arrival)
        self._arrival: int | None = None
        self.offline = False
        for button in (self.join_button, self.keep_button, self.refresh_button,
                       self.sign_out_button, self.settings_button, self.approvals_button):
            button.setMinimumHeight(44)
        self.join_button.setDefault(True)  # the primary action: Enter joins
        self.join_button.setObjectName("primary")
        self.join_button.setStyleSheet(
            "QPushButton#primary { background: #1a56db; color: white; font-weight: bold;"
            " border-radius: 6px; padding: 0 28px; }"
            "QPushButton#primary:disabled { background: #9ca3af; }")
        self.join_button.clicked.connect(lambda: self._join_item(self.list.currentItem()))
        self.refresh_button.clicked.connect(self.refresh)
        self.sign_out_button.clicked.connect(self.signOutRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_out_button)
        buttons.addWidget(self.settings_button)
        buttons.addWidget(self.approvals_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.insertWidget(0, self.approval_notice)  # (above, but the heading's child first)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_approval_counts(self, waiting: int) -> None:
        """The approvals entry says how many circulations wait for this user."""
        self.approvals_button.setText(self.tr("Approvals ({0} waiting)").format(waiting)
                                      if waiting else self.tr("Approvals"))

    def show_approval_notice(self, circulation_id: int, title: str, drafter: str) -> None:
        """A circulation has just arrived for this user to act on."""
        self._arrival = circulation_id
        self.approval_notice.show_message("following", self.tr(
            "For your approval: “{0}” from {1}").format(title, drafter), self.tr("Open"))

    def _open_arrival(self) -> None:
        self.approval_notice.clear()
        if self._arrival is not None:
            self.approvalOpenRequested.emit(self._arrival)

    def refresh(self) -> None:
        self.status.setText(self.tr("Loading meetings…"))
        self.session.list_meetings(lambda result: run_on_main(lambda: self._show(result), self))

    def _show(self, result: list[MeetingSummary] | RequestError) -> None:
        self.offline = isinstance(result, RequestError) and result.code == OFFLINE
        if self.offline:  # no server: what this device keeps
            result = [snapshot.meeting for snapshot in self.session.kept_offline()]
        elif isinstance(result, RequestError):
            self.status.setText(self.tr("Could not load the meetings: {0}").format(result.message))
            return
        kept = {snapshot.meeting.id for snapshot in self.session.kept_offline()}
        self.list.clear()
        now = time.time()
        for meeting in in_listing_order(result, now):
            item = QListWidgetItem(row_text(meeting, now, meeting.id in kept))
            item.setData(Qt.ItemDataRole.UserRole, meeting.id)
            item.setData(TITLE, meeting.title)
            if status_of(meeting, now) is MeetingStatus.ENDED:
                item.setForeground(QBrush(ENDED_COLOR))
            self.list.addItem(item)
        if result:
            self.list.setCurrentRow(0)
        if self.offline:
            self.status.setText(self.tr(
                "Offline: these are the meetings kept on this device. Notes you take are sent "
                "when the connection is back.") if result else self.tr(
                "Offline, and no meeting is kept on this device yet."))
        else:
            self.status.setText("" if result else
                                self.tr("You are not invited to any meeting yet."))
        self._update_buttons()
        self.loaded.emit()

    def keep_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        meeting_id = item.data(Qt.ItemDataRole.UserRole)
        title = item.data(TITLE)
        self.keep_button.setEnabled(False)
        self.status.setText(self.tr("Downloading “{0}”…").format(title))

        def progress(done: int, total: int) -> None:
            run_on_main(lambda: self.status.setText(
                self.tr("Downloading “{0}”: {1} of {2} documents…").format(title, done, total)),
                self)

        def kept(count: int) -> None:
            self._update_buttons()
            marker = QCoreApplication.translate("MeetingList", " · ✓ on this device")
            if not item.text().endswith(marker):
                item.setText(item.text() + marker)
            self.status.setText(self.tr(
                "“{0}” is kept on this device ({1} documents): you can read it and take notes "
                "without a connection.").format(title, count))

        def failed(error: Exception) -> None:
            self._update_buttons()
            self.status.setText(self.tr("Could not keep “{0}”: {1}").format(
                title, getattr(error, "message", str(error))))

        when_done(self.session.keep_offline(meeting_id, progress), kept, failed, self)

    def _join_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.joinRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        selected = self.list.currentItem() is not None
        self.join_button.setEnabled(selected)
        self.keep_button.setEnabled(selected and not self.offline)
