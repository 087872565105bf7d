"""The client's PyMuPDF in worker processes: renders off the GUI, drops stale work, survives
errors, slow pages and crashes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from meeting.pdf.pixels import leftover_segments
from meeting.pdf.processes import PdfJobFailed
from meeting.render.worker import (
    THUMBNAIL_PRIORITY,
    RenderedPage,
    RenderRequest,
    RenderWorker,
)
from tests.helpers.hostile_pdf import write_hostile_pdf


@pytest.fixture
def worker():
    worker = RenderWorker()
    yield worker
    pids = worker.worker_pids()
    worker.close()
    assert not [pid for pid in pids if alive(pid)], "a worker process outlived close()"
    # Only this test process's pools: a program killed elsewhere may have left its own.
    mine = os.getpid()
    assert leftover_segments(f"view{mine}_") == leftover_segments(f"back{mine}_") == []


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> str:
    return str(write_hostile_pdf(tmp_path_factory.mktemp("hostile") / "hostile.pdf", depth=4))


def alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


def render(worker: RenderWorker, request: RenderRequest, channel: str = "test") -> RenderedPage:
    future: Future = Future()
    worker.render(request, future.set_result, channel)
    result = future.result(timeout=30)
    if isinstance(result, Exception):
        raise result
    return result


def ink_fraction(page: RenderedPage) -> float:
    """Share of pixels that are not white."""
    size = 4 if page.layout == "bgrx" else 3
    rows = [page.samples[y * page.stride: y * page.stride + page.width * size]
            for y in range(0, page.height, 4)]
    pixels = [row[x:x + size] for row in rows for x in range(0, len(row), 4 * size)]
    return sum(1 for p in pixels if p != b"\xff" * size) / len(pixels)


def test_renders_in_another_process_at_the_asked_scale(worker, sample_pdfs):
    page = render(worker, RenderRequest(str(sample_pdfs[1]), 0, 2.0))
    assert (page.width, page.height) == (1920, 1080)  # a 960 x 540 pt slide at 2 px/pt
    assert ink_fraction(page) > 0.05
    assert len(worker.worker_pids()) == 2  # the view's worker and the background one


def test_a_page_shown_keeps_its_pixels_and_a_page_let_go_gives_its_memory_back(sample_pdfs):
    """The pixels are the worker's shared memory itself: not drawn over while an image shows
    them, drawn into again once it is gone (no fresh memory for every page turned)."""
    from PySide6.QtGui import QImage

    from meeting.ui.rendered_image import image_of

    worker = RenderWorker(1, screen=(960, 540))
    mine = f"view{os.getpid()}_"  # (other programs on this machine may have "view" segments)
    try:
        path = str(sample_pdfs[1])
        worker.worker_pids()  # started, its segment made ahead
        [reserved] = leftover_segments(mine)
        first = render(worker, RenderRequest(path, 0, 1.0))
        image = image_of(first)
        shown = image.copy()
        del first
        made = []
        for page in (1, 2, 3, 1):  # each into a segment given back when its page was dropped
            render(worker, RenderRequest(path, page, 1.0))
            assert image == shown  # the first page's image was not drawn over
            made.append(leftover_segments(mine))
        segments = set().union(*map(set, made))
        # the first page's and at most two more, drawn into again and again (a spare is not
        # made when the next page is asked for already)
        assert len(segments) <= 3 and reserved in segments
        del image
        again = render(worker, RenderRequest(path, 3, 1.0))
        assert QImage(image_of(again)) != shown
        assert len(leftover_segments(mine)) <= 3
    finally:
        worker.close()
    assert leftover_segments(mine) == []


def test_layout_applies_page_rotation(worker, corpus):
    future: Future = Future()
    worker.layout(str(corpus / "pypdf__habibi-rotated.pdf"), future.set_result)
    layout = future.result(timeout=30)
    assert layout.page_count == 4
    (w0, h0), (w1, h1) = layout.page_sizes[:2]
    assert (w0, h0) == pytest.approx((h1, w1))  # /Rotate 90 swaps width and height


@pytest.mark.parametrize("name", ["pdfjs__issue16538.pdf", "pdfjs__issue13343.pdf"])
def test_japanese_pages_render_with_glyphs(worker, corpus, name):
    """Embedded Japanese fonts, and a non-embedded one MuPDF must substitute."""
    page = render(worker, RenderRequest(str(corpus / name), 0, 2.0))
    assert ink_fraction(page) > 0.001


def test_latest_request_on_a_channel_replaces_waiting_ones(worker, sample_pdfs):
    worker.call(time.sleep, 1.0)  # keep the view worker busy while we queue
    results: list[int] = []
    done = threading.Event()
    for page in range(5):
        worker.render(RenderRequest(str(sample_pdfs[1]), page, 0.5),
                      lambda r: (results.append(r.request.page), done.set()), "view")
    assert worker.pending("view") == 1
    assert done.wait(30)
    time.sleep(0.2)
    assert results == [4]


def test_a_newer_request_abandons_a_slow_render_in_progress(worker, hostile, sample_pdfs):
    """The page turned past is not finished: its worker is killed, the new page comes soon."""
    dropped: list[object] = []
    worker.render(RenderRequest(hostile, 0, 1.0), dropped.append, "view")
    time.sleep(0.5)  # it is drawing now (it takes seconds)
    started = time.monotonic()
    page = render(worker, RenderRequest(str(sample_pdfs[1]), 0, 0.5), channel="view")
    assert page.width == 480
    assert time.monotonic() - started < 2.0
    assert dropped == []  # an abandoned page is never delivered


def test_cancel_drops_a_channel(worker, sample_pdfs):
    worker.call(time.sleep, 1.0, priority=THUMBNAIL_PRIORITY)  # the background worker, busy
    delivered: list[object] = []
    for page in range(3):
        worker.render(RenderRequest(str(sample_pdfs[1]), page, 0.2), delivered.append, "thumbs",
                      latest_wins=False, priority=THUMBNAIL_PRIORITY)
    assert worker.pending("thumbs") == 3
    worker.cancel("thumbs")
    assert worker.pending("thumbs") == 0
    time.sleep(1.2)
    assert delivered == []


def test_a_bad_page_is_an_error_result_and_the_worker_goes_on(worker, corpus, sample_pdfs):
    with pytest.raises(PdfJobFailed):
        render(worker, RenderRequest(str(corpus / "pdfjs__poppler-85140-0.pdf"), 0, 1.0))
    with pytest.raises(PdfJobFailed, match="IndexError"):
        render(worker, RenderRequest(str(sample_pdfs[0]), 99, 1.0))
    assert render(worker, RenderRequest(str(sample_pdfs[0]), 0, 0.5)).width > 0


def test_a_page_past_the_time_limit_fails_and_the_next_page_draws(hostile):
    worker = RenderWorker(time_limit=1.0)
    try:
        [before, _] = worker.worker_pids()
        started = time.monotonic()
        with pytest.raises(PdfJobFailed) as failed:
            render(worker, RenderRequest(hostile, 0, 1.0))
        assert failed.value.kind == "timeout"
        assert time.monotonic() - started < 3.0  # the page alone takes seconds
        assert not alive(before)
        assert ink_fraction(render(worker, RenderRequest(hostile, 1, 1.0))) > 0
    finally:
        worker.close()


def test_the_gui_process_never_loads_pymupdf(sample_pdfs):
    """Its workers do: in the GUI process it would be tens of MB for nothing."""
    script = (
        "import sys\n"
        "from concurrent.futures import Future\n"
        "import meeting.cli, meeting.ui.viewer_window, meeting.ui.display_window\n"
        "from meeting.render.worker import RenderRequest, RenderWorker\n"
        "worker = RenderWorker()\n"
        "done = Future()\n"
        f"worker.render(RenderRequest({str(sample_pdfs[1])!r}, 0, 0.5), done.set_result, 'x')\n"
        "page = done.result(timeout=60)\n"
        f"words = worker.words({str(sample_pdfs[1])!r}, 0).result(timeout=60)\n"
        "worker.close()\n"
        "print(page.width, bool(words), 'pymupdf' in sys.modules)\n")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root),
                               "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.split() == ["480", "True", "False"], done.stderr
