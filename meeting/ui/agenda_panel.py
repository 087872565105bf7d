"""The agenda beside the page: where the meeting is, one tap to an item, and (for organizers)
writing it. The presenter's tap moves the room; anyone else's only their own view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting.core.following import Position
from meeting.core.protocol import AgendaItem
from meeting.core.sync import MeetingView


class AgendaPanel(QWidget):
    itemChosen = Signal(object)
    """An item was tapped (AgendaItem)."""
    editRequested = Signal()

    def __init__(self, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Agenda"))
        self.heading.setStyleSheet("font-weight: bold; padding: 6px 6px 2px 6px;")
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Agenda"))
        self.list.setStyleSheet("QListWidget::item { padding: 8px 6px; }")
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(
            lambda item: self.itemChosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.edit_button = QPushButton(self.tr("Edit agenda…"))
        self.edit_button.setMinimumHeight(36)
        self.edit_button.clicked.connect(self.editRequested)
        self.edit_button.setVisible(may_edit)
        self._may_edit = may_edit
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.list)
        column.addWidget(self.edit_button)

    def show_view(self, view: MeetingView) -> None:
        self.list.clear()
        current = view.state.agenda_item
        for number, agenda_item in enumerate(view.snapshot.agenda, start=1):
            document = view.document(agenda_item.document_id) if agenda_item.document_id else None
            where = (self.tr("\n{0}, page {1}").format(document.title, agenda_item.page + 1)
                     if document else "")
            marker = "▶ " if agenda_item.id == current else ""
            row = QListWidgetItem(f"{marker}{number}. {agenda_item.title}{where}")
            row.setData(Qt.ItemDataRole.UserRole, agenda_item)
            if agenda_item.id == current:
                font = row.font()
                font.setBold(True)
                row.setFont(font)
            self.list.addItem(row)
        self.setVisible(bool(view.snapshot.agenda) or self._may_edit)


class AgendaDialog(QDialog):
    """Write the agenda: headings, and items that point at a page (the page on screen)."""

    def __init__(self, view: MeetingView, here: Position | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agenda"))
        self._view = view
        self._here = here
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Agenda"))
        for agenda_item in view.snapshot.agenda:
            self._add_row(agenda_item.title, agenda_item.document_id, agenda_item.page)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Add this page…"), self.add_here),
                           (self.tr("Add a heading…"), self.add_heading),
                           (self.tr("Up"), lambda: self._move(-1)),
                           (self.tr("Down"), lambda: self._move(+1)),
                           (self.tr("Remove"), self.remove)):
            button = QPushButton(text)
            button.setMinimumHeight(36)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.add_here_button = buttons.itemAt(0).widget()
        self.add_here_button.setEnabled(here is not None)
        done = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                | QDialogButtonBox.StandardButton.Cancel)
        done.accepted.connect(self.accept)
        done.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.list)
        column.addLayout(buttons)
        column.addWidget(done)
        self.resize(560, 420)

    def entries(self) -> list[dict]:
        """The agenda as `agenda:set` takes it."""
        result = []
        for row in range(self.list.count()):
            title, document_id, page = self.list.item(row).data(Qt.ItemDataRole.UserRole)
            entry = {"title": title}
            if document_id is not None:
                entry.update(document_id=document_id, page=page)
            result.append(entry)
        return result

    def add_here(self, title: str | None = None) -> None:
        if self._here is None:
            return
        title = title or self._ask(self.tr("Title of the item for this page:"))
        if title:
            self._add_row(title, self._here.document_id, self._here.page)

    def add_heading(self, title: str | None = None) -> None:
        title = title or self._ask(self.tr("Title of the item:"))
        if title:
            self._add_row(title, None, 0)

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def _move(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row >= 0 and 0 <= target < self.list.count():
            self.list.insertItem(target, self.list.takeItem(row))
            self.list.setCurrentRow(target)

    def _ask(self, prompt: str) -> str:
        text, ok = QInputDialog.getText(self, self.tr("Agenda item"), prompt)
        return text.strip() if ok else ""

    def _add_row(self, title: str, document_id: int | None, page: int) -> None:
        document = self._view.document(document_id) if document_id else None
        where = self.tr(" — {0}, page {1}").format(document.title, page + 1) if document else ""
        row = QListWidgetItem(f"{title}{where}")
        row.setData(Qt.ItemDataRole.UserRole, (title[:200], document_id, page))
        self.list.addItem(row)
        self.list.setCurrentItem(row)


def item_position(agenda_item: AgendaItem) -> Position | None:
    if agenda_item.document_id is None:
        return None
    return Position(agenda_item.document_id, agenda_item.page)
