"""The meeting's documents: one row each (title, pages, where the presenter is), and a context
menu to open one beside the page, check it, download its original or replace it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QListWidget, QListWidgetItem, QMenu, QWidget

from meeting.core.protocol import DocumentInfo
from meeting.core.sync import MeetingView


class DocumentsList(QListWidget):
    opened = Signal(int)
    """A document was tapped (its id)."""
    besideRequested = Signal(int)
    authenticityRequested = Signal(int)
    originalRequested = Signal(object)
    """The original (Office) file of this DocumentInfo is to be saved."""
    revisionChosen = Signal(int, object)
    """The document (id) is to be replaced by the revised PDF at that path."""

    def __init__(self, manager: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manager = manager
        self._documents: dict[int, DocumentInfo] = {}
        self.setAccessibleName(self.tr("Documents"))
        self.setMinimumWidth(200)
        self.setStyleSheet("QListWidget::item { padding: 10px 6px; }")
        # Long titles end in "…" (the tooltip has the full title, file name and hash).
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemClicked.connect(lambda item: self.opened.emit(self.document_id(item)))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    @staticmethod
    def document_id(item: QListWidgetItem) -> int:
        return item.data(Qt.ItemDataRole.UserRole)

    def show_view(self, view: MeetingView) -> None:
        self.clear()
        self._documents = {d.id: d for d in view.documents}
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
            self.addItem(item)

    def select(self, document: DocumentInfo | None) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if document is not None and self.document_id(item) == document.id:
                self.setCurrentItem(item)
                return
        self.clearSelection()

    def _menu(self, position: QPoint) -> None:
        item = self.itemAt(position)
        if item is None:
            return
        document_id = self.document_id(item)
        title = item.text().split("\n")[0]  # (the item may be gone when the menu closes)
        menu = QMenu(self)
        beside = menu.addAction(self.tr("Open beside the page"))
        authentic = menu.addAction(self.tr("Check authenticity (SHA-256)…"))
        document = self._documents.get(document_id)
        original = None
        if document is not None and document.original_filename:
            original = menu.addAction(self.tr("Download the original ({0})…").format(
                document.original_filename))
        revise = menu.addAction(self.tr("Replace with a revised version…")) if self.manager \
            else None
        chosen = menu.exec(self.viewport().mapToGlobal(position))
        if chosen is beside:
            self.besideRequested.emit(document_id)
        elif chosen is authentic:
            self.authenticityRequested.emit(document_id)
        elif chosen is not None and chosen is original:
            self.originalRequested.emit(document)
        elif chosen is not None and chosen is revise:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Revised version of “{0}”").format(title),
                str(Path.home()), self.tr("PDF documents (*.pdf)"))
            if name:
                self.revisionChosen.emit(document_id, Path(name))
