"""The page view's render cache: neighbours ready before the turn, memory bounded by bytes."""

from __future__ import annotations

import pymupdf
import pytest

from meeting.render.worker import DocumentLayout
from meeting.ui.page_view import IMAGE_CACHE_BYTES, IMAGE_CACHE_PAGES, PageView, ZoomMode


@pytest.fixture
def long_document(tmp_path) -> DocumentLayout:
    pdf = pymupdf.open()
    for number in range(40):
        page = pdf.new_page(width=595, height=842)  # A4
        page.insert_text((72, 100), f"Page {number + 1}", fontsize=28)
    path = tmp_path / "long.pdf"
    pdf.save(path)
    return DocumentLayout(str(path), tuple((595.0, 842.0) for _ in range(40)))


def cached_pages(view: PageView) -> set[int]:
    return {key[1] for key in view._images}


def test_both_neighbours_are_rendered_before_they_are_asked_for(qtbot, runtime,
                                                                long_document):
    view = PageView(runtime.worker)
    qtbot.addWidget(view)  # destroyed on the GUI thread when the test ends
    view.resize(1280, 800)
    view.show()
    view.set_document(long_document, 10)
    qtbot.waitUntil(lambda: {9, 10, 11} <= cached_pages(view), timeout=10_000)
    view.show_page(11)
    assert view._image_for_page()[1]  # sharp at once: no wait for the worker
    qtbot.waitUntil(lambda: 12 in cached_pages(view), timeout=10_000)


def test_paging_through_zoomed_in_keeps_the_cache_within_its_budget(qtbot, runtime,
                                                                    long_document):
    view = PageView(runtime.worker)
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    view.set_document(long_document, 0)
    view.set_zoom_mode(ZoomMode.FIT_WIDTH)
    for _ in range(3):
        view.zoom_in()  # big pages: about 4,000 px tall, 20 MB each
    for page in range(24):
        view.show_page(page)
        qtbot.waitUntil(lambda p=page: view.painted == (view.document_path, p), timeout=10_000)
        assert view.cached_bytes() <= IMAGE_CACHE_BYTES
    image, sharp = view._image_for_page()
    assert sharp and image.sizeInBytes() > 15 * 2**20  # the budget, not a count, was the limit
    assert len(view._images) < 10


def test_small_pages_are_kept_up_to_a_count(qtbot, runtime, long_document):
    """On a tablet a page is 2 MB: the byte budget alone would keep 90 of them."""
    view = PageView(runtime.worker)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    view.set_document(long_document, 0)
    for page in range(IMAGE_CACHE_PAGES + 8):
        view.show_page(page)
        qtbot.waitUntil(lambda p=page: view.painted == (view.document_path, p), timeout=10_000)
    assert len(view._images) <= IMAGE_CACHE_PAGES
    assert view.cached_bytes() < IMAGE_CACHE_BYTES / 4
