"""Pages as PNG images for the browser viewer, rendered by PyMuPDF at the width asked for.

The PDF itself never reaches a browser: a guest sees pages, not a file to keep. Widths are
rounded up to a step so that the cache cannot be filled with one image per pixel of width, and
rendered images are kept in memory within a byte budget (least recently used go first).
Rendering runs on worker threads, at most `PARALLEL` at once, never on the event loop.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from meeting.core.protocol import PAGE_WIDTH_MAX as MAX_WIDTH
from meeting.core.protocol import PAGE_WIDTH_MIN as MIN_WIDTH
from meeting.core.protocol import PAGE_WIDTH_STEP as WIDTH_STEP

MAX_HEIGHT = 8192
"""A very tall page is rendered no taller than this (the width shrinks to match)."""
CACHE_BYTES = 96 * 1024 * 1024
PARALLEL = 2
RENDER_SECONDS = 20.0


@dataclass(frozen=True)
class PageImage:
    png: bytes
    width_pt: float
    height_pt: float
    """The page's size in PDF points, as shown (rotation applied): marks and the laser are in
    these coordinates."""


def image_width(asked: int) -> int:
    """The width actually rendered for a width asked for: rounded up to the step, in range."""
    return min(MAX_WIDTH, max(MIN_WIDTH, math.ceil(asked / WIDTH_STEP) * WIDTH_STEP))


def render_png(path: Path, page: int, width: int, watermark: str | None = None) -> PageImage:
    """The page as a PNG; with a watermark, written into the image itself (a saved or copied
    image carries it too). The document is opened for this one image, so stamping its page in
    memory changes nothing else."""
    import pymupdf

    with pymupdf.open(path) as document:
        shown = document[page]
        if watermark:
            from meeting.pdf.watermark import stamp_page
            stamp_page(shown, watermark)
        rect = shown.rect
        zoom = min(width / rect.width, MAX_HEIGHT / rect.height)
        pixmap = shown.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return PageImage(pixmap.tobytes("png"), rect.width, rect.height)


class PageImages:
    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget = budget
        self._cache: OrderedDict[tuple[str, int, int, str | None], PageImage] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._slots: asyncio.Semaphore | None = None

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    async def get(self, sha256: str, path: Path, page: int, width: int,
                  watermark: str | None = None) -> PageImage:
        key = (sha256, page, width, watermark)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
        if self._slots is None:
            self._slots = asyncio.Semaphore(PARALLEL)
        async with self._slots:
            image = await asyncio.wait_for(asyncio.to_thread(render_png, path, page, width,
                                                             watermark),
                                           RENDER_SECONDS)
        self._keep(key, image)
        return image

    def _keep(self, key: tuple[str, int, int, str | None], image: PageImage) -> None:
        with self._lock:
            if key in self._cache:
                return
            self._cache[key] = image
            self._bytes += len(image.png)
            while self._bytes > self.budget and len(self._cache) > 1:
                _, dropped = self._cache.popitem(last=False)
                self._bytes -= len(dropped.png)
