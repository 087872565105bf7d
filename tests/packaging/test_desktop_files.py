"""The desktop integration and server packaging files: a desktop entry that validates, the
project's icon at every size (and an .ico Windows reads), a systemd unit with its hardening,
and a PyInstaller spec whose files exist. The build itself: test_pyinstaller_build.py."""

from __future__ import annotations

import configparser
import importlib.metadata
import re
import shutil
import struct
import subprocess
import tomllib
from pathlib import Path

import pymupdf
import pytest

import meeting

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "meeting" / "resources" / "icons"


def test_the_desktop_entry_has_what_menus_need_in_both_languages():
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "packaging" / "linux" / "paperless-meeting.desktop", encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application" and main["Exec"].startswith("meeting")
    assert main["Name[ja]"] == "ペーパーレス会議" and main["Comment[ja]"]
    assert main["Icon"] == "paperless-meeting" and "Office" in main["Categories"]
    validate = shutil.which("desktop-file-validate")
    if validate:  # Debian's desktop-file-utils, when installed
        done = subprocess.run([validate, str(ROOT / "packaging" / "linux" /
                                             "paperless-meeting.desktop")],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_the_icon_exists_at_each_size(size):
    image = pymupdf.Pixmap(str(ICONS / f"paperless-meeting-{size}.png"))
    assert (image.width, image.height) == (size, size) and image.alpha


def test_the_windows_icon_holds_png_images_up_to_256():
    data = (ICONS / "paperless-meeting.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 5
    sides = []
    for n in range(count):
        side, _, _, _, _, _, size, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * n)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and size > 0
        sides.append(side or 256)
    assert 16 in sides and 256 in sides


def test_the_macos_icon_holds_png_images_from_16_to_1024():
    data = (ICONS / "paperless-meeting.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    sides, at = {}, 8
    while at < len(data):
        kind, length = data[at:at + 4], struct.unpack_from(">I", data, at + 4)[0]
        image = pymupdf.Pixmap(data[at + 8:at + length])  # each entry a PNG
        assert image.width == image.height
        sides[kind] = image.width
        at += length
    assert at == len(data)
    assert sides == {b"icp4": 16, b"icp5": 32, b"ic11": 32, b"icp6": 64, b"ic12": 64,
                     b"ic07": 128, b"ic08": 256, b"ic13": 256, b"ic09": 512, b"ic14": 512,
                     b"ic10": 1024}


def test_the_systemd_unit_runs_the_server_confined():
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str
    unit.read(ROOT / "packaging" / "server" / "meeting-server.service", encoding="utf-8")
    service = unit["Service"]
    assert "meeting-server --data-dir ${STATE_DIRECTORY}" in service["ExecStart"]
    assert service["User"] == "meeting" and service["StateDirectory"] == "meeting-server"
    for hardening in ("NoNewPrivileges", "PrivateTmp", "ProtectHome"):
        assert service[hardening] == "true"
    assert service["ProtectSystem"] == "strict" and service["CapabilityBoundingSet"] == ""
    environment = (ROOT / "packaging" / "server" / "meeting-server.env").read_text()
    assert "MEETING_PORT=" in environment and "MEETING_HOST=" in environment


def test_the_spec_packs_files_that_exist():
    spec = (ROOT / "packaging" / "pyinstaller" / "meeting.spec").read_text()
    for part in ("meeting/resources/samples", "meeting/resources/icons",
                 "meeting/resources/translations", "server/viewer", "socket.io.esm.min.js",
                 "server.pdfcheck", "server.pdftext"):
        assert part in spec
    assert (ROOT / "web" / "viewer" / "index.html").exists()
    assert list((ROOT / "meeting" / "resources" / "samples").glob("*.pdf"))
    assert (ROOT / "server" / "pdftext.py").exists() and (ROOT / "server" / "pdfcheck.py").exists()
    for named in ("launch.py", "launch_server.py", "hooks", "paperless-meeting.icns"):
        assert named in spec
    assert (ROOT / "packaging" / "pyinstaller" / "hooks" / "hook-PySide6.QtGui.py").exists()
    assert (ROOT / "packaging" / "pyinstaller" / "launch_server.py").exists()


VERSION = re.compile(r"""version\s*=\s*["']?\d+\.\d+|AppVersion\s+["']\d""", re.I)


def test_the_version_is_written_once_and_read_from_the_package_everywhere():
    """meeting/__init__.py says it; pyproject, the spec and the installer script read it."""
    written = {path.name: VERSION.findall(path.read_text(encoding="utf-8")) for path in (
        ROOT / "pyproject.toml", ROOT / "packaging" / "pyinstaller" / "meeting.spec",
        ROOT / "packaging" / "windows" / "meeting.iss")}
    assert written == {"pyproject.toml": [], "meeting.spec": [], "meeting.iss": []}
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "meeting.__version__"}
    assert importlib.metadata.version("paperless-meeting") == meeting.__version__
    installer = (ROOT / "packaging" / "windows" / "meeting.iss").read_text(encoding="utf-8")
    assert '#include "..\\..\\build\\package-data\\version.iss"' in installer
    spec = (ROOT / "packaging" / "pyinstaller" / "meeting.spec").read_text(encoding="utf-8")
    assert 'BUILD / "version.iss"' in spec and "version=__version__" in spec
