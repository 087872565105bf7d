"""Two real windows on a real server: the presenter turns, the follower follows; browsing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from meeting.ui.page_view import ZoomMode
from tests.ui.conftest import after_a_marker, wait_for_page


def test_follower_window_shows_presenters_page(qtbot, open_viewer, seeded_server):
    _, seeded = seeded_server
    presenter = open_viewer("olga")
    follower = open_viewer("paul")
    assert presenter.follow.is_presenter and not follower.follow.is_presenter
    presenter.step(+1)
    wait_for_page(qtbot, follower, page=1)
    presenter.documents.itemClicked.emit(presenter.documents.item(1))
    wait_for_page(qtbot, follower, page=0, document_id=seeded.documents[1])
    assert follower.banner.kind == "following"
    assert presenter.banner.kind == "presenting"


def test_browse_on_your_own_and_come_back(qtbot, open_viewer, seeded_server):
    _, seeded = seeded_server
    presenter = open_viewer("olga")
    follower = open_viewer("paul")
    presenter.documents.itemClicked.emit(presenter.documents.item(1))  # the 6-page briefing
    wait_for_page(qtbot, follower, page=0, document_id=seeded.documents[1])
    follower.page_view.set_zoom_mode(ZoomMode.FIT_PAGE)
    qtbot.keyClick(follower, Qt.Key.Key_Right)
    wait_for_page(qtbot, follower, page=1)
    assert not follower.follow.following
    assert follower.banner.kind == "browsing" and follower.banner.isVisible()
    assert "page 1" in follower.banner.label.text()
    # The presenter moves on; the browsing participant stays where they are.
    presenter.step(+1)
    presenter.step(+1)
    qtbot.waitUntil(lambda: follower.follow.shared is not None
                    and follower.follow.shared.page == 2)
    assert follower.follow.shown.page == 1
    assert "page 3" in follower.banner.label.text()
    qtbot.mouseClick(follower.banner.button, Qt.MouseButton.LeftButton)
    wait_for_page(qtbot, follower, page=2)
    assert follower.follow.following and follower.banner.kind == "following"


def test_browsing_back_to_the_presenters_page_resumes_following(qtbot, open_viewer):
    open_viewer("olga")
    follower = open_viewer("paul")
    follower.step(+1)
    assert not follower.follow.following
    follower.step(-1)
    assert follower.follow.following


def test_participant_cannot_move_the_room(qtbot, open_viewer, seeded_server):
    presenter = open_viewer("olga")
    follower = open_viewer("paul")
    follower.step(+1)
    wait_for_page(qtbot, follower, page=1)
    after_a_marker(qtbot, seeded_server[0], presenter.meeting_id, presenter)
    assert presenter.follow.shown.page == 0


def test_late_joiner_lands_on_the_current_page(qtbot, open_viewer, seeded_server):
    _, seeded = seeded_server
    presenter = open_viewer("olga")
    presenter.documents.itemClicked.emit(presenter.documents.item(2))
    presenter.step(+1)
    presenter.step(+1)
    qtbot.waitUntil(lambda: presenter.session.view(presenter.meeting_id).state.page == 2)
    late = open_viewer("pia")
    wait_for_page(qtbot, late, page=2, document_id=seeded.documents[2])


def test_wheel_and_swipe_turn_pages(qtbot, open_viewer):
    presenter = open_viewer("olga")
    presenter.documents.itemClicked.emit(presenter.documents.item(1))  # the 6-page briefing
    view = presenter.page_view
    view.set_zoom_mode(ZoomMode.FIT_PAGE)
    center = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(center, view.viewport().mapToGlobal(center), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    wait_for_page(qtbot, presenter, page=1)
    viewport = view.viewport()
    start = viewport.rect().center() + QPoint(200, 0)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start - QPoint(150, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start - QPoint(400, 10))
    wait_for_page(qtbot, presenter, page=2)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start - QPoint(400, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start)
    wait_for_page(qtbot, presenter, page=1)


def test_keyboard_thumbnails_and_zoom(qtbot, open_viewer):
    presenter = open_viewer("olga")
    qtbot.keyClick(presenter, Qt.Key.Key_End)
    last = presenter.follow.document(presenter.follow.shown.document_id).pages - 1
    wait_for_page(qtbot, presenter, page=last)
    qtbot.keyClick(presenter, Qt.Key.Key_Home)
    wait_for_page(qtbot, presenter, page=0)
    presenter.thumbnails.pageClicked.emit(1)
    wait_for_page(qtbot, presenter, page=1)
    assert presenter.thumbnails.currentRow() == 1
    presenter.page_view.set_zoom_mode(ZoomMode.FIT_WIDTH)
    fit_width = presenter.page_view.zoom_percent()
    presenter.page_view.zoom_in()
    assert presenter.page_view.zoom_mode is ZoomMode.CUSTOM
    assert presenter.page_view.zoom_percent() > fit_width
    wait_for_page(qtbot, presenter, page=1)


def test_thumbnails_are_rendered(qtbot, open_viewer):
    presenter = open_viewer("olga")
    strip = presenter.thumbnails

    def rendered() -> None:
        image = strip.item(strip.count() - 1).icon().pixmap(64, 64).toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 4)
                   for y in range(0, image.height(), 4)}
        assert len(colours) > 3  # more than a blank page with a border

    qtbot.waitUntil(rendered, timeout=10_000)
