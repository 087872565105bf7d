"""Drawing strokes over a page: the same look on every screen, at any zoom."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from meeting.core.annotations import SHAPES, TOOL_OPACITY, AnnotationData, Tool


@dataclass(frozen=True)
class Drawable:
    tool: Tool
    color: str
    width: float
    points: tuple[tuple[float, float], ...]
    text: str = ""
    pressure: tuple[float, ...] = ()

    @classmethod
    def of(cls, annotation: AnnotationData) -> Drawable:
        return cls(annotation.tool, annotation.color, annotation.width, annotation.points,
                   annotation.text, annotation.pressure)


LASER_RADIUS_PX = 7.0


def paint_laser(painter: QPainter, point: tuple[float, float] | None, scale: float,
                radius: float = LASER_RADIUS_PX) -> None:
    """The laser dot: small on a tablet, big enough to see from across the room on a large
    monitor (the caller scales `radius` with the page on screen); it points, it does not cover."""
    if point is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    center = QPointF(point[0] * scale, point[1] * scale)
    for size, alpha in ((radius * 2.4, 0.18), (radius * 1.5, 0.35), (radius, 1.0)):
        color = QColor("#ff1a1a")
        color.setAlphaF(alpha)
        painter.setBrush(color)
        painter.drawEllipse(center, size, size)
    painter.setBrush(QColor("#fff0f0"))
    painter.drawEllipse(center, radius * 0.35, radius * 0.35)
    painter.restore()


def paint_selection(painter: QPainter, rect: tuple[float, float, float, float] | None,
                    scale: float) -> None:
    if rect is None:
        return
    painter.save()
    painter.setPen(QPen(QColor("#1a73e8"), 1.5, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    x0, y0, x1, y1 = (v * scale for v in rect)
    painter.drawRect(QRectF(x0 - 4, y0 - 4, x1 - x0 + 8, y1 - y0 + 8))
    painter.restore()


def paint_strokes(painter: QPainter, strokes: list[Drawable], scale: float) -> None:
    """Paint strokes given in page points onto a canvas of `scale` pixels per point."""
    if not strokes:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for stroke in strokes:
        color = QColor(stroke.color)
        color.setAlphaF(TOOL_OPACITY[stroke.tool])
        pen = QPen(color, max(1.0, stroke.width * scale))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap if stroke.tool is Tool.PEN
                        else Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        first = QPointF(stroke.points[0][0] * scale, stroke.points[0][1] * scale)
        if stroke.tool in SHAPES | {Tool.TEXT}:
            _paint_shape(painter, stroke, scale, color)
            continue
        if stroke.pressure and len(stroke.pressure) == len(stroke.points) > 1:
            _paint_pressed(painter, stroke, scale, pen)
            continue
        if len(stroke.points) == 1:
            painter.drawPoint(first)
            continue
        path = QPainterPath(first)
        for x, y in stroke.points[1:]:
            path.lineTo(x * scale, y * scale)
        painter.drawPath(path)
    painter.restore()


def _paint_shape(painter: QPainter, stroke: Drawable, scale: float, color: QColor) -> None:
    """Lines, arrows, boxes and text notes (the pen is set up by the caller)."""
    points = [QPointF(x * scale, y * scale) for x, y in stroke.points]
    if stroke.tool is Tool.TEXT:
        font = painter.font()
        font.setPixelSize(max(6, round(stroke.width * scale)))
        painter.setFont(font)
        painter.setPen(color)
        box = QRectF(points[0], QSizeF(1e5, 1e5))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                         stroke.text)
        return
    if len(points) < 2:
        painter.drawPoint(points[0])
        return
    start, end = points[0], points[-1]
    if stroke.tool is Tool.RECT:
        painter.drawRect(QRectF(start, end).normalized())
        return
    painter.drawLine(start, end)
    if stroke.tool is Tool.ARROW:
        length = max(10.0, stroke.width * scale * 4)
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        for side in (-1, 1):
            spread = angle + math.pi - side * math.radians(28)
            painter.drawLine(end, end + QPointF(math.cos(spread), math.sin(spread)) * length)


def _paint_pressed(painter: QPainter, stroke: Drawable, scale: float, pen: QPen) -> None:
    """A stylus stroke: each segment as wide as the pressure at its ends (round caps join them)."""
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    for (a, b), (pa, pb) in zip(pairwise(stroke.points), pairwise(stroke.pressure),
                                strict=True):
        pen.setWidthF(max(0.75, stroke.width * scale * (pa + pb) / 2))
        painter.setPen(pen)
        painter.drawLine(QPointF(a[0] * scale, a[1] * scale), QPointF(b[0] * scale, b[1] * scale))
