"""Where the client and the demo keep their files (per-user folders, never the working
directory), and where the package's own data is: icons, sample material, translations."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import platformdirs

APP = "paperless-meeting"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False)) / "documents"


def resources() -> Path:
    """The package's data folder, `meeting/resources`, wherever the package is: a source tree,
    an installed wheel or PyInstaller's folder. As a path: Qt and PyMuPDF open files by name
    (the package is always installed as files, never run from a zip)."""
    folder = files("meeting") / "resources"
    if not isinstance(folder, Path):
        raise RuntimeError(f"meeting's data must be files on disk, not {folder!r}")
    return folder


def sample_pdfs() -> list[Path]:
    """The sample material shipped with the package (made by resources/samples/generate.py)."""
    return sorted((resources() / "samples").glob("*.pdf"))
