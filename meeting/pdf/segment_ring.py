"""In the parent, the shared-memory segments one worker draws into, used again and again.

Each segment is mapped once here (all its pages at once) and kept mapped; a page's pixels are
lent out in place, and when the last user of them (a QImage holds the view) is gone, the
segment goes back to the worker with its next job, to be drawn into again. So a page turn
costs neither the OS's fresh pages nor a mapping nor a copy of the pixels, on either side.
Past `KEEP_IDLE` segments nobody uses, one given back is removed instead: the ring holds what
the callers keep (the page view's cache) and a little more, not the largest it ever was.
"""

from __future__ import annotations

import ctypes
import mmap
import os
import threading
import weakref
from dataclasses import replace
from multiprocessing import shared_memory
from typing import Any

from meeting.pdf.pixels import SHM_FOLDER, SharedPixels, unlink_segment

KEEP_IDLE = 2
"""Segments kept for the worker to draw into while nobody holds their pixels."""
_POPULATE = getattr(mmap, "MAP_POPULATE", 0)
"""Map every page in one call (Linux): touching 33 MB page by page costs several times more."""


class SegmentRing:
    """One worker process's segments, as seen from its parent (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._mappings: dict[str, Any] = {}
        """This process's mapping of each segment it has used (an mmap, or a SharedMemory)."""
        self._known: set[str] = set()
        self._held: set[str] = set()
        self._given_back: list[str] = []
        self._dropped: list[str] = []
        self._closed = False

    def adopt(self, names: list[str]) -> None:
        """Segments the worker made ahead, as it started or after a page (mapped here now,
        not when the page drawn into them is waited for)."""
        for name in names:
            mapping = _map(name)
            with self._lock:
                if self._closed:
                    return
                self._known.add(name)
                self._mappings[name] = mapping

    def lend(self, pixels: SharedPixels) -> SharedPixels:
        """The worker's answer, marked as held until it is given back."""
        with self._lock:
            self._known.add(pixels.name)
            self._held.add(pixels.name)
        return replace(pixels, ring=self)

    def view(self, pixels: SharedPixels) -> memoryview:
        """The pixels in place; the segment is given back when the view and all made on it go."""
        with self._lock:
            mapping = self._mappings.get(pixels.name)
        if mapping is None:
            mapping = _map(pixels.name)
            with self._lock:
                self._mappings[pixels.name] = mapping
        buffer = mapping.buf if isinstance(mapping, shared_memory.SharedMemory) else mapping
        assert buffer is not None, "the segment is closed"
        window = (ctypes.c_ubyte * pixels.size).from_buffer(buffer)  # keeps the mapping alive
        weakref.finalize(window, self.give_back, pixels.name).atexit = False
        return memoryview(window).cast("B")

    def give_back(self, name: str) -> None:
        """Its pixels are no longer used: the worker may draw into it again, or (past
        KEEP_IDLE idle segments) it is removed."""
        with self._lock:
            if self._closed or name not in self._held:
                return  # (a stopped worker's: removed with all of its segments)
            self._held.discard(name)
            if len(self._known) - len(self._held) <= KEEP_IDLE:
                self._given_back.append(name)
                return
            self._known.discard(name)
            self._mappings.pop(name, None)  # (unmapped once no view of it is left)
            self._dropped.append(name)
        unlink_segment(name)

    def news(self) -> tuple[list[str], list[str]]:
        """For the worker with its next job: the segments given back, and those removed."""
        with self._lock:
            news = self._given_back, self._dropped
            self._given_back, self._dropped = [], []
            return news

    def close(self) -> None:
        """The worker has stopped (its segments are swept): drop this side's mappings."""
        with self._lock:
            self._closed = True
            self._mappings.clear()  # (a mapping still lent out lives on until its view goes)


def _map(name: str) -> Any:
    """A read-write mapping of the whole segment, all pages mapped now where the OS can."""
    path = SHM_FOLDER / name
    if not path.exists():
        return shared_memory.SharedMemory(name=name)
    descriptor = os.open(path, os.O_RDWR)
    try:
        return mmap.mmap(descriptor, os.fstat(descriptor).st_size,
                         flags=mmap.MAP_SHARED | _POPULATE)
    finally:
        os.close(descriptor)
