"""What a user sets once and expects kept: the server, the language, the tool and colour a
viewer starts with, how much disk the document cache may use and where, the screen of the
large monitor, and the size of everything on screen. Kept with QSettings (the registry on
Windows, a file elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QSettings

from meeting import paths
from meeting.ui.base.touch import CHOICES as TOUCH_CHOICES
from meeting.ui.ink_tools import COLORS, Mode
from meeting.ui.ui_scale import DEFAULT_SCALE, fitted

TOOLS = (Mode.BROWSE, Mode.PEN, Mode.MARKER, Mode.TEXT)
"""What a viewer may start with: reading, or one of the tools people take up first."""


@dataclass
class Preferences:
    server: str = ""
    language: str = "system"
    """"system", "ja" or "en": applied when the program starts."""
    tool: str = Mode.BROWSE.value
    color: str = COLORS[1]
    cache_limit_mb: int = 2048
    """Documents beyond this are removed, least recently opened first (never those kept for
    offline reading)."""
    cache_folder: str = ""
    """"" for the system's cache folder."""
    display_screen: int = -1
    """The large monitor: an index into the screens; -1 the last one."""
    touch: str = "auto"
    """Touch mode (finger-sized controls): "auto" (on with a touch screen), "on" or "off"."""
    ui_scale: int = DEFAULT_SCALE
    """Large print: everything drawn at this percent (100–200), from the next start."""

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        loaded = cls()
        for field in fields(cls):
            value = settings.value(_key(field.name), getattr(loaded, field.name),
                                   type(getattr(loaded, field.name)))
            setattr(loaded, field.name, value)
        if loaded.tool not in {t.value for t in TOOLS}:
            loaded.tool = Mode.BROWSE.value
        if loaded.color not in COLORS:
            loaded.color = COLORS[1]
        loaded.cache_limit_mb = max(100, loaded.cache_limit_mb)
        if loaded.touch not in TOUCH_CHOICES:
            loaded.touch = "auto"
        loaded.ui_scale = fitted(loaded.ui_scale)
        return loaded

    def save(self, settings: QSettings) -> None:
        for field in fields(self):
            settings.setValue(_key(field.name), getattr(self, field.name))
        settings.sync()

    def cache_dir(self) -> Path:
        return Path(self.cache_folder) if self.cache_folder else paths.cache_dir()


def _key(name: str) -> str:
    """cache_limit_mb → cache/limit_mb: grouped as an administrator reads them in the file."""
    group, _, rest = name.partition("_")
    return f"{group}/{rest}" if group in ("cache", "display", "ui") else name
