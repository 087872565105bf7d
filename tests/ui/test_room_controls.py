"""The presenter's room controls: blank the large monitor, zoom the room, hold everyone."""

from __future__ import annotations

from tests.ui.conftest import shows, wait_for_page


def test_blank_the_large_monitor_black_or_white_and_back(qtbot, open_viewer, open_display):
    presenter = open_viewer("olga")
    display = open_display()
    display.resize(1280, 720)
    display.show()
    qtbot.waitUntil(lambda: shows(display, 0), timeout=10_000)
    assert presenter.room_action.isVisible()
    for colour in ("black", "white"):
        presenter.room_actions[colour].trigger()
        qtbot.waitUntil(lambda c=colour: display._stack.currentWidget() is display.blank_panel
                        and c in display.blank_panel.styleSheet(), timeout=10_000)
        pixel = display.grab().toImage().pixelColor(640, 360)
        assert pixel.lightness() == (0 if colour == "black" else 255)
    presenter.room_actions["unblank"].trigger()
    qtbot.waitUntil(lambda: display._stack.currentWidget() is display.pages, timeout=10_000)


def test_the_room_sees_the_region_the_presenter_zoomed_to(qtbot, open_viewer, open_display):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    assert not follower.room_action.isVisible()
    display = open_display()
    display.resize(1280, 720)
    display.show()
    qtbot.waitUntil(lambda: shows(display, 0), timeout=10_000)
    for _ in range(4):
        presenter.page_view.zoom_in()
    wait_for_page(qtbot, presenter, page=0)
    region = presenter.page_view.visible_region()
    presenter.room_actions["zoom"].trigger()

    def zoomed(window) -> None:
        shown = window.page_view.region
        assert shown is not None
        assert all(abs(a - b) < 0.5 for a, b in zip(shown, region, strict=True))
        view = window.page_view
        assert view.painted == (view.document_path, 0)

    qtbot.waitUntil(lambda: zoomed(display), timeout=10_000)
    qtbot.waitUntil(lambda: zoomed(follower), timeout=10_000)
    # the region is fitted to the display: it fills its width or its height
    view = display.page_view
    scale, size = view.current_scale(), view.viewport().size()
    fill = max(scale * (region[2] - region[0]) / size.width(),
               scale * (region[3] - region[1]) / size.height())
    assert 0.9 < fill <= 1.0
    presenter.go_to_page(1)  # a new page: the whole page again
    qtbot.waitUntil(lambda: display.page_view.region is None and shows(display, 1),
                    timeout=10_000)
    qtbot.waitUntil(lambda: follower.page_view.region is None, timeout=10_000)


def test_hold_everyone_on_the_page_and_release(qtbot, open_viewer):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    presenter.room_actions["hold"].trigger()
    qtbot.waitUntil(lambda: follower.follow.held, timeout=10_000)
    assert "holding everyone" in follower.banner.label.text()
    follower.step(+1)
    assert follower.follow.shown.page == 0 and follower.follow.following
    presenter.room_actions["hold"].trigger()
    qtbot.waitUntil(lambda: not follower.follow.held, timeout=10_000)
    follower.step(+1)
    assert follower.follow.shown.page == 1 and not follower.follow.following


def test_hand_over_the_presenter_role_and_take_it_back(qtbot, open_viewer):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    olga.room_menu.aboutToShow.emit()
    names = [a.text() for a in olga.handover_menu.actions()]
    assert "paul" in names and "dora" not in names and "olga" not in names
    next(a for a in olga.handover_menu.actions() if a.text() == "paul").trigger()
    qtbot.waitUntil(lambda: paul.follow.is_presenter and not olga.follow.is_presenter,
                    timeout=10_000)
    assert paul.room_action.isVisible()  # the new presenter drives the room
    paul.go_to_page(1)
    qtbot.waitUntil(lambda: olga.follow.shown.page == 1, timeout=10_000)  # olga follows paul
    olga.room_menu.aboutToShow.emit()
    assert olga.take_action.isVisible()  # an organizer can always take it back
    olga.take_action.trigger()
    qtbot.waitUntil(lambda: olga.follow.is_presenter and not paul.follow.is_presenter,
                    timeout=10_000)
    assert not paul.room_action.isVisible()


def people_lines(window) -> list[str]:
    return [action.text() for action in window.people_button.menu().actions()]


def test_everyone_sees_who_is_here_where_and_following(qtbot, open_viewer):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    paul.place_choice.setCurrentIndex(0)  # "I'm in the room"
    qtbot.waitUntil(lambda: "● paul — in the room, following" in people_lines(olga),
                    timeout=10_000)
    assert olga.people_button.text().startswith("2 here")
    qtbot.waitUntil(lambda: "● paul — in the room, following (you)" in people_lines(paul),
                    timeout=10_000)  # everyone sees it (each on their own link: not at once)
    paul.step(+1)  # paul browses on his own
    qtbot.waitUntil(lambda: "○ paul — in the room, browsing" in people_lines(olga),
                    timeout=10_000)
    assert "1 following" in olga.people_button.text()
    paul.back_to_presenter()
    qtbot.waitUntil(lambda: "2 following" in olga.people_button.text(), timeout=10_000)
    paul.close()
    paul.session.close()
    qtbot.waitUntil(lambda: olga.people_button.text().startswith("1 here"), timeout=10_000)
