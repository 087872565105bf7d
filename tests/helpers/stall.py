"""For measuring whether the server stalls (tests/server/test_render_stall.py and
bench/server_stall.py): a second meeting, of heavy pages, beside the seeded one, and a prober
of `/health`."""

from __future__ import annotations

import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import requests

from server.context import ServerContext
from server.store.blobs import sha256_of

VIEWERS = ("paul", "pia", "otto")


@dataclass
class Heavy:
    """The meeting of heavy pages: document ids by name."""
    meeting_id: int
    slowest: int
    hostile: int
    plain: int


def add_heavy_meeting(data_dir: Path, pdfs: dict[str, Path]) -> Heavy:
    """The meeting, with paul, pia and otto invited; `pdfs` by the names of Heavy's fields,
    stored as they are (no check: a hostile file passes it anyway)."""
    context = ServerContext.open(data_dir)
    try:
        store = context.store
        meeting_id = store.create_meeting("Heavy pages 重いページ")
        for name in VIEWERS:
            user = store.user_by_name(name)
            assert user is not None
            store.invite(meeting_id, user)
        ids = {}
        for name, pdf in pdfs.items():
            incoming = context.blobs.new_incoming()
            shutil.copyfile(pdf, incoming)
            sha256 = sha256_of(incoming)
            context.blobs.commit(incoming, sha256)
            with pymupdf.open(pdf) as document:
                pages = document.page_count
            document_info, _ = store.add_document(
                meeting_id, sha256=sha256, title=name, filename=pdf.name, pages=pages,
                size=pdf.stat().st_size, added_by=None)
            ids[name] = document_info.id
        return Heavy(meeting_id, **ids)
    finally:
        context.close()


class Prober:
    """Asks `/health` every 10 ms on its own thread and keeps each answer's latency."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.latencies: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="health-prober")

    def _run(self) -> None:
        with requests.Session() as session:
            while not self._stop.is_set():
                started = time.perf_counter()
                session.get(f"{self.url}/health", timeout=60).raise_for_status()
                self.latencies.append(time.perf_counter() - started)
                self._stop.wait(0.01)

    def __enter__(self) -> Prober:
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()


def p99(latencies: list[float]) -> float:
    return sorted(latencies)[min(len(latencies) - 1, int(len(latencies) * 0.99))]


def big_pdf(path: Path, megabytes: int) -> Path:
    """A valid one-page PDF of about `megabytes`: an incompressible stream, stored as it is."""
    document = pymupdf.open()
    document.new_page().insert_text((72, 72), "a large upload")
    xref = document.get_new_xref()
    document.update_object(xref, "<< >>")
    document.update_stream(xref, os.urandom(megabytes * 2**20), compress=False)
    document.xref_set_key(document[0].xref, "PieceInfo", f"<< /Noise {xref} 0 R >>")
    document.save(path)
    document.close()
    return path
