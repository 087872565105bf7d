"""The PDF pool: jobs in killable worker processes, pixels through shared memory, no leftovers."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from meeting.pdf import documents
from meeting.pdf.pixels import SharedPixels, forget_segments, leftover_segments, share_samples
from meeting.pdf.processes import ABANDON_GRACE, PdfJobFailed, PdfPool
from tests.helpers.hostile_pdf import write_hostile_pdf


@pytest.fixture
def pool():
    pool = PdfPool(1, time_limit=20.0, name="ptest")
    yield pool
    pids = pool.worker_pids()
    pool.close()
    assert not [pid for pid in pids if alive(pid)], "a worker outlived close()"
    assert leftover_segments("ptest") == []


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> str:
    """Page 1 takes seconds to draw; page 2 is quick."""
    return str(write_hostile_pdf(tmp_path_factory.mktemp("hostile") / "hostile.pdf", depth=4))


def alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


def failure(future) -> PdfJobFailed:
    with pytest.raises(PdfJobFailed) as caught:
        future.result(timeout=30)
    return caught.value


def test_a_page_comes_back_as_shared_pixels_and_leaves_no_segment(pool, sample_pdfs):
    pixels = pool.submit(documents.render, str(sample_pdfs[1]), 0, 2.0).result(timeout=30)
    assert isinstance(pixels, SharedPixels)
    assert (pixels.width, pixels.height, pixels.stride) == (1920, 1080, 1920 * 3)
    assert leftover_segments("ptest") == [pixels.name]
    samples = pixels.take()
    assert len(samples) == 1920 * 1080 * 3
    assert samples.count(b"\xff") < len(samples)  # something drawn, not a blank page
    assert leftover_segments("ptest") == []


def test_bgrx_pixels_are_the_rgb_ones_reordered_on_a_white_page(pool, corpus):
    """What Qt paints without converting (Format_RGB32), of a rotated page, clipped too."""
    path = str(corpus / "pypdf__habibi-rotated.pdf")
    for clip in (None, (10.0, 20.0, 200.0, 150.0)):
        rgb = pool.submit(documents.render, path, 1, 0.7, clip).result(timeout=30)
        bgrx = pool.submit(documents.render, path, 1, 0.7, clip, "bgrx").result(timeout=30)
        assert (bgrx.width, bgrx.height, bgrx.layout) == (rgb.width, rgb.height, "bgrx")
        assert bgrx.stride == bgrx.width * 4
        rgb_samples, bgrx_samples = rgb.take(), bgrx.take()
        assert bgrx_samples[3::4] == b"\xff" * (bgrx.width * bgrx.height)
        for y in range(0, rgb.height, 7):
            row = bgrx_samples[y * bgrx.stride:(y + 1) * bgrx.stride]
            reordered = bytes(b for x in range(bgrx.width) for b in row[4 * x:4 * x + 3][::-1])
            assert reordered == rgb_samples[y * rgb.stride:y * rgb.stride + rgb.width * 3], y
    assert leftover_segments("ptest") == []


def test_page_sizes_and_words_come_from_the_worker(pool, corpus, sample_pdfs):
    sizes = pool.submit(documents.page_sizes, str(corpus / "pypdf__habibi-rotated.pdf"))
    (w0, h0), (w1, h1) = sizes.result(timeout=30)[:2]
    assert (w0, h0) == pytest.approx((h1, w1))
    words = pool.submit(documents.words, str(sample_pdfs[1]), 0).result(timeout=30)
    assert words and all(word.text for word in words)


def test_a_job_past_its_time_limit_is_killed_and_its_worker_replaced(pool, hostile):
    [before] = pool.worker_pids()
    started = time.monotonic()
    assert failure(pool.submit(documents.render, hostile, 0, 1.0, time_limit=0.5)).kind \
        == "timeout"
    assert time.monotonic() - started < 2.5  # the page alone takes seconds
    assert not alive(before)
    assert pool.submit(documents.render, hostile, 1, 1.0).result(timeout=30).take()
    assert pool.worker_pids() != [before]


def test_a_crashing_job_kills_only_its_worker(pool, sample_pdfs):
    assert failure(pool.submit(ctypes.string_at, 0)).kind == "crashed"  # SIGSEGV
    assert pool.submit(documents.page_sizes, str(sample_pdfs[0])).result(timeout=30)


def test_the_memory_limit_fails_the_job_as_crashed(sample_pdfs):
    with PdfPool(1, memory_limit=400 * 2**20, name="ptest") as pool:
        assert failure(pool.submit(bytearray, 4 * 2**30)).kind == "crashed"
        huge = failure(pool.submit(documents.render, str(sample_pdfs[1]), 0, 20.0))  # 622 MB
        assert huge.kind == "crashed" and "malloc" in huge.message
        assert pool.submit(len, "still works").result(timeout=30) == 11


def test_an_exception_in_the_job_is_an_error_and_the_worker_stays(pool, corpus, sample_pdfs):
    [before] = pool.worker_pids()
    error = failure(pool.submit(documents.page_sizes, str(corpus / "pdfjs__poppler-85140-0.pdf")))
    assert error.kind == "error" and "FileDataError" in error.message
    assert failure(pool.submit(documents.render, str(sample_pdfs[0]), 99, 1.0)).kind == "error"
    assert pool.worker_pids() == [before]


def test_queued_jobs_go_by_priority_and_a_cancelled_one_never_runs(pool, tmp_path):
    busy = pool.submit(time.sleep, 0.5)
    while not busy.running():
        time.sleep(0.01)
    order: list[str] = []
    lock = threading.Lock()

    def note(name):
        return lambda _: (lock.acquire(), order.append(name), lock.release())

    late = pool.submit(os.mkdir, str(tmp_path / "late"), priority=20)
    soon = pool.submit(os.mkdir, str(tmp_path / "soon"), priority=0)
    dropped = pool.submit(os.mkdir, str(tmp_path / "dropped"), priority=0)
    late.add_done_callback(note("late"))
    soon.add_done_callback(note("soon"))
    assert pool.pending() == 3
    assert dropped.cancel()
    late.result(timeout=30)
    busy.result(timeout=30)
    assert order == ["soon", "late"]
    assert not (tmp_path / "dropped").exists()


def test_an_abandoned_long_job_is_killed_soon(pool):
    [before] = pool.worker_pids()
    future = pool.submit(time.sleep, 30)
    while not future.running():
        time.sleep(0.01)
    started = time.monotonic()
    pool.abandon(future)
    assert failure(future).kind == "abandoned"
    assert pool.submit(len, "ab").result(timeout=30) == 2
    assert time.monotonic() - started < ABANDON_GRACE + 2
    assert not alive(before)


def test_an_abandoned_short_job_finishes_and_its_pixels_are_released(pool, sample_pdfs):
    [before] = pool.worker_pids()
    future = pool.submit(documents.render, str(sample_pdfs[0]), 0, 0.5)
    pool.abandon(future)
    assert pool.submit(len, "ab").result(timeout=30) == 2  # after the abandoned one
    assert leftover_segments("ptest") == []
    assert pool.worker_pids() == [before]


def test_a_dead_workers_segments_are_swept(tmp_path):
    pixels = share_samples(memoryview(b"\x00" * 30), 10, 1, 30)
    assert leftover_segments(pixels.name) == [pixels.name]
    assert forget_segments(pixels.name) == 1
    assert leftover_segments(pixels.name) == []


def test_close_ends_workers_and_cancels_queued_jobs(sample_pdfs):
    pool = PdfPool(2, name="ptest")
    pids = pool.worker_pids()
    running = pool.submit(time.sleep, 30)
    while not running.running():
        time.sleep(0.01)
    queued = [pool.submit(time.sleep, 30) for _ in range(3)]
    assert len(pids) == 2
    pool.close()
    assert all(future.cancelled() for future in queued[1:])
    assert failure(running).kind == "abandoned"
    assert not [pid for pid in pids if alive(pid)]
    with pytest.raises(RuntimeError):
        pool.submit(len, "closed")



def main_module_in_worker() -> str:
    """(Run in a worker.) Whether the parent's main module and Qt were imported in it."""
    main = getattr(sys.modules["__main__"], "__file__", None) or ""
    return f"main {main.endswith('parent.py')}, Qt {'PySide6' in sys.modules}"


def test_workers_do_not_run_the_parents_main_module(tmp_path):
    """multiprocessing re-imports a script's main module in each child: for the app that was
    Qt and all of the client in every worker."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import PySide6.QtCore\n"
        "from meeting.pdf.processes import PdfPool\n"
        "from tests.pdf.test_processes import main_module_in_worker\n"
        "if __name__ == '__main__':\n"
        "    with PdfPool(1, name='ptest') as pool:\n"
        "        print(pool.submit(main_module_in_worker).result(timeout=30))\n")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120, cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
    assert done.stdout.strip() == "main False, Qt False", done.stderr
