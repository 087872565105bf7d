"""Rendered pixels handed from a worker process to its parent through shared memory.

A new shared-memory segment costs more than the drawing itself at 4K: the OS supplies and
maps 33 MB of fresh pages in the worker, and again in the parent (bench/render.py). So each
worker keeps the segments it made, mapped, and draws into one its parent has given back; the
parent keeps its own mapping of each (`meeting.pdf.segment_ring`) and lends the pixels out in
place, without reading them back. Segment names start with the worker's prefix, so when a
worker is stopped or killed mid-job the parent removes whatever it left (`forget_segments`):
nothing leaks.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import os
from dataclasses import dataclass, field
from multiprocessing import resource_tracker, shared_memory
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meeting.pdf.segment_ring import SegmentRing

SHM_FOLDER = Path("/dev/shm")
"""Where Linux shows POSIX shared memory (elsewhere there is no folder to sweep)."""
REUSE_SLACK = 3
"""A segment given back is drawn into again by a page needing at least 1/REUSE_SLACK of it: a
portrait A4 page fitted to a 16:9 screen takes 1/2.5 of the screen's pixels, and a thumbnail
does not take a 4K page's segment (which the parent would then keep)."""

_prefix = "pdf_"
_counter = itertools.count()
_kept: dict[str, shared_memory.SharedMemory] = {}
"""In a worker: the segments it made and still has mapped, by name."""
_idle: list[str] = []
"""In a worker: those of them its parent has given back, free to draw into."""


def set_segment_prefix(prefix: str) -> None:
    """Called once in each worker: the names of the segments it will create start with this."""
    global _prefix
    _prefix = prefix


@dataclass(frozen=True)
class SharedPixels:
    """Pixels, 8 bits a channel, `stride` bytes a row, in the shared segment `name`;
    `layout` "rgb" (3 bytes a pixel) or "bgrx" (4, blue first, the last one 255). In the
    parent, `ring` is the worker's `SegmentRing` the segment goes back to once used."""

    name: str
    width: int
    height: int
    stride: int
    layout: str = "rgb"
    ring: SegmentRing | None = field(default=None, compare=False, repr=False)

    @property
    def size(self) -> int:
        return self.stride * self.height

    def mapped(self) -> memoryview:
        """The pixels in place (no copy): the segment goes back to its worker once the view,
        and everything made on it (a QImage keeps it), is gone."""
        if self.ring is None:
            return memoryview(self.take())
        return self.ring.view(self)

    def take(self) -> bytes:
        """The pixels as bytes; the segment is released (call once).

        Where the segment is a file (Linux), it is read with os.read, which lets go of the
        interpreter lock while the kernel copies: a 4K page is 33 MB, and copying it from a
        mapping would stop the GUI thread for that long."""
        try:
            return read_segment(self.name, self.size)
        finally:
            self.release()

    def release(self) -> None:
        """Give the segment back (to its worker, or to the OS) without reading it."""
        if self.ring is not None:
            self.ring.give_back(self.name)
        else:
            unlink_segment(self.name)


def read_segment(name: str, size: int) -> bytes:
    """The first `size` bytes of a segment, copied."""
    path = SHM_FOLDER / name
    if not path.exists():
        segment = _attach(name)
        try:
            return bytes(_view(segment)[:size])
        finally:
            segment.close()
    descriptor = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        left = size
        while left > 0:
            chunk = os.read(descriptor, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(descriptor)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


# --- in a worker ---------------------------------------------------------------------------------


def share_samples(samples: memoryview, width: int, height: int, stride: int,
                  layout: str = "rgb") -> SharedPixels:
    """In a worker: copy the pixmap's samples into a segment the parent will give back."""
    segment = segment_for(len(samples))
    _view(segment)[:len(samples)] = samples
    return SharedPixels(segment.name, width, height, stride, layout)


def segment_for(size: int) -> shared_memory.SharedMemory:
    """In a worker: a segment of at least `size` bytes to draw into, mapped: one the parent
    gave back if one fits (its pages are there and mapped already), else a new one."""
    fitting = [name for name in _idle if size <= _kept[name].size <= size * REUSE_SLACK]
    if fitting:
        name = min(fitting, key=lambda n: _kept[n].size)
        _idle.remove(name)
        return _kept[name]
    segment = new_segment(size)
    _kept[segment.name] = segment
    return segment


def put_back(segment: shared_memory.SharedMemory) -> None:
    """In a worker: a segment from `segment_for` that was not handed over after all."""
    _idle.append(segment.name)


def reserve(size: int) -> str:
    """In a worker: a segment made and touched now, before any page is asked for, so the
    first page does not wait for the OS to supply its memory."""
    segment = segment_for(size)
    ctypes.memset(ctypes.addressof(ctypes.c_char.from_buffer(_view(segment))), 255, size)
    _idle.append(segment.name)
    return segment.name


def spare_for(size: int) -> str | None:
    """In a worker, after handing over a page of `size` bytes: when it has no segment left to
    draw the next such page into, one made now (while nobody waits), named for the parent to
    map ahead too; else None."""
    if any(size <= _kept[name].size <= size * REUSE_SLACK for name in _idle):
        return None
    return reserve(size)


def given_back(names: list[str], dropped: list[str]) -> None:
    """In a worker, before each job: the parent is done with `names` (draw into them again)
    and has removed `dropped` (unmap them)."""
    _idle.extend(name for name in names if name in _kept and name not in _idle)
    for name in dropped:
        segment = _kept.pop(name, None)
        if name in _idle:
            _idle.remove(name)
        if segment is not None:
            with contextlib.suppress(BufferError):
                segment.close()


def new_segment(size: int) -> shared_memory.SharedMemory:
    """In a worker: a new segment named with the worker's prefix, for the parent to remove
    (its resource tracker, shared with this worker, forgets the segment then)."""
    name = f"{_prefix}{os.getpid()}_{next(_counter)}"
    return shared_memory.SharedMemory(name=name, create=True, size=max(1, size))


# --- in the parent -------------------------------------------------------------------------------


def unlink_segment(name: str) -> bool:
    """Remove a segment (a mapping of it stays valid until unmapped); False if it was gone."""
    try:
        segment = _attach(name)
    except FileNotFoundError:
        return False
    segment.close()
    _unlink(segment)
    return True


def forget_segments(prefix: str) -> int:
    """Unlink every segment whose name starts with `prefix` (a stopped worker's)."""
    if not SHM_FOLDER.is_dir():
        return 0
    return sum(unlink_segment(path.name) for path in SHM_FOLDER.glob(f"{prefix}*"))


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
