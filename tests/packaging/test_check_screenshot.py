"""The build's smoke test looks at the built program's screenshot with
packaging/check_screenshot.py: it must accept a real demo screenshot and refuse blank windows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "packaging" / "check_screenshot.py"


def check(png: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK), str(png)], capture_output=True, text=True,
                          timeout=60)


def test_blank_windows_on_the_dark_backdrop_are_refused(qapp, tmp_path):
    """What the demo saves when neither window painted: two flat windows on its backdrop."""
    image = QImage(1968, 752, QImage.Format.Format_RGB32)
    image.fill(QColor("#2b3038"))
    painter = QPainter(image)
    for x in (16, 992):
        painter.fillRect(x, 16, 960, 720, QColor("#efefef"))
    painter.end()
    blank = tmp_path / "blank.png"
    assert image.save(str(blank))
    done = check(blank)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "nothing was drawn" in done.stderr and "white page paper" in done.stderr


def test_a_white_image_is_refused(qapp, tmp_path):
    image = QImage(1968, 752, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    white = tmp_path / "white.png"
    assert image.save(str(white))
    assert check(white).returncode == 1


@pytest.mark.slow
def test_the_demo_screenshot_is_accepted(tmp_path):
    out = tmp_path / "demo.png"
    demo = subprocess.run(
        [sys.executable, "-m", "meeting", "demo", "--data-dir", str(tmp_path / "demo"),
         "--screenshot", str(out)], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert demo.returncode == 0, demo.stdout + demo.stderr
    done = check(out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "colors" in done.stdout
