"""The review's side lists: every check point of every document, whose marks are shown, and
the circulation's history."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from meeting.core.approval_binder import Binder
from meeting.core.approval_protocol import ActionKind, HistoryEntry
from meeting.core.check_points import CheckPoint

ROW_STYLE = "QListWidget::item { padding: 8px 6px; }"


def _list(name: str) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(name)  # (translated by the caller)
    widget.setWordWrap(True)
    widget.setTextElideMode(Qt.TextElideMode.ElideNone)
    widget.setStyleSheet(ROW_STYLE)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows wrap
    return widget


class CheckPointList(QWidget):
    """One list of all check points, in binder order; a tap goes to one."""

    chosen = Signal(object)
    """A CheckPoint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = _list(self.tr("Check points"))
        self.list.itemClicked.connect(lambda item: self.chosen.emit(
            item.data(Qt.ItemDataRole.UserRole)))
        self.list.itemActivated.connect(lambda item: self.chosen.emit(
            item.data(Qt.ItemDataRole.UserRole)))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        self.points: list[CheckPoint] = []

    def set_points(self, points: list[CheckPoint], binder: Binder) -> None:
        if points == self.points:
            return
        self.points = points
        current = self.list.currentRow()
        self.list.clear()
        for number, point in enumerate(points, start=1):
            document = binder.index_of(point.document_id) + 1 \
                if point.document_id in {d.id for d in binder.documents} else 0
            comment = point.comment or self.tr("(no comment)")
            item = QListWidgetItem(self.tr("{0}. Document {1}, p. {2} · {3}\n{4}").format(
                number, document, point.page + 1, point.owner, comment))
            item.setData(Qt.ItemDataRole.UserRole, point)
            self.list.addItem(item)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        if not points:
            item = QListWidgetItem(self.tr(
                "No check points yet. Run the marker over what must be checked; a comment "
                "opens below it."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)


class PeopleLayers(QListWidget):
    """A switch per person on the route: their marks shown or hidden on this device."""

    toggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Whose marks are shown"))
        self.setStyleSheet(ROW_STYLE)
        self.itemChanged.connect(lambda item: self.toggled.emit(
            item.data(Qt.ItemDataRole.UserRole),
            item.checkState() == Qt.CheckState.Checked))

    def set_people(self, people: list[tuple[str, str]], hidden: frozenset[str]) -> None:
        """(user name, how they are on the route) in route order."""
        self.blockSignals(True)
        self.clear()
        for name, part in people:
            item = QListWidgetItem(self.tr("{0} — {1}").format(name, part))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in hidden
                               else Qt.CheckState.Checked)
            self.addItem(item)
        self.blockSignals(False)


def action_text(action: ActionKind) -> str:
    return {
        ActionKind.STARTED: QCoreApplication.translate("ApprovalHistory", "started it"),
        ActionKind.APPROVED: QCoreApplication.translate("ApprovalHistory", "approved"),
        ActionKind.READ: QCoreApplication.translate("ApprovalHistory", "read it"),
        ActionKind.SENT_BACK: QCoreApplication.translate("ApprovalHistory", "sent it back"),
        ActionKind.PULLED_BACK: QCoreApplication.translate("ApprovalHistory", "pulled it back"),
        ActionKind.REVISED: QCoreApplication.translate("ApprovalHistory", "revised a document"),
        ActionKind.SIGNED: QCoreApplication.translate("ApprovalHistory", "signed"),
    }.get(action, str(action))


def when_text(at: float) -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(at)),
                              QCoreApplication.translate("ApprovalHistory", "d MMM HH:mm"))


def history_text(entry: HistoryEntry) -> str:
    who = entry.user
    if entry.on_behalf_of:
        who = QCoreApplication.translate("ApprovalHistory", "{0} for {1}").format(
            entry.user, entry.on_behalf_of)
    line = QCoreApplication.translate("ApprovalHistory", "{0} · {1} {2}").format(
        when_text(entry.at), who, action_text(entry.action))
    if entry.step is not None:
        line += QCoreApplication.translate("ApprovalHistory", " (step {0})").format(
            entry.step + 1)
    return line + (f"\n{entry.comment}" if entry.comment else "")


class HistoryList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("History"))
        self.setWordWrap(True)
        self.setStyleSheet(ROW_STYLE)

    def set_history(self, entries: tuple[HistoryEntry, ...]) -> None:
        self.clear()
        for entry in entries:
            self.addItem(history_text(entry))
