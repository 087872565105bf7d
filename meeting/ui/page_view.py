"""The page on screen: sharp at any size, rendered off the GUI thread, turned by wheel or swipe.

The view asks the render worker for the page at exactly the device pixels it will occupy and
paints the result when it arrives; until then it shows the nearest image it has (or a blank page),
so the window never waits. The next page is prepared in the background, so the usual page turn
paints at once.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from meeting.core.watermark import watermark_text
from meeting.render.worker import (
    VIEW_PRIORITY,
    DocumentLayout,
    RenderedPage,
    RenderRequest,
    RenderWorker,
)
from meeting.ui.ink_painter import (
    LASER_RADIUS_PX,
    Drawable,
    paint_laser,
    paint_selection,
    paint_strokes,
)
from meeting.ui.main_thread import run_on_main
from meeting.ui.rendered_image import image_of
from meeting.ui.watermark_painter import paint_watermark

POINTS_TO_PIXELS = 96 / 72  # 100 % zoom: a PDF point is 1/72 inch, a logical pixel 1/96
MARGIN = 12
ZOOM_STEPS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
IMAGE_CACHE_BYTES = 160 * 2**20
"""Rendered pages kept per view, in bytes: a few pages around the current one at 4K (a fitted
A4 page there is about 13 MB), fewer when zoomed in. The page on screen is always kept."""
IMAGE_CACHE_PAGES = 12
"""And at most this many: a page turned back to further than that is drawn again in a few ms
by the worker, while keeping 90 small pages of a tablet's screen cost the client 160 MB."""
PREFETCH_PRIORITY = 5
LASER_SHARE = 0.008
WATERMARK_REFRESH_MS = 20_000
"""The watermark's clock shows minutes: repaint often enough to never be a minute behind."""
"""The laser dot's radius as a share of the page on screen (17 px on a page 2,100 px tall)."""
MIN_ZOOM, MAX_ZOOM = 0.25, 6.0
TAP_SLOP_PX = 12
"""A press and release closer than this is a tap, not a drag."""
NO_PRESSURE = -1.0
MIN_PRESSURE = 0.05
"""The lightest touch still draws a visible line."""
TABLET_EVENTS = (QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.TabletRelease)


class ZoomMode(Enum):
    FIT_WIDTH = "fit-width"
    FIT_PAGE = "fit-page"
    CUSTOM = "custom"


class _Canvas(QWidget):
    """Paints the page image; knows nothing of documents."""

    def __init__(self, view: PageView) -> None:
        super().__init__()
        self._view = view
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._view._paint(self)


