"""The meeting's documents, one row each, updated in place by document id.

Rebuilding the list on every broadcast deleted the item an open context menu (or a revision
dialog) held, and choosing the action then failed ("Internal C++ object already deleted"); a
row here lives as long as its document.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class DocumentRow:
    document_id: int
    text: str
    tooltip: str


class DocumentsList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(200)
        self.setStyleSheet("QListWidget::item { padding: 10px 6px; }")
        # Long titles end in "…" (the tooltip has the full title, file name and hash).
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def item_for(self, document_id: int) -> QListWidgetItem | None:
        return item_for(self, document_id)

    def show_rows(self, rows: list[DocumentRow]) -> None:
        show_rows(self, rows)

    def select(self, document_id: int | None) -> None:
        item = self.item_for(document_id) if document_id is not None else None
        if item is None:
            self.clearSelection()
        elif self.currentItem() is not item:
            self.setCurrentItem(item)


def item_for(widget: QListWidget, document_id: int) -> QListWidgetItem | None:
    return next((widget.item(row) for row in range(widget.count())
                 if widget.item(row).data(ID_ROLE) == document_id), None)


def show_rows(widget: QListWidget, rows: list[DocumentRow]) -> None:
    """Make the list these rows, in this order, touching only rows that changed (any list of
    documents can use it: an item lives as long as its document)."""
    wanted = {row.document_id for row in rows}
    for index in reversed(range(widget.count())):  # documents that went away
        if widget.item(index).data(ID_ROLE) not in wanted:
            widget.takeItem(index)
    for position, row in enumerate(rows):
        item = item_for(widget, row.document_id)
        if item is None:
            item = QListWidgetItem()
            item.setData(ID_ROLE, row.document_id)
            widget.insertItem(position, item)
        elif widget.row(item) != position:
            widget.insertItem(position, widget.takeItem(widget.row(item)))
        if item.text() != row.text:
            item.setText(row.text)
        if item.toolTip() != row.tooltip:
            item.setToolTip(row.tooltip)
