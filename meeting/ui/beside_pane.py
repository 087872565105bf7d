"""A second document beside the page: a thin view over `BesideModel`.

In the viewer it has a header (title, page turns, back to the presenter's, close); on the large
monitor it is just the page. It shows the meeting's marks on its page; drawing stays on the
main page (the pen belongs to one page at a time).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meeting.core.beside import BesideModel
from meeting.core.following import Position
from meeting.core.protocol import BesideSet
from meeting.net.session import MeetingSession
from meeting.render.worker import RenderWorker
from meeting.ui.base.icons import icon
from meeting.ui.document_loader import DocumentLoader
from meeting.ui.ink_controller import InkController
from meeting.ui.ink_tools import InkToolbar
from meeting.ui.page_view import PageView, ZoomMode

HEADER_STYLE = ("BesideHeader { background: #f1f3f4; border-bottom: 1px solid #dadce0; }"
                "QToolButton { padding: 2px 8px; }")


class BesideHeader(QWidget):
    """Its own class so the style sheet can paint its background."""


class ElidedLabel(QLabel):
    """One line that ends in "…" when the pane is too narrow for the whole title."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                   self.width()))


class BesidePane(QWidget):
    changed = Signal()
    """The pane opened, closed, or shows another page."""

    def __init__(self, session: MeetingSession, meeting_id: int, worker: RenderWorker,
                 loader: DocumentLoader, model: BesideModel, controls: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.model = model
        self.loader = loader
        self.page_view = PageView(worker)
        self.page_view.set_zoom_mode(ZoomMode.FIT_PAGE)
        self.page_view.stepRequested.connect(self.step)
        tools = InkToolbar(self)  # never shown: the marks are drawn here, not made
        tools.hide()
        tools.setEnabled(False)
        self.ink = InkController(session, meeting_id, model, self.page_view, tools)

        self.header = BesideHeader()
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.header.setStyleSheet(HEADER_STYLE)
        row = QHBoxLayout(self.header)
        row.setContentsMargins(8, 2, 4, 2)
        self.title = ElidedLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.previous_button = self._button("", self.tr("Previous page"), lambda: self.step(-1),
                                            "previous")
        self.page_label = QLabel()
        self.next_button = self._button("", self.tr("Next page"), lambda: self.step(+1), "next")
        self.follow_button = self._button(self.tr("Presenter's"), self.tr(
            "Show the document the presenter shows beside the page"), self.back_to_presenter,
            "follow")
        self.close_button = self._button("", self.tr("Close the second document"),
                                         lambda: self.go_to(None), "close")
        row.addWidget(self.title, 1)
        for widget in (self.previous_button, self.page_label, self.next_button,
                       self.follow_button, self.close_button):
            row.addWidget(widget)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.page_view, 1)
        self.header.setVisible(controls)
        self.refresh()

    def _button(self, text: str, tip: str, slot, icon_name: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(icon_name))
        button.setText(text)
        if text:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setMinimumSize(32, 32)
        button.clicked.connect(slot)
        return button

    # --- what the user does ------------------------------------------------------------------

    def open(self, document_id: int) -> None:
        """Show a document beside the page (where this pane last left it, or its first page)."""
        shown = self.model.shown
        page = shown.page if shown and shown.document_id == document_id else 0
        self.go_to(Position(document_id, page))

    def step(self, delta: int) -> None:
        target = self.model.step(delta)
        if target is not None and target != self.model.shown:
            self.go_to(target)

    def go_to(self, target: Position | None) -> None:
        tell, position = self.model.go_to(target)
        if tell:
            self.session.command(BesideSet, **{
                "meeting_id": self.meeting_id,
                "document_id": position.document_id if position else None,
                "page": position.page if position else 0})
        self.refresh()

    def back_to_presenter(self) -> None:
        self.model.follow_presenter()
        self.refresh()

    # --- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        shown = self.model.shown
        document = self.model.document(shown.document_id) if shown else None
        self.setVisible(document is not None)
        if document is None:
            self.page_view.set_document(None)
        else:
            layout = self.loader.layout(document)
            if layout is not None:
                self.page_view.set_document(layout, shown.page)
            self.title.set_full_text(document.title)
            self.page_label.setText(self.tr("{0} / {1}").format(shown.page + 1, document.pages))
            self.previous_button.setEnabled(shown.page > 0 and not self.model.held)
            self.next_button.setEnabled(shown.page < document.pages - 1 and not self.model.held)
        self.follow_button.setVisible(self.model.off_presenter)
        self.close_button.setEnabled(not self.model.held)
        self.ink.refresh()
        self.changed.emit()
