"""A strip of page thumbnails: see the whole document, jump anywhere in one tap.

Thumbnails render at low priority on the shared worker, so they never delay the page on screen,
and are dropped together when another document is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from meeting.render.worker import (
    THUMBNAIL_PRIORITY,
    DocumentLayout,
    RenderedPage,
    RenderRequest,
    RenderWorker,
)
from meeting.ui.main_thread import run_on_main
from meeting.ui.rendered_image import image_of

THUMB_HEIGHT = 72


class ThumbnailStrip(QListWidget):
    pageClicked = Signal(int)

    def __init__(self, worker: RenderWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._channel = f"thumbs:{id(self)}"
        self._layout: DocumentLayout | None = None
        self.setAccessibleName(self.tr("Pages"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setIconSize(QSize(THUMB_HEIGHT, THUMB_HEIGHT))
        self.setSpacing(6)
        self.setFixedHeight(THUMB_HEIGHT + 40)
        self.setStyleSheet("QListWidget { background: #3d444e; color: #e8eaed; border: none; }")
        self.setUniformItemSizes(True)
        self.itemClicked.connect(lambda item: self.pageClicked.emit(self.row(item)))

    def set_document(self, layout: DocumentLayout | None) -> None:
        if layout == self._layout:
            return
        self._worker.cancel(self._channel)
        self._layout = layout
        self.clear()
        if layout is None:
            return
        dpr = self.devicePixelRatioF()
        for index, (width, height) in enumerate(layout.page_sizes):
            item = QListWidgetItem(_blank_icon(width, height), str(index + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            item.setToolTip(self.tr("Page {0}").format(index + 1))
            self.addItem(item)
            scale = THUMB_HEIGHT / max(width, height) * dpr
            self._worker.render(
                RenderRequest(layout.path, index, scale),
                lambda result, path=layout.path: run_on_main(
                    lambda: self._rendered(path, result), self),
                self._channel, latest_wins=False, priority=THUMBNAIL_PRIORITY,
            )

    def set_current_page(self, page: int) -> None:
        """Mark the page shown; the strip scrolls to it only when it is another page, so a
        reader looking further along the strip keeps their place while the meeting changes."""
        if 0 <= page < self.count() and page != self.currentRow():
            self.setCurrentRow(page)
            self.scrollToItem(self.item(page), QListWidget.ScrollHint.PositionAtCenter)

    def _rendered(self, path: str, result: RenderedPage | Exception) -> None:
        if isinstance(result, Exception) or self._layout is None or self._layout.path != path:
            return
        item = self.item(result.request.page)
        if item is None:
            return
        item.setIcon(QIcon(QPixmap.fromImage(image_of(result, self.devicePixelRatioF()))))

    def close_jobs(self) -> None:
        self._worker.cancel(self._channel)


def _blank_icon(width: float, height: float) -> QIcon:
    scale = THUMB_HEIGHT / max(width, height)
    pixmap = QPixmap(max(1, round(width * scale)), max(1, round(height * scale)))
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#c8ccd0"))
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
    painter.end()
    return QIcon(pixmap)
