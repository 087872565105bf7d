"""Drawing strokes over a page: the same look on every screen, at any zoom."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from meeting.core.annotations import SHAPES, TOOL_OPACITY, AnnotationData, Layer, Tool
from meeting.core.mark_layers import LayerStyle, dashed, style_of


@dataclass(frozen=True)
class Drawable:
    tool: Tool
    color: str
    width: float
    points: tuple[tuple[float, float], ...]
    text: str = ""
    pressure: tuple[float, ...] = ()
    layer: Layer = Layer.SHARED
    """Decides the look the layer adds (meeting.core.mark_layers)."""

    @classmethod
    def of(cls, annotation: AnnotationData) -> Drawable:
        return cls(annotation.tool, annotation.color, annotation.width, annotation.points,
                   annotation.text, annotation.pressure, annotation.layer)


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
    """Paint strokes given in page points onto a canvas of `scale` pixels per point, each with
    the look of its layer (private notes tinted, the room's marks as drawn)."""
    if not strokes:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for stroke in strokes:
        style = style_of(stroke.layer)
        color = QColor(stroke.color)
        color.setAlphaF(TOOL_OPACITY[stroke.tool])
        if stroke.tool is Tool.TEXT:
            _paint_note(painter, stroke, scale, color, style)
            continue
        pen = QPen(color, max(1.0, stroke.width * scale))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap if stroke.tool is Tool.PEN
                        else Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if style.halo:
            painter.setPen(_halo_pen(pen, style))
            _paint_geometry(painter, stroke, scale)
        if dashed(stroke.layer, stroke.tool):
            pen.setDashPattern([3.0, 2.0])
        if stroke.pressure and len(stroke.pressure) == len(stroke.points) > 1:
            _paint_pressed(painter, stroke, scale, pen)
            continue
        painter.setPen(pen)
        _paint_geometry(painter, stroke, scale)
    painter.restore()


def _halo_pen(pen: QPen, style: LayerStyle) -> QPen:
    """The soft band under a stroke that tells its layer, as wide at any zoom."""
    halo = QColor(style.halo)
    halo.setAlphaF(style.halo_opacity)
    band = QPen(halo, pen.widthF() + 2 * style.halo_px)
    band.setCapStyle(Qt.PenCapStyle.RoundCap)
    band.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return band


def _paint_geometry(painter: QPainter, stroke: Drawable, scale: float) -> None:
    """The stroke's line, arrow, box or path with the painter's pen."""
    points = [QPointF(x * scale, y * scale) for x, y in stroke.points]
    if len(points) == 1:
        painter.drawPoint(points[0])
        return
    if stroke.tool in SHAPES:
        _paint_shape(painter, stroke, scale, points[0], points[-1])
        return
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.drawPath(path)


def _paint_shape(painter: QPainter, stroke: Drawable, scale: float, start: QPointF,
                 end: QPointF) -> None:
    """Lines, arrows and boxes (the pen is set up by the caller)."""
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


NOTE_PADDING_PX = 3.0


def note_font_px(stroke_width: float, scale: float) -> int:
    """A typed note's font size on screen (its `width` is the size in page points); the
    in-place editor types at the same size, so the note stays where it was written."""
    return max(6, round(stroke_width * scale))


def _paint_note(painter: QPainter, stroke: Drawable, scale: float, color: QColor,
                style: LayerStyle) -> None:
    """A typed note; a private one on a pale slip in a dashed frame, with a small lock."""
    font = painter.font()
    font.setPixelSize(note_font_px(stroke.width, scale))
    painter.setFont(font)
    corner = QPointF(stroke.points[0][0] * scale, stroke.points[0][1] * scale)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    box = QRectF(corner, QSizeF(1e5, 1e5))
    if style.note_fill or style.note_border:
        text = QFontMetricsF(font).boundingRect(box, flags, stroke.text or " ")
        slip = text.adjusted(-NOTE_PADDING_PX, -NOTE_PADDING_PX, NOTE_PADDING_PX,
                             NOTE_PADDING_PX)
        border = QPen(QColor(style.note_border or style.note_fill), 1.0,
                      Qt.PenStyle.DashLine)
        painter.setPen(border if style.note_border else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(style.note_fill) if style.note_fill else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(slip, 2.0, 2.0)
        if style.badge:
            paint_lock(painter, QPointF(slip.right(), slip.top()),
                       max(9.0, font.pixelSize() * 0.75), QColor(style.note_border
                                                                 or style.halo or "#000000"))
    painter.setPen(color)
    painter.drawText(box, flags, stroke.text)


def paint_lock(painter: QPainter, center: QPointF, size: float, color: QColor) -> None:
    """A small padlock in a disc: "only you see this" (on private notes and in the legend)."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(center, size / 2, size / 2)
    unit = size / 10
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(QRectF(center.x() - 2.2 * unit, center.y() - 0.6 * unit,
                            4.4 * unit, 3.4 * unit))
    shackle = QPen(QColor("#ffffff"), max(1.0, 0.9 * unit))
    painter.setPen(shackle)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(center.x() - 1.5 * unit, center.y() - 3.2 * unit, 3 * unit,
                           4.4 * unit), 0, 180 * 16)
    painter.restore()


def _paint_pressed(painter: QPainter, stroke: Drawable, scale: float, pen: QPen) -> None:
    """A stylus stroke: each segment as wide as the pressure at its ends (round caps join them)."""
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    for (a, b), (pa, pb) in zip(pairwise(stroke.points), pairwise(stroke.pressure),
                                strict=True):
        pen.setWidthF(max(0.75, stroke.width * scale * (pa + pb) / 2))
        painter.setPen(pen)
        painter.drawLine(QPointF(a[0] * scale, a[1] * scale), QPointF(b[0] * scale, b[1] * scale))
