"""The meeting window: the page, the meeting's documents, thumbnails, follow or browse.

A thin view: `FollowModel` decides what to show and what a page turn means; `MeetingSession`
talks to the server; this window wires them to widgets and paints.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QScreen,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meeting.core import protocol as wire
from meeting.core.beside import BesideModel
from meeting.core.following import FollowModel, Position
from meeting.core.formats import file_dialog_pattern, is_office, is_uploadable
from meeting.core.presence import Place
from meeting.core.protocol import AgendaItem, DocumentInfo, Role
from meeting.core.sync import MeetingView
from meeting.export.plan import ExportChoice
from meeting.net.session import MeetingSession
from meeting.pdf.notes_pdf import ExportResult
from meeting.render.worker import RenderWorker
from meeting.ui.agenda_panel import AgendaDialog, AgendaPanel, item_position
from meeting.ui.authenticity import check_authenticity
from meeting.ui.banners import Banner
from meeting.ui.beside_pane import BesidePane
from meeting.ui.bridge import SessionBridge
from meeting.ui.console_window import ConsoleWindow
from meeting.ui.display_window import DisplayWindow
from meeting.ui.document_loader import DocumentLoader
from meeting.ui.export_dialog import ExportDialog
from meeting.ui.exporting import export_in_background
from meeting.ui.ink_controller import InkController
from meeting.ui.ink_tools import InkToolbar, Mode
from meeting.ui.laser import RemoteLaser
from meeting.ui.main_thread import run_on_main, when_done
from meeting.ui.page_view import PageView, ZoomMode
from meeting.ui.people_button import PeopleButton
from meeting.ui.preferences import Preferences
from meeting.ui.protection_dialog import (
    EndMeetingConfirmation,
    ProtectionDialog,
    protection_summary,
)
from meeting.ui.thumbnails import ThumbnailStrip
from meeting.ui.vote_panel import VotePanel
from meeting.ui.watermark_painter import show_watermark
from meeting.ui.web_meeting import WebLinkDialog, WebMeetingAction

MANAGERS = {Role.ADMIN, Role.ORGANIZER}


class ViewerWindow(QMainWindow):
    shownChanged = Signal()
    """What the window shows (document, page, follow state) has changed."""
    uploadFinished = Signal(bool)
    revisionFinished = Signal(object)
    """A revision upload ended: the server's reply (dict), or the exception that stopped it."""
    exportFinished = Signal(object)
    originalSaved = Signal(object)
    recordSaved = Signal(list)
    """The record of the meeting was saved (its files), or could not be (empty)."""
    """An export ended: its ExportResult, or the exception that stopped it."""

    def __init__(self, session: MeetingSession, bridge: SessionBridge, worker: RenderWorker,
                 meeting_id: int, parent: QWidget | None = None,
                 preferences: Preferences | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.preferences = preferences or Preferences()
        self.bridge = bridge
        self.displays: list[DisplayWindow] = []
        self.console: ConsoleWindow | None = None
        self.meeting_id = meeting_id
        self.follow = FollowModel(session.user.name)
        self.beside = BesideModel(session.user.name)
        self._worker = worker
        self.loader = DocumentLoader(session, worker, self)
        self._last_page: dict[int, int] = {}
        self._reported_unplaced: set[str] = set()
        self._room_zoom: tuple[float, float, float, float] | None = None
        self.setWindowTitle(self.tr("Paperless Meeting"))
        self.setAcceptDrops(session.user.role in MANAGERS)
        self.resize(1280, 800)
        self._build()
        self.loader.started.connect(self._loading)
        self.loader.ready.connect(self._loaded)
        self.loader.failed.connect(self._load_failed)
        self.remote_laser = RemoteLaser(meeting_id, self.follow, self.page_view)
        bridge.meetingChanged.connect(self._on_meeting_changed)
        bridge.connectionChanged.connect(self._on_connection_changed)
        # (methods of this window, not lambdas: Qt drops those connections with the window)
        bridge.requestFailed.connect(self._on_request_failed)
        bridge.sessionRefused.connect(self._on_session_refused)
        bridge.laserMoved.connect(self.remote_laser.moved)
        bridge.presenceChanged.connect(self._on_presence_changed)
        bridge.memberRemoved.connect(self._on_member_removed)
        bridge.votesChanged.connect(self._on_votes_changed)
        self._on_connection_changed(session.online)
        view = session.view(meeting_id)
        if view is not None:
            self._on_meeting_changed(meeting_id, view)
        else:
            session.join(meeting_id)
        self.refresh()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        style = self.style()
        toolbar = QToolBar(self.tr("Pages"))
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setStyleSheet("QToolButton { min-height: 36px; padding: 2px 8px; }")
        self.addToolBar(toolbar)

        def action(text: str, slot, keys: tuple = (), icon=None) -> QAction:
            act = QAction(text, self)
            if icon is not None:
                act.setIcon(style.standardIcon(icon))
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            toolbar.addAction(act)
            return act

        self.previous_action = action(
            self.tr("Previous"), lambda: self.step(-1),
            (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace),
            QStyle.StandardPixmap.SP_ArrowBack)
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(110)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        toolbar.addWidget(self.page_label)
        self.next_action = action(
            self.tr("Next"), lambda: self.step(+1),
            (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space),
            QStyle.StandardPixmap.SP_ArrowForward)
        self.first_action = QAction(self.tr("First page"), self)
        self.first_action.setShortcut(QKeySequence(Qt.Key.Key_Home))
        self.first_action.triggered.connect(lambda: self.go_to_page(0))
        self.last_action = QAction(self.tr("Last page"), self)
        self.last_action.setShortcut(QKeySequence(Qt.Key.Key_End))
        self.last_action.triggered.connect(lambda: self.go_to_page(10**6))
        self.addActions([self.first_action, self.last_action])
        toolbar.addSeparator()
        self.fit_width_action = action(
            self.tr("Fit width"), lambda: self.page_view.set_zoom_mode(ZoomMode.FIT_WIDTH),
            ("Ctrl+2",))
        self.fit_page_action = action(
            self.tr("Fit page"), lambda: self.page_view.set_zoom_mode(ZoomMode.FIT_PAGE),
            ("Ctrl+1",))
        action(self.tr("−"), lambda: self.page_view.zoom_out(), (QKeySequence.StandardKey.ZoomOut,))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        toolbar.addWidget(self.zoom_label)
        action(self.tr("+"), lambda: self.page_view.zoom_in(), (QKeySequence.StandardKey.ZoomIn,))
        toolbar.addSeparator()
        self.follow_action = action(self.tr("Back to presenter"), self.back_to_presenter,
                                    ("Ctrl+P",), QStyle.StandardPixmap.SP_MediaSeekForward)
        self.beside_menu = QMenu(self)
        self.beside_menu.aboutToShow.connect(self._fill_beside_menu)
        self.beside_action = action(self.tr("Side by side"), lambda: None, (),
                                    QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.beside_action.setMenu(self.beside_menu)
        toolbar.widgetForAction(self.beside_action).setPopupMode(
            QToolButton.ToolButtonPopupMode.InstantPopup)
        self.beside_action.setToolTip(self.tr(
            "Open a second document beside the page (a report and its reference)"))
        if self.session.user.role is not Role.DISPLAY:
            toolbar.addSeparator()
            self.export_action = action(self.tr("Save with notes…"), self.save_with_notes,
                                        (QKeySequence.StandardKey.Save,),
                                        QStyle.StandardPixmap.SP_DialogSaveButton)
            self.export_menu = QMenu(self)
            self.export_menu.addAction(self.tr("Save with notes…"), self.save_with_notes)
            if self.session.user.role in MANAGERS:
                self.export_menu.addAction(self.tr("Record of the meeting (PDF and JSON)…"),
                                           lambda: self.choose_record(mine=False))
            self.export_menu.addAction(self.tr("My copy of the record, with my notes…"),
                                       lambda: self.choose_record(mine=True))
            self.export_action.setMenu(self.export_menu)
        self.room_menu = QMenu(self)
        self.room_actions = {
            "black": self.room_menu.addAction(self.tr("Black screen on the large monitor"),
                                              lambda: self._room(wire.DisplayBlank, blank="black")),
            "white": self.room_menu.addAction(self.tr("White screen on the large monitor"),
                                              lambda: self._room(wire.DisplayBlank, blank="white")),
            "unblank": self.room_menu.addAction(self.tr("Show the page again"),
                                                lambda: self._room(wire.DisplayBlank, blank=None)),
        }
        self.room_menu.addSeparator()
        self.room_actions["zoom"] = self.room_menu.addAction(
            self.tr("Show the room what I see (zoom)"),
            lambda: self._room(wire.ViewZoom, region=list(self.page_view.visible_region())))
        self.room_actions["unzoom"] = self.room_menu.addAction(
            self.tr("Show the room the whole page"), lambda: self._room(wire.ViewZoom, region=None))
        self.room_menu.addSeparator()
        self.room_actions["hold"] = self.room_menu.addAction(
            self.tr("Hold everyone on this page"))
        self.room_actions["hold"].setCheckable(True)
        self.room_actions["hold"].triggered.connect(
            lambda held: self._room(wire.FollowersLock, locked=held))
        self.room_menu.addSeparator()
        self.handover_menu = self.room_menu.addMenu(self.tr("Hand the presenter role to"))
        self.take_action = self.room_menu.addAction(
            self.tr("Take the presenter role"),
            lambda: self._room(wire.PresenterSet, user=self.session.user.name))
        self.room_menu.aboutToShow.connect(self._fill_handover_menu)
        self.room_menu.addSeparator()
        self.room_menu.addAction(self.tr("Presenter's console"), self.open_console)
        self.room_action = action(self.tr("Room"), lambda: None, (),
                                  QStyle.StandardPixmap.SP_ComputerIcon)
        self.room_action.setMenu(self.room_menu)
        toolbar.widgetForAction(self.room_action).setPopupMode(
            QToolButton.ToolButtonPopupMode.InstantPopup)  # a click opens the menu
        self.room_action.setToolTip(self.tr(
            "What the room sees: blank the large monitor, zoom, hold everyone on this page"))
        self.display_menu = QMenu(self)
        self.display_menu.aboutToShow.connect(self._fill_display_menu)
        self.display_action = action(self.tr("Large monitor"), self.show_display, ("F5",),
                                     QStyle.StandardPixmap.SP_DesktopIcon)
        self.display_action.setMenu(self.display_menu)
        self.display_action.setToolTip(self.tr(
            "Show the room's page full screen on another monitor (Esc there closes it)"))
        self.web_meeting_action = WebMeetingAction(self)
        if self.session.user.role in MANAGERS:
            self.room_menu.addSeparator()
            self.room_menu.addAction(self.tr("Web meeting link…"), self.edit_web_link)
            self.room_menu.addAction(self.tr("Protect the materials…"), self.edit_protection)
            self.end_action = self.room_menu.addAction(self.tr("End the meeting…"),
                                                       self.end_meeting)
            self.add_action = action(self.tr("Add document…"), self.choose_document,
                                     ("Ctrl+O",), QStyle.StandardPixmap.SP_FileDialogNewFolder)

        self.documents = QListWidget()
        self.documents.setMinimumWidth(200)
        self.documents.setStyleSheet("QListWidget::item { padding: 10px 6px; }")
        # Long titles end in "…" (the tooltip has the full title, file name and hash).
        self.documents.setWordWrap(False)
        self.documents.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.documents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.documents.itemClicked.connect(self._on_document_clicked)
        self.documents.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.documents.customContextMenuRequested.connect(self._document_menu)

        self.notice = Banner()
        self.notice.button.setText(self.tr("Dismiss"))
        self.notice.actionClicked.connect(self.notice.clear)
        self.banner = Banner()
        self.banner.actionClicked.connect(self.back_to_presenter)
        self.page_view = PageView(self._worker)
        self.page_view.stepRequested.connect(self.step)
        self.page_view.zoomChanged.connect(self._update_labels)
        self.thumbnails = ThumbnailStrip(self._worker)
        self.thumbnails.pageClicked.connect(self.go_to_page)
        # Everyone sees the marks (a display account too); a display gets no tools to draw.
        self.ink_toolbar = InkToolbar(self)
        self.ink_toolbar.set_color(self.preferences.color)  # as set in the settings
        self.ink_toolbar.set_mode(Mode(self.preferences.tool))
        if self.session.user.role is not Role.DISPLAY:
            self.addToolBarBreak()
            self.addToolBar(self.ink_toolbar)
        else:
            self.ink_toolbar.hide()
            self.ink_toolbar.setEnabled(False)  # no shortcut may switch a tool on either
        self.ink = InkController(self.session, self.meeting_id, self.follow, self.page_view,
                                 self.ink_toolbar, read_words=self._worker.words)

        center = QWidget()
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget in (self.notice, self.banner):
            column.addWidget(widget)
        self.beside_pane = BesidePane(self.session, self.meeting_id, self._worker, self.loader,
                                      self.beside)
        self.pages = QSplitter(Qt.Orientation.Horizontal)
        self.pages.setChildrenCollapsible(False)
        self.pages.addWidget(self.page_view)
        self.pages.addWidget(self.beside_pane)
        self._beside_open = False
        self.beside_pane.changed.connect(self._beside_changed)
        column.addWidget(self.pages, 1)
        column.addWidget(self.thumbnails)
        self.agenda = AgendaPanel(self.session.user.role in MANAGERS)
        self.agenda.itemChosen.connect(self.take_up)
        self.agenda.editRequested.connect(self.edit_agenda)
        side = QWidget()
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.setSpacing(0)
        documents_heading = QLabel(self.tr("Documents"))
        documents_heading.setStyleSheet("font-weight: bold; padding: 6px 6px 2px 6px;")
        side_column.addWidget(self.agenda, 2)
        self.votes = VotePanel(self.session, self.meeting_id)
        side_column.addWidget(self.votes, 0)
        side_column.addWidget(documents_heading)
        side_column.addWidget(self.documents, 3)
        splitter = QSplitter()
        splitter.addWidget(side)
        splitter.addWidget(center)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1020])
        self.setCentralWidget(splitter)

        self.connection_label = QLabel()
        self.upload_progress = QProgressBar()
        self.upload_progress.setMaximumWidth(240)
        self.upload_progress.hide()
        self.people_button = PeopleButton(self.session, self.meeting_id)
        self.place_choice = QComboBox()
        self.place_choice.addItem(self.tr("In the room"), Place.ROOM)
        self.place_choice.addItem(self.tr("Remote"), Place.REMOTE)
        self.place_choice.setCurrentIndex(1)
        self.place_choice.setToolTip(self.tr("Where you are, for the list of who is here"))
        self.place_choice.currentIndexChanged.connect(lambda _: self._report_presence())
        self.statusBar().addPermanentWidget(self.upload_progress)
        self.statusBar().addPermanentWidget(self.people_button)
        self.statusBar().addPermanentWidget(self.place_choice)
        self.statusBar().addPermanentWidget(self.connection_label)
        # Where the remote participants' audio and video are: always in sight, never in the
        # toolbar's overflow.
        self.web_meeting_button = QToolButton()
        self.web_meeting_button.setDefaultAction(self.web_meeting_action)
        self.web_meeting_button.setStyleSheet(
            "QToolButton { background: #1a73e8; color: white; border-radius: 4px;"
            " padding: 3px 10px; margin: 2px 6px; }")
        self.protection_label = QLabel()
        self.protection_label.setStyleSheet("color: #8c1d18; padding: 0 8px;")
        self.protection_label.setToolTip(self.tr("How the organizer protects this meeting's "
                                                 "materials"))
        self.protection_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.protection_label)
        self.statusBar().addPermanentWidget(self.web_meeting_button)
        self.web_meeting_button.setVisible(False)
        self.web_meeting_action.changed.connect(lambda: self.web_meeting_button.setVisible(
            self.web_meeting_action.isVisible()))

    # --- user actions ------------------------------------------------------------------------

    def edit_web_link(self) -> WebLinkDialog:
        view = self.session.view(self.meeting_id)
        dialog = WebLinkDialog(self.session, self.meeting_id,
                               view.state.web_link if view else None, self)
        dialog.open()
        return dialog

    def _document_info(self, document_id: int) -> DocumentInfo | None:
        view = self.session.view(self.meeting_id)
        return view.document(document_id) if view else None

    def choose_original(self, document: DocumentInfo) -> QFileDialog:
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        dialog = QFileDialog(self, self.tr("Save the original"),
                             str(folder / (document.original_filename or "original")))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.save_original(document, Path(path)))
        self.original_dialog = dialog
        dialog.open()
        return dialog

    def save_original(self, document: DocumentInfo, out: Path) -> None:
        def saved(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Saved: {0}").format(path.name), 10000)
            self.originalSaved.emit(path)

        def failed(error: Exception) -> None:
            self.notice.show_message("error", self.tr("The original could not be saved: {0}")
                                     .format(getattr(error, "message", None) or error))

        when_done(self.session.save_original(self.meeting_id, document.id, out), saved,
                  failed, self)

    def choose_record(self, mine: bool) -> QFileDialog:
        view = self.session.view(self.meeting_id)
        title = view.snapshot.meeting.title if view else "meeting"
        name = (self.tr("{0} - my record.pdf") if mine else self.tr("{0} - record.pdf")
                ).format(title)
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        dialog = QFileDialog(self, self.tr("Save the record of the meeting"),
                             str(folder / name), self.tr("PDF documents (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.save_record(Path(path), mine))
        self.record_dialog = dialog
        dialog.open()
        return dialog

    def save_record(self, out: Path, mine: bool) -> None:
        """Fetch the record from the server (it holds attendance, times and votes) and save."""
        self.statusBar().showMessage(self.tr("Saving the record of the meeting…"))

        def saved(paths: list[Path]) -> None:
            self.statusBar().showMessage(self.tr("Saved: {0}").format(
                ", ".join(p.name for p in paths)), 10000)
            self.recordSaved.emit(paths)

        def failed(error: Exception) -> None:
            self.notice.show_message("error", self.tr("The record could not be saved: {0}")
                                     .format(getattr(error, "message", None) or error))
            self.recordSaved.emit([])

        when_done(self.session.export_record(self.meeting_id, out, mine), saved, failed, self)

    def edit_protection(self) -> ProtectionDialog | None:
        view = self.session.view(self.meeting_id)
        if view is None:
            return None
        dialog = ProtectionDialog(self.session, self.meeting_id, view.state, self)
        dialog.open()
        return dialog

    def end_meeting(self) -> QMessageBox | None:
        """End the meeting after a confirmation; an ended meeting is reopened at once."""
        view = self.session.view(self.meeting_id)
        if view is None:
            return None
        if view.state.ended_at is not None:
            self.session.command(wire.MeetingReopen, meeting_id=self.meeting_id)
            return None
        box = EndMeetingConfirmation(self.session, self.meeting_id, view.state,
                                     view.snapshot.meeting.title, self)
        box.open()
        return box

    def step(self, delta: int) -> None:
        target = self.follow.step(delta)
        if target is not None and target != self.follow.shown:
            self.go_to(target)

    def go_to_page(self, page: int) -> None:
        shown = self.follow.shown
        if shown is not None:
            self.go_to(Position(shown.document_id, page))

    def go_to(self, target: Position) -> None:
        to_share = self.follow.go_to(target)
        if to_share is not None:
            self.session.set_page(self.meeting_id, to_share.document_id, to_share.page)
        self.refresh()

    def back_to_presenter(self) -> None:
        self.follow.follow_presenter()
        self.refresh()

    def choose_document(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a document to the meeting"), str(Path.home()),
            self.tr("PDF and Office documents ({0})").format(file_dialog_pattern()))
        if name:
            self.upload(Path(name))

    def upload(self, path: Path) -> None:
        self.upload_progress.setRange(0, 100)
        self.upload_progress.setValue(0)
        self.upload_progress.setFormat(self.tr("Uploading {0}… %p%").format(path.name))
        self.upload_progress.show()

        def progress(done: int, total: int) -> None:
            percent = int(done * 100 / total) if total else 100
            run_on_main(lambda: self.upload_progress.setValue(percent), self)
            if percent >= 100 and is_office(path):  # sent: now the server converts it
                run_on_main(lambda: (self.upload_progress.setRange(0, 0),
                                     self.upload_progress.setFormat(self.tr(
                                         "Converting {0} to PDF…").format(path.name))), self)

        def finished(document: DocumentInfo) -> None:
            self.upload_progress.hide()
            self.statusBar().showMessage(self.tr("Added “{0}”.").format(document.title), 8000)
            self.uploadFinished.emit(True)

        def failed(error: Exception) -> None:
            self.upload_progress.hide()
            message = getattr(error, "message", str(error))
            self.notice.show_message(
                "error", self.tr("Could not add {0}: {1}").format(path.name, message),
                self.tr("Dismiss"))
            self.uploadFinished.emit(False)

        when_done(self.session.upload(self.meeting_id, path, progress), finished, failed, self)

    def take_up(self, agenda_item: AgendaItem) -> None:
        """An agenda item tapped: the presenter moves the room there; others look at it."""
        if self.follow.is_presenter:
            self._room(wire.AgendaGo, item_id=agenda_item.id)
            return
        position = item_position(agenda_item)
        if position is not None:
            self.go_to(position)

    def edit_agenda(self) -> None:
        view = self.session.view(self.meeting_id)
        if view is None:
            return
        dialog = AgendaDialog(view, self.follow.shown, self)
        if dialog.exec() == AgendaDialog.DialogCode.Accepted:
            self.save_agenda(dialog.entries())

    def save_agenda(self, entries: list[dict]) -> None:
        self._room(wire.AgendaSet, items=entries)

    def open_console(self) -> ConsoleWindow:
        """This page and the next, the agenda, the time and the people, on this screen."""
        if self.console is None:
            self.console = ConsoleWindow(self)
        self.console.show()
        self.console.raise_()
        return self.console

    def _report_presence(self) -> None:
        if self.session.view(self.meeting_id) is not None:  # joined: the server knows us
            self.session.report_presence(
                self.meeting_id, self.follow.following or self.follow.is_presenter,
                self.place_choice.currentData())

    def _show_people(self) -> None:
        self.people_button.refresh()

    def _fill_handover_menu(self) -> None:
        """Everyone invited who can present (not display accounts), except the presenter."""
        self.handover_menu.clear()
        view = self.session.view(self.meeting_id)
        if view is None:
            return
        for member in view.snapshot.members:
            if member.role is not Role.DISPLAY and member.name != view.state.presenter:
                self.handover_menu.addAction(
                    member.name, lambda _=False, name=member.name: self._room(
                        wire.PresenterSet, user=name))
        self.take_action.setVisible(not self.follow.is_presenter)

    def _room(self, model: type[wire.Message], /, **payload) -> None:
        self.session.command(model, meeting_id=self.meeting_id, **payload)

    def show_display(self, screen: QScreen | None = None) -> DisplayWindow:
        """Display mode on a monitor: the last one by default (usually the one that was
        plugged in for the meeting)."""
        screen = screen or QGuiApplication.screens()[-1]
        display = DisplayWindow(self.session, self.bridge, self._worker, self.meeting_id)
        display.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        display.destroyed.connect(lambda: self.displays.remove(display)
                                  if display in self.displays else None)
        self.displays.append(display)
        display.place_on(screen)
        return display

    def _fill_display_menu(self) -> None:
        self.display_menu.clear()
        for index, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            item = self.display_menu.addAction(self.tr("Screen {0}: {1}×{2} {3}").format(
                index + 1, size.width(), size.height(), screen.name()))
            item.triggered.connect(lambda _=False, s=screen: self.show_display(s))

    def save_with_notes(self) -> None:
        shown = self.follow.shown
        view = self.session.view(self.meeting_id)
        if shown is None or view is None:
            return
        document = view.document(shown.document_id)
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        dialog = ExportDialog(document.title if document else "", view.snapshot.meeting.title,
                              Path(folder), self)
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            self.export_with_notes(dialog.choice(), dialog.path())

    def export_with_notes(self, choice: ExportChoice, out: Path) -> None:
        """Write the PDF in the background; the status bar and the notice say how it went."""
        shown = self.follow.shown
        self.statusBar().showMessage(self.tr("Saving {0}…").format(out.name))

        def finished(result: ExportResult) -> None:
            self.statusBar().showMessage(
                self.tr("Saved {0}: {1} marks on {2} pages.").format(
                    result.path, result.written, result.pages), 15000)
            if result.skipped:
                self.notice.show_message("error", self.tr(
                    "{0} marks were not saved: their pages are not in the document.").format(
                    len(result.skipped)), self.tr("Dismiss"))
            self.exportFinished.emit(result)

        def failed(error: Exception) -> None:
            self.statusBar().clearMessage()
            self.notice.show_message("error", self.tr("Could not save {0}: {1}").format(
                out.name, getattr(error, "message", None) or error), self.tr("Dismiss"))
            self.exportFinished.emit(error)

        when_done(export_in_background(self.session, self._worker, self.meeting_id, choice,
                                       shown.document_id if shown else None, out),
                  finished, failed, self)

    def _beside_changed(self) -> None:
        """A second document just opened: give it half of the room, as two sheets on a desk."""
        opened = self.beside.shown is not None
        if opened and not self._beside_open:
            half = max(1, self.pages.width() // 2)
            self.pages.setSizes([half, half])
        self._beside_open = opened

    def _fill_beside_menu(self) -> None:
        self.beside_menu.clear()
        view = self.session.view(self.meeting_id)
        shown = self.beside.shown
        for document in view.documents if view else ():
            item = self.beside_menu.addAction(document.title)
            item.setCheckable(True)
            item.setChecked(shown is not None and shown.document_id == document.id)
            item.triggered.connect(lambda _=False, d=document.id: self.beside_pane.open(d))
        self.beside_menu.addSeparator()
        close = self.beside_menu.addAction(self.tr("Close the second document"),
                                           lambda: self.beside_pane.go_to(None))
        close.setEnabled(shown is not None and not self.beside.held)

    def _document_menu(self, position) -> None:
        item = self.documents.itemAt(position)
        if item is None:
            return
        menu = QMenu(self)
        beside = menu.addAction(self.tr("Open beside the page"))
        authentic = menu.addAction(self.tr("Check authenticity (SHA-256)…"))
        document = self._document_info(item.data(Qt.ItemDataRole.UserRole))
        original = None
        if document is not None and document.original_filename:
            original = menu.addAction(self.tr("Download the original ({0})…").format(
                document.original_filename))
        revise = None
        if self.session.user.role in MANAGERS:
            revise = menu.addAction(self.tr("Replace with a revised version…"))
        chosen = menu.exec(self.documents.viewport().mapToGlobal(position))
        if chosen is beside:
            self.beside_pane.open(item.data(Qt.ItemDataRole.UserRole))
        elif chosen is authentic:
            self.check_authenticity(item.data(Qt.ItemDataRole.UserRole))
        elif chosen is not None and chosen is original:
            self.choose_original(document)
        elif chosen is not None and chosen is revise:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Revised version of “{0}”").format(item.text().split("\n")[0]),
                str(Path.home()), self.tr("PDF documents (*.pdf)"))
            if name:
                self.revise(item.data(Qt.ItemDataRole.UserRole), Path(name))

    def check_authenticity(self, document_id: int) -> QMessageBox | None:
        view = self.session.view(self.meeting_id)
        document = view.document(document_id) if view else None
        if document is None:
            return None
        self.authenticity = check_authenticity(self, self.session.cache, document)
        return self.authenticity

    def revise(self, document_id: int, path: Path) -> None:
        """Replace a document with a revised version; the server moves every mark along."""
        view = self.session.view(self.meeting_id)
        document = view.document(document_id) if view else None
        title = document.title if document else path.name
        self.upload_progress.setRange(0, 0)  # the server's work after the upload takes longest
        self.upload_progress.setFormat(self.tr("Revising {0}…").format(title))
        self.upload_progress.show()

        def finished(reply: dict) -> None:
            self.upload_progress.hide()
            self.statusBar().showMessage(self.tr(
                "“{0}” replaced by the revised version: {1} marks placed, {2} could not be "
                "placed.").format(title, reply["placed"], len(reply["unplaced"])), 15000)
            self.revisionFinished.emit(reply)

        def failed(error: Exception) -> None:
            self.upload_progress.hide()
            self.notice.show_message("error", self.tr("Could not revise “{0}”: {1}").format(
                title, getattr(error, "message", str(error))), self.tr("Dismiss"))
            self.revisionFinished.emit(error)

        when_done(self.session.revise(self.meeting_id, document_id, path), finished, failed,
                  self)

    def _report_unplaced(self, view: MeetingView) -> None:
        """Marks a revision had no place for are listed for their owner, never dropped."""
        mine = [a for a in view.unplaced() if a.owner == self.session.user.name]
        known = {a.id for a in mine}
        if not mine or known <= self._reported_unplaced:
            return
        self._reported_unplaced |= known
        lines = []
        for annotation in mine[:3]:
            document = view.document(annotation.document_id)
            lines.append(self.tr("• “{0}”, page {1} of the earlier version: {2}").format(
                document.title if document else "?", annotation.page + 1, annotation.unplaced))
        if len(mine) > 3:
            lines.append(self.tr("… and {0} more").format(len(mine) - 3))
        self.notice.show_message("error", self.tr(
            "{0} of your marks could not be placed in a revised document. They are kept:\n{1}"
        ).format(len(mine), "\n".join(lines)), self.tr("Dismiss"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.acceptDrops() and _pdf_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for path in _pdf_paths(event.mimeData()):
            self.upload(path)
        event.acceptProposedAction()

    # --- updates from the session ------------------------------------------------------------

    def _on_meeting_changed(self, meeting_id: int, view: MeetingView) -> None:
        if meeting_id != self.meeting_id:
            return
        self.follow.update(view)
        self.beside.update(view)
        self.setWindowTitle(self.tr("{0} — Paperless Meeting ({1})").format(
            view.snapshot.meeting.title, self.session.user.name))
        self._fill_documents(view)
        self.agenda.show_view(view)
        self.votes.agenda_item = view.state.agenda_item
        self.votes.set_chair(view.state.presenter == self.session.user.name
                             or self.session.user.role in MANAGERS)
        self.web_meeting_action.show_link(view.state.web_link)
        show_watermark(self, self.session.user.name if view.state.watermark else None)
        self.protection_label.setText(protection_summary(view.state))
        self.protection_label.setVisible(bool(self.protection_label.text()))
        if hasattr(self, "end_action"):
            self.end_action.setText(self.tr("Reopen the meeting") if view.state.ended_at
                                    else self.tr("End the meeting…"))
        self._report_unplaced(view)
        self.refresh()

    def _on_request_failed(self, message: str) -> None:
        self.notice.show_message("error", message)

    def _on_votes_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self.votes.refresh()

    def _on_presence_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self._show_people()

    def _on_member_removed(self, meeting_id: int, user: str, by: str) -> None:
        """Someone else was removed (being removed oneself closes the window: see the app)."""
        if meeting_id == self.meeting_id and user != self.session.user.name:
            self.statusBar().showMessage(
                self.tr("{0} removed {1} from the meeting.").format(by, user), 10000)

    def _on_connection_changed(self, online: bool) -> None:
        if online:
            self.connection_label.setText(self.tr("● Connected"))
            self.connection_label.setStyleSheet("color: #1e7b34; padding: 0 8px;")
        else:
            self.connection_label.setText(self.tr("● Offline — reconnecting…"))
            self.connection_label.setStyleSheet("color: #b3261e; padding: 0 8px;")

    def _on_session_refused(self, code: str, message: str) -> None:
        self.notice.show_message("error", self.tr("Signed out: {0}").format(message))

    # --- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        shown = self.follow.shown
        document = self.follow.document(shown.document_id) if shown else None
        if document is None:
            self.page_view.set_document(None)
            self.thumbnails.set_document(None)
        else:
            self._last_page[document.id] = shown.page
            layout = self.loader.layout(document)
            if layout is not None:
                self.page_view.set_document(layout, shown.page)
                if self.follow.zoom != self._room_zoom:  # follow the room's zoom as it changes
                    self._room_zoom = self.follow.zoom
                    self.page_view.show_region(self._room_zoom)
                self.thumbnails.set_document(layout)
                self.thumbnails.set_current_page(shown.page)
        self._update_banner(document)
        self._update_labels()
        self._select_document(document)
        self.ink.refresh()
        self.remote_laser.refresh()
        self.beside_pane.refresh()
        self._report_presence()
        self.shownChanged.emit()

    def _loading(self, document: DocumentInfo) -> None:
        self.statusBar().showMessage(self.tr("Loading “{0}”…").format(document.title))

    def _loaded(self, document: DocumentInfo) -> None:
        self.statusBar().clearMessage()
        self.refresh()

    def _load_failed(self, document: DocumentInfo, message: str) -> None:
        self.notice.show_message(
            "error", self.tr("Could not open “{0}”: {1}").format(document.title, message),
            self.tr("Dismiss"))

    def _update_banner(self, document: DocumentInfo | None) -> None:
        follow = self.follow
        shared = follow.shared
        if follow.is_presenter:
            self.banner.show_message(
                "presenting", self.tr("You are presenting: everyone following sees this page."))
        elif follow.off_presenter and shared is not None:
            shared_document = follow.document(shared.document_id)
            self.banner.show_message(
                "browsing",
                self.tr("You are browsing on your own. The presenter is on page {0} of “{1}”.")
                .format(shared.page + 1, shared_document.title if shared_document else "?"),
                self.tr("Back to presenter"))
        elif follow.held:
            self.banner.show_message("following", self.tr(
                "The presenter is holding everyone on this page for a moment."))
        elif shared is not None:
            presenter = self.session.view(self.meeting_id)
            name = presenter.state.presenter if presenter else None
            self.banner.show_message(
                "following", self.tr("Following the presenter ({0}).").format(name or "—"))
        elif document is None:
            self.banner.show_message("following", self.tr("No material in this meeting yet."))
        else:
            self.banner.clear()
        self.follow_action.setEnabled(follow.off_presenter)
        self.follow_action.setVisible(not follow.is_presenter)
        view = self.session.view(self.meeting_id)
        drives = follow.is_presenter or self.session.user.role in MANAGERS
        self.room_action.setVisible(drives)
        if view is not None:
            self.room_actions["hold"].setChecked(view.state.locked)
            self.room_actions["unblank"].setEnabled(view.state.blank is not None)
            self.room_actions["unzoom"].setEnabled(view.state.zoom is not None)

    def _update_labels(self) -> None:
        shown = self.follow.shown
        document = self.follow.document(shown.document_id) if shown else None
        if document is None:
            self.page_label.setText("—")
        else:
            self.page_label.setText(
                self.tr("Page {0} of {1}").format(shown.page + 1, document.pages))
        self.previous_action.setEnabled(bool(shown and shown.page > 0))
        self.next_action.setEnabled(bool(document and shown.page < document.pages - 1))
        self.zoom_label.setText(f"{self.page_view.zoom_percent()}%")

    def _fill_documents(self, view: MeetingView) -> None:
        self.documents.clear()
        shared = view.state.document_id
        beside = view.state.beside.document_id if view.state.beside else None
        for document in view.documents:
            if document.id == shared:
                text = self.tr("{0}\n{1} pages · ▶ presenter is here")
            elif document.id == beside:
                text = self.tr("{0}\n{1} pages · ▶ presenter shows it beside")
            else:
                text = self.tr("{0}\n{1} pages")
            item = QListWidgetItem(text.format(document.title, document.pages))
            item.setData(Qt.ItemDataRole.UserRole, document.id)
            item.setToolTip(f"{document.title}\n{document.filename}\nSHA-256 {document.sha256}")
            self.documents.addItem(item)

    def _select_document(self, document: DocumentInfo | None) -> None:
        for row in range(self.documents.count()):
            item = self.documents.item(row)
            if document is not None and item.data(Qt.ItemDataRole.UserRole) == document.id:
                self.documents.setCurrentItem(item)
                return
        self.documents.clearSelection()

    def last_page(self, document_id: int) -> int:
        """Where this window last showed that document (its first page if never)."""
        return self._last_page.get(document_id, 0)

    def _on_document_clicked(self, item: QListWidgetItem) -> None:
        document_id = item.data(Qt.ItemDataRole.UserRole)
        shown = self.follow.shown
        if shown is not None and shown.document_id == document_id:
            return
        self.go_to(Position(document_id, self.last_page(document_id)))

    def closeEvent(self, event) -> None:
        if self.console is not None:
            self.console.close()
        for display in list(self.displays):
            display.close()
        self.thumbnails.close_jobs()
        super().closeEvent(event)


def _pdf_paths(mime) -> list[Path]:
    """Dropped files the meeting can take: PDF, and Office files the server converts."""
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and is_uploadable(url.toLocalFile())]
