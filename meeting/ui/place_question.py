""""In the room or remote?", asked once when a device first joins a meeting (see
`core.places`); the answer is kept in the app's settings and can be changed in the people list."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from meeting.core.places import PlaceMemory, starting_place
from meeting.core.presence import Place
from meeting.net.session import MeetingSession


class SettingsStore(MutableMapping[str, str]):
    """QSettings as the string store `PlaceMemory` keeps its answers in."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def __getitem__(self, key: str) -> str:
        if not self._settings.contains(key):
            raise KeyError(key)
        return str(self._settings.value(key))

    def __setitem__(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()

    def __delitem__(self, key: str) -> None:
        self._settings.remove(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._settings.allKeys())

    def __len__(self) -> int:
        return len(self._settings.allKeys())


class PlaceQuestion(QDialog):
    chosen = Signal(object)
    """The place (`Place.ROOM` or `Place.REMOTE`)."""

    def __init__(self, meeting_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Where are you?"))
        text = QLabel(self.tr("Are you in the meeting room for “{0}”, or taking part remotely? "
                              "The list of who is here and the record of the meeting show it; "
                              "you can change it later in the list of people.")
                      .format(meeting_title))
        text.setWordWrap(True)
        self.room_button = QPushButton(self.tr("In the room"))
        self.remote_button = QPushButton(self.tr("Remote"))
        row = QHBoxLayout()
        for button, place in ((self.room_button, Place.ROOM), (self.remote_button, Place.REMOTE)):
            button.setMinimumSize(160, 56)
            button.clicked.connect(lambda _=False, p=place: self._choose(p))
            row.addWidget(button)
        column = QVBoxLayout(self)
        column.addWidget(text)
        column.addLayout(row)
        self.resize(480, self.sizeHint().height())

    def _choose(self, place: Place) -> None:
        self.accept()
        self.chosen.emit(place)


class PlaceKeeper(QObject):
    """Where this device is in one meeting: remembered, asked once, changed by the user."""

    changed = Signal(object)
    """The place changed (`Place`)."""

    def __init__(self, session: MeetingSession, meeting_id: int, memory: PlaceMemory | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session, self._meeting_id, self._memory = session, meeting_id, memory
        remembered = memory.recall(session.server_url, meeting_id) if memory else None
        self.place, self.asking = starting_place(session.user.role, remembered,
                                                 memory is not None)
        """`asking`: the user has not said yet (nothing is reported meanwhile)."""
        self.question: PlaceQuestion | None = None

    def ask_once(self, parent: QWidget) -> PlaceQuestion | None:
        """Ask, if this device has never said where it is in this meeting."""
        if not self.asking or self.question is not None:
            return None
        view = self._session.view(self._meeting_id)
        self.question = PlaceQuestion(view.snapshot.meeting.title if view else "", parent)
        self.question.chosen.connect(self.set)
        self.question.open()
        return self.question

    def dismiss(self) -> None:
        """The window closes unanswered: the question goes with it and is asked next time."""
        if self.question is not None:
            self.question.chosen.disconnect(self.set)
            self.question.close()
            self.question.deleteLater()
            self.question = None

    def set(self, place: Place | str) -> None:
        """Where this device is (the answer, or a change in the people list), kept."""
        place = Place(place)  # (a combo box's data comes back as a plain string)
        was_asking, self.asking = self.asking, False
        if self._memory is not None:
            self._memory.remember(self._session.server_url, self._meeting_id, place)
        if place != self.place or was_asking:
            self.place = place
            self.changed.emit(place)
