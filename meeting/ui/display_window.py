"""Display mode: the meeting full screen on a large monitor, as the room should see it.

No frame, no cursor, no tools, no dialogs: the presenter's page fitted to the screen and rendered
at the monitor's own resolution, the room's marks and the laser pointer on top. While the link
is down a small notice says so in a corner; the session reconnects and rejoins by itself. It
always follows the room's page, even when the presenter drives it from this same session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from meeting.core.beside import BesideModel
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
NOTICE_STYLE = ("color: #e8eaed; background: rgba(32, 33, 36, 180); padding: 10px 16px;"
                "border-radius: 8px; font-size: 18px;")


class DisplayWindow(QWidget):
    def __init__(self, session: MeetingSession, bridge: SessionBridge, worker: RenderWorker,
                 meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.FramelessWindowHint)
        self.session = session
        self.meeting_id = meeting_id
        self.follow = FollowModel(ROOM)
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
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._stack)
        self.vote = DisplayVote(session, meeting_id)
        column.addWidget(self.vote)

        tools = InkToolbar(self)  # never shown: the marks are drawn, nothing can be drawn
        tools.hide()
        tools.setEnabled(False)
        self.ink = InkController(session, meeting_id, self.follow, self.page_view, tools)
        self.laser = RemoteLaser(meeting_id, self.follow, self.page_view)
        self.loader.ready.connect(lambda _: self.refresh())
        bridge.meetingChanged.connect(self._on_meeting_changed)
        bridge.connectionChanged.connect(self._on_connection_changed)
        bridge.laserMoved.connect(self.laser.moved)
        # (methods of this window, not lambdas: Qt drops those connections with the window,
        # while a lambda would outlive it on the session's bridge and reach deleted widgets)
        bridge.votesChanged.connect(self._on_votes_changed)
        self._on_connection_changed(session.online)
        view = session.view(meeting_id)
        if view is not None:
            self._on_meeting_changed(meeting_id, view)
        else:
            session.join(meeting_id)

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
            self.follow.update(view)
            self.beside.update(view)
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

    def _place_notice(self) -> None:
        margin = 24
        self.notice.move(self.width() - self.notice.width() - margin,
                         self.height() - self.notice.height() - margin)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # the operator's way out; nothing else reacts
            self.close()
            return
        super().keyPressEvent(event)
