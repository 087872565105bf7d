"""The client's PyMuPDF, in worker processes beside the GUI: the window never waits for a page.

PyMuPDF holds Python's interpreter lock while it draws, so a render thread froze the GUI thread
for as long as a page took. Every PyMuPDF call now runs in a `PdfPool` process: one worker for
what the user looks at (the page on screen, document layouts, words for snapping) and one for
what may wait (prefetched neighbours, thumbnails, exports), so a slow thumbnail never delays a
page turn. A page past its time limit, or one that crashes MuPDF, fails alone; the caller shows
"this page could not be drawn" and the rest goes on.

Jobs carry a channel: a newer job on a "latest wins" channel (the page on screen) replaces the
one before it, which is dropped if it waits, or abandoned if it runs (killed unless it is about
to finish), so paging quickly never draws pages already turned past. Results come back through
callbacks on a pool thread; the UI moves them to its own thread.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from typing import Any

from meeting.core.words import Word
from meeting.pdf.processes import PdfFunction, PdfJobFailed, PdfPool

PAGE_SIZES = PdfFunction("meeting.pdf.documents", "page_sizes")
RENDER = PdfFunction("meeting.pdf.documents", "render")
WORDS = PdfFunction("meeting.pdf.documents", "words")
JAPANESE_FONT = PdfFunction("meeting.pdf.documents", "japanese_font")
EXPORT_MEETING = PdfFunction("meeting.pdf.notes_pdf", "export_meeting")
"""The PyMuPDF work the client asks for, by name: this process never imports PyMuPDF."""

VIEW_PRIORITY = 0
THUMBNAIL_PRIORITY = 10
BACKGROUND_PRIORITY = 20
"""Work nobody is looking at yet (an export): after every page and thumbnail asked for."""
RENDER_TIME_LIMIT = 10.0
"""Seconds a page may take before it is given up as "could not be drawn" (the slowest page of
the shared corpus takes about 1.5 s at 4K on a loaded 2-core machine)."""
EXPORT_TIME_LIMIT = 300.0
"""An export writes whole documents: minutes, not seconds, are normal for a big book."""
PIXEL_LAYOUT = "bgrx" if sys.byteorder == "little" else "rgb"
"""What Qt paints without converting: Format_RGB32 is B, G, R, 255 in memory on little-endian
machines (converting a 4K page from RGB took the GUI thread tens of milliseconds)."""
WORKER_MEMORY_LIMIT = 2 * 2**30
"""Address space a worker may take: a page that wants more fails instead of the machine."""


@dataclass(frozen=True)
class DocumentLayout:
    """Page sizes in PDF points, as shown (page rotation applied)."""

    path: str
    page_sizes: tuple[tuple[float, float], ...]

    @property
    def page_count(self) -> int:
        return len(self.page_sizes)


@dataclass(frozen=True)
class RenderRequest:
    path: str
    page: int
    scale: float
    """Device pixels per PDF point."""
    clip: tuple[float, float, float, float] | None = None
    """Only this part of the page (x0, y0, x1, y1 in page points as shown): a zoomed region is
    rendered at its size, never the whole page blown up."""

    @property
    def key(self) -> tuple:
        return (self.path, self.page, round(self.scale, 4), self.clip)


@dataclass(frozen=True)
class RenderedPage:
    request: RenderRequest
    width: int
    height: int
    stride: int
    samples: bytes
    """8 bits a channel, `stride` bytes a row, in the `layout` below."""
    seconds: float
    layout: str = PIXEL_LAYOUT
    """"bgrx": 4 bytes a pixel, blue first, the last 255 (Qt's Format_RGB32); or "rgb"."""


class RenderWorker:
    """PyMuPDF for the client: `workers` is 2 (the view's own worker and a background one) or
    1 (everything on one process, by priority)."""

    def __init__(self, workers: int = 2, time_limit: float = RENDER_TIME_LIMIT,
                 memory_limit: int | None = WORKER_MEMORY_LIMIT) -> None:
        if workers not in (1, 2):
            raise ValueError("the client renders with one worker or two")
        self.time_limit = time_limit
        self._view = PdfPool(1, time_limit, memory_limit, name="view")
        self._background = (PdfPool(1, time_limit, memory_limit, name="back")
                            if workers == 2 else self._view)
        self._lock = threading.Lock()
        self._channels: dict[str, list[tuple[PdfPool, Future]]] = {}
        """Each channel's jobs not yet delivered, with the pool running them."""
        self._closed = False

    # --- submitting --------------------------------------------------------------------------

    def layout(self, path: str, done: Callable[[DocumentLayout | Exception], None]) -> None:
        future = self._view.submit(PAGE_SIZES, path, priority=VIEW_PRIORITY)
        future.add_done_callback(
            lambda f: _deliver(f, done, lambda sizes: DocumentLayout(path, sizes)))

    def render(self, request: RenderRequest, done: Callable[[RenderedPage | Exception], None],
               channel: str, *, latest_wins: bool = True,
               priority: int = VIEW_PRIORITY) -> None:
        if latest_wins:
            self.cancel(channel)
        started = time.perf_counter()
        pool = self._pool_for(priority)
        with self._lock:
            if self._closed:
                return
            future = pool.submit(RENDER, request.path, request.page, request.scale,
                                 request.clip, PIXEL_LAYOUT, priority=priority)
            self._channels.setdefault(channel, []).append((pool, future))

        def finished(future: Future) -> None:
            self._forget(channel, future)
            _deliver(future, done, lambda pixels: RenderedPage(
                request, pixels.width, pixels.height, pixels.stride, pixels.take(),
                time.perf_counter() - started, pixels.layout))

        future.add_done_callback(finished)

    def call(self, function: Callable[..., Any], *args: Any, priority: int = VIEW_PRIORITY,
             time_limit: float | None = None, **kwargs: Any) -> Future:
        """Run a PyMuPDF function of `meeting.pdf` (a PdfFunction, or the function itself) in a
        worker; the future holds its result."""
        return self._pool_for(priority).submit(function, *args, priority=priority,
                                               time_limit=time_limit, **kwargs)

    def words(self, path: str, page: int) -> Future[list[Word]]:
        """The words of a page as shown (a future list of meeting.core.words.Word)."""
        return self.call(WORDS, path, page)

    def cancel(self, channel: str) -> None:
        """Drop every job still waiting on the channel; abandon the one running."""
        with self._lock:
            jobs = self._channels.pop(channel, [])
        for pool, future in jobs:
            pool.abandon(future)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._channels.clear()
        self._view.close()
        self._background.close()

    def pending(self, channel: str | None = None) -> int:
        """Jobs queued and not started, on the channel (or on all)."""
        with self._lock:
            futures = [future for name, jobs in self._channels.items() for _, future in jobs
                       if channel is None or name == channel]
        return sum(1 for future in futures if not (future.running() or future.done()))

    def worker_pids(self) -> list[int]:
        """The worker processes (their memory counts as the client's)."""
        pids = self._view.worker_pids()
        if self._background is not self._view:
            pids += self._background.worker_pids()
        return pids

    # --- inside ------------------------------------------------------------------------------

    def _pool_for(self, priority: int) -> PdfPool:
        return self._view if priority <= VIEW_PRIORITY else self._background

    def _forget(self, channel: str, future: Future) -> None:
        with self._lock:
            jobs = self._channels.get(channel, [])
            self._channels[channel] = [job for job in jobs if job[1] is not future]
            if not self._channels[channel]:
                del self._channels[channel]


def _deliver(future: Future, done: Callable[[Any], None], make: Callable[[Any], Any]) -> None:
    """Hand the job's result (made into what the caller wants) or its error to `done`; a job
    dropped or abandoned because nobody waits for it any more is not delivered."""
    try:
        result = make(future.result())
    except CancelledError:
        return
    except PdfJobFailed as error:
        if error.kind == "abandoned":
            return
        result = error
    except Exception as error:  # a page that could not be made into an image
        result = error
    done(result)
