"""Shared fixtures: a seeded real server on loopback, folders in tmp, offscreen Qt.

The store under the seeded server is `store_kind`: SQLite, and both SQLite and PostgreSQL for
the server's own tests (tests/server/: `pytest_generate_tests` parametrises it there). A test
on PostgreSQL gets its own database, named in $MEETING_DATABASE_URL for the test's length, so
every server and store the test opens (`ServerContext.open`, `LiveServer`, the command line)
uses it."""

from __future__ import annotations

import gc
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every server the tests start (in this process or a child) refuses a database call on its
# event loop: the whole suite proves none is made (server/store/loop_guard.py).
os.environ["MEETING_STORE_LOOP_GUARD"] = "1"

from server.context import DATABASE_URL_VARIABLE
from tests.helpers import postgres
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


@pytest.fixture
def steady_collector() -> Iterator[None]:
    """For a test that times the server it runs in this process: late in the suite a full
    collection walks every test's leftovers (0.3-0.4 s), which would be charged to the server.
    Frozen for the test's length, as meeting-server freezes its start-up
    (meeting/core/collector.py), and given back to the collector after."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


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


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): not run on PostgreSQL, for the reason given")


def pytest_collection_modifyitems(config, items) -> None:
    """A test about SQLite itself (its WAL, its file) runs on SQLite alone."""
    dropped = [item for item in items if item.get_closest_marker("sqlite_only")
               and getattr(item, "callspec", None) is not None
               and item.callspec.params.get("store_kind") == "postgresql"]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]


SERVER_TESTS = Path(__file__).parent / "server"
STORES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc) -> None:
    """Every server test that uses the store runs on each store (ids `[sqlite]`,
    `[postgresql]`); the client's tests use the embedded default."""
    if "store_kind" in metafunc.fixturenames and SERVER_TESTS in metafunc.definition.path.parents:
        metafunc.parametrize("store_kind", STORES, indirect=True, scope="session")


@pytest.fixture(scope="session")
def store_kind(request) -> str:
    """The store the seeded server runs on (one fixture: the session-scoped templates made
    from it are made again when it changes)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[postgres.Cluster]:
    reason = postgres.missing_reason()
    if reason is not None:
        if os.environ.get(postgres.REQUIRE) == "1":
            pytest.fail(f"{postgres.REQUIRE}=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    cluster = postgres.Cluster()
    yield cluster
    cluster.stop()


_TEMPLATE_DATABASES: dict[Path, str] = {}
"""The PostgreSQL database that goes with each template folder (its copy goes with a copy)."""


@contextmanager
def _database_of(folder: Path, store_kind: str, request, template: str | None = None
                 ) -> Iterator[None]:
    """On PostgreSQL: a new database (a copy of `template`) for `folder`, in use for the block."""
    if store_kind != "postgresql":
        yield
        return
    cluster = request.getfixturevalue("postgres_cluster")
    name = cluster.create_database(template, prefix="template")
    _TEMPLATE_DATABASES[folder] = name
    with postgres.environment(DATABASE_URL_VARIABLE, cluster.url(name)):
        yield


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory, sample_pdfs, store_kind, request) -> tuple[Path, Seeded]:
    """Seeding hashes six passwords and checks PDFs in subprocesses: do it once, copy per test."""
    folder = tmp_path_factory.mktemp("template") / "server"
    with _database_of(folder, store_kind, request):
        return folder, seed(folder, sample_pdfs)


@pytest.fixture(scope="session")
def approval_template(tmp_path_factory, seeded_template, store_kind, request) -> Path:
    """The seeded server plus the people of an approval route (scrypt once per session)."""
    from tests.helpers.approval import add_route_people

    template, _ = seeded_template
    folder = tmp_path_factory.mktemp("approval") / "server"
    shutil.copytree(template, folder)
    with _database_of(folder, store_kind, request, _TEMPLATE_DATABASES.get(template)):
        add_route_people(folder)
    return folder


@pytest.fixture(autouse=True)
def store_database(request, monkeypatch) -> Iterator[str | None]:
    """A test on PostgreSQL gets its own database: a copy of the template's it starts from
    (approval or seeded), else an empty one. Its URL is the test's $MEETING_DATABASE_URL."""
    monkeypatch.delenv(DATABASE_URL_VARIABLE, raising=False)
    if ("store_kind" not in request.fixturenames
            or request.getfixturevalue("store_kind") != "postgresql"):
        yield None
        return
    cluster = request.getfixturevalue("postgres_cluster")
    template = None
    if "approval_template" in request.fixturenames:
        template = _TEMPLATE_DATABASES[request.getfixturevalue("approval_template")]
    elif "seeded_template" in request.fixturenames:
        template = _TEMPLATE_DATABASES[request.getfixturevalue("seeded_template")[0]]
    name = cluster.create_database(template)
    url = cluster.url(name)
    monkeypatch.setenv(DATABASE_URL_VARIABLE, url)
    yield url
    cluster.drop_database(name)


@pytest.fixture
def seeded_server(tmp_path, seeded_template) -> Iterator[tuple[LiveServer, Seeded]]:
    template, seeded = seeded_template
    shutil.copytree(template, tmp_path / "server")
    live = LiveServer(tmp_path / "server").start()
    yield live, seeded
    live.stop()
