"""The presenter's console shows the room's marks on this page and the next, the clock and the
time elapsed (issue 15, point 6)."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QPoint

from meeting.ui.ink_tools import Mode
from tests.ui.conftest import annotations, draw, wait_for_page


def test_the_console_shows_the_rooms_marks_the_clock_and_the_time(qtbot, open_viewer,
                                                                  seeded_server):
    _, seeded = seeded_server
    olga, paul = open_viewer("olga"), open_viewer("paul")
    olga.documents.itemClicked.emit(olga.documents.item(1))
    wait_for_page(qtbot, paul, page=0, document_id=seeded.documents[1])
    center = olga.page_view.viewport().rect().center()
    olga.ink_toolbar.set_mode(Mode.PEN)
    draw(qtbot, olga, center - QPoint(100, 0), center + QPoint(100, 30))  # page 1
    olga.step(+1)
    wait_for_page(qtbot, olga, page=1)
    draw(qtbot, olga, center - QPoint(100, 60), center + QPoint(100, 60))  # page 2
    draw(qtbot, olga, center - QPoint(80, -40), center + QPoint(90, 50))
    qtbot.waitUntil(lambda: len([a for a in annotations(olga) if a.complete]) == 3,
                    timeout=10_000)
    olga.step(-1)
    wait_for_page(qtbot, olga, page=0)
    console = olga.open_console()
    qtbot.addWidget(console)
    qtbot.waitUntil(lambda: len(console.current.strokes) == 1
                    and len(console.next_page.strokes) == 2, timeout=10_000)
    olga.step(+1)  # on to page 2: its marks move up, page 3 has none
    qtbot.waitUntil(lambda: len(console.current.strokes) == 2
                    and console.next_page.strokes == [], timeout=10_000)
    now = datetime.now()
    assert console.clock_label.text() in {now.strftime("%H:%M"),
                                          (now - timedelta(minutes=1)).strftime("%H:%M")}
    assert console.time_label.text().startswith("Elapsed 0:00:")
