"""The tool bar's smaller menus: which document to open beside the page, what to save, and on
which screen to show the large monitor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from meeting.core.beside import BesideModel
from meeting.net.session import MeetingSession
from meeting.ui.beside_pane import BesidePane


class BesideMenu(QMenu):
    """The meeting's documents, the one beside the page checked; and closing it."""

    def __init__(self, session: MeetingSession, meeting_id: int, beside: BesideModel,
                 pane: BesidePane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.beside = beside
        self.pane = pane
        self.aboutToShow.connect(self._fill)

    def _fill(self) -> None:
        self.clear()
        view = self.session.view(self.meeting_id)
        shown = self.beside.shown
        for document in view.documents if view else ():
            item = self.addAction(document.title)
            item.setCheckable(True)
            item.setChecked(shown is not None and shown.document_id == document.id)
            item.triggered.connect(lambda _=False, d=document.id: self.pane.open(d))
        self.addSeparator()
        close = self.addAction(self.tr("Close the second document"),
                               lambda: self.pane.go_to(None))
        close.setEnabled(shown is not None and not self.beside.held)


class ExportMenu(QMenu):
    """Saving: this document with one's notes, and the record of the meeting."""

    notesRequested = Signal()
    recordRequested = Signal(bool)
    """True: one's own copy, with one's notes; False: the meeting's record (organizers)."""

    def __init__(self, manager: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addAction(self.tr("Save with notes…"), self.notesRequested)
        if manager:
            self.addAction(self.tr("Record of the meeting (PDF and JSON)…"),
                           lambda: self.recordRequested.emit(False))
        self.addAction(self.tr("My copy of the record, with my notes…"),
                       lambda: self.recordRequested.emit(True))


class DisplayMenu(QMenu):
    """The screens this computer has, to put the large monitor on."""

    screenChosen = Signal(QScreen)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.aboutToShow.connect(self._fill)

    def _fill(self) -> None:
        self.clear()
        for index, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            item = self.addAction(self.tr("Screen {0}: {1}×{2} {3}").format(
                index + 1, size.width(), size.height(), screen.name()))
            item.triggered.connect(lambda _=False, s=screen: self.screenChosen.emit(s))
