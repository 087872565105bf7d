"""The single PyMuPDF owner: renders off the caller's thread, drops stale work, survives errors."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pytest

from meeting.render.worker import RenderedPage, RenderRequest, RenderWorker


@pytest.fixture
def worker():
    worker = RenderWorker()
    yield worker
    worker.close()


def render(worker: RenderWorker, request: RenderRequest, channel: str = "test") -> RenderedPage:
    future: Future = Future()
    worker.render(request, future.set_result, channel)
    result = future.result(timeout=30)
    if isinstance(result, Exception):
        raise result
    return result


def ink_fraction(page: RenderedPage) -> float:
    """Share of pixels that are not white."""
    rows = [page.samples[y * page.stride: y * page.stride + page.width * 3]
            for y in range(0, page.height, 4)]
    pixels = [row[x:x + 3] for row in rows for x in range(0, len(row), 12)]
    return sum(1 for p in pixels if p != b"\xff\xff\xff") / len(pixels)


def test_renders_on_its_own_thread_at_the_asked_scale(worker, sample_pdfs):
    seen = []
    future: Future = Future()

    def done(result):
        seen.append(threading.current_thread().name)
        future.set_result(result)

    worker.render(RenderRequest(str(sample_pdfs[1]), 0, 2.0), done, "test")
    page = future.result(timeout=30)
    assert seen == ["meeting-render"]
    assert (page.width, page.height) == (1920, 1080)  # a 960 x 540 pt slide at 2 px/pt
    assert ink_fraction(page) > 0.05


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
    gate = threading.Event()
    worker.call(lambda: gate.wait(10))  # keep the worker busy while we queue
    results: list[int] = []
    done = threading.Event()
    for page in range(5):
        worker.render(RenderRequest(str(sample_pdfs[1]), page, 0.5),
                      lambda r: (results.append(r.request.page), done.set()), "view")
    assert worker.pending("view") == 1
    gate.set()
    assert done.wait(30)
    assert results == [4]


def test_cancel_drops_a_channel(worker, sample_pdfs):
    gate = threading.Event()
    worker.call(lambda: gate.wait(10))
    for page in range(3):
        worker.render(RenderRequest(str(sample_pdfs[1]), page, 0.2), lambda r: None, "thumbs",
                      latest_wins=False)
    assert worker.pending("thumbs") == 3
    worker.cancel("thumbs")
    assert worker.pending("thumbs") == 0
    gate.set()


def test_a_bad_page_is_an_error_result_and_the_worker_goes_on(worker, corpus, sample_pdfs):
    with pytest.raises(Exception):  # noqa: B017 - any PyMuPDF error is fine, it must come back
        render(worker, RenderRequest(str(corpus / "pdfjs__poppler-85140-0.pdf"), 0, 1.0))
    with pytest.raises(IndexError):
        render(worker, RenderRequest(str(sample_pdfs[0]), 99, 1.0))
    assert render(worker, RenderRequest(str(sample_pdfs[0]), 0, 0.5)).width > 0
