"""The build's one step beyond setuptools' defaults: the browser viewer goes into the wheel.

The page (`web/viewer/`) is copied to `server/viewer/`, and beside it the socket.io client the
page loads, brought in from `web/package-lock.json` by `npm ci` in a scratch folder: the exact
version the lock pins, never a copy committed by hand. Everything else is in pyproject.toml.
An editable install copies nothing (the server then serves the source tree's `web/`).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

WEB = Path(__file__).resolve().parent / "web"
PAGE_FILES = ("*.html", "*.js", "*.css")
SOCKET_IO = Path("node_modules", "socket.io-client", "dist", "socket.io.esm.min.js")


def socket_io_client(scratch: Path) -> Path:
    """The client the lock file pins, installed by npm in `scratch`."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("building paperless-meeting needs Node.js's npm: it brings the browser "
                         "viewer's socket.io client from web/package-lock.json")
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(WEB / name, scratch / name)
    subprocess.run([npm, "ci", "--prefix", str(scratch), "--no-audit", "--no-fund",
                    "--ignore-scripts"], check=True)
    return scratch / SOCKET_IO


class BuildWithViewer(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib) / "server" / "viewer"
        target.mkdir(parents=True, exist_ok=True)
        for pattern in PAGE_FILES:
            for page_file in sorted((WEB / "viewer").glob(pattern)):
                shutil.copyfile(page_file, target / page_file.name)
        with tempfile.TemporaryDirectory(prefix="meeting-npm-") as scratch:
            shutil.copyfile(socket_io_client(Path(scratch)), target / SOCKET_IO.name)


setup(cmdclass={"build_py": BuildWithViewer})
