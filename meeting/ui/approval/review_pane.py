"""One page of the review: a page view over the circulation's binder, its marks, a header.

The review window has two: the main pane, where the approver marks with the ink tool bar, and
a second beside it (two documents side by side), which shows the marks without drawing. Both
reuse the viewer's page view (sharp at any zoom, pinch keeps the point under the fingers) and
its ink controller (the marker snaps to the printed words); they turn through the binder.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meeting.core.approval_binder import Binder, BinderCursor
from meeting.core.following import Position
from meeting.core.protocol import DocumentInfo
from meeting.net.session import MeetingSession
from meeting.render.worker import RenderWorker
from meeting.ui.base.icons import icon
from meeting.ui.beside_pane import ElidedLabel
from meeting.ui.document_loader import DocumentLoader
from meeting.ui.ink_controller import InkController
from meeting.ui.ink_tools import InkToolbar
from meeting.ui.page_view import PageView, ZoomMode

HEADER_STYLE = "ReviewPaneHeader { background: #f1f3f4; border-bottom: 1px solid #dadce0; }"


class ReviewPaneHeader(QWidget):
    """Its own class so the style sheet can paint its background."""


class ReviewPane(QWidget):
    moved = Signal()
    """The pane shows another page."""

    def __init__(self, session: MeetingSession, meeting_id: int, worker: RenderWorker,
                 loader: DocumentLoader, documents: list[DocumentInfo], binder: Binder,
                 toolbar: InkToolbar | None = None, parent: QWidget | None = None) -> None:
        """`toolbar`: the ink tools this pane draws with (None: it only shows the marks)."""
        super().__init__(parent)
        self.loader = loader
        self.documents = {d.id: d for d in documents}
        self.binder = binder
        self.cursor = BinderCursor(binder)
        self.page_view = PageView(worker)
        self.page_view.set_zoom_mode(ZoomMode.FIT_WIDTH)  # a page read line by line
        self.page_view.stepRequested.connect(self.step)
        tools = toolbar
        if tools is None:
            tools = InkToolbar(self)  # never shown: this pane shows the marks, never makes them
            tools.hide()
            tools.setEnabled(False)
        self.ink = InkController(session, meeting_id, self.cursor, self.page_view, tools,
                                 read_words=worker.words)
        header = ReviewPaneHeader()
        header.setStyleSheet(HEADER_STYLE)
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = QHBoxLayout(header)
        row.setContentsMargins(6, 2, 6, 2)
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Document"))
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(6)  # (a long title never widens the pane)
        for index, document in enumerate(binder.documents):
            self.chooser.addItem(self.tr("{0}. {1}").format(index + 1, document.title),
                                 document.id)
        self.chooser.activated.connect(
            lambda index: self.go_to(Position(self.chooser.itemData(index), 0)))
        self.previous_button = self._button(self.tr("Previous page"), "previous",
                                            lambda: self.step(-1))
        self.page_label = ElidedLabel()  # (the page first, the binder's number after)
        self.page_label.setAccessibleName(self.tr("Page"))
        self.next_button = self._button(self.tr("Next page"), "next", lambda: self.step(+1))
        # (two panes side by side fit a 960 px window: the title and the page number share
        # what is left between the buttons, neither asks for more)
        self.chooser.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        row.addWidget(self.chooser, 3)
        row.addWidget(self.previous_button)
        row.addWidget(self.page_label, 2)
        row.addWidget(self.next_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(header)
        column.addWidget(self.page_view, 1)
        loader.ready.connect(lambda _: self.refresh())
        self.refresh()

    def _button(self, tip: str, icon_name: str, slot) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        button.setMinimumSize(44, 44)  # a finger's size, touch mode or not
        button.clicked.connect(slot)
        return button

    def set_documents(self, documents: list[DocumentInfo], binder: Binder) -> None:
        """The circulation's documents now (a revised one has a new file and page count)."""
        self.documents = {d.id: d for d in documents}
        self.binder = self.cursor.binder = binder
        shown = self.cursor.shown
        if shown is not None and shown.document_id in self.documents:
            self.cursor.go_to(shown)  # (clamped to the new page count)
        else:
            self.cursor.shown = binder.first() if binder.total_pages else None
        self.refresh()

    @property
    def shown(self) -> Position | None:
        return self.cursor.shown

    def step(self, delta: int) -> None:
        before = self.cursor.shown
        if self.cursor.step(delta) != before:
            self.refresh()
            self.moved.emit()

    def go_to(self, position: Position) -> None:
        self.cursor.go_to(position)
        self.refresh()
        self.moved.emit()

    def refresh(self) -> None:
        shown = self.cursor.shown
        document = self.documents.get(shown.document_id) if shown else None
        if shown is None or document is None:
            self.page_view.set_document(None)
            self.page_label.set_full_text("")
            self.ink.refresh()
            return
        layout = self.loader.layout(document)
        if layout is not None:
            self.page_view.set_document(layout, shown.page)
        place = self.binder.page(shown)
        self.chooser.setCurrentIndex(place.document_index)
        self.page_label.set_full_text(self.tr("p. {0} / {1} · {2} of {3}").format(
            shown.page + 1, document.pages, place.through, self.binder.total_pages))
        self.previous_button.setEnabled(place.through > 1)
        self.next_button.setEnabled(place.through < self.binder.total_pages)
        self.ink.refresh()
