"""Where the client and the demo keep their files: per-user folders, never the working directory."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "paperless-meeting"
REPO_RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP, appauthor=False)) / "documents"


def sample_pdfs() -> list[Path]:
    """The sample material shipped in resources/samples (made by its generate.py)."""
    return sorted((REPO_RESOURCES / "samples").glob("*.pdf"))
