"""The ink tool bar: browse, pen, marker, eraser; colour; shared or private; undo, redo, clear.

Finger-sized buttons. Only what the user may do is offered: the shared layer and "clear page"
for the presenter; nothing at all for a display account (the server refuses it anyway).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from meeting.core.annotations import Layer, Tool
from meeting.ui.base.icons import icon
from meeting.ui.base.overflow_toolbar import OverflowToolbar

COLORS = ("#202124", "#d93025", "#1a73e8", "#188038", "#fbbc04")
PEN_WIDTH = 2.0
PEN_WIDTHS = (1.0, 2.0, 4.0)
"""Thin, medium, thick: PDF points, so the same on every screen."""
MARKER_WIDTH = 14.0


class Mode(Enum):
    BROWSE = "browse"
    SELECT = "select"
    """Pick one of one's marks: move it by dragging, delete it, share it with the room."""
    PEN = "pen"
    MARKER = "marker"
    LINE = "line"
    ARROW = "arrow"
    RECT = "rect"
    TEXT = "text"
    ERASER = "eraser"
    LASER = "laser"
    """The presenter points; nothing is drawn or kept."""
    @property
    def tool(self) -> Tool | None:
        return {Mode.PEN: Tool.PEN, Mode.MARKER: Tool.MARKER, Mode.LINE: Tool.LINE,
                Mode.ARROW: Tool.ARROW, Mode.RECT: Tool.RECT, Mode.TEXT: Tool.TEXT}.get(self)


SHAPE_MODES = (Mode.LINE, Mode.ARROW, Mode.RECT)
TEXT_SIZE = 14.0
"""Font size of a text note, in PDF points."""


PRIORITY = {Mode.BROWSE: 900, Mode.PEN: 900, Mode.MARKER: 850, Mode.ERASER: 800,
            Mode.LINE: 700, Mode.TEXT: 600, Mode.SELECT: 500, Mode.LASER: 400}
"""What stays on a narrow bar longest (the rest goes into "More", never out of reach)."""


