"""The side panel beside the page: the agenda, the votes and the meeting's documents."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from meeting.net.session import MeetingSession
from meeting.ui.agenda_panel import AgendaPanel
from meeting.ui.viewer.documents_list import DocumentsList
from meeting.ui.vote_panel import VotePanel


class SidePanel(QWidget):
    def __init__(self, session: MeetingSession, meeting_id: int, manager: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agenda = AgendaPanel(manager)
        self.votes = VotePanel(session, meeting_id)
        self.documents = DocumentsList(manager)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        heading = QLabel(self.tr("Documents"))
        heading.setStyleSheet("font-weight: bold; padding: 6px 6px 2px 6px;")
        column.addWidget(self.agenda, 2)
        column.addWidget(self.votes, 0)
        column.addWidget(heading)
        column.addWidget(self.documents, 3)
