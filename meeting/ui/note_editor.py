"""A typed note written on the page where it goes: an editor over the page at the tapped point,
in the note's own size and colour, so what is typed is what stays.

The platform's input method composes in place (Japanese included), as in any text field.
Enter (or a tap elsewhere) keeps the note, Shift+Enter starts a new line, Esc drops it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from meeting.core.annotations import MAX_TEXT, Layer
from meeting.core.mark_layers import PRIVATE_TINT, style_of

MIN_WIDTH_PX = 160
GROW_PX = 24
"""Room kept beyond the typed text, so the next character never waits for the editor."""


class NoteEditor(QPlainTextEdit):
    committed = Signal(str)
    """The note as typed (may be empty: then nothing is kept)."""
    cancelled = Signal()

    def __init__(self, canvas: QWidget, at: QPoint, font_px: int, color: str, layer: Layer,
                 text: str = "") -> None:
        super().__init__(canvas)
        self._done = False
        self.left_by_focus = False
        """Kept because the focus went elsewhere (a tap on the page), not by a key."""
        self.setAccessibleName(self.tr("Note"))
        self.setPlaceholderText(self.tr("Type a note. Enter: done. Esc: cancel."))
        self.setToolTip(self.tr("Enter keeps the note, Shift+Enter starts a new line, "
                                "Esc cancels"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)  # Tab leaves (and keeps) the note, as everywhere else
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportMargins(0, 0, 0, 0)
        self.document().setDocumentMargin(0)
        font = self.font()
        font.setPixelSize(font_px)
        self.setFont(font)
        fill = style_of(layer).note_fill or "#ffffff"
        border = style_of(layer).note_border or QColor(color).name()
        self.setStyleSheet(
            f"QPlainTextEdit {{ color: {QColor(color).name()}; background: {fill};"
            f" border: 1px dashed {border}; selection-background-color: {PRIVATE_TINT}; }}")
        self.move(at - QPoint(1, 1))  # the frame's pixel: the text sits where it will be drawn
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.End)
        self.textChanged.connect(self._fit)
        self._fit()

    @property
    def text(self) -> str:
        return self.toPlainText().strip()

    def _fit(self) -> None:
        """As wide and tall as what is typed, and a little more."""
        metrics = self.fontMetrics()
        lines = self.toPlainText().split("\n") or [""]
        shown = [*lines, self.placeholderText()] if not self.toPlainText() else lines
        width = max(metrics.horizontalAdvance(line) for line in shown)
        self.resize(max(MIN_WIDTH_PX, width + GROW_PX),
                    metrics.lineSpacing() * len(lines) + metrics.descent() + 4)
        if len(self.toPlainText()) > MAX_TEXT:
            self.setPlainText(self.toPlainText()[:MAX_TEXT])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.cancel()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.commit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """A tap elsewhere keeps the note (a menu or the input method's own window does not)."""
        super().focusOutEvent(event)
        if event.reason() not in (Qt.FocusReason.PopupFocusReason,
                                  Qt.FocusReason.ActiveWindowFocusReason):
            self.left_by_focus = not self._done
            self.commit()

    def commit(self) -> None:
        if not self._done:
            self._done = True
            self.hide()
            self.committed.emit(self.text)
            self.deleteLater()

    def cancel(self) -> None:
        if not self._done:
            self._done = True
            self.hide()
            self.cancelled.emit()
            self.deleteLater()
