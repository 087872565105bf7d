"""Display mode: the meeting full screen on a large monitor, as the room should see it.

No frame, no cursor, no tools, no dialogs: the presenter's page fitted to the screen and rendered
at the monitor's own resolution, the room's marks and the laser pointer on top. While the link
is down a small notice says so in a corner; the session reconnects and rejoins by itself. It
always follows the room's page, even when the presenter drives it from this same session.

On a single screen it covers the presenter's own window, so it never traps anyone: "Esc to
return" shows for a few seconds when it opens and whenever the mouse moves (with the cursor),
and the presenter turns the room's pages right here (arrow keys, Page Up/Down, space, a click,
a swipe; see `core.display_control`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedLayout, QWidget

from meeting.core.beside import BesideModel
from meeting.core.changes import touches_page, what_changed
from meeting.core.display_control import HINT_SECONDS, click_step, display_turn
from meeting.core.following import FollowModel
from meeting.core.presence import Place
from meeting.core.sync import MeetingView
from meeting.net.session import MeetingSession
from meeting.render.worker import RenderWorker
from meeting.ui.beside_pane import BesidePane
from meeting.ui.bridge import SessionBridge
from meeting.ui.display_vote import DisplayVote
from meeting.ui.document_loader import DocumentLoader
from meeting.ui.ink_controller import InkController
from meeting.ui.ink_tools import InkToolbar
from meeting.ui.laser import RemoteLaser
from meeting.ui.page_view import PageView, ZoomMode
from meeting.ui.watermark_painter import show_watermark

ROOM = ""
"""The follow model's user: nobody, so the display never takes itself for the presenter."""
BLANK = Qt.CursorShape.BlankCursor
BACK_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}
FORWARD_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space,
                Qt.Key.Key_Return, Qt.Key.Key_Enter}
HINT_STYLE = ("color: #ffffff; background: rgba(32, 33, 36, 210); padding: {pad}px {wide}px;"
              "border-radius: {pad}px; font-size: {size}px;")
HINT_SHARE = 1 / 40
"""The hint's font size as a share of the screen's height (27 px on 1080, 54 px on 2160)."""
NOTICE_STYLE = ("color: #e8eaed; background: rgba(32, 33, 36, 180); padding: 10px 16px;"
                "border-radius: 8px; font-size: 18px;")


