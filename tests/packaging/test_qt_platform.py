"""A machine without the X11 libraries Qt's xcb plugin needs: the app names them and the command
that installs them, instead of Qt's generic abort.

The real check runs against the real plugin. To see the failing path on a machine that has the
libraries (CI installs them), the app is started in a mount namespace of its own where the
system's library folder is the same except for the libraries a fresh Debian desktop lacks: the
real loader really cannot find them there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from meeting import qt_platform
from meeting.core.messages import JAPANESE

FRESH_DESKTOP_LACKS = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
needs_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
    ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, "linux", True),
    ({}, "win32", False),
    ({"QT_QPA_PLATFORM": "xcb"}, "darwin", False),
])
def test_only_where_qt_would_load_xcb(environ, platform, expected) -> None:
    assert qt_platform.would_use_xcb(environ, platform) is expected


def test_the_check_loads_no_qt() -> None:
    """It runs where Qt cannot start: it must not load any of it (nor need a display)."""
    probe = ("import sys, os\nfrom meeting import qt_platform\n"
             "qt_platform.check({**os.environ, 'QT_QPA_PLATFORM': 'xcb'})\n"
             "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_every_message_has_its_japanese() -> None:
    for template in (qt_platform.CANNOT_START, qt_platform.INSTALL_WITH, qt_platform.NO_PACKAGE):
        assert template in JAPANESE, template


def ldd_listing(plugin: Path) -> dict[str, str | None]:
    """Each library the plugin loads: where the loader finds it, or None."""
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    found: dict[str, str | None] = {}
    for line in out.splitlines():
        name, arrow, where = line.strip().partition(" => ")
        if arrow:
            found[name] = None if where.startswith("not found") else where.split(" (")[0]
    return found


@needs_linux
def test_the_table_knows_every_x11_library_the_plugin_loads() -> None:
    plugin = qt_platform.xcb_plugin()
    assert plugin is not None, "PySide6 brings libqxcb.so on Linux"
    for library in ldd_listing(plugin):
        if library.startswith(("libxcb", "libxkb", "libX", "libEGL", "libGL")):
            assert library in qt_platform.DEBIAN_PACKAGES, library


@needs_linux
@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="Debian's package database")
def test_the_check_agrees_with_the_package_database() -> None:
    """What the check reports missing is exactly what dpkg says is not installed, on this very
    machine (before CI installs the libraries as after)."""
    plugin = qt_platform.xcb_plugin()
    assert plugin is not None
    missing = qt_platform.missing_libraries(plugin)
    reported = set(missing.libraries) if missing else set()
    for library in ldd_listing(plugin):
        package = qt_platform.DEBIAN_PACKAGES.get(library)
        if package is None:
            continue
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", f"{package}:*"],
                                capture_output=True, text=True).stdout
        installed = "install ok installed" in status
        assert (library in reported) is (not installed), (library, package, status)


HIDE_AND_RUN = textwrap.dedent("""
    import os, subprocess, sys
    folder, stage, hidden = sys.argv[1], sys.argv[2], tuple(sys.argv[3].split(","))
    subprocess.run(["mount", "--bind", folder, stage], check=True)
    subprocess.run(["mount", "-t", "tmpfs", "tmpfs", folder], check=True)
    for name in os.listdir(stage):
        if not name.startswith(hidden):
            os.symlink(os.path.join(stage, name), os.path.join(folder, name))
    os.execv(sys.argv[4], sys.argv[4:])
""")


def start_without(libraries: tuple[str, ...], language: str | None, tmp_path: Path):
    """`meeting demo` on X11 where the libraries are not installed (unlinked in a mount
    namespace: the loader finds every other library where it always does)."""
    plugin = qt_platform.xcb_plugin()
    assert plugin is not None
    where = ldd_listing(plugin).get("libxcb.so.1")
    assert where, "libxcb1 is on every Debian with X11 (and on this one)"
    folder = Path(where).resolve().parent
    stage = tmp_path / "system-libraries"
    stage.mkdir()
    command = ["unshare", "--mount", "--map-root-user", sys.executable, "-c", HIDE_AND_RUN,
               str(folder), str(stage), ",".join(libraries),
               sys.executable, "-m", "meeting",
               *(["--language", language] if language else []),
               "demo", "--data-dir", str(tmp_path / "data")]
    # No language chosen: the app's own way, the settings (none here), else the system's.
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":98",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "LC_ALL": "ja_JP.UTF-8",
           "LANG": "ja_JP.UTF-8"}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def mount_namespace(tmp_path: Path) -> None:
    probe = subprocess.run(["unshare", "--mount", "--map-root-user", "true"],
                           capture_output=True, text=True)
    if shutil.which("unshare") is None or probe.returncode != 0:
        pytest.skip(f"this system allows no mount namespace: {probe.stderr.strip()}")


@needs_linux
@pytest.mark.slow
@pytest.mark.parametrize(("language", "says"), [
    ("en", "libraries that are not installed: " + ", ".join(FRESH_DESKTOP_LACKS)),
    ("ja", "必要な次のライブラリがインストールされていません：" + ", ".join(FRESH_DESKTOP_LACKS)),
    (None, "必要な次のライブラリがインストールされていません：" + ", ".join(FRESH_DESKTOP_LACKS)),
])
def test_a_fresh_desktop_is_told_what_to_install(mount_namespace, tmp_path, language,
                                                 says) -> None:
    started = start_without(FRESH_DESKTOP_LACKS, language, tmp_path)
    assert started.returncode == 3, started.stderr
    assert says in started.stderr
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in started.stderr
    assert "qt.qpa" not in started.stderr  # no Qt abort: it never started
    assert not (tmp_path / "data").exists()  # nor did the demo's server
