"""In reading mode only the page is shown; this small pill floats over its bottom edge with
the page number and whether one follows or browses. A tap on it brings the tool bars back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QPushButton, QWidget

STYLE = ("QPushButton { background: rgba(32, 33, 36, 190); color: white; border: none;"
         " border-radius: 18px; padding: 8px 18px; font-size: 14px; }")
MARGIN = 16


class ReadingOverlay(QPushButton):
    def __init__(self, over: QWidget) -> None:
        super().__init__(over)
        self.setStyleSheet(STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Show the tool bars again (Esc)"))
        over.installEventFilter(self)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.adjustSize()
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        over = self.parentWidget()
        self.move((over.width() - self.width()) // 2, over.height() - self.height() - MARGIN)
        self.raise_()
