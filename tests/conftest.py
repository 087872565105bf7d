"""Shared fixtures: a seeded real server on loopback, folders in tmp, offscreen Qt."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every server the tests start (in this process or a child) refuses a database call on its
# event loop: the whole suite proves none is made (server/store/loop_guard.py).
os.environ["MEETING_STORE_LOOP_GUARD"] = "1"

from tests.helpers.hygiene import describe_threads, threads_left
from tests.helpers.live import CORPUS, SAMPLES, LiveServer, Seeded, seed

pytest_plugins = ["pytester"]  # (tests/ui/test_hygiene.py runs pytest on tests of its own)


@pytest.fixture(autouse=True)
def no_threads_left() -> Iterator[None]:
    """Fails a test whose threads (a server, a socket, a pool) outlive its own teardown."""
    before = set(threading.enumerate())
    yield
    left = threads_left(before)
    if left:
        pytest.fail(f"threads left running after the test: {describe_threads(left)}",
                    pytrace=False)


@pytest.fixture(scope="session")
def sample_pdfs():
    pdfs = sorted(SAMPLES.glob("*.pdf"))
    assert pdfs, "sample material missing: run python meeting/resources/samples/generate.py"
    return pdfs


@pytest.fixture
def corpus():
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory, sample_pdfs) -> tuple[Path, Seeded]:
    """Seeding hashes six passwords and checks PDFs in subprocesses: do it once, copy per test."""
    folder = tmp_path_factory.mktemp("template") / "server"
    return folder, seed(folder, sample_pdfs)


@pytest.fixture(scope="session")
def approval_template(tmp_path_factory, seeded_template) -> Path:
    """The seeded server plus the people of an approval route (scrypt once per session)."""
    from tests.helpers.approval import add_route_people

    template, _ = seeded_template
    folder = tmp_path_factory.mktemp("approval") / "server"
    shutil.copytree(template, folder)
    add_route_people(folder)
    return folder


@pytest.fixture
def seeded_server(tmp_path, seeded_template) -> Iterator[tuple[LiveServer, Seeded]]:
    template, seeded = seeded_template
    shutil.copytree(template, tmp_path / "server")
    live = LiveServer(tmp_path / "server").start()
    yield live, seeded
    live.stop()
