"""The watermark over a page on screen (the same text and layout as in exports and the
browser's page images: see `meeting.core.watermark`)."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QWidget

from meeting.core.watermark import ANGLE_DEGREES, COLOR, OPACITY, font_size, tile_origins


def paint_watermark(painter: QPainter, text: str | None, page_width: float,
                    page_height: float, scale: float) -> None:
    """Draw over the page; the painter is in page points times `scale` (y down)."""
    if not text:
        return
    painter.save()
    painter.scale(scale, scale)
    font = QFont("Sans Serif")
    font.setPointSizeF(1.0)  # sized in page points below, independent of the screen's DPI
    font.setPixelSize(max(1, round(font_size(page_width, page_height))))
    painter.setFont(font)
    text_width = QFontMetricsF(font).horizontalAdvance(text)
    color = QColor.fromRgbF(*COLOR)
    painter.setPen(color)
    painter.setOpacity(OPACITY)
    painter.translate(page_width / 2, page_height / 2)
    painter.rotate(ANGLE_DEGREES)
    painter.translate(-page_width / 2, -page_height / 2)
    for x, y in tile_origins(page_width, page_height, text_width):
        painter.drawText(QPointF(x, y), text)
    painter.restore()


def show_watermark(window: QWidget, user: str | None) -> None:
    """Every page shown in the window (and its panes) carries the watermark, or none does."""
    from meeting.ui.page_view import PageView

    for view in window.findChildren(PageView):
        view.set_watermark(user)
