"""The review window: every document of a circulation at once, marked and decided as on paper.

The circulation's documents are one binder (pages numbered through), shown in a main pane where
the approver marks check points with the marker (it snaps to the printed words; a comment opens
below each stroke) and, when wanted, a second pane beside it. One list holds every check point
of every document; each person's marks are a layer one can hide. The stamp goes where the
approver taps or in the stamp column; the decision bar approves, sends back or pulls back.

Marks live in the circulation's container (a meeting of its own), so the viewer's page view,
marker and ink controller work here unchanged; the decisions go through `ApprovalClient`.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPointF, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from meeting.core.annotations import Tool, bounds
from meeting.core.approval_binder import Binder, BinderDocument
from meeting.core.approval_protocol import CirculationData, CirculationStatus
from meeting.core.approval_route import RouteDraft
from meeting.core.approval_stamp import stamp_face
from meeting.core.check_points import CheckPoint, check_points, comment_anchor
from meeting.core.following import Position
from meeting.core.formats import file_dialog_pattern
from meeting.core.sync import MeetingView
from meeting.net.approval import ApprovalClient
from meeting.net.session import MeetingSession
from meeting.render.worker import RenderWorker
from meeting.ui.approval.decision_bar import ACTING, DecisionBar, SendBackDialog
from meeting.ui.approval.review_lists import CheckPointList, HistoryList, PeopleLayers
from meeting.ui.approval.review_pane import ReviewPane
from meeting.ui.approval.signatures import SignaturesDialog
from meeting.ui.approval.stamp_placement import StampPlacement
from meeting.ui.base.icons import icon
from meeting.ui.bridge import SessionBridge
from meeting.ui.document_loader import DocumentLoader
from meeting.ui.ink_tools import InkToolbar, Mode
from meeting.ui.main_thread import when_done
from meeting.ui.page_view import ZoomMode

SPLITTER_STYLE = "QSplitter::handle { background: #dadce0; }"
LIST_WIDTH = 250
ZOOM_STEP = 1.25
MARKER_COLOR = "#fbbc04"
"""The highlighter's yellow."""
COMMENT_COLOR = "#d93025"


