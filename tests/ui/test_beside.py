"""Two documents side by side: the presenter shows a report and its reference; followers and the
large monitor show both; a participant may browse the second one, or open their own."""

from __future__ import annotations

from PySide6.QtCore import Qt

from meeting.core.following import Position
from meeting.ui.beside_pane import BesidePane
from tests.ui.conftest import after_a_marker, wait_for_page


def beside_shows(pane: BesidePane, document_id: int, page: int) -> None:
    """The pane is open on that page and has painted it sharp."""
    assert pane.isVisible()
    assert pane.model.shown == Position(document_id, page)
    view = pane.page_view
    assert view.page == page and view.painted == (view.document_path, page)


def test_followers_and_the_display_show_the_presenters_two_documents(
        qtbot, open_viewer, open_display, seeded_server, tmp_path):
    _, seeded = seeded_server
    report, reference = seeded.documents[0], seeded.documents[1]
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    display = open_display()
    display.resize(1920, 1080)
    display.show()
    assert not follower.beside_pane.isVisible()  # one document until the presenter opens two

    presenter.beside_menu.aboutToShow.emit()  # the toolbar's "Side by side" menu
    by_title = {a.text(): a for a in presenter.beside_menu.actions()}
    by_title[presenter.follow.document(reference).title].trigger()
    qtbot.waitUntil(lambda: beside_shows(presenter.beside_pane, reference, 0), timeout=10_000)
    qtbot.waitUntil(lambda: beside_shows(follower.beside_pane, reference, 0), timeout=10_000)
    qtbot.waitUntil(lambda: beside_shows(display.beside_pane, reference, 0), timeout=10_000)
    qtbot.mouseClick(presenter.beside_pane.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: beside_shows(follower.beside_pane, reference, 1), timeout=10_000)
    qtbot.waitUntil(lambda: beside_shows(display.beside_pane, reference, 1), timeout=10_000)
    presenter.step(+1)  # the page itself turns on its own
    wait_for_page(qtbot, follower, page=1, document_id=report)
    beside_shows(follower.beside_pane, reference, 1)
    both = display.grab().toImage()
    assert both.save(str(tmp_path / "display-side-by-side.png"))
    assert follower.grab().save(str(tmp_path / "viewer-side-by-side.png"))
    # the two pages share the screen: each about half as wide
    assert display.page_view.width() < 1000 and display.beside_pane.page_view.width() < 1000

    qtbot.mouseClick(presenter.beside_pane.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not follower.beside_pane.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: not display.beside_pane.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: display.page_view.width() > 1800)  # the whole screen again


def test_a_participant_browses_the_second_document_and_comes_back(qtbot, open_viewer,
                                                                  seeded_server):
    _, seeded = seeded_server
    reference = seeded.documents[1]
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    presenter.beside_pane.open(reference)
    qtbot.waitUntil(lambda: beside_shows(follower.beside_pane, reference, 0), timeout=10_000)
    assert not follower.beside_pane.follow_button.isVisible()
    qtbot.mouseClick(follower.beside_pane.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(follower.beside_pane.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: beside_shows(follower.beside_pane, reference, 2), timeout=10_000)
    assert follower.beside_pane.follow_button.isVisible()
    presenter.beside_pane.step(+1)
    qtbot.waitUntil(lambda: follower.beside.shared == Position(reference, 1), timeout=10_000)
    beside_shows(follower.beside_pane, reference, 2)  # stays where they browse
    assert follower.follow.following  # the main page still follows
    qtbot.mouseClick(follower.beside_pane.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: beside_shows(follower.beside_pane, reference, 1), timeout=10_000)
    assert presenter.session.view(presenter.meeting_id).state.beside.page == 1


def test_a_participant_opens_a_document_beside_for_themselves(qtbot, open_viewer, seeded_server):
    _, seeded = seeded_server
    reference = seeded.documents[2]
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    follower.documents.setCurrentRow(2)
    follower.beside_pane.open(reference)  # as "Open beside the page" in the list's menu does
    qtbot.waitUntil(lambda: beside_shows(follower.beside_pane, reference, 0), timeout=10_000)
    after_a_marker(qtbot, seeded_server[0], presenter.meeting_id, presenter)
    assert presenter.session.view(presenter.meeting_id).state.beside is None  # theirs alone
    assert not presenter.beside_pane.isVisible()
    qtbot.mouseClick(follower.beside_pane.close_button, Qt.MouseButton.LeftButton)
    assert not follower.beside_pane.isVisible()
