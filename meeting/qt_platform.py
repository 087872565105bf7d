"""Before Qt starts on X11: are the system libraries its xcb platform plugin needs installed?

Qt cannot say. Without them it aborts with "could not load the Qt platform plugin xcb" (and
names libxcb-cursor0 even when another library is the one missing); only `ldd` on the plugin
shows which. So the client asks `ldd` first, without Qt, and names the missing libraries and
the `apt-get` command that installs them. Only where Qt would use xcb: on Linux, not offscreen
or Wayland; Windows and macOS use plugins that need nothing from the system.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from meeting.core import messages

DEBIAN_PACKAGES: dict[str, str] = {
    # What a fresh Debian or Ubuntu desktop lacks (the README names these):
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    # The rest of what `ldd` lists for Qt 6's libqxcb.so (a minimal system may lack these too):
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libpng16.so.16": "libpng16-16",
    "libexpat.so.1": "libexpat1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
}
"""Each shared library Qt's xcb plugin loads (as `ldd` names it), and the Debian package (the
same name on Ubuntu) that installs it."""

MISSING = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.M)


@dataclass(frozen=True)
class MissingLibraries:
    plugin: Path
    libraries: tuple[str, ...]

    @property
    def packages(self) -> tuple[str, ...]:
        found = (DEBIAN_PACKAGES.get(library) for library in self.libraries)
        return tuple(dict.fromkeys(p for p in found if p))

    @property
    def unknown(self) -> tuple[str, ...]:
        """Missing libraries no Debian package here is known for (PySide6's own, broken)."""
        return tuple(lib for lib in self.libraries if lib not in DEBIAN_PACKAGES)

    def command(self) -> str:
        return "sudo apt-get install " + " ".join(self.packages)


def would_use_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will load its xcb plugin: on Linux, unless told another platform or in a
    Wayland session (Qt 6 then takes Wayland first)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    return not (environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"))


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = (Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms"
              / "libqxcb.so")
    return plugin if plugin.is_file() else None


def missing_libraries(plugin: Path) -> MissingLibraries | None:
    """What `ldd` says the plugin cannot find; None when nothing is missing (or there is no
    `ldd` to ask: then Qt says what it says)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    listed = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=30)
    missing = tuple(dict.fromkeys(MISSING.findall(listed.stdout)))
    return MissingLibraries(plugin, missing) if missing else None


def check(environ: Mapping[str, str]) -> MissingLibraries | None:
    """The libraries missing for the platform Qt is about to load, if that is xcb."""
    if not would_use_xcb(environ):
        return None
    plugin = xcb_plugin()
    return missing_libraries(plugin) if plugin is not None else None


CANNOT_START = ("The desktop app cannot start: the X11 display (Qt's xcb platform) needs "
                "libraries that are not installed: {}.")
INSTALL_WITH = "Install them with:\n    {}"
NO_PACKAGE = "No Debian package is known for {}: reinstall the app (pip install --force-reinstall "\
             "paperless-meeting)."


def explain(missing: MissingLibraries, language: str | None) -> str:
    """What to tell the person starting the app, in their language."""
    lines = [CANNOT_START.format(", ".join(missing.libraries))]
    if missing.packages:
        lines.append(INSTALL_WITH.format(missing.command()))
    if missing.unknown:
        lines.append(NO_PACKAGE.format(", ".join(missing.unknown)))
    return "\n".join(messages.localize(line, language) for line in lines)
