"""A rendered page as a QImage, without copying or converting its pixels on the GUI thread."""

from __future__ import annotations

from PySide6.QtGui import QImage

from meeting.render.worker import RenderedPage

FORMATS = {"bgrx": QImage.Format.Format_RGB32, "rgb": QImage.Format.Format_RGB888}
"""The worker's pixel layouts in Qt's terms ("bgrx" is what Qt paints fastest)."""


def image_of(page: RenderedPage, device_pixel_ratio: float = 1.0) -> QImage:
    """The page's pixels as an image; it keeps the samples alive (PySide holds a reference)."""
    image = QImage(page.samples, page.width, page.height, page.stride, FORMATS[page.layout])
    image.setDevicePixelRatio(device_pixel_ratio)
    return image
