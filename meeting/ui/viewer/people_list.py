"""Who is here, as a tab of the side panel: everyone in the meeting, where they are and whether
they follow (the status bar's button holds the same list as a menu, with removal)."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget, QWidget

from meeting.net.session import MeetingSession
from meeting.ui.people_button import person_line


class PeopleList(QListWidget):
    def __init__(self, session: MeetingSession, meeting_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.setStyleSheet("QListWidget::item { padding: 8px 6px; }")
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        people = self.session.people(self.meeting_id)
        if not people:
            self.addItem(self.tr("Nobody has joined yet"))
        for person in people:
            line = person_line(person)
            if person.name == self.session.user.name:
                line += self.tr(" (you)")
            self.addItem(line)
