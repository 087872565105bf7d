"""The meeting window's status bar: uploads, who is here, where I am, the connection, how the
materials are protected, and the web meeting's button."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from meeting.core.presence import Place
from meeting.net.session import MeetingSession
from meeting.ui.people_button import PeopleButton
from meeting.ui.plain_label import PlainLabel
from meeting.ui.web_meeting import WebMeetingAction, WebMeetingHost


class MeetingStatusBar(QStatusBar):
    def __init__(self, session: MeetingSession, meeting_id: int,
                 web_meeting_action: WebMeetingAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connection_label = QLabel()
        self.waiting_label = QLabel()
        self.waiting_label.setStyleSheet("color: #8c4a00; padding: 0 8px;")
        self.waiting_label.setToolTip(self.tr("Your notes, deletions and ballots are kept on "
                                              "this device until the server has them"))
        self.waiting_label.setVisible(False)
        self.upload_progress = QProgressBar()
        self.upload_progress.setMaximumWidth(240)
        self.upload_progress.hide()
        self.people_button = PeopleButton(session, meeting_id)
        self.place_choice = QComboBox()
        # The choice names itself ("I'm remote", not a bare "Remote" nobody knows to change).
        self.place_choice.addItem(self.tr("I'm in the room"), Place.ROOM)
        self.place_choice.addItem(self.tr("I'm remote"), Place.REMOTE)
        self.place_choice.setCurrentIndex(1)
        self.place_choice.setToolTip(self.tr("Where you are, for the list of who is here"))
        self.protection_label = PlainLabel()
        self.protection_label.setStyleSheet("color: #8c1d18; padding: 0 8px;")
        self.protection_label.setToolTip(self.tr("How the organizer protects this meeting's "
                                                 "materials"))
        self.protection_label.setVisible(False)
        # Where the remote participants' audio and video are: always in sight, never in the
        # toolbar's overflow.
        self.web_meeting_button = QToolButton()
        self.web_meeting_button.setDefaultAction(web_meeting_action)
        self.web_meeting_button.setStyleSheet(
            "QToolButton { background: #1a73e8; color: white; border-radius: 4px;"
            " padding: 3px 10px; margin: 2px 6px; }")
        self.web_meeting_button.setVisible(False)
        web_meeting_action.changed.connect(lambda: self.web_meeting_button.setVisible(
            web_meeting_action.isVisible()))
        self.web_meeting_host = WebMeetingHost(web_meeting_action)
        for widget in (self.upload_progress, self.people_button, self.place_choice,
                       self.waiting_label, self.connection_label, self.protection_label,
                       self.web_meeting_button, self.web_meeting_host):
            self.addPermanentWidget(widget)

    def show_connection(self, online: bool) -> None:
        if online:
            self.connection_label.setText(self.tr("● Connected"))
            self.connection_label.setStyleSheet("color: #1e7b34; padding: 0 8px;")
        else:
            self.connection_label.setText(self.tr("● Offline — reconnecting…"))
            self.connection_label.setStyleSheet("color: #b3261e; padding: 0 8px;")

    def show_waiting(self, count: int) -> None:
        """How many of the user's changes the server has not confirmed yet; when the last
        arrives, said for a moment."""
        if count == 1:
            self.waiting_label.setText(self.tr("1 change not yet sent"))
        elif count > 1:
            self.waiting_label.setText(self.tr("{0} changes not yet sent").format(count))
        elif self.waiting_label.isVisibleTo(self):
            self.showMessage(self.tr("All changes sent"), 4000)
        self.waiting_label.setVisible(count > 0)

    def show_protection(self, summary: str) -> None:
        self.protection_label.setText(summary)
        self.protection_label.setVisible(bool(summary))
