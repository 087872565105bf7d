"""Accessible to everyone: every control of every window has a name a screen reader says, the
keyboard reaches every control of the meeting window in reading order with the focus plainly
shown, and a UI scale makes everything larger for large print."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QToolBar, QWidget

from meeting.ui.accessibility import accessible_name, interactive, unnamed_controls
from meeting.ui.ink_tools import Mode
from meeting.ui.keyboard_order import RING_COLOR, tab_stops
from meeting.ui.login_dialog import LoginDialog
from meeting.ui.meeting_list import MeetingListWindow
from meeting.ui.settings_dialog import SettingsDialog
from meeting.ui.vote_panel import VoteDialog
from tests.ui.conftest import wait_for_page


def controls(root: QWidget) -> list[QWidget]:
    return [w for w in [root, *root.findChildren(QWidget)]
            if interactive(w) and w.isVisibleTo(root)]


def assert_named(root: QWidget, at_least: int) -> None:
    assert len(controls(root)) >= at_least, [accessible_name(w) for w in controls(root)]
    assert unnamed_controls(root) == [], type(root).__name__


def test_the_check_finds_a_control_without_a_name(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    QPushButton("Named", window)
    assert unnamed_controls(window) == []
    QPushButton("", window)  # an icon-only button nobody named
    assert unnamed_controls(window) == ["QPushButton '' in QWidget"]


def test_every_control_of_every_window_has_a_name(qtbot, open_viewer, open_display, tmp_path):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    assert_named(olga, 30)  # the presenter: both toolbars, side panel, page, thumbnails
    assert_named(paul, 25)
    paul.ink_toolbar.set_mode(Mode.TEXT)  # the note typed on the page is a control too
    paul.activateWindow()
    qtbot.mouseClick(paul.page_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=paul.page_view.viewport().rect().center())
    qtbot.waitUntil(lambda: paul.ink.note_editor is not None, timeout=5000)
    assert_named(paul, 26)
    paul.ink.note_editor.cancel()
    console = olga.open_console()  # (the window owns it, and closes it)
    assert_named(console, 8)
    display = open_display("dora")
    display.show()
    assert_named(display, 0)  # (nothing to operate on the large monitor)
    listing = MeetingListWindow(olga.session)
    qtbot.addWidget(listing)
    listing.show()
    assert_named(listing, 2)
    login = LoginDialog("https://meeting.example.lg.jp", "paul")
    qtbot.addWidget(login)
    assert_named(login, 4)
    settings = SettingsDialog(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(settings)
    assert_named(settings, 9)
    vote = VoteDialog(None)
    qtbot.addWidget(vote)
    assert_named(vote, 4)


def name(widget: QWidget) -> str:
    return accessible_name(widget)


def test_tab_goes_through_the_meeting_window_as_it_reads_with_the_focus_shown(qtbot,
                                                                              open_viewer):
    olga = open_viewer("olga")
    olga.show_panel(True)  # (folded away by default: the page first)
    olga.show_thumbnails(True)
    qtbot.waitUntil(lambda: olga.center.x() > olga.side_panel.x())  # laid out beside it
    olga.activateWindow()
    qtbot.waitUntil(olga.isActiveWindow, timeout=5000)
    olga.page_view.setFocus(Qt.FocusReason.OtherFocusReason)
    visited: list[QWidget] = []
    for _ in range(80):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if visited and widget is visited[0]:
            break
        visited.append(widget)
    reachable = [w for w in tab_stops(olga) if w.isEnabled()]
    start = visited.index(reachable[0])  # (read from the window's top left)
    visited = visited[start:] + visited[:start]
    names = [name(w) for w in visited]
    assert set(visited) == set(reachable), names  # every control, each once, then round
    assert len(visited) == len(reachable)
    in_order = ["Next", "Fit width", "Fit page", "Browse", "Pen", "Marker", "Text", "Eraser",
                "Black", "Red", "Blue", "Green", "Yellow", "For the room", "Marks shown",
                "Page", "Pages"]
    assert [n for n in names if n in in_order] == in_order, names
    for bar in [b for b in olga.findChildren(QToolBar) if b.isVisible()]:  # from the left
        xs = [w.x() for w in visited if w.parent() is bar]
        assert xs == sorted(xs) and xs, bar.windowTitle()
    page = names.index("Page")
    assert names.index("Documents") < page or visited[names.index("Documents")].x() > \
        olga.page_view.x()  # a side panel left of the page comes first, right of it after

    back = []
    for _ in range(len(visited)):  # Shift+Tab: the same way back
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        back.append(QApplication.focusWidget())
    steps = {(visited.index(b) - visited.index(a)) % len(visited) for a, b in pairwise(back)}
    assert steps == {len(visited) - 1}, [name(w) for w in back]  # each one step back

    for target in (visited[names.index("Pen")], olga.page_view):  # the focus is plain to see
        while QApplication.focusWidget() is not target:
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        ring = olga.keyboard.ring
        assert ring.isVisible() and ring.target is target
        corner = target.mapTo(olga, QPoint(0, 0))
        assert ring.geometry().contains(corner) and ring.width() > target.width()
        image = olga.grab().toImage()
        edge = QColor(image.pixel(ring.x() + 1, ring.y() + ring.height() // 2))
        assert edge == QColor(RING_COLOR), edge.name()
    qtbot.mouseClick(olga.documents.viewport(), Qt.MouseButton.LeftButton)
    assert olga.documents.hasFocus()
    assert not olga.keyboard.ring.isVisible()  # a click shows no ring
    wait_for_page(qtbot, olga)


SCALED = """
import json, sys
from PySide6.QtCore import QSettings
from meeting.ui import ui_scale
from meeting.ui.preferences import Preferences
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
factor = ui_scale.apply_before_start(Preferences.load(settings).ui_scale)  # as run_client
from PySide6.QtWidgets import QApplication
from meeting.ui.settings_dialog import SettingsDialog
app = QApplication([])
dialog = SettingsDialog(settings)
dialog.show()
app.processEvents()
button = dialog.sign_out
shot = button.grab()
print(json.dumps({"factor": factor, "ratio": button.devicePixelRatioF(),
                  "pixels": [shot.width(), shot.height()],
                  "logical": [button.width(), button.height()]}))
