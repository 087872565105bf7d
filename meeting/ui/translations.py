"""The user's language: Japanese or English, from the system locale unless chosen in settings.

Translations are kept as Qt Linguist sources (`meeting/resources/translations/meeting_ja.ts`, edited
with Qt Linguist or by hand) and compiled to `.qm` by Qt's own `lrelease`, which PySide6
brings, into the user's cache the first time they are needed and whenever the source is newer.
Qt's own strings (OK, Cancel, the file dialog) come from the `.qm` files PySide6 ships.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from meeting import paths

log = logging.getLogger("meeting.ui.translations")

LANGUAGES = {"ja": "日本語", "en": "English"}
"""What the settings offer (English is the source language: no translation file)."""
SYSTEM = "system"
TRANSLATIONS = paths.resources() / "translations"


def chosen_language(settings: QSettings) -> str:
    """"ja" or "en": the setting, or the system's language when it says "system"."""
    wanted = settings.value("language", SYSTEM, str)
    if wanted in LANGUAGES:
        return wanted
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def lrelease() -> str | None:
    """Qt's translation compiler, as PySide6 installs it."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compiled(language: str, cache: Path) -> Path | None:
    """The `.qm` for the language, compiled from its `.ts` when missing or older."""
    source = TRANSLATIONS / f"meeting_{language}.ts"
    shipped = source.with_suffix(".qm")  # a packaged app ships it compiled
    if shipped.exists() and (not source.exists()
                             or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped
    if not source.exists():
        return None
    target = cache / f"meeting_{language}.qm"
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    program = lrelease()
    if program is None:
        log.warning("no lrelease to compile %s: the interface stays in English", source)
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([program, "-silent", str(source), "-qm", str(target)],
                          capture_output=True, text=True)
    if done.returncode != 0 or not target.exists():
        log.warning("lrelease failed on %s: %s", source, done.stderr.strip())
        return None
    return target


_active: list[QTranslator] = []
"""The translators installed now (a later `install` replaces them: the language changed)."""


def install(app: QCoreApplication, language: str, cache: Path) -> list[QTranslator]:
    """Load the language into the application, instead of the one loaded before."""
    for translator in _active:
        app.removeTranslator(translator)
    _active.clear()
    installed = _active
    system = QLocale.system()
    wanted = QLocale.Language.Japanese if language == "ja" else QLocale.Language.English
    # Dates and numbers in the interface's language (the system's own way when it speaks it).
    QLocale.setDefault(system if system.language() == wanted else QLocale(wanted))
    if language == "en":
        return installed
    qt_own = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = compiled(language, cache)
    for folder, name in ((qt_own, f"qtbase_{language}"),
                         (str(ours.parent) if ours else None, ours.stem if ours else None)):
        if folder is None:
            continue
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
