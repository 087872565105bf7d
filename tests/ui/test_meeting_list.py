"""The meeting list people pick from: status, time and place, documents; the meetings on now
first; three full lines a row in either language, never cut to "…"."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtWidgets import QApplication

from meeting.net.api import ServerApi
from meeting.ui import translations
from meeting.ui.meeting_list import MeetingListWindow
from tests.helpers.live import PASSWORD
from tests.server.test_cli import run

LONG_TITLE = ("Extraordinary session of the prefectural assembly's general affairs committee "
              "on the supplementary budget")


def test_rows_tell_status_time_place_and_never_elide(qtbot, runtime, seeded_server, tmp_path):
    live, seeded = seeded_server
    tomorrow = datetime.fromtimestamp(time.time() + 86_400).strftime("%Y-%m-%d 14:00")
    made = run(live.data_dir, "meeting", "create", LONG_TITLE, "--starts", tomorrow,
               "--place", "第1会議室")
    assert made.returncode == 0, made.stderr
    upcoming = int(made.stdout)
    assert run(live.data_dir, "meeting", "invite", str(upcoming), "paul").returncode == 0
    assert run(live.data_dir, "meeting", "schedule", str(seeded.meeting_id), "--place",
               "本庁舎 3階 大会議室").returncode == 0

    login = ServerApi(live.url).login("paul", PASSWORD)
    session, _bridge = runtime.open_session(live.url, login.token, login.user)
    qtbot.waitUntil(lambda: session.online, timeout=10_000)
    window = MeetingListWindow(session)
    qtbot.addWidget(window)
    window.resize(640, 520)
    window.show()
    try:
        with qtbot.waitSignal(window.loaded, timeout=10_000):
            window.refresh()
        rows = [window.list.item(i).text().split("\n") for i in range(window.list.count())]
        assert [row[0] for row in rows] == ["Budget review 予算審議", LONG_TITLE]  # on now first
        assert rows[0][1] == "In progress · 本庁舎 3階 大会議室"
        assert rows[1][1].startswith("Upcoming · ") and rows[1][1].endswith("14:00 · 第1会議室")
        assert rows[1][2] == "0 documents · presenter: no presenter yet"
        assert "(participant)" in window.findChildren(type(window.status))[0].text()

        # Every line of the long English row is laid out in full: the row is as tall as its
        # wrapped text needs, not one line with "…".
        metrics = window.list.fontMetrics()
        width = window.list.viewport().width() - 16  # the item's own padding
        needed = sum(metrics.boundingRect(0, 0, width, 10_000, 0x1000, line).height()
                     for line in rows[1])
        assert window.list.visualItemRect(window.list.item(1)).height() >= needed

        translations.install(QApplication.instance(), "ja", tmp_path / "translations")
        with qtbot.waitSignal(window.loaded, timeout=10_000):
            window.refresh()
        japanese = [window.list.item(i).text().split("\n") for i in range(2)]
        assert japanese[0][1] == "開催中・本庁舎 3階 大会議室"
        assert japanese[1][1].startswith("開催予定・") and "月" in japanese[1][1]
        assert japanese[1][2] == "資料 0 件・発表者：発表者未定"
    finally:
        translations.install(QApplication.instance(), "en", tmp_path / "translations")
        session.close()
