"""The server's PyMuPDF: every call runs in a worker process of one `PdfPool`.

PyMuPDF holds Python's interpreter lock while it works, so a thread would stop the event loop
(and every meeting with it) for as long as a page takes. Here the loop only awaits a future;
a job past its time limit has its worker killed and replaced, a file that crashes MuPDF or
needs more memory than a worker may have kills only that worker. The pool starts on first
use (a context opened only to seed or administer the store may never need it), has one worker
per core, and is closed with the server.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from typing import Any, TypeVar

from meeting.pdf import fonts
from meeting.pdf.processes import PdfPool

T = TypeVar("T")

MEMORY_LIMIT = 2**30
"""Address space a worker may use (RLIMIT_AS). Measured (bench/server_stall.py): an idle worker
takes 0.1 GB, the corpus's heaviest page at 4096 px peaks at 0.45 GB. A page needing more than
this fails alone ("crashed", its worker replaced); the pool as a whole stays within workers ×
this, whatever the files."""
FONT_SECONDS = 20.0
URGENT, BACKGROUND = 0, 1
"""Priorities: a page someone is looking at before checks, revision text and records."""


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every system)
        return os.cpu_count() or 1


class PdfJobs:
    def __init__(self, workers: int | None = None,
                 memory_limit: int | None = MEMORY_LIMIT) -> None:
        self.workers = workers or cores()
        self.memory_limit = memory_limit
        self._pool: PdfPool | None = None
        self._japanese_font: bytes | None = None

    @property
    def pool(self) -> PdfPool:
        if self._pool is None:
            self._pool = PdfPool(self.workers, memory_limit=self.memory_limit,
                                 name="server-pdf")
        return self._pool

    def start(self) -> None:
        """Start the workers now (in the background), so the first page does not wait for
        them (about 0.8 s for the first pool of a process, 0.15 s after)."""
        _ = self.pool

    async def run(self, function: Callable[..., T], *args: Any, time_limit: float,
                  priority: int = BACKGROUND) -> T:
        """`function(*args)` in a worker (a module-level function of `meeting.pdf`); raises
        `PdfJobFailed` ("timeout", "crashed", "error"). Cancelled, it stops the job."""
        future = self.pool.submit(function, *args, time_limit=time_limit, priority=priority)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            self.pool.abandon(future)
            raise

    async def japanese_font(self) -> bytes:
        """MuPDF's Japanese font (read once)."""
        if self._japanese_font is None:
            self._japanese_font = await self.run(fonts.japanese_font, time_limit=FONT_SECONDS)
        return self._japanese_font

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None
