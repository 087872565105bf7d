"""The one owner of PyMuPDF in the client: a single render thread with a prioritised queue.

PyMuPDF must not be called from several threads, so every call goes through this worker. Jobs
carry a channel: a newer job on a "latest wins" channel (the page on screen) replaces the one
still waiting, so paging quickly never renders pages already turned past. Thumbnails queue on
their own channel at a lower priority and are dropped together when their document changes.
Results come back through callbacks on the worker thread; the UI moves them to its own thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from meeting.pdf.text import page_words

log = logging.getLogger("meeting.render")

VIEW_PRIORITY = 0
THUMBNAIL_PRIORITY = 10
BACKGROUND_PRIORITY = 20
"""Work nobody is looking at yet (an export): after every page and thumbnail asked for."""
OPEN_DOCUMENTS = 4


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
    """RGB, 8 bits a channel, `stride` bytes a row."""
    seconds: float


@dataclass(order=True)
class _Job:
    priority: int
    order: int
    channel: str = field(compare=False)
    work: Callable[[], Any] = field(compare=False)
    done: Callable[[Any], None] = field(compare=False)


class RenderWorker:
    def __init__(self) -> None:
        self._jobs: list[_Job] = []
        self._condition = threading.Condition()
        self._counter = itertools.count()
        self._documents: OrderedDict[str, pymupdf.Document] = OrderedDict()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="meeting-render", daemon=True)
        self._thread.start()

    # --- submitting --------------------------------------------------------------------------

    def layout(self, path: str, done: Callable[[DocumentLayout | Exception], None]) -> None:
        self._submit(VIEW_PRIORITY, f"layout:{path}", lambda: self._layout(path), done,
                     latest_wins=False)

    def render(self, request: RenderRequest, done: Callable[[RenderedPage | Exception], None],
               channel: str, *, latest_wins: bool = True,
               priority: int = VIEW_PRIORITY) -> None:
        self._submit(priority, channel, lambda: self._render(request), done, latest_wins)

    def call(self, function: Callable[[], Any], priority: int = VIEW_PRIORITY) -> Future:
        """Run any PyMuPDF work on the worker thread; the future holds its result."""
        future: Future = Future()

        def finish(result: Any) -> None:
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)

        self._submit(priority, "call", function, finish, latest_wins=False)
        return future

    def words(self, path: str, page: int) -> Future:
        """The words of a page as shown (a future list of meeting.core.words.Word)."""
        return self.call(lambda: page_words(self._document(path)[page]))

    def cancel(self, channel: str) -> None:
        """Drop every job still waiting on the channel."""
        with self._condition:
            self._jobs = [job for job in self._jobs if job.channel != channel]

    def close(self) -> None:
        with self._condition:
            self._stopping = True
            self._jobs.clear()
            self._condition.notify_all()
        self._thread.join(timeout=10)

    def pending(self, channel: str | None = None) -> int:
        with self._condition:
            return sum(1 for job in self._jobs if channel is None or job.channel == channel)

    def _submit(self, priority: int, channel: str, work: Callable[[], Any],
                done: Callable[[Any], None], latest_wins: bool) -> None:
        with self._condition:
            if self._stopping:
                return
            if latest_wins:
                self._jobs = [job for job in self._jobs if job.channel != channel]
            self._jobs.append(_Job(priority, next(self._counter), channel, work, done))
            self._condition.notify()

    # --- the worker thread -------------------------------------------------------------------

    def _run(self) -> None:
        pymupdf.TOOLS.mupdf_display_errors(False)  # errors reach callers as exceptions instead
        while True:
            with self._condition:
                while not self._jobs and not self._stopping:
                    self._condition.wait()
                if self._stopping:
                    break
                job = min(self._jobs)
                self._jobs.remove(job)
            try:
                result = job.work()
            except Exception as error:  # a broken page must not stop the worker
                log.warning("render job on %s failed: %s", job.channel, error)
                result = error
            try:
                job.done(result)
            except Exception:
                log.exception("render callback on %s failed", job.channel)
        for document in self._documents.values():
            document.close()
        self._documents.clear()

    def _document(self, path: str) -> pymupdf.Document:
        document = self._documents.get(path)
        if document is None:
            document = pymupdf.open(path)
            self._documents[path] = document
            while len(self._documents) > OPEN_DOCUMENTS:
                self._documents.popitem(last=False)[1].close()
        self._documents.move_to_end(path)
        return document

    def _layout(self, path: str) -> DocumentLayout:
        document = self._document(path)
        sizes = []
        for index in range(document.page_count):
            rect = document[index].rect  # with /Rotate applied
            sizes.append((rect.width, rect.height))
        return DocumentLayout(path, tuple(sizes))

    def _render(self, request: RenderRequest) -> RenderedPage:
        started = time.perf_counter()
        page = self._document(request.path)[request.page]
        clip = pymupdf.Rect(request.clip) if request.clip else None
        pixmap = page.get_pixmap(matrix=pymupdf.Matrix(request.scale, request.scale),
                                 clip=clip, alpha=False)
        return RenderedPage(request, pixmap.width, pixmap.height, pixmap.stride, pixmap.samples,
                            time.perf_counter() - started)
