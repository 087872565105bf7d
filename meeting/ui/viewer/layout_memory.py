"""How this device last left the meeting window (side panel, thumbnails), kept with QSettings
apart from the preferences the settings dialog writes, so saving those never resets it."""

from __future__ import annotations

from PySide6.QtCore import QSettings


class LayoutMemory:
    def __init__(self, settings: QSettings | None) -> None:
        self.settings = settings
        self._values: dict[str, bool] = {}
        """Without QSettings (the demo, most tests): remembered while the program runs."""

    def get(self, name: str, default: bool = False) -> bool:
        if self.settings is None:
            return self._values.get(name, default)
        return bool(self.settings.value(f"viewer/{name}", default, bool))

    def set(self, name: str, value: bool) -> None:
        if self.settings is None:
            self._values[name] = value
        else:
            self.settings.setValue(f"viewer/{name}", value)
            self.settings.sync()
