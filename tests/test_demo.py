"""The README's first command, headless: `meeting demo --screenshot`."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
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
    assert re.search(r"^[1-9]\d* pages drawn by render worker processes \d+, \d+ \(started by "
                     r"\w+\); PyMuPDF in this process: no$", result.stdout, re.M), result.stdout
    image = QImage(str(out))
    assert image.width() > 1500 and image.height() > 600
    # A second run reuses the same data folder and meeting (and still works), here with each
    # window the size of a tablet, in Japanese.
    again = subprocess.run(
        [sys.executable, "-m", "meeting", "demo", "--data-dir", str(tmp_path / "demo"),
         "--screenshot", str(out), "--size", "1280x800", "--language", "ja"],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert "participant showed page 3" in again.stdout
    assert "of the 1280×800 window" in again.stdout
    image = QImage(str(out))
    assert image.width() == 2 * 1280 + 3 * 16 and image.height() == 800 + 2 * 16
    share = float(again.stdout.split("participant: the page view is ")[1].split(", ")[1]
                  .split("%")[0])
    assert share >= 75


def test_demo_size_is_width_by_height():
    from meeting.cli import build_parser

    args = build_parser().parse_args(["demo", "--size", "1920x1080", "--language", "en"])
    assert (args.size, args.demo_language) == ((1920, 1080), "en")
    for wrong in ("1920", "axb", "100x100"):
        with pytest.raises(SystemExit):
            build_parser().parse_args(["demo", "--size", wrong])


def test_without_a_data_folder_each_demo_starts_fresh_and_leaves_nothing(tmp_path):
    """The demo's data is in a folder of its own, removed at exit: the next demo cannot open
    with this one's votes, uploads and agenda, and nothing is left in the user's data."""
    scratch, user_data = tmp_path / "tmp", tmp_path / "user-data"
    scratch.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(scratch),
           "XDG_DATA_HOME": str(user_data)}
    result = subprocess.run(
        [sys.executable, "-m", "meeting", "demo", "--screenshot", str(tmp_path / "demo.png")],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    used = re.search(r"\(data in (.+)\)", result.stdout)
    assert used and Path(used[1]).parent == scratch, result.stdout
    assert not Path(used[1]).exists()
    assert list(scratch.iterdir()) == []
    assert not user_data.exists() or list(user_data.rglob("*")) == []


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_a_stop_ends_the_demo_and_removes_its_folder(tmp_path, stop):
    """Qt's loop would otherwise sit in C++ and never let Python see Ctrl+C."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    demo = subprocess.Popen([sys.executable, "-m", "meeting", "demo"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in demo.stdout:
            if line.startswith("Close the windows, or press Ctrl+C"):  # the loop listens
                break
        demo.send_signal(stop)
        assert demo.wait(timeout=30) == 0
    finally:
        demo.kill()
        demo.wait()
    assert not list(tmp_path.glob("meeting-demo-*")), "the demo's folder is still there"


def test_the_demo_freezes_its_start_up_for_the_collector(tmp_path):
    """The client with its embedded server holds ~140,000 objects once its windows are up: a
    full collection of them stalled the GUI and the server 65 ms (meeting/core/collector.py).
    Frozen once the windows are made, a full collection walks only what came after."""
    script = ("import gc, sys; from pathlib import Path; import meeting.demo as demo; "
              "code = demo.run(Path(sys.argv[1]), Path(sys.argv[2]), demo.DEFAULT_SIZE); "
              "print('frozen', gc.get_freeze_count(), 'walked', len(gc.get_objects())); "
              "sys.exit(code)")
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "demo"), str(tmp_path / "demo.png")],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(r"^frozen (\d+) walked (\d+)$", result.stdout, re.M)
    assert found, result.stdout
    frozen, walked = int(found[1]), int(found[2])
    assert frozen > 50_000 and walked < frozen / 2, (frozen, walked)