class DisplayWindow(QWidget):
    def __init__(self, session: MeetingSession, bridge: SessionBridge, worker: RenderWorker,
                 meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.FramelessWindowHint)
        self.session = session
        self.meeting_id = meeting_id
        self.follow = FollowModel(ROOM)
        self._seen: MeetingView | None = None
        """The view last shown (see `core.changes`)."""
        self.beside = BesideModel(ROOM)
        self.setWindowTitle(self.tr("Paperless Meeting — display"))
        self.setStyleSheet("DisplayWindow { background: black; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setCursor(Qt.CursorShape.BlankCursor)

        self.page_view = PageView(worker)
        self.loader = DocumentLoader(session, worker, self)
        self.beside_pane = BesidePane(session, meeting_id, worker, self.loader, self.beside,
                                      controls=False)
        for view in (self.page_view, self.beside_pane.page_view):
            view.setStyleSheet("QScrollArea { background: black; border: none; }")
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.set_zoom_mode(ZoomMode.FIT_PAGE)
            view.viewport().setCursor(Qt.CursorShape.BlankCursor)
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (the keys turn pages, not scroll)
            view.viewport().setMouseTracking(True)
            view.viewport().installEventFilter(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.page_view.stepRequested.connect(self.turn)
        self.page_view.tapped.connect(self._tapped)
        self.turn_pages: Callable[[int], None] = self._set_room_page
        """How a turn asked for here is made (a viewer window of the same session puts its
        own `step` here, so there stays one place that turns pages)."""
        self.hint = QLabel(self)
        self.hint.hide()
        self.return_button = QPushButton(self.tr("✕ Return"), self)
        """For a mouse or a finger without a keyboard: shown with the cursor."""
        self.return_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.return_button.clicked.connect(self.close)
        self.return_button.hide()
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.timeout.connect(self._hide_hint)
        pages = QWidget()  # the page, and the second document beside it when there is one
        row = QHBoxLayout(pages)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.page_view, 1)
        row.addWidget(self.beside_pane, 1)
        self.pages = pages
        self.waiting = QLabel(self.tr("Waiting for the presenter…"))
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setStyleSheet("color: #9aa0a6; font-size: 28px;")
        self.notice = QLabel(self)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.blank_panel = QWidget()
        self.blank_panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.waiting)
        self._stack.addWidget(self.pages)
        self._stack.addWidget(self.blank_panel)
        # The vote beside the page, not under it: a page fitted to a wide monitor leaves room
        # at its side, and keeps its height while the room votes.
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addLayout(self._stack, 3)
        self.vote = DisplayVote(session, meeting_id)
        row.addWidget(self.vote, 2)

        tools = InkToolbar(self)  # never shown: the marks are drawn, nothing can be drawn
        tools.hide()
        tools.setEnabled(False)
        self.ink = InkController(session, meeting_id, self.follow, self.page_view, tools)
        self.laser = RemoteLaser(meeting_id, self.follow, self.page_view)
        self.loader.ready.connect(lambda _: self.refresh())
        bridge.meetingChanged.connect(self._on_meeting_changed)
        bridge.connectionChanged.connect(self._on_connection_changed)
        bridge.laserMoved.connect(self.laser.moved)
        # (a method, not a lambda: Qt drops the connection when the window is deleted; a
        # lambda outlived the window and touched its deleted DisplayVote on every vote change)
        bridge.votesChanged.connect(self._on_votes_changed)
        self._on_connection_changed(session.online)
        view = session.view(meeting_id)
        if view is not None:
            self._on_meeting_changed(meeting_id, view)
        else:
            session.join(meeting_id)

    # --- driving it from here -----------------------------------------------------------------

    @property
    def presenting(self) -> bool:
        view = self.session.view(self.meeting_id)
        return view is not None and view.state.presenter == self.session.user.name

    def turn(self, delta: int) -> None:
        """The presenter turns the room's page from the monitor; for anyone else, nothing."""
        if display_turn(self.session.view(self.meeting_id), self.session.user.name,
                        delta) is not None:
            self.turn_pages(delta)

    def _set_room_page(self, delta: int) -> None:
        target = display_turn(self.session.view(self.meeting_id), self.session.user.name,
                              delta)
        if target is not None:
            self.session.set_page(self.meeting_id, target.document_id, target.page)

    def _tapped(self, x_share: float) -> None:
        self.turn(click_step(x_share))

    def show_hint(self, with_cursor: bool = False) -> None:
        """"Esc to return" (and how to turn pages, for the presenter), for a few seconds; the
        cursor too when someone moved the mouse."""
        self.hint.setText(self.tr("Esc to return  ·  ← → turn the pages") if self.presenting
                          else self.tr("Esc to return"))
        size = max(22, round(self.height() * HINT_SHARE))
        self.hint.setStyleSheet(HINT_STYLE.format(pad=size // 2, wide=size, size=size))
        self.hint.adjustSize()
        self.hint.move((self.width() - self.hint.width()) // 2, 32)
        self.hint.show()
        self.hint.raise_()
        if with_cursor:
            for view in (self, self.page_view.viewport(), self.beside_pane.page_view.viewport()):
                view.setCursor(Qt.CursorShape.ArrowCursor)
            self.return_button.setStyleSheet(HINT_STYLE.format(pad=size // 2, wide=size,
                                                               size=size))
            self.return_button.adjustSize()
            self.return_button.move(self.width() - self.return_button.width() - 32, 32)
            self.return_button.show()
            self.return_button.raise_()
        self._hint_timer.start(HINT_SECONDS * 1000)

    def _hide_hint(self) -> None:
        self.hint.hide()
        self.return_button.hide()
        for view in (self, self.page_view.viewport(), self.beside_pane.page_view.viewport()):
            view.setCursor(BLANK)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove and self.cursor().shape() == BLANK:
            self.show_hint(with_cursor=True)  # someone reaches for the mouse: the way out
        return super().eventFilter(watched, event)

    def mouseMoveEvent(self, event) -> None:
        if self.cursor().shape() == BLANK:
            self.show_hint(with_cursor=True)
        super().mouseMoveEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.show_hint()
        self.activateWindow()
        self.setFocus()

    def place_on(self, screen: QScreen) -> None:
        """Full screen on that monitor."""
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def refresh(self) -> None:
        shown = self.follow.shown
        document = self.follow.document(shown.document_id) if shown else None
        layout = self.loader.layout(document) if document else None
        view = self.session.view(self.meeting_id)
        blank = view.state.blank if view else None
        if layout is None:
            self._stack.setCurrentWidget(self.waiting)
            if document is None:
                self.page_view.set_document(None)
        else:
            self.page_view.set_document(layout, shown.page)
            if self.page_view.region != self.follow.zoom:
                self.page_view.show_region(self.follow.zoom)
            self._stack.setCurrentWidget(self.pages)
        if blank is not None:  # the page is ready underneath, for the moment it comes back
            self.blank_panel.setStyleSheet(f"background: {blank.value};")
            self._stack.setCurrentWidget(self.blank_panel)
        self.ink.refresh()
        self.laser.refresh()
        self.beside_pane.refresh()
        if view is not None:  # a display is in the room and always follows
            self.session.report_presence(self.meeting_id, True, Place.ROOM)

    def _on_meeting_changed(self, meeting_id: int, view: MeetingView) -> None:
        if meeting_id == self.meeting_id:
            kinds = what_changed(self._seen, view)
            self._seen = view
            self.follow.update(view)
            self.beside.update(view)
            if not touches_page(kinds):  # a stroke batch: the marks only
                self.ink.refresh()
                self.beside_pane.refresh()
                return
            show_watermark(self, self.session.user.name if view.state.watermark else None)
            self.refresh()

    def _on_votes_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self.vote.refresh()

    def _on_connection_changed(self, online: bool) -> None:
        """Discreet: a corner notice, and the last page stays on screen meanwhile."""
        if online:
            self.notice.hide()
            return
        self.notice.setText(self.tr("Reconnecting…"))
        self.notice.adjustSize()
        self._place_notice()
        self.notice.show()
        self.notice.raise_()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_notice()
        self.vote.fit_to(self.height())
        if self.hint.isVisible():
            self.hint.move((self.width() - self.hint.width()) // 2, 32)

    def _place_notice(self) -> None:
        margin = 24
        self.notice.move(self.width() - self.notice.width() - margin,
                         self.height() - self.notice.height() - margin)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:  # the way out, always
            self.close()
        elif key in BACK_KEYS or key in FORWARD_KEYS:
            self.turn(-1 if key in BACK_KEYS else +1)
        else:
            self.show_hint()  # any other key: say how to get out
        event.accept()
