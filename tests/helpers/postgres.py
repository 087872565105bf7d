"""A throw-away PostgreSQL cluster for the test session: `initdb` in a temporary folder, a free
port, its unix socket in that folder, fsync off (nothing in it must survive a crash), run as an
unprivileged user when the tests run as root (PostgreSQL refuses root). Each test gets a fresh
database, a copy of a seeded template (`CREATE DATABASE … TEMPLATE`, much faster than seeding).

Without the binaries the tests that need it are skipped with the reason; with
`MEETING_REQUIRE_POSTGRES=1` (CI) they fail instead."""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REQUIRE = "MEETING_REQUIRE_POSTGRES"
UNPRIVILEGED_USER = "nobody"
SUPERUSER = "meeting"


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian's layout), or PATH's."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing_reason() -> str | None:
    if binaries() is None:
        return "PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or PATH)"
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError:
        return "psycopg is not installed: pip install 'paperless-meeting[scale]'"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """One running cluster; `create_database`/`drop_database` for each test."""

    def __init__(self) -> None:
        bin_dir = binaries()
        assert bin_dir is not None
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="meeting-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam(UNPRIVILEGED_USER)
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._as_user = ["runuser", "-u", UNPRIVILEGED_USER, "--"]
        self._names = itertools.count(1)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=400 -c shared_buffers=64MB")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-o",
                  options, "-w", "-t", "60", "start")
        import psycopg

        self.admin = psycopg.connect(self.url("postgres"), autocommit=True)

    def _run(self, program: str, *arguments: str) -> None:
        subprocess.run([*self._as_user, str(self.bin / program), *arguments], check=True,
                       capture_output=True, timeout=120, cwd=self.folder)

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@/{database}?host={self.folder}&port={self.port}"

    def create_database(self, template: str | None = None, prefix: str = "test") -> str:
        """A new database (a copy of `template`, or empty); returns its name."""
        name = f"{prefix}_{next(self._names)}"
        copy = f' TEMPLATE "{template}"' if template else ""
        self.admin.execute(f'CREATE DATABASE "{name}"{copy}')
        return name

    def drop_database(self, name: str) -> None:
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        self.admin.close()
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def environment(variable: str, value: str) -> Iterator[None]:
    """`variable` set to `value` for the block (a session fixture has no monkeypatch)."""
    before = os.environ.get(variable)
    os.environ[variable] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(variable, None)
        else:
            os.environ[variable] = before
