"""The fixtures that fail a test for what it leaves behind (tests/conftest.py,
tests/ui/conftest.py) do fail it: each inner test below leaves one thing, run by a real pytest
with the project's own fixtures."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

INNER = '''
import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from meeting.ui.main_thread import run_on_main

kept = []


def test_clean(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)  # (qtbot deletes it)


def test_leaves_a_window():
    kept.append(QWidget())


def test_leaves_a_timer():
    timer = QTimer()
    timer.start(60_000)
    kept.append(timer)


def test_leaves_a_thread():
    stop = threading.Event()
    kept.append(stop)
    threading.Thread(target=stop.wait, args=(30,), name="left-running", daemon=True).start()


def test_leaves_work_that_fails_in_the_event_loop():
    def fails():
        raise RuntimeError("a late slot")

    run_on_main(fails)  # queued: it runs after the test
'''

CONFTEST = '''
from tests.conftest import no_threads_left  # noqa: F401
from tests.ui.conftest import gui_thread_door, qt_left_clean  # noqa: F401
'''


def test_what_a_test_leaves_behind_fails_it(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_inner=INNER)
    pytester.makeini("[pytest]\nqt_api = pyside6\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, errors=3, failed=1)  # (the late slot fails its own test)
    result.stdout.fnmatch_lines_random([
        "*ERROR at teardown of test_leaves_a_window*",
        "*top-level widgets left: QWidget*",
        "*timers left running: QTimer every 60000 ms*",
        "*threads left running after the test: left-running*",
        "*RuntimeError: a late slot*",
    ])
