"""Display mode for the large monitor: full screen, no cursor, the room's page, marks and laser,
a discreet notice while the link is down."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from meeting.ui.ink_tools import Mode
from server.embedded import EmbeddedServer
from tests.ui.conftest import draw, shows, wait_for_page


def test_full_screen_on_the_chosen_screen_following_the_room(qtbot, open_viewer,
                                                             open_display, seeded_server):
    _, seeded = seeded_server
    presenter = open_viewer("olga")
    display = open_display()
    screen = QApplication.screens()[-1]
    display.place_on(screen)
    assert display.isFullScreen() and display.geometry() == screen.geometry()
    assert display.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert display.cursor().shape() == Qt.CursorShape.BlankCursor
    assert display.page_view.viewport().cursor().shape() == Qt.CursorShape.BlankCursor
    qtbot.waitUntil(lambda: shows(display, 0), timeout=10_000)

    presenter.documents.itemClicked.emit(presenter.documents.item(1))
    wait_for_page(qtbot, presenter, page=0, document_id=seeded.documents[1])
    presenter.go_to_page(2)
    qtbot.waitUntil(lambda: shows(display, 2, seeded.documents[1]), timeout=10_000)

    presenter.ink_toolbar.set_mode(Mode.PEN)
    center = presenter.page_view.viewport().rect().center()
    draw(qtbot, presenter, center - QPoint(80, 0), center + QPoint(80, 0))
    qtbot.waitUntil(lambda: [len(s.points) for s in display.page_view.strokes] == [13],
                    timeout=10_000)
    presenter.ink_toolbar.set_mode(Mode.LASER)
    viewport = presenter.page_view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=center)
    qtbot.waitUntil(lambda: display.page_view.laser is not None, timeout=10_000)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=center)
    qtbot.waitUntil(lambda: display.page_view.laser is None, timeout=10_000)


def test_a_dropped_link_shows_a_notice_and_the_display_comes_back(qtbot, open_display,
                                                                 seeded_server):
    live, _ = seeded_server
    display = open_display()
    display.resize(1280, 720)
    display.show()
    qtbot.waitUntil(lambda: shows(display, 0), timeout=10_000)
    assert not display.notice.isVisible()
    port = live.server.port
    live.server.stop()
    qtbot.waitUntil(lambda: display.notice.isVisible(), timeout=10_000)
    assert "Reconnecting" in display.notice.text()
    shows(display, 0)  # the last page stays on the screen meanwhile
    live.server = EmbeddedServer(live.data_dir, port=port)
    live.url = live.server.start()
    qtbot.waitUntil(lambda: not display.notice.isVisible(), timeout=20_000)
    shows(display, 0)


def test_sharp_at_4k(qtbot, open_display, tmp_path):
    display = open_display()
    display.resize(3840, 2160)
    display.show()
    qtbot.waitUntil(lambda: shows(display, 0), timeout=10_000)
    image = display.grab().toImage()
    assert (image.width(), image.height()) == (3840, 2160)
    page = display.page_view.canvas
    assert page.height() > 2000  # fitted to the screen: the page fills its height
    assert image.save(str(tmp_path / "display-4k.png"))


def test_the_presenters_own_laptop_drives_a_display_window(qtbot, open_viewer):
    presenter = open_viewer("olga")
    presenter.display_menu.aboutToShow.emit()  # the menu lists the screens
    assert presenter.display_menu.actions()
    presenter.display_menu.actions()[-1].trigger()
    (display,) = presenter.displays
    assert display.isFullScreen()
    qtbot.waitUntil(lambda: shows(display, 0), timeout=10_000)
    presenter.go_to_page(1)
    qtbot.waitUntil(lambda: shows(display, 1), timeout=10_000)  # never stuck on its own page
    presenter.ink_toolbar.set_mode(Mode.LASER)
    center = presenter.page_view.viewport().rect().center()
    qtbot.mousePress(presenter.page_view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.waitUntil(lambda: display.page_view.laser is not None, timeout=10_000)
    qtbot.mouseRelease(presenter.page_view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.keyClick(display, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: presenter.displays == [], timeout=5_000)
