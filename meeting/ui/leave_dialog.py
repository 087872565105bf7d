"""Asked when the presenter closes the meeting window while others are in it: hand the role
over, end presenting, or stay. Without it the room kept reading "Following the presenter" for
minutes after the presenter had gone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LeaveQuestion(QDialog):
    handOver = Signal(str)
    """Leave after giving the presenter role to this person."""
    endPresenting = Signal()
    """Leave; the room is told the presenter has left."""

    def __init__(self, candidates: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Leave the meeting"))
        text = QLabel(self.tr(
            "You are presenting. Hand the presenter role to someone before you leave, or end "
            "presenting: everyone is told you have left and can browse on their own."))
        text.setWordWrap(True)
        self.people = QComboBox()
        for name in candidates:
            self.people.addItem(name, name)
        self.hand_over_button = QPushButton(self.tr("Hand over and leave"))
        self.hand_over_button.setEnabled(bool(candidates))
        self.end_button = QPushButton(self.tr("End presenting and leave"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setDefault(True)
        for button in (self.hand_over_button, self.end_button, self.cancel_button):
            button.setMinimumHeight(44)
        self.hand_over_button.clicked.connect(self._hand_over)
        self.end_button.clicked.connect(self._end)
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("New presenter:")))
        row.addWidget(self.people, 1)
        row.addWidget(self.hand_over_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.addWidget(text)
        column.addLayout(row)
        column.addLayout(buttons)
        self.resize(520, self.sizeHint().height())

    def _hand_over(self) -> None:
        self.accept()
        self.handOver.emit(self.people.currentData())

    def _end(self) -> None:
        self.accept()
        self.endPresenting.emit()
