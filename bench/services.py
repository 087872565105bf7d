"""Throw-away PostgreSQL and Redis for bench/scale.py: each in a temporary folder of its own on
a free loopback port, never the system's instance or its default port, removed when stopped.
PostgreSQL refuses to run as root, so as root it runs as `nobody`."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from annotation_latency import ROOT, free_port  # (the bench folder's own module)

sys.path.insert(0, str(ROOT))
from tests.helpers.redis_service import RedisService

POSTGRES_BIN = Path(os.environ.get("MEETING_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "meeting"


class Unavailable(RuntimeError):
    """The service cannot be started here (its reason is the message)."""


class Postgres:
    """A PostgreSQL cluster of its own: `database()` makes an empty database and gives its URL."""

    def __init__(self) -> None:
        if not (POSTGRES_BIN / "initdb").is_file():
            raise Unavailable(f"no PostgreSQL in {POSTGRES_BIN}")
        self.folder = Path(tempfile.mkdtemp(prefix="meeting-bench-pg-"))
        self.port = free_port()
        self.as_owner: list[str] = []
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            os.chown(self.folder, nobody.pw_uid, nobody.pw_gid)
            self.as_owner = ["runuser", "-u", "nobody", "--"]
        self.data = self.folder / "data"
        self._databases = 0
        try:
            self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                      "-E", "UTF8", "--locale=C", "--no-sync")
            # A commit does not wait for its fsync (synchronous_commit=off): as durable as the
            # server's SQLite (WAL, synchronous=NORMAL: a power cut may lose the last commits,
            # never corrupts), so the two stores are compared on the same terms.
            self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w",
                      "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
                            "-c synchronous_commit=off", "start")
        except subprocess.CalledProcessError as error:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise Unavailable(f"PostgreSQL did not start: {error.stderr.strip()}") from error

    def _run(self, program: str, *args: str) -> None:
        subprocess.run([*self.as_owner, str(POSTGRES_BIN / program), *args], check=True,
                       capture_output=True, text=True, cwd=self.folder)

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def database(self) -> str:
        """A new, empty database: its URL."""
        import psycopg

        self._databases += 1
        name = f"bench{self._databases}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def pids(self) -> list[int]:
        """The postmaster (its backends are its children)."""
        return [int((self.data / "postmaster.pid").read_text().split()[0])]

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class Redis(RedisService):
    """The tests' throw-away redis-server (tests/helpers/redis_service.py), in a temporary
    folder of its own, removed when stopped."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="meeting-bench-redis-"))
        try:
            super().__init__(self.folder)
        except (pytest.skip.Exception, pytest.fail.Exception) as reason:  # (no redis-server)
            shutil.rmtree(self.folder, ignore_errors=True)
            raise Unavailable(str(reason)) from None

    def pids(self) -> list[int]:
        return [self.process.pid]

    def stop(self) -> None:
        try:
            super().stop()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