class ReviewWindow(QMainWindow):
    decided = Signal(object)
    """The server took a decision made here (the new CirculationData)."""
    failed = Signal(str)
    """The server refused one (its message, in the user's language)."""

    def __init__(self, session: MeetingSession, bridge: SessionBridge, worker: RenderWorker,
                 circulation: CirculationData, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opened_at = time.perf_counter()
        self.first_page_s: float | None = None
        """Seconds from opening the window to the first page painted sharp."""
        self.session = session
        self.approvals = ApprovalClient(session)
        self.circulation = circulation
        self.meeting_id = circulation.summary.meeting_id
        self.settings = settings
        self._shared_by_default = False
        self.binder = Binder([BinderDocument(d.id, d.title, d.pages)
                              for d in circulation.documents])
        self.loader = DocumentLoader(session, worker, self)
        self.setWindowTitle(self.tr("{0} — Approval").format(circulation.summary.title))
        self.resize(1280, 800)
        self._build(worker)
        bridge.meetingChanged.connect(self._on_meeting_changed)
        bridge.approvalChanged.connect(self._on_approval_changed)
        session.join(self.meeting_id)
        view = session.view(self.meeting_id)
        if view is not None:
            self._on_meeting_changed(self.meeting_id, view)
        self.show_circulation(circulation)

    # --- building ----------------------------------------------------------------------------

    def _build(self, worker: RenderWorker) -> None:
        self.ink_toolbar = InkToolbar(self)
        self.main = ReviewPane(self.session, self.meeting_id, worker, self.loader,
                               list(self.circulation.documents), self.binder, self.ink_toolbar)
        self.second = ReviewPane(self.session, self.meeting_id, worker, self.loader,
                                 list(self.circulation.documents), self.binder)
        self.second.ink.follow_layers(self.main.ink)
        self.second.hide()
        if len(self.binder.documents) > 1:  # beside: the next document, as a binder's tabs
            self.second.go_to(Position(self.binder.documents[1].id, 0))
        self.main.page_view.pageShown.connect(self._first_page)
        self.pages = QSplitter(Qt.Orientation.Horizontal)
        self.pages.setStyleSheet(SPLITTER_STYLE)
        self.pages.setHandleWidth(8)
        self.pages.setChildrenCollapsible(False)
        self.pages.addWidget(self.main)
        self.pages.addWidget(self.second)
        self.check_points = CheckPointList()
        self.check_points.chosen.connect(self.go_to_check_point)
        self.layers = PeopleLayers()
        self.layers.toggled.connect(self._toggle_person)
        self.history = HistoryList()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.check_points, self.tr("Check points"))
        self.tabs.addTab(self.layers, self.tr("Marks"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.setMinimumWidth(LIST_WIDTH)
        self.stage = QLabel()
        self.stage.setWordWrap(True)
        self.stage.setStyleSheet("padding: 6px 8px; background: #e8f0fe; color: #174ea6;")
        self.stage.setAccessibleName(self.tr("Where the circulation stands"))
        self.splitter = QSplitter()
        self.splitter.setStyleSheet(SPLITTER_STYLE)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([LIST_WIDTH, 1000])
        circulation = self.circulation  # (the server says how one's stamp reads)
        self.face = stamp_face(circulation.stamp_name or self.session.user.name,
                               circulation.stamp_section, date.today())
        self.decision = DecisionBar(self.face)
        self.decision.approveRequested.connect(self.approve)
        self.decision.sendBackRequested.connect(self.ask_send_back)
        self.decision.pullBackRequested.connect(self.pull_back)
        self.decision.reviseRequested.connect(self.choose_revision)
        self.decision.sendAgainRequested.connect(self.send_again)
        self.decision.signaturesRequested.connect(self.show_signatures)
        self.stamp = StampPlacement(self.main, self.ink_toolbar, self.decision, self.loader,
                                    self.face, lambda: self.circulation, lambda: self.binder)
        center = QWidget()
        column = QVBoxLayout(center)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.stage)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.decision)
        self.setCentralWidget(center)
        self._build_toolbar()
        self.main.page_view.inkReleased.connect(self._comment_after_marker)
        self._back_to_marker()  # what a review is for: marking check points
        share = self.ink_toolbar.share_action  # (the route reads the marks, not a room)
        share.setText(self.tr("For the approvers"))
        share.setToolTip(self.tr("On: everyone on the route sees what you mark. Off: a "
                                 "private note only you see."))

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Review"))
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        def action(text: str, name: str, slot, checkable: bool = False) -> QAction:
            made = QAction(icon(name), text, self, checkable=checkable)
            made.triggered.connect(slot)
            bar.addAction(made)
            return made

        self.fit_width_action = action(self.tr("Fit width"), "fit-width",
                                       lambda: self._zoom(ZoomMode.FIT_WIDTH))
        self.fit_page_action = action(self.tr("Fit page"), "fit-page",
                                      lambda: self._zoom(ZoomMode.FIT_PAGE))
        self.zoom_out_action = action(self.tr("Zoom out"), "zoom-out",
                                      lambda: self.zoom_keeping_place(1 / ZOOM_STEP))
        self.zoom_in_action = action(self.tr("Zoom in"), "zoom-in",
                                     lambda: self.zoom_keeping_place(ZOOM_STEP))
        bar.addSeparator()
        self.beside_action = action(self.tr("Two side by side"), "beside", self.show_beside,
                                    checkable=True)
        self.beside_action.setEnabled(len(self.binder.documents) > 0)
        self.list_action = action(self.tr("Lists"), "panel", self.tabs.setVisible,
                                  checkable=True)
        self.list_action.setChecked(True)
        for made in bar.actions():
            widget = bar.widgetForAction(made)
            if widget is not None:
                widget.setMinimumSize(44, 44)
        self.review_bar = bar
        self.addToolBar(bar)
        self.addToolBarBreak()
        self.addToolBar(self.ink_toolbar)

    def toolbar_button(self, action: QAction) -> QWidget:
        return self.review_bar.widgetForAction(action)

    def _zoom(self, mode: ZoomMode) -> None:
        self.main.page_view.set_zoom_mode(mode)
        self.second.page_view.set_zoom_mode(mode)

    def zoom_keeping_place(self, factor: float) -> None:
        """Zoom the main page about the middle of what is on screen, so a drawing or a wide
        table stays where the reader was looking (re-rendered sharp at the new size)."""
        view = self.main.page_view
        size = view.viewport().size()
        view.zoom_by(factor, QPointF(size.width() / 2, size.height() / 2))

    def show_beside(self, shown: bool) -> None:
        self.second.setVisible(shown)
        self.beside_action.setChecked(shown)

    # --- showing -----------------------------------------------------------------------------

    @property
    def acting(self) -> bool:
        """It is this user's turn (only then do their check points go to the route)."""
        return bool(set(self.circulation.may) & ACTING)

    def _share_when_acting(self) -> None:
        """Check points are for the approvers after one: shared while it is one's turn; at any
        other time one marks privately (the server keeps a circulation's shared marks to
        whoever acts now)."""
        share = self.ink_toolbar.share_action
        if not self.acting:
            share.setChecked(False)
            self._shared_by_default = False
        elif share.isEnabled() and not self._shared_by_default:
            share.setChecked(True)
            self._shared_by_default = True

    def show_circulation(self, circulation: CirculationData) -> None:
        self.circulation = circulation
        self._share_when_acting()
        if circulation.documents != tuple(self.main.documents.values()):  # (a revision)
            self.binder = Binder([BinderDocument(d.id, d.title, d.pages)
                                  for d in circulation.documents])
            for pane in (self.main, self.second):
                pane.set_documents(list(circulation.documents), self.binder)
        self.decision.set_circulation(circulation, self.session.user.name)
        self.history.set_history(circulation.history)
        self.stage.setText(self.stage_text(circulation))
        self.layers.set_people(self.people(), self.main.ink.visibility.hidden_owners)
        if self.stamp.at is None:
            self.stamp.in_column()

    def stage_text(self, circulation: CirculationData) -> str:
        summary = circulation.summary
        if summary.status is CirculationStatus.APPROVED:
            return self.tr("Approved: every step has acted.")
        if summary.status is CirculationStatus.RETURNED:
            return self.tr("Returned to the drafter, {0}.").format(summary.drafter)
        if summary.status is CirculationStatus.DRAFT:
            return self.tr("A draft: not sent yet.")
        waiting = self.tr(", ").join(summary.waiting_for)
        return self.tr("Step {0} of {1} · waiting for {2}").format(
            (summary.step or 0) + 1, len(circulation.route), waiting)

    def people(self) -> list[tuple[str, str]]:
        """Everyone whose marks may be on the documents, in route order."""
        seen: dict[str, str] = {self.circulation.summary.drafter: self.tr("drafter")}
        for step in self.circulation.route:
            for name in step.members:
                seen.setdefault(name, self.tr("step {0}").format(step.index + 1))
        return list(seen.items())

    def _on_meeting_changed(self, meeting_id: int, view: MeetingView) -> None:
        if meeting_id != self.meeting_id:
            return
        self.main.refresh()
        self._share_when_acting()
        if self.second.isVisible():
            self.second.refresh()
        self.check_points.set_points(self.all_check_points(), self.binder)

    def all_check_points(self) -> list[CheckPoint]:
        view = self.session.view(self.meeting_id)
        if view is None:
            return []
        return check_points(self.main.ink.visibility.visible(view.snapshot.annotations),
                            self.binder.order_key)

    def _first_page(self, path: str, page: int) -> None:
        if self.first_page_s is None:
            self.first_page_s = time.perf_counter() - self.opened_at

    def _toggle_person(self, name: str, shown: bool) -> None:
        self.main.ink.set_visibility(self.main.ink.visibility.with_owner(name, shown))
        self.check_points.set_points(self.all_check_points(), self.binder)

    # --- check points ------------------------------------------------------------------------

    def go_to_check_point(self, point: CheckPoint) -> None:
        """Show the check point's page with the point in view (a third down the pane)."""
        self.main.go_to(Position(point.document_id, point.page))
        view = self.main.page_view
        scale = view.current_scale()
        x0, y0, _, _ = view.extent()
        view.verticalScrollBar().setValue(round((point.rect[1] - y0) * scale
                                                - view.viewport().height() / 3))
        view.horizontalScrollBar().setValue(round((point.rect[0] - x0) * scale - 24))

    def _comment_after_marker(self) -> None:
        """A marker stroke done: its comment opens just below it, typed in place (an empty
        one, or Escape, leaves the check point without a comment)."""
        if self.ink_toolbar.mode is not Mode.MARKER:
            return
        action = self.main.ink.history.last
        stroke = action.added[0] if action and action.added else None
        if stroke is None or stroke.tool is not Tool.MARKER or not stroke.points:
            return
        anchor = comment_anchor(bounds(stroke.points, stroke.width))
        tools = self.ink_toolbar
        tools.set_mode(Mode.TEXT)
        tools.set_color(COMMENT_COLOR)  # the comment in red ink; the stroke stays yellow
        self.main.ink.write_note(*anchor)
        editor = self.main.ink.note_editor
        if editor is None:
            self._back_to_marker()
            return
        # (after the controller has kept the note, in red: it connected first)
        editor.committed.connect(lambda _: self._back_to_marker())
        editor.cancelled.connect(self._back_to_marker)

    def _back_to_marker(self) -> None:
        self.ink_toolbar.set_mode(Mode.MARKER)
        self.ink_toolbar.set_color(MARKER_COLOR)

    # --- deciding ----------------------------------------------------------------------------

    def approve(self, comment: str, on_behalf_of: str | None) -> None:
        self.main.ink.outbox.flush()  # (every mark goes before the decision)
        self._decide(self.approvals.approve(self.circulation.summary.id, self.stamp.payload(),
                                            comment, on_behalf_of))

    def ask_send_back(self) -> SendBackDialog:
        dialog = SendBackDialog(self.circulation, self)
        dialog.accepted.connect(lambda: self.send_back(dialog.to_step, dialog.comment))
        dialog.open()
        self.send_back_dialog = dialog
        return dialog

    def send_back(self, to_step: int | None, comment: str) -> None:
        self._decide(self.approvals.send_back(self.circulation.summary.id, to_step, comment,
                                              self.decision.on_behalf.currentData()))

    def pull_back(self) -> None:
        self._decide(self.approvals.pull_back(self.circulation.summary.id))

    def choose_revision(self) -> None:
        shown = self.main.shown
        if shown is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Revised version of the document"), "",
            self.tr("Documents ({0})").format(file_dialog_pattern()))
        if name:
            self.revise(shown.document_id, Path(name))

    def revise(self, document_id: int, path: Path) -> None:
        """The drafter's corrected version in place of a document; its marks follow their
        words (the server refuses one that cannot keep them)."""
        self.decision.set_where(self.tr("Uploading the revised version…"))
        when_done(self.approvals.revise(self.circulation, document_id, path),
                  lambda _: self.refresh_from_server(), self._refused, self)

    def send_again(self) -> None:
        """After a send-back (and the revisions): along the same route again."""
        circulation = self.circulation
        self._decide(self.approvals.start(
            circulation.summary.id, circulation.summary.title,
            [d.id for d in circulation.documents],
            RouteDraft.of_route(circulation.route).payload(),
            self.decision.comment.text().strip()))

    def show_signatures(self) -> SignaturesDialog:
        self.signatures_dialog = SignaturesDialog(self.approvals, self.circulation, self)
        self.signatures_dialog.open()
        return self.signatures_dialog

    def _refused(self, error: Exception) -> None:
        message = getattr(error, "message", str(error))
        self.decision.set_where(message)
        self.failed.emit(message)

    def _decide(self, future) -> None:
        self.decision.setEnabled(False)

        def done(circulation: CirculationData) -> None:
            self.decision.setEnabled(True)
            self.show_circulation(circulation)
            self.decided.emit(circulation)

        def refused(error: Exception) -> None:
            self.decision.setEnabled(True)
            self._refused(error)

        when_done(future, done, refused, self)

    def _on_approval_changed(self, summary) -> None:
        if summary.id == self.circulation.summary.id:  # (someone acted, or it was signed)
            self.refresh_from_server()

    def refresh_from_server(self) -> None:
        """Someone acted on this circulation: read it again."""
        when_done(self.approvals.open(self.circulation.summary.id), self.show_circulation,
                  lambda _: None, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.leave(self.meeting_id)
        super().closeEvent(event)

