"""Rendered pixels handed from a worker process to its parent through shared memory.

The worker copies a pixmap into a fresh POSIX shared-memory segment and returns only its name
and shape; the parent maps it, takes the bytes (or builds an image on them) and releases it,
which unlinks the segment. Segment names start with the worker's prefix, so when a worker is
killed mid-job the parent can remove whatever it left (`forget_segments`): nothing leaks.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from dataclasses import dataclass
from multiprocessing import resource_tracker, shared_memory
from pathlib import Path

SHM_FOLDER = Path("/dev/shm")
"""Where Linux shows POSIX shared memory (elsewhere there is no folder to sweep)."""

_prefix = "pdf_"
_counter = itertools.count()


def set_segment_prefix(prefix: str) -> None:
    """Called once in each worker: the names of the segments it will create start with this."""
    global _prefix
    _prefix = prefix


@dataclass(frozen=True)
class SharedPixels:
    """Pixels, 8 bits a channel, `stride` bytes a row, in the shared segment `name`;
    `layout` "rgb" (3 bytes a pixel) or "bgrx" (4, blue first, the last one 255)."""

    name: str
    width: int
    height: int
    stride: int
    layout: str = "rgb"

    @property
    def size(self) -> int:
        return self.stride * self.height

    def take(self) -> bytes:
        """The pixels as bytes; the segment is released (call once).

        Where the segment is a file (Linux), it is read with os.read, which lets go of the
        interpreter lock while the kernel copies: a 4K page is 33 MB, and copying it from a
        mapping would stop the GUI thread for that long."""
        path = SHM_FOLDER / self.name
        if path.exists():
            descriptor = os.open(path, os.O_RDONLY)
            try:
                chunks = []
                left = self.size
                while left > 0:
                    chunk = os.read(descriptor, left)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    left -= len(chunk)
            finally:
                os.close(descriptor)
            self.release()
            return chunks[0] if len(chunks) == 1 else b"".join(chunks)
        segment = _attach(self.name)
        try:
            return bytes(_view(segment)[:self.size])
        finally:
            segment.close()
            _unlink(segment)

    def release(self) -> None:
        """Give the segment back without reading it."""
        with contextlib.suppress(FileNotFoundError):
            segment = _attach(self.name)
            segment.close()
            _unlink(segment)


def share_samples(samples: memoryview, width: int, height: int, stride: int,
                  layout: str = "rgb") -> SharedPixels:
    """In a worker: copy the pixmap's samples into a new segment the parent will release."""
    segment = new_segment(len(samples))
    try:
        _view(segment)[:len(samples)] = samples
    finally:
        segment.close()
    return SharedPixels(segment.name, width, height, stride, layout)


def new_segment(size: int) -> shared_memory.SharedMemory:
    """In a worker: a new segment named with the worker's prefix, for the parent to release
    (its resource tracker, shared with this worker, forgets the segment then)."""
    name = f"{_prefix}{os.getpid()}_{next(_counter)}"
    return shared_memory.SharedMemory(name=name, create=True, size=max(1, size))


def forget_segments(prefix: str) -> int:
    """Unlink every segment whose name starts with `prefix` (a killed worker's leftovers)."""
    removed = 0
    if not SHM_FOLDER.is_dir():
        return removed
    for path in SHM_FOLDER.glob(f"{prefix}*"):
        with contextlib.suppress(FileNotFoundError):
            segment = _attach(path.name)
            segment.close()
            _unlink(segment)
            removed += 1
    return removed


def leftover_segments(prefix: str) -> list[str]:
    """Names of segments still there (for tests and the benchmarks)."""
    if not SHM_FOLDER.is_dir():
        return []
    return sorted(path.name for path in SHM_FOLDER.glob(f"{prefix}*"))


def _view(segment: shared_memory.SharedMemory) -> memoryview:
    view = segment.buf
    assert view is not None, "the segment is closed"
    return view


def _attach(name: str) -> shared_memory.SharedMemory:
    return shared_memory.SharedMemory(name=name)


def _unlink(segment: shared_memory.SharedMemory) -> None:
    """Unlink, and tell the resource tracker even when the segment went already."""
    try:
        segment.unlink()
    except FileNotFoundError:
        with contextlib.suppress(Exception):
            resource_tracker.unregister(segment._name, "shared_memory")  # type: ignore[attr-defined]
