"""The meeting's documents in the side panel: one row each (title, pages, where the presenter
is), updated in place by id (`meeting.ui.documents_list`), and a context menu to open one beside
the page, check it, download its original or replace it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QMenu, QWidget

from meeting.core.protocol import DocumentInfo
from meeting.core.sync import MeetingView
from meeting.ui.documents_list import DocumentRow
from meeting.ui.documents_list import DocumentsList as InPlaceList


class DocumentsList(InPlaceList):
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
        self.itemClicked.connect(lambda item: self.opened.emit(self.document_id(item)))
        self.customContextMenuRequested.connect(self._menu)

    @staticmethod
    def document_id(item: QListWidgetItem) -> int:
        return item.data(Qt.ItemDataRole.UserRole)

    def show_view(self, view: MeetingView) -> None:
        rows = []
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
            rows.append(DocumentRow(
                document.id, text.format(document.title, document.pages),
                f"{document.title}\n{document.filename}\nSHA-256 {document.sha256}"))
        self.show_rows(rows)

    def select_document(self, document: DocumentInfo | None) -> None:
        self.select(document.id if document is not None else None)

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
