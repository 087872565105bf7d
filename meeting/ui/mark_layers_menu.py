"""The legend of the two layers of marks and a switch for each: the room's marks and one's own
private notes, each shown with the look it has on the page, each shown or hidden on this device.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCheckBox, QMenu, QWidget, QWidgetAction

from meeting.core.annotations import Layer, Tool
from meeting.core.mark_layers import LayerVisibility
from meeting.ui.ink_painter import Drawable, paint_strokes

KEYS = {Layer.SHARED: "marks/shared", Layer.PRIVATE: "marks/private"}
"""Where the switches are kept (per device, in the settings file)."""
LEGEND_PX = 32
SAMPLE_COLOR = "#d93025"
"""The legend draws both in the same red: what tells them apart is the layer's look."""


def load_visibility(settings: QSettings | None) -> LayerVisibility:
    if settings is None:
        return LayerVisibility()
    shown = frozenset(layer for layer, key in KEYS.items() if settings.value(key, True, bool))
    return LayerVisibility(shown)


def save_visibility(settings: QSettings | None, visibility: LayerVisibility) -> None:
    if settings is None:
        return
    for layer, key in KEYS.items():
        settings.setValue(key, visibility.shows(layer))
    settings.sync()


class MarkLayersMenu(QMenu):
    """One row per layer: a check box (shown or hidden), a sample of how the layer is drawn,
    and its name: the legend and the switch in one."""

    changed = Signal(object)
    """The new LayerVisibility."""

    def __init__(self, visibility: LayerVisibility, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Marks shown"))
        self.menuAction().setToolTip(self.tr(
            "Show or hide the room's marks and your private notes on this device"))
        self.menuAction().setIcon(legend_icon(None))
        self.visibility = visibility
        labels = {Layer.SHARED: self.tr("Room marks (everyone sees them)"),
                  Layer.PRIVATE: self.tr("My private notes (only I see them)")}
        self.layer_boxes: dict[Layer, QCheckBox] = {}
        for layer, label in labels.items():
            box = QCheckBox(label)
            box.setIcon(legend_icon(layer))
            box.setIconSize(QSize(LEGEND_PX, LEGEND_PX))
            box.setMinimumHeight(44)  # a finger's width
            box.setStyleSheet("QCheckBox { padding: 0 12px; }")
            box.setChecked(visibility.shows(layer))
            box.toggled.connect(lambda on, chosen=layer: self._toggled(chosen, on))
            row = QWidgetAction(self)
            row.setDefaultWidget(box)
            self.addAction(row)
            self.layer_boxes[layer] = box

    def set_visibility(self, visibility: LayerVisibility) -> None:
        """Shown as given (drawing on a hidden layer turned it on), without telling back."""
        self.visibility = visibility
        for layer, box in self.layer_boxes.items():
            box.blockSignals(True)
            box.setChecked(visibility.shows(layer))
            box.blockSignals(False)

    def _toggled(self, layer: Layer, on: bool) -> None:
        self.visibility = self.visibility.with_layer(layer, on)
        self.changed.emit(self.visibility)


def legend_icon(layer: Layer | None, size: int = 32) -> QIcon:
    """A wavy stroke and a small box drawn as the layer draws them (None: both, side by
    side, for the menu's own button)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    unit = size / 32
    layers = [Layer.SHARED, Layer.PRIVATE] if layer is None else [layer]
    for index, each in enumerate(layers):
        left = index * size / len(layers)
        span = size / len(layers)
        wave = tuple((left + span * (0.15 + 0.7 * i / 6), size * (0.35 + 0.12 * (-1) ** i))
                     for i in range(7))
        box = ((left + span * 0.2, size * 0.62), (left + span * 0.8, size * 0.88))
        paint_strokes(painter, [
            Drawable(Tool.PEN, SAMPLE_COLOR, 2.2 * unit, wave, layer=each),
            Drawable(Tool.RECT, SAMPLE_COLOR, 1.6 * unit, box, layer=each)], 1.0)
    painter.end()
    return QIcon(pixmap)

