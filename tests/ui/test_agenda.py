"""The agenda beside the page: organizers write it, the presenter's tap moves the room."""

from __future__ import annotations

from meeting.ui.agenda_panel import AgendaDialog
from tests.ui.conftest import wait_for_page


def test_write_the_agenda_and_walk_the_room_through_it(qtbot, open_viewer, seeded_server):
    _, seeded = seeded_server
    olga, paul = open_viewer("olga"), open_viewer("paul")
    olga.show_side(olga.agenda)  # the side panel opened at the agenda's tab
    paul.show_side(paul.agenda)
    assert olga.agenda.edit_button.isVisible() and not paul.agenda.edit_button.isVisible()
    assert not paul.agenda.isVisible()  # no agenda yet: nothing to show a participant

    olga.documents.itemClicked.emit(olga.documents.item(1))
    olga.go_to_page(3)
    wait_for_page(qtbot, olga, page=3, document_id=seeded.documents[1])
    dialog = AgendaDialog(olga.session.view(olga.meeting_id), olga.follow.shown, olga)
    dialog.add_heading("開会 Opening")
    dialog.add_here("予算の説明 Budget, page 4")
    dialog.add_heading("閉会 Closing")
    dialog.list.setCurrentRow(2)
    dialog._move(-1)  # closing before the budget, then back
    dialog._move(+1)
    olga.save_agenda(dialog.entries())
    qtbot.waitUntil(lambda: paul.agenda.list.count() == 3, timeout=10_000)
    paul.show_side(paul.agenda)
    assert paul.agenda.isVisible()
    texts = [paul.agenda.list.item(i).text() for i in range(3)]
    assert texts[0].startswith("1. 開会") and "page 4" in texts[1] and "閉会" in texts[2]

    olga.go_to_page(0)
    wait_for_page(qtbot, paul, page=0, document_id=seeded.documents[1])
    olga.agenda.list.itemClicked.emit(olga.agenda.list.item(1))  # the presenter takes it up
    wait_for_page(qtbot, paul, page=3, document_id=seeded.documents[1])
    qtbot.waitUntil(lambda: paul.agenda.list.item(1).text().startswith("▶"), timeout=10_000)

    paul.agenda.list.itemClicked.emit(paul.agenda.list.item(0))  # a heading: nowhere to go
    assert paul.follow.shown.page == 3
    olga.agenda.list.itemClicked.emit(olga.agenda.list.item(2))
    qtbot.waitUntil(lambda: paul.agenda.list.item(2).text().startswith("▶"), timeout=10_000)
    assert paul.follow.shown.page == 3  # the closing item has no page: the room stays put
