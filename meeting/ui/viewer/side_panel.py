"""The side panel beside the page, one tab each: the meeting's documents, the agenda, the
votes and the people. Folded away by default (the page comes first); one tap on "Panel" opens it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from meeting.net.session import MeetingSession
from meeting.ui.agenda_panel import AgendaPanel
from meeting.ui.viewer.documents_list import DocumentsList
from meeting.ui.viewer.people_list import PeopleList
from meeting.ui.vote_panel import VotePanel


class SidePanel(QTabWidget):
    def __init__(self, session: MeetingSession, meeting_id: int, manager: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agenda = AgendaPanel(manager)
        self.votes = VotePanel(session, meeting_id)
        self.documents = DocumentsList(manager)
        self.people = PeopleList(session, meeting_id)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(False)  # every tab in sight: the panel is as wide as they need
        self.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.setMinimumWidth(220)
        self._panels: list[QWidget] = []
        for panel, title in ((self.documents, self.tr("Documents")),
                             (self.agenda, self.tr("Agenda")), (self.votes, self.tr("Votes")),
                             (self.people, self.tr("People"))):
            page = QWidget()  # (a panel hides itself when it has nothing: its tab goes too)
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(panel)
            self.addTab(page, title)
            self._panels.append(panel)

    def update_tabs(self) -> None:
        """A tab for each panel that has something to show (the documents always)."""
        for index, panel in enumerate(self._panels):
            self.setTabVisible(index, not panel.isHidden())

    def show_tab(self, panel: QWidget) -> None:
        self.setCurrentIndex(self._panels.index(panel))
