"""Pages as PNG images for the browser viewer, rendered by PyMuPDF at the width asked for.

The PDF itself never reaches a browser: a guest sees pages, not a file to keep. Widths are
rounded up to a step so that the cache cannot be filled with one image per pixel of width, and
rendered images are kept in memory within a byte budget (least recently used go first).

Rendering runs in the server's PDF pool (server.pdf_jobs), never on the event loop; a page past
its time limit is stopped with its worker. Renders in flight (queued or drawing) are limited
per user and in total, so one viewer asking for many heavy pages cannot queue everyone else
behind them: past a limit the answer is "busy, try again in a moment". The same image asked for
by several viewers at once (a room of browsers on a page turn) is drawn once for all of them.
"""

from __future__ import annotations

import asyncio
import math
from collections import Counter, OrderedDict
from pathlib import Path

from meeting.core.protocol import PAGE_WIDTH_MAX as MAX_WIDTH
from meeting.core.protocol import PAGE_WIDTH_MIN as MIN_WIDTH
from meeting.core.protocol import PAGE_WIDTH_STEP as WIDTH_STEP
from meeting.core.protocol import ErrorCode, ProtocolError
from meeting.pdf.page_image import PageImage, render_png
from meeting.pdf.processes import PdfJobFailed
from server.pdf_jobs import URGENT, PdfJobs, cores

CACHE_BYTES = 96 * 1024 * 1024
RENDER_SECONDS = 20.0
PER_USER = 2
"""A browser shows one page at a time: two covers a page turn while the last is still drawn."""
PER_WORKER = 8
"""Renders in flight in total, per worker of the pool: beyond this a viewer would wait for
more than a few ordinary pages' time, so is told to come back instead."""
RETRY_SECONDS = 1

Key = tuple[str, int, int, str | None]


class PageImages:
    def __init__(self, budget: int = CACHE_BYTES, workers: int | None = None) -> None:
        self.budget = budget
        self.render_seconds = RENDER_SECONDS
        self.per_user = PER_USER
        self.total = PER_WORKER * (workers or cores())
        """(the pool has a worker per core: server.pdf_jobs)"""
        self._cache: OrderedDict[Key, PageImage] = OrderedDict()
        self._bytes = 0
        self._drawing: dict[Key, asyncio.Future[PageImage]] = {}
        self._users: Counter[str] = Counter()

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    @property
    def in_flight(self) -> int:
        """Renders queued or drawing (each counted for the user whose request started it)."""
        return self._users.total()

    async def get(self, jobs: PdfJobs, user: str, sha256: str, path: Path, page: int,
                  width: int, watermark: str | None = None) -> PageImage:
        """The image, from the cache, from a render already under way, or rendered by `jobs`
        now for `user`. Raises ProtocolError: busy (`rate_limited`), or a page that cannot be drawn
        (`bad_document`)."""
        key = (sha256, page, width, watermark)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        drawing = self._drawing.get(key)
        if drawing is None:
            self._admit(user)
            drawing = asyncio.ensure_future(self._render(jobs, user, key, path))
            self._drawing[key] = drawing
        # (shielded: one viewer giving up does not stop the image the others wait for)
        return await asyncio.shield(drawing)

    def _admit(self, user: str) -> None:
        if self._users[user] >= self.per_user or self.in_flight >= self.total:
            raise ProtocolError(ErrorCode.RATE_LIMITED, "The server is busy drawing pages; "
                                "this one will come if you ask again in a moment.",
                                retry_after=RETRY_SECONDS)
        self._users[user] += 1

    async def _render(self, jobs: PdfJobs, user: str, key: Key, path: Path) -> PageImage:
        _, page, width, watermark = key
        try:
            image = await jobs.run(render_png, str(path), page, width, watermark,
                                        time_limit=self.render_seconds, priority=URGENT)
        except PdfJobFailed as failure:
            raise ProtocolError(ErrorCode.BAD_DOCUMENT, "This page took too long to draw; it "
                                "may be damaged." if failure.kind == "timeout" else
                                "This page could not be drawn; it may be damaged.") from None
        finally:
            del self._drawing[key]
            self._users[user] -= 1
            if not self._users[user]:
                del self._users[user]
        self._keep(key, image)
        return image

    def _keep(self, key: Key, image: PageImage) -> None:
        self._cache[key] = image
        self._bytes += len(image.png)
        while self._bytes > self.budget and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._bytes -= len(dropped.png)


def image_width(asked: int) -> int:
    """The width actually rendered for a width asked for: rounded up to the step, in range."""
    return min(MAX_WIDTH, max(MIN_WIDTH, math.ceil(asked / WIDTH_STEP) * WIDTH_STEP))
