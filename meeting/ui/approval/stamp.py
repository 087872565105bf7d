"""The date stamp (日付印) drawn: a preview of one's own, and the stamp placed on the page.

What the stamp says and where it goes is decided in `meeting.core.approval_stamp`; this only
paints it (red ink, as a rubber stamp) and keeps it over its place on the page at any zoom.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from meeting.core.approval_stamp import Rect, StampFace
from meeting.ui.page_view import PageView

STAMP_RED = QColor("#d5312e")


def paint_stamp(painter: QPainter, box: QRectF, face: StampFace) -> None:
    """A round date stamp in `box`: section above, date across the middle band, name below."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    side = min(box.width(), box.height())
    circle = QRectF(0, 0, side, side)
    circle.moveCenter(box.center())
    ink = max(1.0, side * 0.035)
    painter.setPen(QPen(STAMP_RED, ink))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = circle.adjusted(ink / 2, ink / 2, -ink / 2, -ink / 2)
    painter.drawEllipse(inner)
    band = side * 0.17  # the date band's half height
    radius = inner.width() / 2
    chord = 2 * (radius * radius - band * band) ** 0.5
    center = inner.center()
    for y in (center.y() - band, center.y() + band):
        painter.drawLine(center.x() - chord / 2, y, center.x() + chord / 2, y)
    rows = ((face.section, QRectF(center.x() - chord * 0.42, inner.top() + side * 0.1,
                                  chord * 0.84, center.y() - band - inner.top() - side * 0.1)),
            (face.date_text, QRectF(center.x() - chord / 2, center.y() - band, chord, 2 * band)),
            (face.name, QRectF(center.x() - chord * 0.42, center.y() + band, chord * 0.84,
                               inner.bottom() - side * 0.1 - center.y() - band)))
    for text, area in rows:
        _fit_text(painter, text, area)
    painter.restore()


def _fit_text(painter: QPainter, text: str, area: QRectF) -> None:
    """One line, as large as fits the area (a long name gets smaller, never cut)."""
    if not text or area.width() <= 0 or area.height() <= 0:
        return
    font = QFont(painter.font())
    font.setBold(True)
    size = area.height() * 0.8
    font.setPixelSize(max(1, round(size)))
    width = QFontMetricsF(font).horizontalAdvance(text)
    if width > area.width():
        font.setPixelSize(max(1, round(size * area.width() / width)))
    painter.setFont(font)
    painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)


class StampPreview(QWidget):
    """One's own stamp as it will look, beside the approve button."""

    def __init__(self, face: StampFace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.face = face
        self.setMinimumSize(72, 72)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Your date stamp"))

    def sizeHint(self) -> QSize:
        return QSize(84, 84)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_stamp(painter, QRectF(self.rect()).adjusted(2, 2, -2, -2), self.face)
        painter.end()


class PlacedStamp(QWidget):
    """The stamp where the approver put it, over the page: follows zoom and scroll, shown only
    on its own page."""

    def __init__(self, view: PageView, face: StampFace) -> None:
        super().__init__(view.canvas)
        self.view = view
        self.face = face
        self.path: str | None = None
        self.page = 0
        self.rect_pt: Rect | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(self.tr("Your stamp on the page"))
        view.zoomChanged.connect(self.follow)
        view.pageShown.connect(lambda *_: self.follow())
        view.canvas.installEventFilter(self)  # (a resized window rescales the page)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.follow()
        return False

    def place(self, path: str | None, page: int, rect: Rect | None) -> None:
        self.path, self.page, self.rect_pt = path, page, rect
        self.follow()

    def follow(self) -> None:
        """Over its rectangle at the page's scale now; hidden on another page."""
        shown = (self.rect_pt is not None and self.view.document_path == self.path
                 and self.view.page == self.page)
        if not shown:
            self.hide()
            return
        x0, y0, x1, y1 = self.rect_pt
        scale = self.view.current_scale()
        left, top, _, _ = self.view.extent()
        self.setGeometry(round((x0 - left) * scale), round((y0 - top) * scale),
                         max(8, round((x1 - x0) * scale)), max(8, round((y1 - y0) * scale)))
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_stamp(painter, QRectF(self.rect()), self.face)
        painter.end()
