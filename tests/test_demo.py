"""The README's first command, headless: `meeting demo --screenshot`."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage


def test_demo_screenshot_shows_the_follower_on_the_turned_page(tmp_path):
    out = tmp_path / "demo.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "meeting", "demo", "--data-dir", str(tmp_path / "demo"),
         "--screenshot", str(out)],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "participant showed page 2" in result.stdout
    image = QImage(str(out))
    assert image.width() > 1500 and image.height() > 600
    # A second run reuses the same data folder and meeting (and still works).
    again = subprocess.run(
        [sys.executable, "-m", "meeting", "demo", "--data-dir", str(tmp_path / "demo"),
         "--screenshot", str(out)],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert "participant showed page 3" in again.stdout
