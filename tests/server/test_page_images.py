"""Pages as images for browsers, and the viewer's own files, from the real server."""

from __future__ import annotations

import pymupdf
import requests

from server.http_routes import CONTEXT
from server.page_images import image_width
from tests.helpers.live import login


def get_page(live, seeded, token, page=0, width="1000", document=None):
    document = document or seeded.documents[1]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(
        f"{live.url}/api/meetings/{seeded.meeting_id}/documents/{document}/pages/{page}",
        params={"width": width}, headers=headers, timeout=30)


def test_a_page_comes_as_a_png_of_the_width_asked_rounded_up(seeded_server):
    live, seeded = seeded_server
    token = login(live.url, "paul")
    response = get_page(live, seeded, token, page=2, width="1000")
    assert response.status_code == 200 and response.headers["Content-Type"] == "image/png"
    image = pymupdf.Pixmap(response.content)
    assert image.width == 1024  # 1000 rounded up to a multiple of 128
    width_pt = float(response.headers["X-Page-Width"])
    height_pt = float(response.headers["X-Page-Height"])
    assert abs(image.height - round(1024 * height_pt / width_pt)) <= 1  # the page's shape
    assert get_page(live, seeded, token, page=2, width="1000").content == response.content
    cache = live.server._runner.app[CONTEXT].page_images
    assert cache.cached_bytes == len(response.content)  # rendered once, then from the cache
    for asked, rendered in ((1, 128), (129, 256), (4096, 4096), (9000, 4096)):
        assert image_width(asked) == rendered


def test_who_may_see_a_page_and_what_is_refused(seeded_server):
    live, seeded = seeded_server
    member = login(live.url, "paul")
    assert get_page(live, seeded, None).status_code == 401
    outsider = get_page(live, seeded, login(live.url, "otto"))
    assert outsider.status_code == 404 and outsider.json()["error"]["code"] == "not_found"
    assert get_page(live, seeded, member, page=99).status_code == 404
    assert get_page(live, seeded, member, document=999).status_code == 404
    for width in ("abc", "0", "-5", "100000"):
        reply = get_page(live, seeded, member, width=width)
        assert reply.status_code == 400 and reply.json()["error"]["code"] == "invalid_payload"


def test_the_viewer_is_served_with_a_strict_policy(seeded_server):
    live, _ = seeded_server
    page = requests.get(f"{live.url}/viewer", timeout=10)  # redirected to /viewer/
    assert page.status_code == 200 and page.url.endswith("/viewer/")
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert 'src="viewer.js"' in page.text
    client = requests.get(f"{live.url}/viewer/socket.io.esm.min.js", timeout=10)
    assert client.status_code == 200 and "javascript" in client.headers["Content-Type"]
    for name in ("../pyproject.toml", "package.json", "nothing.js"):
        assert requests.get(f"{live.url}/viewer/{name}", timeout=10).status_code == 404


def test_the_image_cache_stays_within_its_budget(sample_pdfs):
    import asyncio

    from server.page_images import PageImages
    from server.pdf_jobs import PdfJobs

    jobs = PdfJobs(workers=1)
    images = PageImages(budget=1)  # smaller than any image: only the newest is kept
    pdf = sample_pdfs[1]
    try:
        for page in (0, 1, 2):
            image = asyncio.run(images.get(jobs, "paul", "x" * 64, pdf, page, 256))
            assert images.cached_bytes == len(image.png)
    finally:
        jobs.close()
