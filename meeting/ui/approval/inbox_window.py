"""The approval inbox: waiting for me, sent by me, done; where each stands, since when.

Opens a circulation's review window with a double tap or Open; starts a new circulation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from meeting.core.approval_inbox import InboxCounts
from meeting.core.approval_protocol import ApprovalInbox, CirculationStatus, CirculationSummary
from meeting.core.approval_route import split_names
from meeting.ui.approval.hub import ApprovalHub
from meeting.ui.main_thread import when_done

ROW_STYLE = "QListWidget::item { padding: 12px 8px; }"


def since_text(at: float) -> str:
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(at)),
                              QCoreApplication.translate("ApprovalInbox", "d MMM HH:mm"))


def stage_line(summary: CirculationSummary) -> str:
    """Where it stands: whose step, since when."""
    waiting = QCoreApplication.translate("ApprovalInbox", ", ").join(summary.waiting_for)
    since = since_text(summary.since)
    if summary.status is CirculationStatus.APPROVED:
        return QCoreApplication.translate("ApprovalInbox", "Approved · {0}").format(since)
    if summary.status is CirculationStatus.RETURNED:
        return QCoreApplication.translate(
            "ApprovalInbox", "Returned to {0} · since {1}").format(waiting or summary.drafter,
                                                                   since)
    if summary.status is CirculationStatus.DRAFT:
        return QCoreApplication.translate("ApprovalInbox", "Draft · not sent yet")
    return QCoreApplication.translate("ApprovalInbox", "Step {0} · waiting for {1} · since {2}"
                                      ).format((summary.step or 0) + 1, waiting, since)


def row_text(summary: CirculationSummary) -> str:
    details = QCoreApplication.translate("ApprovalInbox", "from {0} · {1} documents").format(
        summary.drafter, summary.documents)
    return "\n".join((summary.title, stage_line(summary), details))


class InboxWindow(QWidget):
    openRequested = Signal(int)
    """A circulation's id: open its review."""
    startRequested = Signal()

    def __init__(self, hub: ApprovalHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle(self.tr("Approvals — Paperless Meeting"))
        self.resize(720, 560)
        self.tabs = QTabWidget()
        self.lists: dict[str, QListWidget] = {}
        for key in ("waiting", "sent", "done"):
            widget = QListWidget()
            widget.setStyleSheet(ROW_STYLE)
            widget.setWordWrap(True)
            widget.setTextElideMode(Qt.TextElideMode.ElideNone)
            widget.itemDoubleClicked.connect(self._open_item)
            widget.currentItemChanged.connect(lambda *_: self._update_buttons())
            self.lists[key] = widget
            self.tabs.addTab(widget, "")
        self.tabs.currentChanged.connect(lambda _: self._update_buttons())
        self.status = QLabel()
        self.status.setStyleSheet("color: #5f6368;")
        self.status.setWordWrap(True)
        self.notice = QLabel()
        """What became of the user's last action here (delegates named): a line of its own, so
        the inbox arriving or refreshing does not wipe it before it is read."""
        self.notice.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New circulation…"))
        self.new_button.clicked.connect(self.startRequested)
        self.delegates_button = QPushButton(self.tr("Delegates…"))
        self.delegates_button.setToolTip(self.tr(
            "Who may approve for you while you are away (recorded as acting for you)"))
        self.delegates_button.clicked.connect(self.ask_delegates)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(hub.refresh)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(lambda: self._open_item(self.current_list().currentItem()))
        for button in (self.new_button, self.delegates_button, self.refresh_button,
                       self.open_button):
            button.setMinimumHeight(44)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delegates_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        hub.inboxChanged.connect(self.show_inbox)
        self.show_inbox(hub.inbox)

    def ask_delegates(self) -> None:
        names, ok = QInputDialog.getText(self, self.tr("Delegates"), self.tr(
            "User names of those who may approve for you (empty: nobody):"))
        if ok:
            self.set_delegates(names)

    def set_delegates(self, text: str) -> None:
        names = list(split_names(text))
        when_done(self.hub.client.set_delegates(names), lambda _: self.notice.setText(
            self.tr("Delegates: {0}").format(self.tr(", ").join(names)) if names
            else self.tr("Nobody approves for you now.")),
            lambda error: self.notice.setText(getattr(error, "message", str(error))), self)

    def current_list(self) -> QListWidget:
        return list(self.lists.values())[self.tabs.currentIndex()]

    def show_inbox(self, inbox: ApprovalInbox | None) -> None:
        groups = {"waiting": inbox.waiting if inbox else (), "sent": inbox.sent if inbox else (),
                  "done": inbox.done if inbox else ()}
        for key, summaries in groups.items():
            widget = self.lists[key]
            widget.clear()
            for summary in summaries:
                item = QListWidgetItem(row_text(summary))
                item.setData(Qt.ItemDataRole.UserRole, summary.id)
                widget.addItem(item)
            if summaries:
                widget.setCurrentRow(0)
        self._set_tab_titles(InboxCounts(*(len(groups[k]) for k in ("waiting", "sent", "done"))))
        self.status.setText(self.tr("Loading…") if inbox is None else (
            "" if inbox.waiting else self.tr("Nothing waits for you.")))
        self._update_buttons()

    def _set_tab_titles(self, counted: InboxCounts) -> None:
        self.tabs.setTabText(0, self.tr("Waiting for me ({0})").format(counted.waiting))
        self.tabs.setTabText(1, self.tr("Sent by me ({0})").format(counted.sent))
        self.tabs.setTabText(2, self.tr("Done ({0})").format(counted.done))
        for index, name in enumerate((self.tr("Waiting for me"), self.tr("Sent by me"),
                                      self.tr("Done"))):
            self.tabs.widget(index).setAccessibleName(name)

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.current_list().currentItem() is not None)
