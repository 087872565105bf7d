"""The large monitor in a real room (issue 15, point 6): on a single screen the presenter turns
pages on it, "Esc to return" shows and Esc always works, the vote is readable across the room,
and a closed monitor leaves nothing behind that later vote changes trip over."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import QApplication

from meeting.core.display_control import HINT_SECONDS
from tests.ui.conftest import shows, wait_for_page


def open_monitor(qtbot, viewer):
    display = viewer.show_display(QApplication.screens()[0])  # the one screen there is
    qtbot.waitUntil(lambda: shows(display, viewer.follow.shared.page), timeout=10_000)
    return display


def test_the_presenter_turns_pages_on_the_monitor(qtbot, open_viewer, seeded_server):
    _, seeded = seeded_server
    olga, paul = open_viewer("olga"), open_viewer("paul")
    olga.documents.itemClicked.emit(olga.documents.item(1))  # six pages
    wait_for_page(qtbot, paul, page=0, document_id=seeded.documents[1])
    display = open_monitor(qtbot, olga)
    assert display.hint.isVisible() and display.hint.text().startswith("Esc to return")
    for key, page in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_PageDown, 2), (Qt.Key.Key_Space, 3),
                      (Qt.Key.Key_Left, 2), (Qt.Key.Key_PageUp, 1)):
        qtbot.keyClick(display, key)
        qtbot.waitUntil(lambda p=page: shows(display, p), timeout=10_000)
        wait_for_page(qtbot, paul, page=page)  # the room follows
        assert olga.follow.shown.page == page  # and the presenter's own window too
    viewport = display.page_view.viewport()
    width = viewport.width()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(width * 3 // 4, 200))
    qtbot.waitUntil(lambda: shows(display, 2), timeout=10_000)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(width // 10, 200))
    qtbot.waitUntil(lambda: shows(display, 1), timeout=10_000)
    start = QPoint(width // 2 + 200, 300)  # a swipe to the left: the next page
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start - QPoint(200, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start - QPoint(450, 0))
    qtbot.waitUntil(lambda: shows(display, 2), timeout=10_000)
    qtbot.keyClick(display, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: olga.displays == [], timeout=5000)


def test_a_participants_monitor_only_watches_and_always_lets_go(qtbot, open_viewer):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    display = open_monitor(qtbot, paul)
    assert display.hint.text() == "Esc to return"
    qtbot.keyClick(display, Qt.Key.Key_Right)
    viewport = display.page_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(viewport.width() - 20, 20))
    qtbot.wait(300)
    assert olga.session.view(olga.meeting_id).state.page == 0  # the room did not move
    shows(display, 0)
    qtbot.waitUntil(lambda: not display.hint.isVisible(), timeout=HINT_SECONDS * 1000 + 2000)
    qtbot.keyClick(display, Qt.Key.Key_A)  # any other key shows the way out again
    assert display.hint.isVisible()
    assert display.cursor().shape() == Qt.CursorShape.BlankCursor  # (the room sees none)
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(300, 300), QPointF(300, 300),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, move)  # reaching for the mouse: the cursor too
    assert viewport.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert display.return_button.isVisible()  # (a way out without a keyboard)
    qtbot.keyClick(display, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: paul.displays == [], timeout=5000)
    display = open_monitor(qtbot, paul)
    QApplication.sendEvent(display.page_view.viewport(), move)
    qtbot.mouseClick(display.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: paul.displays == [], timeout=5000)


def open_vote(qtbot, olga, paul) -> None:
    dialog = olga.votes.new_vote()
    dialog.question.setText("令和8年度予算案を承認する")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(paul.votes.ballot_buttons), timeout=10_000)


def test_the_vote_is_readable_across_the_room(qtbot, open_viewer, open_display, tmp_path):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    display = open_display()
    open_vote(qtbot, olga, paul)
    for width, height in ((1920, 1080), (3840, 2160)):
        display.resize(width, height)
        display.show()
        qtbot.waitUntil(display.vote.isVisible, timeout=10_000)
        qtbot.waitUntil(lambda h=height: display.vote.status.height() >= h / 12, timeout=5000)
        metrics = QFontMetrics(display.vote.status.font())
        assert metrics.height() >= height / 12, (width, height, metrics.height())
        assert QFontMetrics(display.vote.title.font()).height() >= height / 18
        display.grab().save(str(tmp_path / f"vote-{width}x{height}.png"))


def test_votes_after_the_monitor_was_closed_trip_over_nothing(qtbot, open_viewer):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    display = open_monitor(qtbot, olga)
    qtbot.keyClick(display, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: olga.displays == [], timeout=5000)
    open_vote(qtbot, olga, paul)  # (a lambda of the closed monitor raised here, every time)
    olga.votes.close_button.click()
    qtbot.waitUntil(lambda: not paul.votes.close_button.isVisible()
                    and "voted" in paul.votes.status.text(), timeout=10_000)
