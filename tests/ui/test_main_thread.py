"""Results that come back to the GUI thread after the widget that asked for them is gone."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel

from meeting.ui.main_thread import run_on_main


def test_a_result_for_a_closed_widget_is_dropped_and_others_still_run(qtbot):
    gone, alive = QLabel(), QLabel()
    qtbot.addWidget(alive)
    ran: list[str] = []

    def from_a_worker() -> None:
        run_on_main(lambda: gone.setText("rendered"), gone)  # would raise: already deleted
        run_on_main(lambda: ran.append(alive.text() or "alive"), alive)

    gone.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    worker = threading.Thread(target=from_a_worker)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: ran == ["alive"])
