"""Deciding, below the pages: one's stamp, where it goes, a comment, approve or send back.

Offers only what the server says the user may do now (`CirculationData.may`): approve (or
confirm having read, at a 回覧 step), send back, pull back; acting for an absent approver when
they named the user their delegate.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting.core.approval_protocol import CirculationData, Permission, StepKind
from meeting.core.approval_stamp import StampFace
from meeting.ui.approval.stamp import StampPreview

ACTING = frozenset({Permission.APPROVE, Permission.READ})
"""It is the user's turn: they approve (or confirm having read)."""
BAR_STYLE = ("DecisionBar { background: #f8f9fa; border-top: 1px solid #dadce0; }"
             "QPushButton#approve { background: #c5221f; color: white; font-weight: bold;"
             " border-radius: 6px; padding: 0 22px; }"
             "QPushButton#approve:disabled { background: #9ca3af; }")


class DecisionBar(QWidget):
    approveRequested = Signal(str, object)
    """(comment, on behalf of whom or None)."""
    sendBackRequested = Signal()
    pullBackRequested = Signal()
    placeStampToggled = Signal(bool)
    """On: the next tap on the page puts the stamp there."""
    columnRequested = Signal()
    """The stamp goes in the stamp column of the first page."""
    reviseRequested = Signal()
    """The drafter revises the document shown (after a send-back)."""
    sendAgainRequested = Signal()
    signaturesRequested = Signal()

    def __init__(self, face: StampFace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(BAR_STYLE)
        self.preview = StampPreview(face)
        self.place_button = QPushButton(self.tr("Put my stamp on the page"))
        self.place_button.setCheckable(True)
        self.place_button.setToolTip(self.tr("Then tap where the stamp goes"))
        self.place_button.toggled.connect(self.placeStampToggled)
        self.column_button = QPushButton(self.tr("In the stamp column"))
        self.column_button.setToolTip(self.tr(
            "The stamp goes in the stamp column at the top right of the first page"))
        self.column_button.clicked.connect(self.columnRequested)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setStyleSheet("color: #5f6368;")
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Comment with your decision (optional)"))
        self.comment.setAccessibleName(self.tr("Comment with your decision"))
        self.on_behalf = QComboBox()
        self.on_behalf.setAccessibleName(self.tr("Acting for"))
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(lambda: self.approveRequested.emit(
            self.comment.text().strip(), self.on_behalf.currentData()))
        self.send_back_button = QPushButton(self.tr("Send back…"))
        self.send_back_button.clicked.connect(self.sendBackRequested)
        self.pull_back_button = QPushButton(self.tr("Pull back"))
        self.pull_back_button.setToolTip(self.tr(
            "Take the circulation back before the next step has acted"))
        self.pull_back_button.clicked.connect(self.pullBackRequested)
        self.revise_button = QPushButton(self.tr("Revise this document…"))
        self.revise_button.setToolTip(self.tr(
            "Put a corrected version in place of the document shown; every mark follows "
            "its words"))
        self.revise_button.clicked.connect(self.reviseRequested)
        self.send_again_button = QPushButton(self.tr("Send again"))
        self.send_again_button.clicked.connect(self.sendAgainRequested)
        self.signatures_button = QPushButton(self.tr("Signatures…"))
        self.signatures_button.clicked.connect(self.signaturesRequested)
        for button in (self.place_button, self.column_button, self.approve_button,
                       self.send_back_button, self.pull_back_button, self.revise_button,
                       self.send_again_button, self.signatures_button):
            button.setMinimumHeight(44)
        stamp_choice = QVBoxLayout()
        stamp_choice.addWidget(self.place_button)
        stamp_choice.addWidget(self.column_button)
        words = QVBoxLayout()
        words.addWidget(self.where)
        words.addWidget(self.comment)
        words.addWidget(self.on_behalf)
        buttons = QVBoxLayout()
        first = QHBoxLayout()
        for button in (self.approve_button, self.send_again_button, self.signatures_button):
            first.addWidget(button)
        row = QHBoxLayout()
        for button in (self.send_back_button, self.pull_back_button, self.revise_button):
            row.addWidget(button)
        buttons.addLayout(first)
        buttons.addLayout(row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.preview)
        layout.addLayout(stamp_choice)
        layout.addLayout(words, 1)
        layout.addLayout(buttons)
        self.set_circulation(None, "")

    def set_circulation(self, circulation: CirculationData | None, me: str) -> None:
        may = set(circulation.may) if circulation else set()
        step = circulation.route[circulation.summary.step] if (
            circulation and circulation.summary.step is not None
            and circulation.summary.step < len(circulation.route)) else None
        reading = step is not None and step.kind is StepKind.READ
        self.approve_button.setText(self.tr("Confirm I have read it") if reading
                                    else self.tr("Approve"))
        acts = bool(may & ACTING)
        self.approve_button.setEnabled(acts)
        stamps = acts and not reading
        for widget in (self.preview, self.place_button, self.column_button):
            widget.setVisible(stamps)
        self.comment.setEnabled(acts or Permission.SEND_BACK in may)
        self.send_back_button.setVisible(Permission.SEND_BACK in may)
        self.pull_back_button.setVisible(Permission.PULL_BACK in may)
        self.revise_button.setVisible(Permission.REVISE in may)
        self.send_again_button.setVisible(Permission.START in may)
        self.approve_button.setVisible(acts or not may & {Permission.START, Permission.REVISE})
        self.signatures_button.setVisible(bool(circulation and circulation.signed))
        self.on_behalf.clear()
        others = circulation.on_behalf_of if circulation else ()
        if others:
            if circulation is not None and me in circulation.summary.waiting_for:
                self.on_behalf.addItem(self.tr("For myself"), None)
            for name in others:
                self.on_behalf.addItem(self.tr("For {0}, as their delegate").format(name), name)
        self.on_behalf.setVisible(bool(others))

    def set_where(self, text: str) -> None:
        self.where.setText(text)


class SendBackDialog(QDialog):
    """Where it goes back to (the drafter, or an earlier step) and why."""

    def __init__(self, circulation: CirculationData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send back"))
        self.to = QComboBox()
        self.to.setAccessibleName(self.tr("Send back to"))
        self.to.addItem(self.tr("The drafter ({0})").format(circulation.summary.drafter), None)
        current = circulation.summary.step or 0
        for step in circulation.route[:current]:
            self.to.addItem(self.tr("Step {0}: {1}").format(
                step.index + 1, self.tr(", ").join(step.members)), step.index)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Why it goes back"))
        self.reason.setPlaceholderText(self.tr("What must change"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.addButton(self.tr("Send back"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Back to:"), self.to)
        form.addRow(self.tr("Comment:"), self.reason)
        form.addRow(buttons)

    @property
    def to_step(self) -> int | None:
        return self.to.currentData()

    @property
    def comment(self) -> str:
        return self.reason.toPlainText().strip()
