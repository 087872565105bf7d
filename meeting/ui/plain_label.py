"""A label for what people typed (titles, names, places): always plain text.

Qt's QLabel guesses "rich text" when its text starts like HTML, and would then render it: a
vote titled `<img src=file:///…>` would load a local file on the large monitor. What someone
typed is shown as the characters they typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class PlainLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