"""


def on_screen_at(scale: int | None, tmp_path) -> dict:
    """Start a fresh program with the UI scale set (Qt takes it only before it starts) and
    measure a button in the device pixels it covers."""
    import json
    import os
    import subprocess
    import sys

    ini = tmp_path / f"scale-{scale}.ini"
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    if scale is not None:
        settings.setValue("ui/scale", scale)
    settings.sync()
    environ = {k: v for k, v in os.environ.items() if k != "QT_SCALE_FACTOR"}
    environ["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run([sys.executable, "-c", SCALED, str(ini)], capture_output=True,
                          text=True, env=environ, timeout=60, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_ui_scale_of_150_percent_makes_every_control_larger(tmp_path):
    plain, large = on_screen_at(None, tmp_path), on_screen_at(150, tmp_path)
    assert (plain["factor"], large["factor"]) == (1.0, 1.5)
    assert large["ratio"] == 1.5
    for axis in (0, 1):
        assert large["pixels"][axis] >= 1.45 * plain["pixels"][axis], (plain, large)


def test_the_ui_scale_is_chosen_in_the_settings_and_kept(qtbot, tmp_path):
    from meeting.ui.preferences import Preferences
    from meeting.ui.ui_scale import apply_before_start, fitted

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert [dialog.ui_scale.itemData(i) for i in range(dialog.ui_scale.count())] == [
        100, 125, 150, 175, 200]
    dialog.ui_scale.setCurrentIndex(dialog.ui_scale.findData(175))
    dialog.accept()
    assert Preferences.load(settings).ui_scale == 175
    settings.setValue("ui/scale", 900)  # nonsense in the file
    assert Preferences.load(settings).ui_scale == 100
    assert fitted(130) == 125
    environ: dict[str, str] = {}
    assert apply_before_start(200, environ) == 2.0 and environ == {"QT_SCALE_FACTOR": "2"}
    assert apply_before_start(100, {"QT_SCALE_FACTOR": "1.25"}) == 1.25  # the user's own
