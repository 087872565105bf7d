"""Who is here: a status-bar button whose menu lists everyone in the meeting, where they are and
whether they follow; an organizer can remove someone from it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from meeting.core.presence import Person, Place
from meeting.core.protocol import Role
from meeting.net.session import MeetingSession

MAY_REMOVE = {Role.ADMIN, Role.ORGANIZER}


def place_text(place: Place) -> str:
    """Where someone is, in words (shared by the viewer and the console)."""
    return {
        Place.ROOM: QCoreApplication.translate("People", "in the room"),
        Place.REMOTE: QCoreApplication.translate("People", "remote, in the app"),
        Place.BROWSER: QCoreApplication.translate("People", "remote, in a browser"),
    }[place]


def person_line(person: Person) -> str:
    doing = (QCoreApplication.translate("People", "following") if person.following
             else QCoreApplication.translate("People", "browsing"))
    devices = (QCoreApplication.translate("People", " ({0} devices)").format(person.devices)
               if person.devices > 1 else "")
    return QCoreApplication.translate("People", "{0} {1} — {2}, {3}{4}").format(
        "●" if person.following else "○", person.name, place_text(person.place), doing, devices)


class PeopleButton(QToolButton):
    placeChosen = Signal(object)
    """The user says where they are (`Place.ROOM` or `Place.REMOTE`)."""

    def __init__(self, session: MeetingSession, meeting_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAutoRaise(True)
        self.setMenu(QMenu(self))
        self.setToolTip(self.tr("Who is here"))
        self.confirmation: QMessageBox | None = None
        self.my_place: Place | None = None
        """Where this device is, offered for change at the end of the list (None: not
        offered, as for a display account)."""
        self.refresh()

    def set_my_place(self, place: Place | None) -> None:
        self.my_place = place
        self.refresh()

    def refresh(self) -> None:
        people = self.session.people(self.meeting_id)
        following = sum(1 for p in people if p.following)
        self.setText(self.tr("{0} here · {1} following").format(len(people), following))
        menu = self.menu()
        menu.clear()
        if not people:
            menu.addAction(self.tr("Nobody has joined yet")).setEnabled(False)
        may_remove = self.session.user.role in MAY_REMOVE
        presenter = self._presenter()
        for person in people:
            line = person_line(person)
            if person.name == self.session.user.name:
                line += self.tr(" (you)")
            if may_remove and person.name not in (self.session.user.name, presenter):
                entry = menu.addMenu(line)
                entry.addAction(self.tr("Remove from the meeting…"),
                                lambda name=person.name: self.confirm_removal(name))
            else:
                menu.addAction(line)  # (a line to read: greyed out it would look absent)
        if self.my_place is not None:
            menu.addSeparator()
            for place, text in ((Place.ROOM, self.tr("I am in the meeting room")),
                                (Place.REMOTE, self.tr("I am taking part remotely"))):
                entry = menu.addAction(text, lambda p=place: self.placeChosen.emit(p))
                entry.setCheckable(True)
                entry.setChecked(place == self.my_place)

    def confirm_removal(self, name: str) -> None:
        """Ask first, without a nested event loop: the menu is rebuilt whenever presence
        changes, which would delete the action that opened a modal dialog under its feet."""
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Remove from the meeting"),
            self.tr("Remove {0} from this meeting? They will no longer see its materials, and "
                    "their screens close it now.").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda answer: self._removal_answered(name, answer))
        self.confirmation = box
        box.open()

    def _removal_answered(self, name: str, answer: int) -> None:
        self.confirmation = None
        if answer == QMessageBox.StandardButton.Yes:
            self.session.remove_member(self.meeting_id, name)

    def _presenter(self) -> str | None:
        view = self.session.view(self.meeting_id)
        return view.state.presenter if view else None
