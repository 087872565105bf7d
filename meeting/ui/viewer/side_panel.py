"""The side panel beside the page, one tab each: the meeting's documents, the agenda, the
votes and the people. Folded away by default (the page comes first); one tap on "Panel" opens it.

A tab bar over a stack rather than a QTabWidget: that one makes its tab bar its focus proxy,
which ties the keyboard's Tab order in a loop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedWidget, QTabBar, QVBoxLayout, QWidget

from meeting.net.session import MeetingSession
from meeting.ui.agenda_panel import AgendaPanel
from meeting.ui.viewer.documents_list import DocumentsList
from meeting.ui.viewer.people_list import PeopleList
from meeting.ui.vote_panel import VotePanel


class SidePanel(QWidget):
    def __init__(self, session: MeetingSession, meeting_id: int, manager: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agenda = AgendaPanel(manager)
        self.votes = VotePanel(session, meeting_id)
        self.documents = DocumentsList(manager)
        self.people = PeopleList(session, meeting_id)
        self.tabs = QTabBar()
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(False)  # every tab in sight: the panel is as wide
        self.tabs.setElideMode(Qt.TextElideMode.ElideNone)  # as they need
        self.tabs.setAccessibleName(self.tr("Side panel"))
        self.stack = QStackedWidget()
        self.setMinimumWidth(220)
        self._panels: list[QWidget] = []
        for panel, title in ((self.documents, self.tr("Documents")),
                             (self.agenda, self.tr("Agenda")), (self.votes, self.tr("Votes")),
                             (self.people, self.tr("People"))):
            page = QWidget()  # (a panel hides itself when it has nothing: its tab goes too)
            column = QVBoxLayout(page)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(panel)
            self.tabs.addTab(title)
            self.stack.addWidget(page)
            self._panels.append(panel)
        self.tabs.currentChanged.connect(self.stack.setCurrentIndex)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.tabs)
        column.addWidget(self.stack, 1)

    def update_tabs(self) -> None:
        """A tab for each panel that has something to show (the documents always)."""
        for index, panel in enumerate(self._panels):
            self.tabs.setTabVisible(index, not panel.isHidden())

    def show_tab(self, panel: QWidget) -> None:
        self.tabs.setCurrentIndex(self._panels.index(panel))

    def tab_visible(self, panel: QWidget) -> bool:
        return self.tabs.isTabVisible(self._panels.index(panel))
