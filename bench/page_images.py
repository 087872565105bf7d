"""Pages for the browser viewer: what a browser waits for, over HTTP from the real server.

    python bench/page_images.py [--corpus ../shared/corpus] [--width 1280]

For the sample material and every corpus PDF the server accepts, page 1 (and 2) as PNG at the
width asked, through `GET /api/meetings/…/pages/N?width=W` on a server on loopback:
  cold    the first request (rendered by PyMuPDF on the server);
  cached  the same request again (from the server's image cache);
  poppler `pdftoppm -png -scale-to-x W` on the same page (process start included): the baseline
          a server without PyMuPDF would use; ratio = cold / poppler.
Also the PNG's size against the PDF's. pdftoppm comes from Debian's poppler-utils (n/a without).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests

from meeting.core.protocol import Role
from server.context import ServerContext
from server.embedded import EmbeddedServer
from tests.helpers.live import CORPUS, SAMPLES

PASSWORD = "bench-password"


def add_documents(data: Path, pdfs: list[Path]) -> tuple[int, list[tuple[Path, int, int]]]:
    import asyncio

    from server.ingest import ingest
    from server.store.repository import StoreError

    context = ServerContext.open(data)
    try:
        user = context.store.add_user("bench", Role.ORGANIZER, PASSWORD)
        meeting = context.store.create_meeting("bench")
        context.store.invite(meeting, user)
        added = []
        for pdf in pdfs:
            incoming = context.blobs.new_incoming()
            shutil.copyfile(pdf, incoming)
            try:
                document = asyncio.run(ingest(context, meeting, incoming, filename=pdf.name,
                                              title=None, added_by=user))
            except (StoreError, Exception) as error:  # refused uploads are simply not timed
                print(f"  (skipped {pdf.name}: {getattr(error, 'message', error)})")
                continue
            added.append((pdf, document.id, document.pages))
        return meeting, added
    finally:
        context.close()


def timed_get(session: requests.Session, url: str) -> tuple[float, int]:
    started = time.perf_counter()
    response = session.get(url, timeout=60)
    response.raise_for_status()
    return time.perf_counter() - started, len(response.content)


def poppler(pdf: Path, page: int, width: int) -> float | None:
    if shutil.which("pdftoppm") is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        subprocess.run(["pdftoppm", "-png", "-f", str(page + 1), "-l", str(page + 1),
                        "-scale-to-x", str(width), "-scale-to-y", "-1", str(pdf),
                        f"{folder}/p"], capture_output=True, timeout=120)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    pdfs = sorted(SAMPLES.glob("*.pdf")) + sorted(args.corpus.glob("*.pdf"))
    with tempfile.TemporaryDirectory() as folder:
        meeting, documents = add_documents(Path(folder), pdfs)
        server = EmbeddedServer(Path(folder))
        url = server.start()
        try:
            http = requests.Session()
            token = http.post(f"{url}/api/login", json={"username": "bench",
                                                         "password": PASSWORD}).json()
            http.headers["Authorization"] = f"Bearer {token['data']['token']}"
            print(f"{'file':44} {'page':>4} {'cold ms':>8} {'cached':>7} {'poppler':>8} "
                  f"{'ratio':>6} {'PNG KB':>7} {'PDF KB':>7}")
            colds, cacheds, ratios = [], [], []
            for pdf, document_id, pages in documents:
                for page in range(min(pages, 2)):
                    page_url = (f"{url}/api/meetings/{meeting}/documents/{document_id}/pages/"
                                f"{page}?width={args.width}")
                    cold, size = timed_get(http, page_url)
                    cached, _ = timed_get(http, page_url)
                    base = poppler(pdf, page, args.width)
                    ratio = cold / base if base else None
                    colds.append(cold)
                    cacheds.append(cached)
                    if ratio:
                        ratios.append(ratio)
                    print(f"{pdf.name[:44]:44} {page + 1:>4} {cold * 1000:8.1f} "
                          f"{cached * 1000:7.1f} "
                          f"{(f'{base * 1000:.1f}' if base else 'n/a'):>8} "
                          f"{(f'{ratio:.2f}' if ratio else 'n/a'):>6} {size / 1024:7.0f} "
                          f"{pdf.stat().st_size / 1024:7.0f}")
            print(f"\n{len(colds)} pages at {args.width} px: "
                  f"median cold {statistics.median(colds) * 1000:.1f} ms, "
                  f"median cached {statistics.median(cacheds) * 1000:.1f} ms, "
                  f"worst cold {max(colds) * 1000:.0f} ms"
                  + (f", median ratio to pdftoppm {statistics.median(ratios):.2f}"
                     if ratios else ""))
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
