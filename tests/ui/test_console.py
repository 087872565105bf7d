"""The presenter's console: this page and the next, time, who is here, and the controls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from meeting.ui.agenda_panel import AgendaDialog
from tests.ui.conftest import wait_for_page


def test_console_drives_the_room_and_shows_who_follows(qtbot, open_viewer, seeded_server,
                                                       tmp_path):
    _, seeded = seeded_server
    olga, paul = open_viewer("olga"), open_viewer("paul")
    olga.documents.itemClicked.emit(olga.documents.item(1))
    wait_for_page(qtbot, paul, page=0, document_id=seeded.documents[1])
    console = olga.open_console()
    qtbot.addWidget(console)
    qtbot.waitUntil(lambda: "page 1 of 6" in console.current_label.text(), timeout=10_000)
    assert console.next_label.text() == "Next: page 2"
    qtbot.waitUntil(lambda: console.current.painted is not None
                    and console.next_page.painted is not None, timeout=10_000)
    assert console.next_page.page == 1

    next_button = next(b for b in console.findChildren(QPushButton) if "Next" in b.text())
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    wait_for_page(qtbot, paul, page=1)
    assert "page 2 of 6" in console.current_label.text()
    console.page_box.setValue(5)
    console.page_box.editingFinished.emit()
    wait_for_page(qtbot, paul, page=4)
    assert console.thumbnails.currentRow() == 4
    console.thumbnails.pageClicked.emit(2)  # a tap on the third thumbnail
    wait_for_page(qtbot, paul, page=2)
    guide = console.document_box.findData(seeded.documents[2])
    console.document_box.activated.emit(guide)  # switch the room to another document
    wait_for_page(qtbot, paul, page=0, document_id=seeded.documents[2])
    assert console.document_box.currentData() == seeded.documents[2]
    console.document_box.activated.emit(console.document_box.findData(seeded.documents[1]))
    wait_for_page(qtbot, paul, page=2, document_id=seeded.documents[1])  # where it was left

    qtbot.waitUntil(lambda: console.people.count() == 2, timeout=10_000)
    assert any(console.people.item(i).text().startswith("● paul") for i in range(2))
    paul.step(-1)  # paul browses away: the console shows it
    qtbot.waitUntil(lambda: any(console.people.item(i).text().startswith("○ paul")
                                for i in range(console.people.count())), timeout=10_000)

    dialog = AgendaDialog(olga.session.view(olga.meeting_id), olga.follow.shown, olga)
    dialog.add_here("予算 Budget")
    olga.save_agenda(dialog.entries())
    qtbot.waitUntil(lambda: console.agenda.list.count() == 1, timeout=10_000)
    console.agenda.list.itemClicked.emit(console.agenda.list.item(0))
    qtbot.waitUntil(lambda: "this item" in console.time_label.text(), timeout=10_000)
    assert console.time_label.text().startswith("Elapsed 0:00:")
    console.resize(1280, 800)
    qtbot.wait(200)
    assert console.grab().save(str(tmp_path / "console.png"))
