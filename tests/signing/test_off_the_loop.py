"""The signing runs in a child process: the server's event loop goes on meanwhile."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

import pytest

from server.signing.authority import SigningError
from server.signing.produce import produce_signed_pdfs_async
from server.signing.validate import validate_signed_pdf

pytestmark = pytest.mark.slow


def test_signed_in_a_child_while_the_loop_keeps_ticking(authority, circulation, tmp_path):
    async def run() -> tuple[list, int, float]:
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        ticker = asyncio.create_task(tick())
        started = time.perf_counter()
        paths = await produce_signed_pdfs_async(authority, circulation, tmp_path / "out")
        took = time.perf_counter() - started
        ticker.cancel()
        return paths, ticks, took

    paths, ticks, took = asyncio.run(run())
    print(f"last approval to the signed PDFs of 3 documents, in the child: {took:.2f} s")
    assert len(paths) == 3
    assert ticks >= took / 0.01 * 0.5  # the loop ran at least half its ticks meanwhile
    assert all(s.valid for p in paths for s in validate_signed_pdf(p, authority.trust_roots()))


def test_the_childs_refusal_is_raised_in_the_server(authority, circulation, tmp_path):
    authority.issue("dir", "鈴木 一郎", "総務部", now=datetime.now(UTC) - timedelta(days=9),
                    days=3)
    with pytest.raises(SigningError, match="signing certificate of dir expired"):
        asyncio.run(produce_signed_pdfs_async(authority, circulation, tmp_path / "out"))