class InkToolbar(OverflowToolbar):
    modeChanged = Signal(object)
    undoRequested = Signal()
    redoRequested = Signal()
    clearRequested = Signal()
    deleteRequested = Signal()
    shareRequested = Signal()
    everyoneDrawsToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ink"), parent)
        self.mode = Mode.BROWSE
        self.color = COLORS[1]
        modes = QActionGroup(self)
        self._mode_actions: dict[Mode, QAction] = {}
        labels = {Mode.BROWSE: self.tr("Browse"), Mode.SELECT: self.tr("Select"),
                  Mode.PEN: self.tr("Pen"), Mode.MARKER: self.tr("Marker"),
                  Mode.LINE: self.tr("Line"), Mode.ARROW: self.tr("Arrow"),
                  Mode.RECT: self.tr("Box"), Mode.TEXT: self.tr("Text"),
                  Mode.ERASER: self.tr("Eraser"), Mode.LASER: self.tr("Laser")}
        keys = {Mode.BROWSE: "B", Mode.SELECT: "S", Mode.PEN: "P", Mode.MARKER: "M",
                Mode.LINE: "I", Mode.ARROW: "A", Mode.RECT: "R", Mode.TEXT: "T",
                Mode.ERASER: "E", Mode.LASER: "L"}
        shapes = QMenu(self)
        for mode, label in labels.items():
            action = QAction(icon(mode.value), label, self, checkable=True)
            action.setShortcut(QKeySequence(keys[mode]))
            action.setChecked(mode is Mode.BROWSE)
            action.triggered.connect(lambda _=False, m=mode: self.set_mode(m))
            modes.addAction(action)
            self._mode_actions[mode] = action
            if mode in SHAPE_MODES:
                shapes.addAction(action)  # one button for the three: a tablet bar is short
                if mode is Mode.LINE:
                    self.shapes_button = QToolButton(self)
                    self.shapes_button.setMenu(shapes)
                    self.shapes_button.setPopupMode(
                        QToolButton.ToolButtonPopupMode.MenuButtonPopup)
                    self.shapes_button.setDefaultAction(action)
                    self.shapes_button.setToolButtonStyle(self.toolButtonStyle())
                    self.toolButtonStyleChanged.connect(self.shapes_button.setToolButtonStyle)
                    shapes.setTitle(self.tr("Shapes"))
                    shapes.setIcon(icon("line"))
                    self.set_priority(self.addWidget(self.shapes_button), PRIORITY[mode],
                                      shapes.menuAction())
            else:
                self.addAction(action)
                self.set_priority(action, PRIORITY[mode])
        self.snap_action = QAction(self.tr("Snap to text"), self, checkable=True)
        self.snap_action.setChecked(True)
        self.snap_action.setToolTip(self.tr(
            "The marker follows the printed line, from the start of a word to the end of one"))
        pen_menu = QMenu(self)
        widths = QActionGroup(self)
        self.pen_width = PEN_WIDTH
        self._width_actions: dict[float, QAction] = {}
        for width, label in zip(PEN_WIDTHS, (self.tr("Thin"), self.tr("Medium"),
                                             self.tr("Thick")), strict=True):
            action = QAction(_stroke_icon(width), label, self, checkable=True)
            action.setChecked(width == self.pen_width)
            action.triggered.connect(lambda _=False, w=width: self.set_pen_width(w))
            widths.addAction(action)
            pen_menu.addAction(action)
            self._width_actions[width] = action
        pen_button = self.widgetForAction(self._mode_actions[Mode.PEN])
        pen_button.setMenu(pen_menu)
        pen_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        marker_menu = QMenu(self)
        marker_menu.addAction(self.snap_action)
        marker_button = self.widgetForAction(self._mode_actions[Mode.MARKER])
        marker_button.setMenu(marker_menu)
        marker_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.addSeparator()
        swatches = QActionGroup(self)
        self._swatches: dict[str, QAction] = {}
        for color in COLORS:
            action = QAction(_swatch(color), "", self, checkable=True)
            action.setToolTip(color_names()[color])  # (a name the screen reader says, too)
            action.setChecked(color == self.color)
            action.triggered.connect(lambda _=False, c=color: self.set_color(c))
            swatches.addAction(action)
            self.addAction(action)
            self.set_priority(action, 650)
            self.widgetForAction(action).setAccessibleName(color_names()[color])
            self._swatches[color] = action
        self.addSeparator()
        self.share_action = QAction(icon("shared"), self.tr("For the room"), self,
                                    checkable=True)
        self.share_action.setToolTip(self.tr(
            "On: everyone sees what you draw. Off: a private note only you see."))
        self.addAction(self.share_action)
        self.set_priority(self.share_action, 750)
        self.addSeparator()
        self.undo_action = self._button(self.tr("Undo"), QKeySequence.StandardKey.Undo,
                                        self.undoRequested, "undo", 700)
        self.redo_action = self._button(self.tr("Redo"), QKeySequence.StandardKey.Redo,
                                        self.redoRequested, "redo", 550)
        self.clear_action = self._button(self.tr("Clear page"), None, self.clearRequested,
                                         "clear", 300)
        self.addSeparator()
        self.delete_action = self._button(self.tr("Delete"), QKeySequence.StandardKey.Delete,
                                          self.deleteRequested, "delete", 450)
        self.share_note_action = self._button(self.tr("Show to the room"), None,
                                              self.shareRequested, "share-note", 350)
        self.share_note_action.setToolTip(self.tr("Make the selected private note a shared mark"))
        self.everyone_action = QAction(icon("everyone"), self.tr("Everyone may draw"), self,
                                       checkable=True)
        self.everyone_action.setToolTip(self.tr(
            "Let every participant draw for the room and show their notes to it"))
        self.everyone_action.toggled.connect(self.everyoneDrawsToggled)
        self.everyone_action.setVisible(False)
        self.addAction(self.everyone_action)
        self.set_priority(self.everyone_action, 200)
        self.set_selection(None, may_share=False)

    def _button(self, text: str, keys, signal, icon_name: str, priority: float) -> QAction:
        action = QAction(icon(icon_name), text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(signal)
        self.addAction(action)
        self.set_priority(action, priority)
        return action

    def set_mode(self, mode: Mode) -> None:
        self.mode = mode
        self._mode_actions[mode].setChecked(True)
        if mode in SHAPE_MODES:
            self.shapes_button.setDefaultAction(self._mode_actions[mode])
        self.modeChanged.emit(mode)

    def set_pen_width(self, width: float) -> None:
        """The width of pen strokes and shapes (the marker keeps its own)."""
        self.pen_width = width
        self._width_actions[width].setChecked(True)
        if self.mode.tool is None:
            self.set_mode(Mode.PEN)

    def set_color(self, color: str) -> None:
        self.color = color
        self._swatches[color].setChecked(True)
        if self.mode.tool is None:
            self.set_mode(Mode.PEN)

    @property
    def layer(self) -> Layer:
        return Layer.SHARED if self.share_action.isChecked() else Layer.PRIVATE

    def set_permissions(self, presenting: bool, may_share: bool, may_manage: bool,
                        everyone_draws: bool) -> None:
        """The presenter draws for the room by default; others privately, and for the room
        only when the organizer lets everyone."""
        if may_share != self.share_action.isEnabled():
            self.share_action.setChecked(presenting)
        self.share_action.setEnabled(may_share)
        self.clear_action.setVisible(presenting)
        self.everyone_action.setVisible(may_manage)
        if self.everyone_action.isChecked() != everyone_draws:
            self.everyone_action.blockSignals(True)
            self.everyone_action.setChecked(everyone_draws)
            self.everyone_action.blockSignals(False)
        self._mode_actions[Mode.LASER].setVisible(presenting)
        if not presenting and self.mode is Mode.LASER:
            self.set_mode(Mode.BROWSE)

    def set_selection(self, layer: Layer | None, may_share: bool) -> None:
        self.delete_action.setEnabled(layer is not None)
        self.share_note_action.setEnabled(layer is Layer.PRIVATE and may_share)
        self.delete_action.setVisible(self.mode is Mode.SELECT)
        self.share_note_action.setVisible(self.mode is Mode.SELECT)

    def set_history(self, can_undo: bool, can_redo: bool) -> None:
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)


def color_names() -> dict[str, str]:
    """The ink colours by name, in the interface's language (a swatch is only a dot)."""
    names = (QCoreApplication.translate("InkToolbar", "Black"),
             QCoreApplication.translate("InkToolbar", "Red"),
             QCoreApplication.translate("InkToolbar", "Blue"),
             QCoreApplication.translate("InkToolbar", "Green"),
             QCoreApplication.translate("InkToolbar", "Yellow"))
    return dict(zip(COLORS, names, strict=True))


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(22, 22)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(QColor("#ffffff"))
    painter.drawEllipse(2, 2, 18, 18)
    painter.end()
    return QIcon(pixmap)


def _stroke_icon(width: float) -> QIcon:
    pixmap = QPixmap(22, 22)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#202124"), width * 1.5, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap))
    painter.drawLine(4, 11, 18, 11)
    painter.end()
    return QIcon(pixmap)
