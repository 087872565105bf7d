"""mypy checks the types of the core, the network layer and the server (config in
pyproject.toml), so the README's test command covers it. The second test shows the check can
fail: a copy of the code with one wrong type in a core module must be refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".mypy_cache"  # (shared: the copy reuses what is known of pydantic and the rest)


def _mypy(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(CACHE)],
                          cwd=tree, capture_output=True, text=True, timeout=300)


def test_the_core_the_network_layer_and_the_server_are_typed() -> None:
    result = _mypy(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success")


def test_a_wrong_type_in_the_core_is_caught(tmp_path: Path) -> None:
    for package in ("meeting", "server"):
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    sync = tmp_path / "meeting" / "core" / "sync.py"
    sync.write_text(sync.read_text(encoding="utf-8")
                    + "\n\ndef _wrong() -> int:\n    return MeetingSync(1).last_seq\n",
                    encoding="utf-8")
    result = _mypy(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "meeting/core/sync.py" in result.stdout and "return-value" in result.stdout
