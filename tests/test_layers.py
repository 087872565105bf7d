"""The layers are checked by import-linter (contracts in pyproject.toml), not by what tests import.

The second test is the proof that the check can fail: a copy of the code with one Qt import added
inside a function of a core module must break the core's contract.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    if not LINT_IMPORTS.exists():
        pytest.fail("lint-imports is missing: install the test extra (pip install -e '.[test]')")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=120)


def _copy_tree(to: Path) -> Path:
    for package in ("meeting", "server"):
        shutil.copytree(ROOT / package, to / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", to / "pyproject.toml")
    return to


def test_the_code_keeps_every_contract() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and " 0 broken" in result.stdout


def test_a_qt_import_inside_a_core_function_breaks_the_core_contract(tmp_path: Path) -> None:
    tree = _copy_tree(tmp_path)
    beside = tree / "meeting" / "core" / "beside.py"
    beside.write_text(beside.read_text(encoding="utf-8")
                      + "\n\ndef _sneaky() -> None:\n    import PySide6.QtCore  # noqa\n",
                      encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "meeting.core.beside -> PySide6" in result.stdout, result.stdout


def test_the_server_reaching_into_the_client_breaks_its_contract(tmp_path: Path) -> None:
    tree = _copy_tree(tmp_path)
    health = tree / "server" / "http_routes.py"
    health.write_text(health.read_text(encoding="utf-8")
                      + "\n\ndef _sneaky() -> None:\n    import meeting.net.session  # noqa\n",
                      encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "server.http_routes -> meeting.net.session" in result.stdout, result.stdout
