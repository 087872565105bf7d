"""The jobs a PDF worker process runs, over a small cache of open documents.

Each worker keeps the last few documents open (by path, reopened when the file changes), so a
warm page turn costs only the drawing. These functions run inside `PdfPool` workers: they take
and return plain, picklable values, and pixels come back as `SharedPixels`.
"""

from __future__ import annotations

import os
from collections import OrderedDict

import pymupdf

from meeting.core.words import Word
from meeting.pdf.pixels import SharedPixels, new_segment, share_samples
from meeting.pdf.text import page_words

OPEN_DOCUMENTS = 4
RESIDENT_BYTES = 160 * 2**20
"""A worker past this much resident memory empties MuPDF's cache of decoded fonts and images
after a render (the cache may grow to 256 MB, most of the client's memory budget)."""

_documents: OrderedDict[tuple[str, int, int], pymupdf.Document] = OrderedDict()


def document(path: str) -> pymupdf.Document:
    """The open document at `path`, opened at most once while the file stays the same."""
    status = os.stat(path)
    key = (path, status.st_mtime_ns, status.st_size)
    opened = _documents.get(key)
    if opened is None:
        for stale in [k for k in _documents if k[0] == path]:
            _documents.pop(stale).close()
        opened = pymupdf.open(path)
        _documents[key] = opened
        while len(_documents) > OPEN_DOCUMENTS:
            _documents.popitem(last=False)[1].close()
    _documents.move_to_end(key)
    return opened


def prepare_worker() -> None:
    """Set up a new worker: MuPDF's errors reach callers as exceptions, not on stderr; and
    MuPDF's first drawing (colour management, the base fonts: 25-50 ms) done now, before
    anyone waits for a page."""
    pymupdf.TOOLS.mupdf_display_errors(False)
    with pymupdf.open() as scratch:
        page = scratch.new_page(width=72, height=72)
        page.insert_text((8, 36), "Aa", fontsize=12)
        page.get_pixmap(matrix=pymupdf.Matrix(0.5, 0.5), alpha=False)
        transform, box = _placement(page, 0.5, None)
        _draw_on(page, transform, pymupdf.mupdf.fz_new_pixmap_with_bbox(
            pymupdf.mupdf.fz_device_bgr(), box, pymupdf.mupdf.FzSeparations(), 1))


def page_sizes(path: str) -> tuple[tuple[float, float], ...]:
    """Every page's size in points as shown (/Rotate applied)."""
    opened = document(path)
    sizes = []
    for index in range(opened.page_count):
        rect = opened[index].rect
        sizes.append((rect.width, rect.height))
    return tuple(sizes)


def render(path: str, page: int, scale: float,
           clip: tuple[float, float, float, float] | None = None,
           pixels: str = "rgb") -> SharedPixels:
    """The page (or the `clip` of it, in points as shown) at `scale` pixels a point.

    `pixels` "rgb": 3 bytes a pixel. "bgrx": 4 bytes a pixel, blue first, the last 255; that
    is Qt's Format_RGB32 on little-endian machines, which Qt paints without converting (on
    the GUI thread, a 4K page in RGB costs tens of milliseconds to convert and paint)."""
    drawn = document(path)[page]
    if pixels == "bgrx":
        shared = _render_bgrx(drawn, scale, clip)
    elif pixels == "rgb":
        pixmap = drawn.get_pixmap(matrix=pymupdf.Matrix(scale, scale),
                                  clip=pymupdf.Rect(clip) if clip else None, alpha=False)
        shared = share_samples(pixmap.samples_mv, pixmap.width, pixmap.height, pixmap.stride)
        del pixmap
    else:
        raise ValueError(f"unknown pixel layout {pixels!r}")
    if _resident_bytes() > RESIDENT_BYTES:
        pymupdf.TOOLS.store_shrink(100)
    return shared


def _render_bgrx(page: pymupdf.Page, scale: float,
                 clip: tuple[float, float, float, float] | None) -> SharedPixels:
    """MuPDF draws straight into the shared segment: no copy of the pixels on either side."""
    mupdf = pymupdf.mupdf
    transform, box = _placement(page, scale, clip)
    width, height = box.x1 - box.x0, box.y1 - box.y0
    segment = new_segment(width * height * 4)
    try:
        pixmap = mupdf.fz_new_pixmap_with_bbox_and_data(
            mupdf.fz_device_bgr(), box, mupdf.FzSeparations(), 1,
            mupdf.python_mutable_buffer_data(segment.buf))
        _draw_on(page, transform, pixmap)
        del pixmap  # (MuPDF lets go of the segment's memory before it is unmapped)
    except BaseException:
        segment.close()
        segment.unlink()
        raise
    segment.close()
    return SharedPixels(segment.name, width, height, width * 4, "bgrx")


def _placement(page: pymupdf.Page, scale: float, clip: tuple[float, float, float, float] | None
               ) -> tuple[pymupdf.mupdf.FzMatrix, pymupdf.mupdf.FzIrect]:
    """The page's transform at `scale` and the pixel box of the page (or of `clip`)."""
    mupdf = pymupdf.mupdf
    transform = mupdf.FzMatrix(scale, 0, 0, scale, 0, 0)
    bounds = mupdf.fz_bound_page(page.this)
    if clip is not None:
        bounds = mupdf.fz_intersect_rect(bounds, mupdf.FzRect(*clip))
    return transform, mupdf.fz_round_rect(mupdf.fz_transform_rect(bounds, transform))


def _draw_on(page: pymupdf.Page, transform: pymupdf.mupdf.FzMatrix,
             pixmap: pymupdf.mupdf.FzPixmap) -> None:
    """Draw the page on a white BGR pixmap with an opaque alpha byte."""
    mupdf = pymupdf.mupdf
    mupdf.fz_clear_pixmap_with_value(pixmap, 255)
    device = mupdf.fz_new_draw_device(mupdf.FzMatrix(), pixmap)
    try:
        mupdf.fz_run_page(page.this, device, transform, mupdf.FzCookie())
    finally:
        mupdf.fz_close_device(device)


def words(path: str, page: int) -> list[Word]:
    """The page's words as shown, in reading order (for snapping a marker to text)."""
    return page_words(document(path)[page])


def japanese_font() -> bytes:
    """The Japanese font MuPDF carries (the client's UI falls back to it)."""
    return pymupdf.Font("japan").buffer


def _resident_bytes() -> int:
    """This process's resident memory (Linux; 0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def close_documents() -> None:
    while _documents:
        _documents.popitem()[1].close()
