"""The wheel built from this tree carries what the app reads at run time: icons, samples and
translations (meeting/resources), and the browser viewer with the socket.io client the lock file
pins (server/viewer). packaging/check-wheel.sh (in .ci/run) installs it in a fresh virtual
environment and runs the demo, the viewer and the tests from it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import meeting

ROOT = Path(__file__).resolve().parents[2]
SOCKET_IO = ROOT / "web" / "node_modules" / "socket.io-client" / "dist" / "socket.io.esm.min.js"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    if shutil.which("npm") is None:
        pytest.skip("building the wheel needs npm (the viewer's socket.io client)")
    out = tmp_path_factory.mktemp("wheel")
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)  # setuptools would reuse it
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w",
                            str(out), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    (path,) = out.glob("paperless_meeting-*.whl")
    return zipfile.ZipFile(path)


@pytest.mark.slow
def test_the_wheel_has_the_package_data(wheel) -> None:
    names = set(wheel.namelist())
    resources = ROOT / "meeting" / "resources"
    for kind, pattern in (("icons", "*"), ("samples", "*.pdf"), ("translations", "*.ts")):
        for file in (resources / kind).glob(pattern):
            name = f"meeting/resources/{kind}/{file.name}"
            assert name in names and wheel.read(name) == file.read_bytes(), name
    assert not [n for n in names if n.startswith(("tests/", "bench/", "web/"))]
    assert "meeting/resources/samples/generate.py" not in names


@pytest.mark.slow
def test_the_wheel_has_the_browser_viewer_and_its_client(wheel) -> None:
    page = [p for p in (ROOT / "web" / "viewer").iterdir() if p.suffix in (".html", ".js", ".css")]
    assert page
    for file in page:
        assert wheel.read(f"server/viewer/{file.name}") == file.read_bytes(), file.name
    client = wheel.read("server/viewer/socket.io.esm.min.js")
    lock = json.loads((ROOT / "web" / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/socket.io-client"]["version"]
    assert client.startswith(f"/*!\n * Socket.IO v{pinned}\n".encode())
    if SOCKET_IO.is_file():  # what `npm ci --prefix web` installed from the same lock file
        assert client == SOCKET_IO.read_bytes()


@pytest.mark.slow
def test_the_wheel_has_the_package_version(wheel) -> None:
    metadata = next(n for n in wheel.namelist() if n.endswith(".dist-info/METADATA"))
    assert f"\nVersion: {meeting.__version__}\n" in wheel.read(metadata).decode()


@pytest.mark.slow
def test_the_shipped_samples_are_what_their_script_makes(tmp_path) -> None:
    """The wheel ships the committed sample PDFs rather than making them at build time (which
    would put PyMuPDF in every build) or at first use (a step that can fail on the user's
    machine): safe because the script is deterministic, which this keeps true."""
    samples = ROOT / "meeting" / "resources" / "samples"
    made = subprocess.run([sys.executable, str(samples / "generate.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    shipped = sorted(samples.glob("*.pdf"))
    assert [p.name for p in shipped] == sorted(p.name for p in tmp_path.glob("*.pdf"))
    for pdf in shipped:
        assert (tmp_path / pdf.name).read_bytes() == pdf.read_bytes(), pdf.name
