"""The approval windows of one signed-in user: the inbox, the review windows, the start dialog.

The app makes one of these after sign-in; the meeting list shows its counts and its notice.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from meeting.core.approval_protocol import CirculationData
from meeting.net.session import MeetingSession
from meeting.render.worker import RenderWorker
from meeting.ui.approval.hub import ApprovalHub
from meeting.ui.approval.inbox_window import InboxWindow
from meeting.ui.approval.review_window import ReviewWindow
from meeting.ui.approval.start_dialog import StartDialog
from meeting.ui.bridge import SessionBridge
from meeting.ui.main_thread import when_done


class ApprovalWindows(QObject):
    def __init__(self, session: MeetingSession, bridge: SessionBridge, worker: RenderWorker,
                 settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.bridge = bridge
        self.worker = worker
        self.settings = settings
        self.hub = ApprovalHub(session, bridge, self)
        self.inbox: InboxWindow | None = None
        self.reviews: dict[int, ReviewWindow] = {}
        self.start_dialog: StartDialog | None = None

    def show_inbox(self) -> InboxWindow:
        if self.inbox is None:
            self.inbox = InboxWindow(self.hub)
            self.inbox.openRequested.connect(self.open_review)
            self.inbox.startRequested.connect(self.start_new)
        self.hub.refresh()
        self.inbox.show()
        self.inbox.raise_()
        return self.inbox

    def open_review(self, circulation_id: int) -> None:
        """Open (or bring forward) the circulation's review window, once the server said
        what it is now."""
        window = self.reviews.get(circulation_id)
        if window is not None and shiboken6.isValid(window):
            window.show()
            window.raise_()
            return
        when_done(self.hub.client.open(circulation_id), self._show_review,
                  lambda error: self._say(getattr(error, "message", str(error))), self)

    def _show_review(self, circulation: CirculationData) -> ReviewWindow:
        window = ReviewWindow(self.session, self.bridge, self.worker, circulation,
                              self.settings)
        window.decided.connect(lambda _: self.hub.refresh())
        self.reviews[circulation.summary.id] = window
        window.show()
        return window

    def start_new(self) -> StartDialog:
        self.start_dialog = StartDialog(self.hub.client, self.inbox)
        self.start_dialog.started.connect(lambda _: self.hub.refresh())
        self.start_dialog.open()
        return self.start_dialog

    def _say(self, message: str) -> None:
        if self.inbox is not None:
            self.inbox.status.setText(message)

    def windows(self) -> list[QWidget]:
        """Every window open now (the app closes them at sign-out and at the end)."""
        return [w for w in (self.start_dialog, self.inbox, *self.reviews.values())
                if w is not None and shiboken6.isValid(w)]