class PageView(QScrollArea):
    stepRequested = Signal(int)
    """The user asked for another page by wheel or swipe (+1 next, -1 previous)."""
    pageShown = Signal(str, int)
    """The page (document path, index) has been painted sharp, at its final resolution."""
    zoomChanged = Signal()
    marginDoubleTapped = Signal()
    """A double tap beside the page, not on it (reading mode: on tablets there is no F11)."""
    inkPressed = Signal(float, float, float)
    """In ink mode: the pen went down at (x, y) in PDF page points, with the stylus pressure
    (0–1], or -1 where the device reports none (mouse, finger)."""
    inkMoved = Signal(float, float, float)
    inkReleased = Signal()
    tapped = Signal(float)
    """A click or tap that neither swiped nor panned, at this share of the view's width (the
    large monitor turns pages with it)."""

    def __init__(self, worker: RenderWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._channel = f"view:{id(self)}"
        self._layout: DocumentLayout | None = None
        self._page = 0
        self._mode = ZoomMode.FIT_PAGE
        self._zoom = 1.0
        self._images: OrderedDict[tuple, QImage] = OrderedDict()
        self._failed: set[tuple[str, int]] = set()
        """Pages (path, index) that could not be drawn (too slow, or MuPDF failed on them):
        not asked for again while this document is shown."""
        self._announced: tuple[str, int] | None = None
        self._wheel_accumulated = 0
        self._press: QPoint | None = None
        self._press_scroll = QPoint()
        self._strokes: list[Drawable] = []
        self._laser: tuple[float, float] | None = None
        self._region: tuple[float, float, float, float] | None = None
        self._stylus_down = False
        self._selection: tuple[float, float, float, float] | None = None
        self._watermark_user: str | None = None
        self._watermark_clock = QTimer(self)
        self._watermark_clock.setInterval(WATERMARK_REFRESH_MS)
        self._watermark_clock.timeout.connect(self.canvas_update)
        self.ink_mode = False
        self.last_turn_started = 0.0
        self.canvas = _Canvas(self)
        self.setWidget(self.canvas)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundRole(self.backgroundRole())
        self.setStyleSheet("QScrollArea { background: #5b6470; }")
        self.canvas.setStyleSheet("background: transparent;")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Page"))
        self.setAccessibleDescription(self.tr(
            "Page Up and Page Down turn the page; Ctrl and + or − zoom"))

    # --- what to show ------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self._page

    @property
    def document_path(self) -> str | None:
        return self._layout.path if self._layout else None

    @property
    def painted(self) -> tuple[str, int] | None:
        """(document path, page) last painted sharp; None while the shown page is still coming."""
        return self._announced

    @property
    def zoom_mode(self) -> ZoomMode:
        return self._mode

    def set_document(self, layout: DocumentLayout | None, page: int = 0) -> None:
        if layout is not None and self._layout is not None and layout.path == self._layout.path:
            self.show_page(page)
            return
        self._layout = layout
        self._page = 0
        self._announced = None
        self._failed.clear()
        self._show(page, turned=True)

    def show_page(self, page: int) -> None:
        """Show that page; the same page again keeps where the reader has scrolled to (the
        view is told the page on every change of the meeting, a stroke batch included)."""
        self._show(page, turned=False)

    def _show(self, page: int, turned: bool) -> None:
        if self._layout is None:
            self._relayout()
            return
        page = max(0, min(page, self._layout.page_count - 1))
        if page != self._page:
            self._announced = None
            self.last_turn_started = time.perf_counter()
            turned = True
        self._page = page
        self._relayout()
        if turned:
            self.verticalScrollBar().setValue(0)

    @property
    def laser(self) -> tuple[float, float] | None:
        """Where the laser dot is drawn (page points), or None."""
        return self._laser

    def set_selection(self, rect: tuple[float, float, float, float] | None) -> None:
        """A dashed frame around the selected mark (page points), or None."""
        if rect != self._selection:
            self._selection = rect
            self.canvas.update()

    def set_watermark(self, user: str | None) -> None:
        """Write the viewer's name and the time across the page (None: no watermark)."""
        if user == self._watermark_user:
            return
        self._watermark_user = user
        if user:
            self._watermark_clock.start()
        else:
            self._watermark_clock.stop()
        self.canvas.update()

    @property
    def watermark_user(self) -> str | None:
        return self._watermark_user

    def canvas_update(self) -> None:
        self.canvas.update()

    def set_laser(self, point: tuple[float, float] | None) -> None:
        if point != self._laser:
            self._laser = point
            self.canvas.update()

    @property
    def strokes(self) -> list[Drawable]:
        """The marks drawn over the page now."""
        return list(self._strokes)

    def set_strokes(self, strokes: list[Drawable]) -> None:
        """The marks to draw over the page (in page points), bottom first."""
        self._strokes = strokes
        self.canvas.update()

    def page_point(self, viewport_position: QPointF) -> tuple[float, float]:
        """A position in the viewport as PDF page points."""
        on_canvas = self.canvas.mapFrom(self.viewport(), viewport_position)
        scale = self.current_scale()
        x0, y0, _, _ = self.extent()
        return (x0 + on_canvas.x() / scale, y0 + on_canvas.y() / scale)

    @property
    def region(self) -> tuple[float, float, float, float] | None:
        return self._region

    def show_region(self, region: tuple[float, float, float, float] | None) -> None:
        """Show only this part of the page (page points), fitted to the view; None: the page."""
        self._region = tuple(region) if region is not None else None
        self._relayout()
        self.zoomChanged.emit()

    def extent(self) -> tuple[float, float, float, float]:
        """The part of the page on the canvas (x0, y0, x1, y1): the region, or the whole page."""
        width, height = self.page_size()
        if self._region is None:
            return (0.0, 0.0, width, height)
        x0, y0, x1, y1 = self._region
        x0, y0 = max(0.0, min(x0, width - 1)), max(0.0, min(y0, height - 1))
        return (x0, y0, max(x0 + 1, min(x1, width)), max(y0 + 1, min(y1, height)))

    def visible_region(self) -> tuple[float, float, float, float]:
        """The part of the page the viewport shows now (for "show the room what I see")."""
        top_left = self.page_point(QPointF(0, 0))
        size = self.viewport().size()
        bottom_right = self.page_point(QPointF(size.width(), size.height()))
        x0, y0, x1, y1 = self.extent()
        return (max(x0, top_left[0]), max(y0, top_left[1]), min(x1, bottom_right[0]),
                min(y1, bottom_right[1]))

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        self._mode = mode
        if mode is not ZoomMode.CUSTOM:
            self._zoom = self._scale_for(mode) / POINTS_TO_PIXELS if self._layout else 1.0
        self._relayout()
        self.zoomChanged.emit()

    def zoom_percent(self) -> int:
        return round(self.current_scale() / POINTS_TO_PIXELS * 100)

    def zoom_in(self) -> None:
        self._step_zoom(+1)

    def zoom_out(self) -> None:
        self._step_zoom(-1)

    def _step_zoom(self, direction: int) -> None:
        current = self.current_scale() / POINTS_TO_PIXELS
        steps = ZOOM_STEPS if direction > 0 else tuple(reversed(ZOOM_STEPS))
        target = next((z for z in steps if (z - current) * direction > 0.01), steps[-1])
        self._zoom = target
        self._mode = ZoomMode.CUSTOM
        self._relayout()
        self.zoomChanged.emit()

    # --- geometry and rendering --------------------------------------------------------------

    def page_size(self) -> tuple[float, float]:
        if self._layout is None:
            return (595.0, 842.0)
        return self._layout.page_sizes[self._page]

    def _scale_for(self, mode: ZoomMode) -> float:
        """Logical pixels per PDF point for the given mode at the current viewport size (a
        region shown is always fitted whole)."""
        x0, y0, x1, y1 = self.extent()
        width, height = x1 - x0, y1 - y0
        available = self.viewport().size()
        if self._region is not None:
            mode = ZoomMode.FIT_PAGE
        fit_width = max(50, available.width() - 2 * MARGIN) / width
        if mode is ZoomMode.FIT_WIDTH:
            return fit_width
        if mode is ZoomMode.FIT_PAGE:
            return min(fit_width, max(50, available.height() - 2 * MARGIN) / height)
        return self._zoom * POINTS_TO_PIXELS

    def current_scale(self) -> float:
        return self._scale_for(self._mode)

    def _request(self, page: int) -> RenderRequest | None:
        if self._layout is None:
            return None
        scale = self.current_scale() * self.devicePixelRatioF()
        clip = self.extent() if self._region is not None and page == self._page else None
        return RenderRequest(self._layout.path, page, scale, clip)

    def _relayout(self) -> None:
        x0, y0, x1, y1 = self.extent()
        scale = self.current_scale()
        self.canvas.resize(QSize(round((x1 - x0) * scale), round((y1 - y0) * scale)))
        self.canvas.update()
        request = self._request(self._page)
        if request is None or request.key in self._images or self.page_failed:
            self._prefetch()
            return
        self._ask(request, self._channel, VIEW_PRIORITY)

    def _prefetch(self) -> None:
        """Have the neighbours ready at this size: the next page first, then the previous."""
        if self._layout is None:
            return
        for offset, rank in ((+1, 0), (-1, 1)):
            page = self._page + offset
            if not 0 <= page < self._layout.page_count:
                continue
            request = self._request(page)
            if (request is not None and request.key not in self._images
                    and (request.path, page) not in self._failed):
                self._ask(request, f"prefetch{offset:+d}:{id(self)}", PREFETCH_PRIORITY + rank)

    def _ask(self, request: RenderRequest, channel: str, priority: int) -> None:
        self._worker.render(
            request, lambda result: run_on_main(lambda: self._rendered(request, result), self),
            channel, priority=priority)

    @property
    def page_failed(self) -> bool:
        """The page on screen could not be drawn (it says so where the page would be)."""
        return self._layout is not None and (self._layout.path, self._page) in self._failed

    def _rendered(self, request: RenderRequest, result: RenderedPage | Exception) -> None:
        if isinstance(result, Exception):
            self._failed.add((request.path, request.page))
            if (request.path, request.page) == (self.document_path, self._page):
                self.canvas.update()
                self._prefetch()
            return
        image = image_of(result, self.devicePixelRatioF())
        self._images[result.request.key] = image
        self._trim_images()
        if result.request.page == self._page and result.request.path == self.document_path:
            self.canvas.update()
            self._prefetch()

    def cached_bytes(self) -> int:
        """What the rendered pages this view keeps take in memory."""
        return sum(image.sizeInBytes() for image in self._images.values())

    def _trim_images(self) -> None:
        """Forget the least recently shown pages beyond the budget, never the one on screen."""
        current = self._request(self._page)
        keep = current.key if current else None
        total = self.cached_bytes()
        for key in list(self._images):
            if total <= IMAGE_CACHE_BYTES and len(self._images) <= IMAGE_CACHE_PAGES:
                break
            if key != keep:
                total -= self._images.pop(key).sizeInBytes()

    def _image_for_page(self) -> tuple[QImage | None, bool]:
        """The best image we have for the current page, and whether it is the sharp one."""
        request = self._request(self._page)
        if request is None:
            return None, False
        exact = self._images.get(request.key)
        if exact is not None:
            self._images.move_to_end(request.key)
            return exact, True
        near = [img for (path, page, _, clip), img in self._images.items()
                if (path, page, clip) == (request.path, request.page, request.clip)]
        return (near[-1] if near else None), False

    def _paint(self, canvas: QWidget) -> None:
        painter = QPainter(canvas)
        target = QRectF(canvas.rect())
        image, sharp = self._image_for_page()
        if image is None:
            painter.fillRect(target, QColor("white"))
            painter.setPen(QColor("#9aa0a6"))
            painter.drawText(target, Qt.AlignmentFlag.AlignCenter,
                             self.tr("This page could not be drawn") if self.page_failed
                             else self.tr("Loading…"))
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not sharp)
            painter.drawImage(target, image)
        x0, y0, _, _ = self.extent()
        painter.translate(-x0 * self.current_scale(), -y0 * self.current_scale())
        paint_strokes(painter, self._strokes, self.current_scale())
        if self._watermark_user:
            width, height = self.page_size()
            paint_watermark(painter, watermark_text(self._watermark_user, datetime.now()),
                            width, height, self.current_scale())
        paint_selection(painter, self._selection, self.current_scale())
        paint_laser(painter, self._laser, self.current_scale(),
                    max(LASER_RADIUS_PX, LASER_SHARE * min(canvas.width(), canvas.height())))
        painter.end()
        key = (self.document_path, self._page)
        if sharp and self._announced != key:
            self._announced = key
            self.pageShown.emit(*key)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    # --- input: wheel and swipe --------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_in() if delta > 0 else self.zoom_out()
            return
        bar = self.verticalScrollBar()
        at_edge = (delta < 0 and bar.value() >= bar.maximum()) or (
            delta > 0 and bar.value() <= bar.minimum()
        )
        if bar.maximum() > 0 and not at_edge:
            self._wheel_accumulated = 0
            super().wheelEvent(event)
            return
        self._wheel_accumulated += delta
        if abs(self._wheel_accumulated) >= 120:
            step = -1 if self._wheel_accumulated > 0 else 1
            self._wheel_accumulated = 0
            self.stepRequested.emit(step)
            if step < 0 and bar.maximum() > 0:
                bar.setValue(bar.maximum())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        """A stylus draws with its pressure; accepting the tablet event keeps Qt from making
        a mouse event of it too."""
        kind = event.type()
        if kind == QEvent.Type.NativeGesture and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1 + event.value(), event.position())  # a touchpad pinch
            return True
        if kind == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:  # two fingers on a touch screen
                center = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), QPointF(center))
                event.accept()
                return True
        if self.ink_mode and kind in TABLET_EVENTS:
            x, y = self.page_point(event.position())
            pressure = min(1.0, max(MIN_PRESSURE, event.pressure()))
            if kind == QEvent.Type.TabletPress:
                self._stylus_down = True
                self.inkPressed.emit(x, y, pressure)
            elif kind == QEvent.Type.TabletMove and self._stylus_down:
                self.inkMoved.emit(x, y, pressure)
            elif kind == QEvent.Type.TabletRelease and self._stylus_down:
                self._stylus_down = False
                self.inkReleased.emit()
            event.accept()
            return True
        return super().viewportEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-tap: back to the whole page; on the whole page already, to its width. On the
        margin beside the page: reading mode on or off."""
        if self.ink_mode:
            return
        if not self.widget().geometry().contains(event.position().toPoint()):
            self.marginDoubleTapped.emit()
            event.accept()
            return
        self.set_zoom_mode(ZoomMode.FIT_WIDTH if self._mode is ZoomMode.FIT_PAGE
                           else ZoomMode.FIT_PAGE)
        event.accept()

    def zoom_by(self, factor: float, anchor: QPointF) -> None:
        """Zoom by a factor (a pinch), keeping the point under the fingers where it is."""
        if factor <= 0 or self._layout is None:
            return
        before = self.page_point(anchor)
        current = self.current_scale() / POINTS_TO_PIXELS
        self._zoom = min(MAX_ZOOM, max(MIN_ZOOM, current * factor))
        self._mode = ZoomMode.CUSTOM
        self._relayout()
        scale = self.current_scale()
        x0, y0, _, _ = self.extent()
        on_canvas = QPointF((before[0] - x0) * scale, (before[1] - y0) * scale)
        # With the canvas larger than the view, its left edge sits at -scroll value; smaller,
        # it is centred and there is nothing to scroll.
        self.horizontalScrollBar().setValue(round(on_canvas.x() - anchor.x()))
        self.verticalScrollBar().setValue(round(on_canvas.y() - anchor.y()))
        self.zoomChanged.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.ink_mode:
            self.inkPressed.emit(*self.page_point(event.position()), NO_PRESSURE)
            event.accept()
            return
        self._press = event.position().toPoint()
        self._press_scroll = QPoint(self.horizontalScrollBar().value(),
                                    self.verticalScrollBar().value())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.ink_mode:
            if event.buttons() & Qt.MouseButton.LeftButton:
                self.inkMoved.emit(*self.page_point(event.position()), NO_PRESSURE)
            event.accept()
            return
        if self._press is None:
            return
        moved = event.position().toPoint() - self._press
        if self.horizontalScrollBar().maximum() > 0 or self.verticalScrollBar().maximum() > 0:
            self.horizontalScrollBar().setValue(self._press_scroll.x() - moved.x())
            self.verticalScrollBar().setValue(self._press_scroll.y() - moved.y())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.ink_mode:
            self.inkReleased.emit()
            event.accept()
            return
        if self._press is None:
            return
        moved = event.position().toPoint() - self._press
        self._press = None
        panned = self.horizontalScrollBar().maximum() > 0
        threshold = max(60, self.viewport().width() // 8)
        if not panned and abs(moved.x()) > threshold and abs(moved.x()) > 2 * abs(moved.y()):
            self.stepRequested.emit(-1 if moved.x() > 0 else 1)
        elif moved.manhattanLength() < TAP_SLOP_PX:
            self.tapped.emit(event.position().x() / max(1, self.viewport().width()))
        event.accept()
