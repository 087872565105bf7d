"""The client's approval state for one signed-in user: the inbox as last heard, kept fresh.

Reads the inbox when the connection comes up and whenever the server says a circulation one is
on moved (`approval:changed`); tells the main window the counts, and once, each circulation
that newly waits for the user.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from meeting.core.approval_inbox import InboxCounts, arrivals, counts
from meeting.core.approval_protocol import ApprovalInbox, CirculationSummary
from meeting.net.approval import ApprovalClient
from meeting.net.session import MeetingSession
from meeting.ui.bridge import SessionBridge
from meeting.ui.main_thread import when_done


class ApprovalHub(QObject):
    countsChanged = Signal(object)
    """InboxCounts."""
    arrived = Signal(object)
    """A CirculationSummary that now waits for the user."""
    inboxChanged = Signal(object)
    """The ApprovalInbox as read now."""

    def __init__(self, session: MeetingSession, bridge: SessionBridge,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.client = ApprovalClient(session)
        self.inbox: ApprovalInbox | None = None
        bridge.approvalChanged.connect(self._on_changed)
        bridge.connectionChanged.connect(self._on_connection)
        if session.online:
            self.refresh()

    @property
    def counts(self) -> InboxCounts:
        return counts(self.inbox)

    def refresh(self) -> None:
        when_done(self.client.inbox(), self._read, lambda _: None, self)

    def _read(self, inbox: ApprovalInbox) -> None:
        new = arrivals(self.inbox, inbox)
        self.inbox = inbox
        self.inboxChanged.emit(inbox)
        self.countsChanged.emit(counts(inbox))
        for summary in new:
            self.arrived.emit(summary)

    def _on_changed(self, summary: CirculationSummary) -> None:
        self.refresh()

    def _on_connection(self, online: bool) -> None:
        if online:
            self.refresh()
