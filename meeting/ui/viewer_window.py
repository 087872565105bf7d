"""The meeting window: the page, the meeting's documents, thumbnails, follow or browse.

A thin view over parts with one job each (`meeting.ui.viewer`): the main tool bar, the room
menu, the side panel, the status bar, file transfers. `FollowModel` decides what to show and
what a page turn means; `MeetingSession` talks to the server; this window wires them together.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QScreen,
)
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from meeting.core import protocol as wire
from meeting.core.beside import BesideModel
from meeting.core.changes import Part, parts_touched, what_changed
from meeting.core.following import FollowModel, Position
from meeting.core.formats import is_uploadable
from meeting.core.places import PlaceMemory
from meeting.core.presence import Place
from meeting.core.protocol import AgendaItem, DocumentInfo, Role
from meeting.core.room_state import PresenterWatch, RoomFacts
from meeting.core.sync import MeetingView
from meeting.net.session import MeetingSession
from meeting.render.worker import RenderWorker
from meeting.ui.agenda_panel import AgendaDialog, item_position
from meeting.ui.authenticity import check_authenticity
from meeting.ui.banners import Banner, room_facts
from meeting.ui.beside_pane import BesidePane
from meeting.ui.bridge import SessionBridge
from meeting.ui.console_window import ConsoleWindow
from meeting.ui.display_window import DisplayWindow
from meeting.ui.document_loader import DocumentLoader
from meeting.ui.ink_controller import InkController
from meeting.ui.ink_tools import InkToolbar, Mode
from meeting.ui.keyboard_order import KeyboardOrder
from meeting.ui.laser import RemoteLaser
from meeting.ui.leaving import Leaving
from meeting.ui.page_view import PageView, ZoomMode
from meeting.ui.place_question import PlaceKeeper
from meeting.ui.preferences import Preferences
from meeting.ui.protection_dialog import (
    EndMeetingConfirmation,
    ProtectionDialog,
    protection_summary,
)
from meeting.ui.thumbnails import ThumbnailStrip
from meeting.ui.viewer.follow_banner import FollowBanner, short_state
from meeting.ui.viewer.layout_memory import LayoutMemory
from meeting.ui.viewer.main_toolbar import MainToolbar
from meeting.ui.viewer.menus import BesideMenu, DisplayMenu, ExportMenu
from meeting.ui.viewer.reading_overlay import ReadingOverlay
from meeting.ui.viewer.room_menu import RoomMenu
from meeting.ui.viewer.side_panel import SidePanel
from meeting.ui.viewer.status_bar import MeetingStatusBar
from meeting.ui.viewer.transfers import Transfers
from meeting.ui.viewer.unplaced_notice import UnplacedNotice
from meeting.ui.watermark_painter import show_watermark
from meeting.ui.web_meeting import WebLinkDialog, WebMeetingAction

MANAGERS = {Role.ADMIN, Role.ORGANIZER}
PANEL_WIDTH = 280
SPLITTER_STYLE = "QSplitter::handle { background: #dadce0; }"


class ViewerWindow(QMainWindow):
    shownChanged = Signal()
    """What the window shows (document, page, follow state) has changed."""
    # The file transfers' signals, declared once on `Transfers` (see there), not relayed.
    uploadFinished = property(lambda self: self.transfers.uploadFinished)
    revisionFinished = property(lambda self: self.transfers.revisionFinished)
    exportFinished = property(lambda self: self.transfers.exportFinished)
    originalSaved = property(lambda self: self.transfers.originalSaved)
    recordSaved = property(lambda self: self.transfers.recordSaved)

    def __init__(self, session: MeetingSession, bridge: SessionBridge, worker: RenderWorker,
                 meeting_id: int, parent: QWidget | None = None,
                 preferences: Preferences | None = None,
                 settings: QSettings | None = None,
                 places: PlaceMemory | None = None) -> None:
        """`settings`: where this device keeps what the window remembers (its layout, the
        layers shown; None: for this run only)."""
        super().__init__(parent)
        self.settings = settings
        self.layout_memory = LayoutMemory(settings)
        self.reading = False
        self.session = session
        self.preferences = preferences or Preferences()
        self.bridge = bridge
        self.displays: list[DisplayWindow] = []
        self.console: ConsoleWindow | None = None
        self.meeting_id = meeting_id
        self.manager = session.user.role in MANAGERS
        self.follow = FollowModel(session.user.name)
        self.beside = BesideModel(session.user.name)
        self._worker = worker
        self.loader = DocumentLoader(session, worker, self)
        self._last_page: dict[int, int] = {}
        self._room_zoom: tuple[float, float, float, float] | None = None
        self._beside_open = False
        self._newest_vote = 0
        self._seen: MeetingView | None = None
        """The view last shown: a new one is compared with it (see `core.changes`)."""
        self.presenter_watch = PresenterWatch()
        self.where = PlaceKeeper(session, meeting_id, places, self)
        self.where.changed.connect(self._on_place_changed)
        self.leaving = Leaving(self, session, meeting_id, self.follow,
                               lambda name: self.room_menu.send(wire.PresenterSet, user=name))
        self.setWindowTitle(self.tr("Paperless Meeting"))
        self.setAcceptDrops(self.manager)
        self.resize(1280, 800)
        self._build()
        self.keyboard = KeyboardOrder(self)
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
        bridge.changesWaiting.connect(self.status.show_waiting)
        self.status.show_waiting(session.outbox.waiting)
        self._on_connection_changed(session.online)
        view = session.view(meeting_id)
        if view is not None:
            self._on_meeting_changed(meeting_id, view)
        else:
            session.join(meeting_id)
        self.refresh()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_page()
        self._build_toolbar()
        self.side_panel = SidePanel(self.session, self.meeting_id, self.manager)
        self.agenda, self.votes = self.side_panel.agenda, self.side_panel.votes
        self.documents = self.side_panel.documents
        self.splitter = QSplitter()
        self.splitter.setStyleSheet(SPLITTER_STYLE)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.side_panel)
        self.splitter.addWidget(self.center)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([PANEL_WIDTH, 1000])
        self.setCentralWidget(self.splitter)
        self.web_meeting_action = WebMeetingAction(self)
        self.status = MeetingStatusBar(self.session, self.meeting_id, self.web_meeting_action)
        self.setStatusBar(self.status)
        for name in ("connection_label", "upload_progress", "people_button", "place_choice",
                     "protection_label", "web_meeting_button"):
            setattr(self, name, getattr(self.status, name))
        self.transfers = Transfers(self.session, self._worker, self.meeting_id, self.follow,
                                   self.status, self.notice, self)
        self.unplaced = UnplacedNotice(self.session.user.name, self.notice)
        self._connect_parts()

    def _build_page(self) -> None:
        """The page with its banners above, the document beside it and thumbnails below."""
        self.notice = Banner()
        self.notice.button.setText(self.tr("Dismiss"))
        self.banner = FollowBanner()
        self.page_view = PageView(self._worker)
        self.thumbnails = ThumbnailStrip(self._worker)
        # Everyone sees the marks (a display account too); a display gets no tools to draw.
        self.ink_toolbar = InkToolbar(self)
        self.ink_toolbar.set_color(self.preferences.color)  # as set in the settings
        self.ink_toolbar.set_mode(Mode(self.preferences.tool))
        self.ink = InkController(self.session, self.meeting_id, self.follow, self.page_view,
                                 self.ink_toolbar, read_words=self._worker.words,
                                 settings=self.settings)
        self.beside_pane = BesidePane(self.session, self.meeting_id, self._worker, self.loader,
                                      self.beside)
        self.beside_pane.ink.follow_layers(self.ink)  # one switch for both pages
        self.pages = QSplitter(Qt.Orientation.Horizontal)
        self.pages.setStyleSheet(SPLITTER_STYLE)
        self.pages.setHandleWidth(8)  # side by side: drag it to share the width otherwise
        self.pages.setChildrenCollapsible(False)
        self.pages.addWidget(self.page_view)
        self.pages.addWidget(self.beside_pane)
        self.center = QWidget()
        column = QVBoxLayout(self.center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget in (self.notice, self.banner):
            column.addWidget(widget)
        column.addWidget(self.pages, 1)
        column.addWidget(self.thumbnails)
        self.overlay = ReadingOverlay(self.page_view)

    def _build_toolbar(self) -> None:
        drawer = self.session.user.role is not Role.DISPLAY
        self.beside_menu = BesideMenu(self.session, self.meeting_id, self.beside,
                                      self.beside_pane, self)
        self.export_menu = ExportMenu(self.manager, self) if drawer else None
        self.room_menu = RoomMenu(self.session, self.meeting_id, self.follow,
                                  self.page_view.visible_region, self.manager, self)
        self.room_actions = self.room_menu.actions_by_name
        self.handover_menu, self.take_action = self.room_menu.handover_menu, \
            self.room_menu.take_action
        self.end_action = self.room_menu.end_action
        self.display_menu = DisplayMenu(self)
        self.toolbar = MainToolbar(drawer, self.manager, {
            "beside": self.beside_menu, "export": self.export_menu, "room": self.room_menu,
            "display": self.display_menu})
        self.addToolBar(self.toolbar)
        self.addActions([self.toolbar.first_action, self.toolbar.last_action])
        for name in ("previous_action", "next_action", "page_label", "zoom_label",
                     "follow_action", "beside_action", "room_action", "display_action",
                     "panel_action", "thumbnails_action", "reading_action"):
            setattr(self, name, getattr(self.toolbar, name))
        self.leave_reading_action = QAction(self)
        self.leave_reading_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_reading_action.setEnabled(False)
        # (on the window too: its keys work while the tool bars are hidden)
        self.addActions([self.reading_action, self.leave_reading_action])
        if drawer:
            self.addToolBarBreak()
            self.addToolBar(self.ink_toolbar)
            self.toolbar.menu_below = self.ink_toolbar
        else:
            self.ink_toolbar.hide()
            self.ink_toolbar.setEnabled(False)  # no shortcut may switch a tool on either

    def _connect_parts(self) -> None:
        bar = self.toolbar
        bar.previous_action.triggered.connect(lambda: self.step(-1))
        bar.next_action.triggered.connect(lambda: self.step(+1))
        bar.first_action.triggered.connect(lambda: self.go_to_page(0))
        bar.last_action.triggered.connect(lambda: self.go_to_page(10**6))
        bar.fit_width_action.triggered.connect(
            lambda: self.page_view.set_zoom_mode(ZoomMode.FIT_WIDTH))
        bar.fit_page_action.triggered.connect(
            lambda: self.page_view.set_zoom_mode(ZoomMode.FIT_PAGE))
        bar.zoom_out_action.triggered.connect(lambda: self.page_view.zoom_out())
        bar.zoom_in_action.triggered.connect(lambda: self.page_view.zoom_in())
        bar.follow_action.triggered.connect(self.back_to_presenter)
        bar.display_action.triggered.connect(lambda: self.show_display())
        bar.panel_action.toggled.connect(self.show_panel)
        bar.thumbnails_action.toggled.connect(self.show_thumbnails)
        bar.reading_action.triggered.connect(lambda: self.set_reading(not self.reading))
        self.leave_reading_action.triggered.connect(lambda: self.set_reading(False))
        self.overlay.clicked.connect(lambda: self.set_reading(False))
        self.page_view.marginDoubleTapped.connect(lambda: self.set_reading(not self.reading))
        bar.panel_action.setChecked(self.layout_memory.get("panel"))
        self.show_panel(bar.panel_action.isChecked())
        bar.thumbnails_action.setChecked(self.layout_memory.get("thumbnails"))
        self.show_thumbnails(bar.thumbnails_action.isChecked())
        if self.export_menu is not None:
            bar.export_action.triggered.connect(self.transfers.save_with_notes)
            self.export_menu.notesRequested.connect(self.transfers.save_with_notes)
            self.export_menu.recordRequested.connect(self.transfers.choose_record)
        if self.manager:
            bar.add_action.triggered.connect(self.transfers.choose_document)
            self.add_action = bar.add_action
        self.display_menu.screenChosen.connect(self.show_display)
        self.room_menu.consoleRequested.connect(self.open_console)
        self.room_menu.webLinkRequested.connect(self.edit_web_link)
        self.room_menu.protectionRequested.connect(self.edit_protection)
        self.room_menu.endRequested.connect(self.end_meeting)
        self.notice.actionClicked.connect(self.notice.clear)
        self.banner.actionClicked.connect(self.back_to_presenter)
        self.page_view.stepRequested.connect(self.step)
        self.page_view.zoomChanged.connect(self._update_labels)
        self.thumbnails.pageClicked.connect(self.go_to_page)
        self.beside_pane.changed.connect(self._beside_changed)
        self.agenda.itemChosen.connect(self.take_up)
        self.agenda.editRequested.connect(self.edit_agenda)
        documents = self.documents
        documents.opened.connect(self._on_document_opened)
        documents.besideRequested.connect(self.beside_pane.open)
        documents.authenticityRequested.connect(self.check_authenticity)
        documents.originalRequested.connect(self.transfers.choose_original)
        documents.revisionChosen.connect(self.revise)
        self.place_choice.setCurrentIndex(self.place_choice.findData(self.where.place))
        self.place_choice.currentIndexChanged.connect(
            lambda _: self.where.set(self.place_choice.currentData()))
        if self.session.user.role is not Role.DISPLAY:
            self.people_button.set_my_place(self.where.place)
        self.people_button.placeChosen.connect(self.where.set)

    # --- layout: the page first ---------------------------------------------------------------

    def show_panel(self, shown: bool) -> None:
        """The side panel (documents, agenda, votes) open or folded away; remembered."""
        self.side_panel.setVisible(shown)
        self.panel_action.setChecked(shown)
        self.layout_memory.set("panel", shown)

    def show_side(self, panel: QWidget) -> None:
        """Open the side panel at that panel's tab (the documents, the agenda or the votes)."""
        self.side_panel.update_tabs()
        self.side_panel.show_tab(panel)
        if not self.reading:
            self.show_panel(True)

    def show_thumbnails(self, shown: bool) -> None:
        self.thumbnails.setVisible(shown)
        self.thumbnails_action.setChecked(shown)
        self.layout_memory.set("thumbnails", shown)

    def set_reading(self, on: bool) -> None:
        """Reading mode: only the page, with its number and the follow state floating over it.
        The panels keep their state for when the tool bars come back."""
        self.reading = on
        for bar in (self.toolbar, self.ink_toolbar):
            bar.setVisible(not on and (bar is self.toolbar or self.ink_toolbar.isEnabled()))
        self.statusBar().setVisible(not on)
        self.side_panel.setVisible(not on and self.panel_action.isChecked())
        self.thumbnails.setVisible(not on and self.thumbnails_action.isChecked())
        self.leave_reading_action.setEnabled(on)
        self.overlay.setVisible(on)
        self._update_banner(self._shown_document())

    def _shown_document(self) -> DocumentInfo | None:
        shown = self.follow.shown
        return self.follow.document(shown.document_id) if shown else None

    # --- user actions ------------------------------------------------------------------------

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

    def last_page(self, document_id: int) -> int:
        """Where this window last showed that document (its first page if never)."""
        return self._last_page.get(document_id, 0)

    def _on_document_opened(self, document_id: int) -> None:
        shown = self.follow.shown
        if shown is not None and shown.document_id == document_id:
            return
        self.go_to(Position(document_id, self.last_page(document_id)))

    def take_up(self, agenda_item: AgendaItem) -> None:
        """An agenda item tapped: the presenter moves the room there; others look at it."""
        if self.follow.is_presenter:
            self.room_menu.send(wire.AgendaGo, item_id=agenda_item.id)
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
        self.room_menu.send(wire.AgendaSet, items=entries)

    def upload(self, path: Path) -> None:
        self.transfers.upload(path)

    def revise(self, document_id: int, path: Path) -> None:
        self.transfers.revise(document_id, path)

    def save_original(self, document: DocumentInfo, out: Path) -> None:
        self.transfers.save_original(document, out)

    def save_record(self, out: Path, mine: bool) -> None:
        self.transfers.save_record(out, mine)

    def export_with_notes(self, choice, out: Path) -> None:
        self.transfers.export_with_notes(choice, out)

    def check_authenticity(self, document_id: int) -> QMessageBox | None:
        view = self.session.view(self.meeting_id)
        document = view.document(document_id) if view else None
        if document is None:
            return None
        self.authenticity = check_authenticity(self, self.session.cache, document)
        return self.authenticity

    def edit_web_link(self) -> WebLinkDialog:
        view = self.session.view(self.meeting_id)
        dialog = WebLinkDialog(self.session, self.meeting_id,
                               view.state.web_link if view else None, self)
        dialog.open()
        return dialog

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

    def open_console(self) -> ConsoleWindow:
        """This page and the next, the agenda, the time and the people, on this screen."""
        if self.console is None:
            self.console = ConsoleWindow(self, self)  # (a child: deleted with the window)
        self.console.show()
        self.console.raise_()
        return self.console

    def show_display(self, screen: QScreen | None = None) -> DisplayWindow:
        """Display mode on a monitor: the last one by default (usually the one that was
        plugged in for the meeting)."""
        screen = screen or QGuiApplication.screens()[-1]
        display = DisplayWindow(self.session, self.bridge, self._worker, self.meeting_id)
        display.turn_pages = self.step  # (turned there, turned here: one place turns pages)
        display.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        display.destroyed.connect(lambda: self.displays.remove(display)
                                  if display in self.displays else None)
        self.displays.append(display)
        display.place_on(screen)
        return display

    def _beside_changed(self) -> None:
        """A second document just opened: give it half of the room, as two sheets on a desk."""
        opened = self.beside.shown is not None
        if opened and not self._beside_open:
            half = max(1, self.pages.width() // 2)
            self.pages.setSizes([half, half])
        self._beside_open = opened

    def _report_presence(self) -> None:
        if self.where.asking:  # (not until answered: the record keeps every place reported)
            return
        if self.session.view(self.meeting_id) is not None:  # joined: the server knows us
            self.session.report_presence(
                self.meeting_id, self.follow.following or self.follow.is_presenter,
                self.where.place)

    def _on_place_changed(self, place: Place) -> None:
        self.place_choice.setCurrentIndex(self.place_choice.findData(place))
        self.people_button.set_my_place(place)
        self._report_presence()

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
        parts = parts_touched(what_changed(self._seen, view))  # (only those are updated)
        self._seen = view
        self.follow.update(view)
        self.beside.update(view)
        self._follow_a_returning_presenter()
        if Part.ROOM in parts:
            self.setWindowTitle(self.tr("{0} — Paperless Meeting ({1})").format(
                view.snapshot.meeting.title, self.session.user.name))
            self.web_meeting_action.show_link(view.state.web_link)
        if Part.DOCUMENTS in parts:
            self.documents.show_view(view)
        if Part.AGENDA in parts:
            self.agenda.show_view(view)
        if Part.CHAIR in parts:
            self.votes.agenda_item = view.state.agenda_item
            self.votes.set_chair(view.state.presenter == self.session.user.name
                                 or self.manager)
        if Part.PROTECTION in parts:
            show_watermark(self, self.session.user.name if view.state.watermark else None)
            self.status.show_protection(protection_summary(view.state))
        self.side_panel.update_tabs()
        self.unplaced.report(view)
        if Part.PAGE in parts:
            self.refresh()
        elif Part.MARKS in parts:  # a stroke batch: only the marks are drawn again
            self.ink.refresh()
            self.beside_pane.refresh()
        else:
            self._update_banner(self._shown_document())

    def _on_votes_changed(self, meeting_id: int) -> None:
        if meeting_id != self.meeting_id:
            return
        self.votes.refresh()
        self.side_panel.update_tabs()
        newest = max((v.id for v in self.session.votes(self.meeting_id)), default=0)
        if newest > self._newest_vote:  # a vote was just opened: nobody may miss it
            self._newest_vote = newest
            self.show_side(self.votes)

    def _on_request_failed(self, message: str) -> None:
        self.notice.show_message("error", message)

    def _on_presence_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self._show_people()
            if self.presenter_watch.returned(self._room_facts()):
                self.follow.follow_presenter()
                self.refresh()
            else:
                self._update_banner(self._shown_document())

    def _show_people(self) -> None:
        self.people_button.refresh()
        self.side_panel.people.refresh()

    def _on_member_removed(self, meeting_id: int, user: str, by: str) -> None:
        """Someone else was removed (being removed oneself closes the window: see the app)."""
        if meeting_id == self.meeting_id and user != self.session.user.name:
            self.statusBar().showMessage(
                self.tr("{0} removed {1} from the meeting.").format(by, user), 10000)

    def _on_connection_changed(self, online: bool) -> None:
        self.votes.refresh()  # (the banner and the ballots say why they wait)
        self._update_banner(self._shown_document())
        self.status.show_connection(online)

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
        self.documents.select_document(document)
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

    def _room_facts(self) -> RoomFacts:
        return room_facts(self.session, self.meeting_id, self.follow)

    def _follow_a_returning_presenter(self) -> None:
        """Those who browsed while nobody presented follow again when a presenter is back."""
        if self.presenter_watch.returned(self._room_facts()):
            self.follow.follow_presenter()

    def _update_banner(self, document: DocumentInfo | None) -> None:
        view = self.session.view(self.meeting_id)
        if not self.banner.show_room_state(self._room_facts(), self.presenter_watch):
            self.banner.show_state(self.follow, view.state.presenter if view else None,
                                   document)  # (offline, or the presenter away: said first)
        if self.reading:
            self.banner.hide()
            shown = self.follow.shown
            page = (self.tr("Page {0} of {1}").format(shown.page + 1, document.pages)
                    if document is not None else "—")
            self.overlay.show_text(f"{page} · {short_state(self.follow)}")
        self.follow_action.setEnabled(self.follow.off_presenter)
        self.follow_action.setVisible(not self.follow.is_presenter)
        self.room_action.setVisible(self.follow.is_presenter or self.manager)
        if view is not None:
            self.room_menu.show_state(view)

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

    # --- leaving and coming back (see `leaving`) -----------------------------------------------

    def close_now(self) -> None:
        self.leaving.close_now()

    def showEvent(self, event) -> None:
        self.where.ask_once(self)
        if self.leaving.rejoin():
            self._seen = None
        super().showEvent(event)

    def closeEvent(self, event) -> None:
        if self.leaving.intercept(event):  # the presenter is asked first
            return
        self.where.dismiss()
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
