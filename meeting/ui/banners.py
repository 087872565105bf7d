"""Strips above the page that tell the user where they are and what went wrong, without dialogs.

No modal boxes: a dialog on the large monitor or in the middle of a meeting is worse than a
message that stays until read.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

STYLES = {
    "browsing": "background: #fff4ce; color: #3b2f00; border-bottom: 1px solid #e0c766;",
    "presenting": "background: #dff3e4; color: #0f3d1e; border-bottom: 1px solid #9fd3ad;",
    "following": "background: #e8eef7; color: #1c2b40; border-bottom: 1px solid #b9c8de;",
    "offline": "background: #5f6368; color: #ffffff; border-bottom: 1px solid #3c4043;",
    "alone": "background: #fce8d4; color: #4a2500; border-bottom: 1px solid #e6a872;",
    "error": "background: #fde7e9; color: #5c0011; border-bottom: 1px solid #f1a7b0;",
}


class Banner(QFrame):
    """A one-line message with an optional action button."""

    actionClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 8, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setMinimumHeight(36)
        self.button.clicked.connect(self.actionClicked)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str, action: str | None = None) -> None:
        self.kind = kind
        self.setStyleSheet(f"Banner {{ {STYLES[kind]} }} QLabel {{ background: transparent; }}")
        self.label.setText(text)
        self.button.setVisible(action is not None)
        self.button.setText(action or "")
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.hide()
