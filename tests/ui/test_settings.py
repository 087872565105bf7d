"""Settings a user expects kept: saved with QSettings, applied where they matter (the tool a
viewer starts with, the document cache's size), and a way to sign out from them."""

from __future__ import annotations

import os
import time

import pytest
from PySide6.QtCore import QSettings

from meeting.net.cache import DocumentCache
from meeting.ui.ink_tools import COLORS, Mode
from meeting.ui.preferences import Preferences
from meeting.ui.settings_dialog import SettingsDialog
from meeting.ui.viewer_window import ViewerWindow
from tests.ui.conftest import delete_now, wait_for_page


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_dialog_saves_what_was_chosen_and_offers_sign_out(qtbot, qapp, settings, tmp_path):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.server.setText("https://meeting.example.lg.jp")
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    dialog.tool.setCurrentIndex(dialog.tool.findData("marker"))
    dialog.color.setCurrentIndex(dialog.color.findData(COLORS[2]))
    dialog.cache_limit.setValue(512)
    dialog.cache_folder.setText(str(tmp_path / "cache"))
    dialog.touch.setCurrentIndex(dialog.touch.findData("on"))
    dialog.accept()
    saved = Preferences.load(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert (saved.server, saved.language, saved.tool, saved.color, saved.cache_limit_mb) == (
        "https://meeting.example.lg.jp", "ja", "marker", COLORS[2], 512)
    assert saved.cache_dir() == tmp_path / "cache"
    assert saved.touch == "on"
    text = (tmp_path / "settings.ini").read_text()
    assert "[cache]" in text and "limit_mb=512" in text  # readable for an administrator

    again = SettingsDialog(settings)
    qtbot.addWidget(again)
    assert again.tool.currentData() == "marker"  # shown as saved
    with qtbot.waitSignal(again.signOutRequested, timeout=1000):
        again.sign_out.click()


def test_nonsense_in_the_settings_file_falls_back_to_defaults(settings):
    settings.setValue("tool", "chainsaw")
    settings.setValue("color", "#123456")
    settings.setValue("cache/limit_mb", 1)
    settings.setValue("touch", "sometimes")
    loaded = Preferences.load(settings)
    assert (loaded.tool, loaded.color, loaded.cache_limit_mb, loaded.touch) == (
        "browse", COLORS[1], 100, "auto")


def test_a_viewer_starts_with_the_chosen_tool_and_colour(qtbot, runtime, seeded_server):
    from meeting.net.api import ServerApi
    from tests.helpers.live import PASSWORD

    live, seeded = seeded_server
    login = ServerApi(live.url).login("paul", PASSWORD)
    session, bridge = runtime.open_session(live.url, login.token, login.user)
    viewer = ViewerWindow(session, bridge, runtime.worker, seeded.meeting_id,
                          preferences=Preferences(tool="pen", color=COLORS[2]))
    try:
        viewer.show()
        wait_for_page(qtbot, viewer)
        assert viewer.ink_toolbar.mode is Mode.PEN and viewer.ink_toolbar.color == COLORS[2]
    finally:
        viewer.close()
        session.close()
        delete_now([viewer])


def test_the_cache_keeps_within_its_size_least_recently_used_first(tmp_path):
    cache = DocumentCache(tmp_path / "cache")
    names = [f"{n:064x}" for n in range(4)]
    for age, name in enumerate(names):  # 0 is the oldest
        path = cache.path(name)
        path.write_bytes(b"x" * 1000)
        os.utime(path, (time.time() - 1000 + age, time.time() - 1000 + age))
    cache.get(names[0])  # opened just now: the most recent
    assert cache.prune(2500, keep={names[1]}) == 2  # 1 is kept for offline reading
    assert [bool(cache.get(n)) for n in names] == [True, True, False, False]
