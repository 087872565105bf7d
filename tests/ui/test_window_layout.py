"""The meeting window's layout: the page gets most of the screen, no action of either tool bar
is ever out of reach or cut, and in touch mode every control is finger-sized."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionToolButton,
    QTabBar,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from meeting.ui import translations
from meeting.ui.base import touch
from meeting.ui.base.overflow_toolbar import OverflowToolbar
from meeting.ui.vote_panel import VoteDialog


def page_share(window) -> float:
    """The page view's area (the page and the grey around it) over the window's."""
    view = window.page_view
    return view.width() * view.height() / (window.width() * window.height())


@pytest.mark.parametrize("size, least, touch_mode", [
    ((1280, 800), 0.75, False), ((1280, 800), 0.75, True), ((1920, 1080), 0.80, False)])
def test_the_page_gets_most_of_the_window(qtbot, open_viewer, size, least, touch_mode):
    touch.apply(QApplication.instance(), touch_mode)  # a tablet is in touch mode
    follower = open_viewer("paul")
    open_viewer("olga")
    follower.resize(*size)
    qtbot.waitUntil(lambda: follower.page_view.width() > 0.9 * size[0], timeout=5_000)
    assert follower.follow.following  # the default follow layout
    parts = {name: getattr(follower, name) for name in (
        "toolbar", "ink_toolbar", "notice", "banner", "thumbnails", "status")}
    assert page_share(follower) >= least, (f"{page_share(follower):.0%} of {size}: " + ", ".join(
        f"{name} {part.height()}" for name, part in parts.items() if part.isVisible()))


def test_side_panel_and_thumbnails_open_in_one_tap_and_are_remembered(qtbot, open_viewer,
                                                                        tmp_path):
    settings = QSettings(str(tmp_path / "device.ini"), QSettings.Format.IniFormat)
    window = open_viewer("paul")
    window.layout_memory.settings = settings  # (as the app passes its settings)
    assert not window.side_panel.isVisible() and not window.thumbnails.isVisible()
    window.panel_action.trigger()
    window.thumbnails_action.trigger()
    assert window.side_panel.isVisible() and window.thumbnails.isVisible()
    again = type(window)(window.session, window.bridge, window._worker, window.meeting_id,
                         settings=settings)
    try:
        again.show()
        assert again.side_panel.isVisible() and again.thumbnails.isVisible()
        again.panel_action.trigger()
        assert not again.side_panel.isVisible()
        assert settings.value("viewer/panel", True, bool) is False
    finally:
        again.close()
        again.deleteLater()


def test_reading_mode_shows_only_the_page_and_comes_back_on_a_tap(qtbot, open_viewer):
    window = open_viewer("paul")
    open_viewer("olga")
    before = page_share(window)
    window.reading_action.trigger()  # F11
    assert not window.toolbar.isVisible() and not window.ink_toolbar.isVisible()
    assert not window.statusBar().isVisible() and not window.banner.isVisible()
    qtbot.waitUntil(lambda: page_share(window) > before)
    assert window.overlay.isVisible()
    assert "Page 1 of" in window.overlay.text() and "Following" in window.overlay.text()
    qtbot.mouseClick(window.overlay, Qt.MouseButton.LeftButton)
    assert window.toolbar.isVisible() and window.ink_toolbar.isVisible()
    assert not window.overlay.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.reading
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.reading and window.toolbar.isVisible()


def test_a_double_tap_beside_the_page_turns_reading_mode_on(qtbot, open_viewer):
    window = open_viewer("paul")
    window.resize(1280, 800)
    view = window.page_view
    qtbot.waitUntil(lambda: view.widget().x() > 20)  # the page, fitted, leaves a margin
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.widget().pos()
                      - view.widget().pos() / 2)
    assert window.reading


def _toolbars(window) -> list[OverflowToolbar]:
    return [window.toolbar, window.ink_toolbar]


def _label_fits(button: QToolButton) -> bool:
    """The button is at least as wide as its text, icon and ▾ need: nothing cut to "…"."""
    if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly or not button.text():
        return True
    need = button.fontMetrics().horizontalAdvance(button.text())
    if not button.icon().isNull():
        need += button.iconSize().width()
    if button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup:
        need += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
    return button.width() >= need


WIDTHS = (960, 1024, 1180, 1366, 1600)


def _check_bars(window) -> None:
    """Every action visible or listed in "More"; no label cut, no button over another."""
    QApplication.processEvents()  # (the window's resize reaches the bars)
    for bar in _toolbars(window):
        bar.lay_out()
        offered = [a for a in bar._order if a.isVisible() and not a.isSeparator()]
        in_more = [a for a in bar.more_menu.actions() if not a.isSeparator()]
        for action in offered:
            if action in bar.overflowed:
                assert bar._menu_entry.get(action, action) in in_more, action.text()
            else:
                button = bar.widgetForAction(action)
                assert button.isVisible(), action.text()
                assert bar.rect().contains(button.geometry()), (window.width(), action.text())
        buttons = [b for b in bar.findChildren(QToolButton) if b.isVisible()
                   and b.parent() is bar and b.objectName() != "qt_toolbar_ext_button"]
        assert all(_label_fits(b) for b in buttons), [
            (window.width(), b.text()) for b in buttons if not _label_fits(b)]
        for one in buttons:
            for other in buttons:
                assert one is other or not one.geometry().intersects(other.geometry())
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is None or not extension.isVisible()  # no Qt "»" panel


@pytest.mark.parametrize("touch_mode", [False, True])
@pytest.mark.parametrize("language", ["en", "ja"])
def test_from_960_px_up_every_action_is_reachable_and_no_label_is_cut(
        qtbot, open_viewer, tmp_path, language, touch_mode):
    app = QApplication.instance()
    translations.install(app, language, tmp_path / "translations")
    touch.apply(app, touch_mode)
    try:
        for name in ("olga", "paul"):  # an organizer presenting (the most actions), and not
            window = open_viewer(name)
            for width in WIDTHS:
                window.resize(width, 720)
                qtbot.wait(20)
                _check_bars(window)
            qtbot.keyClick(window, Qt.Key.Key_Escape)
    finally:
        translations.install(app, "en", tmp_path / "translations")


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # (offscreen)
def test_the_more_menu_lists_what_does_not_fit_and_closes_with_esc(qtbot, open_viewer):
    window = open_viewer("olga")
    window.resize(640, 600)  # narrower than any laptop: some actions must go
    bar = window.ink_toolbar
    qtbot.waitUntil(lambda: bool(bar.overflowed), timeout=5_000)
    bar.lay_out()
    assert bar.more_action.isVisible()
    texts = [a.text() for a in bar.more_menu.actions()]
    assert "Everyone may draw" in texts or window.ink_toolbar.everyone_action not in bar.overflowed
    assert any(a.text() for a in bar.more_menu.actions())
    bar.more_action.trigger()
    qtbot.waitUntil(bar.more_menu.isVisible)
    qtbot.keyClick(bar.more_menu, Qt.Key.Key_Escape)
    assert not bar.more_menu.isVisible()
    main = window.toolbar
    qtbot.waitUntil(lambda: bool(main.overflowed), timeout=5_000)
    main.more_action.trigger()  # the main bar's "More" opens below the ink bar, not over it
    qtbot.waitUntil(main.more_menu.isVisible)
    ink_bottom = bar.mapToGlobal(bar.rect().bottomLeft()).y()
    assert main.more_menu.geometry().top() >= ink_bottom
    qtbot.keyClick(main.more_menu, Qt.Key.Key_Escape)
    assert not main.more_menu.isVisible()
    window.resize(1600, 800)
    qtbot.waitUntil(lambda: not bar.overflowed, timeout=5_000)  # room again: all back


def _too_small(widget: QWidget) -> list[str]:
    """Every interactive control in a widget tree smaller than a fingertip."""
    small = []

    def check(name: str, width: int, height: int) -> None:
        if width < touch.TARGET or height < touch.TARGET:
            small.append(f"{name}: {width}×{height}")

    for child in [widget, *widget.findChildren(QWidget)]:
        if not child.isVisible():
            continue
        name = f"{type(child).__name__} {getattr(child, 'text', lambda: '')()!r}"
        if isinstance(child, (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit)):
            check(name, child.width(), child.height())
        if isinstance(child, QComboBox):
            option = QStyleOptionComboBox()
            child.initStyleOption(option)
            arrow = child.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                 QStyle.SubControl.SC_ComboBoxArrow, child)
            check(name + " ▾", arrow.width(), min(arrow.height(), child.height()))
        if isinstance(child, QToolButton) and \
                child.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup:
            option = QStyleOptionToolButton()
            child.initStyleOption(option)
            arrow = child.style().subControlRect(QStyle.ComplexControl.CC_ToolButton, option,
                                                 QStyle.SubControl.SC_ToolButtonMenu, child)
            check(name + " ▾", arrow.width(), arrow.height())
        if isinstance(child, QTabBar):
            for index in range(child.count()):
                if child.isTabVisible(index):
                    rect = child.tabRect(index)
                    check(f"tab {child.tabText(index)!r}", rect.width(), rect.height())
    return small


def _menu_rows_too_small(menus: list[QMenu]) -> list[str]:
    small = []
    for menu in menus:
        menu.ensurePolished()
        for action in menu.actions():
            if action.isVisible() and not action.isSeparator():
                rect = menu.actionGeometry(action)
                if rect.height() < touch.TARGET:
                    small.append(f"{action.text()!r}: {rect.height()} px high")
    return small


def test_touch_mode_makes_every_control_finger_sized(qtbot, open_viewer):
    app = QApplication.instance()
    touch.apply(app, True)
    try:
        window = open_viewer("olga")
        window.resize(1280, 800)
        window.show_panel(True)
        qtbot.wait(50)
        assert _too_small(window) == []
        menus = [window.room_menu, window.toolbar.more_menu, window.ink_toolbar.more_menu,
                 window.export_menu, window.beside_menu, window.display_menu,
                 window.people_button.menu()]
        for menu in menus:
            menu.aboutToShow.emit()
        assert _menu_rows_too_small(menus) == []
        dialog = VoteDialog(None, window)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert _too_small(dialog) == []  # its radio buttons too
        dialog.close()
    finally:
        touch.apply(app, False)


def test_touch_mode_is_on_with_a_touch_screen_unless_the_setting_says_otherwise():
    assert touch.wanted("auto", touch_screen=True)
    assert not touch.wanted("auto", touch_screen=False)
    assert touch.wanted("on", touch_screen=False)
    assert not touch.wanted("off", touch_screen=True)


def test_the_people_tab_lists_who_is_here(qtbot, open_viewer):
    olga = open_viewer("olga")
    open_viewer("paul")
    people = olga.side_panel.people
    olga.show_side(people)
    assert people.isVisible()
    qtbot.waitUntil(lambda: people.count() == 2 and any(
        "paul" in people.item(row).text() for row in range(people.count())), timeout=10_000)


def test_every_action_of_both_bars_has_an_icon_of_the_one_set(open_viewer):
    window = open_viewer("olga")
    swatches = set(window.ink_toolbar._swatches.values())  # colour samples, not icons
    for bar in _toolbars(window):
        bar.lay_out()
        for action in bar._order:
            if action.isSeparator() or action in swatches or (
                    isinstance(action, QWidgetAction) and action not in bar._menu_entry):
                continue  # (a label, such as the page number, is no action)
            entry = bar._menu_entry.get(action, action)  # (a widget's menu stands for it)
            assert not entry.icon().isNull(), entry.text()


def test_a_button_back_from_more_keeps_its_accessible_name(qtbot, open_viewer):
    window = open_viewer("olga")
    bar = window.ink_toolbar
    everyone = bar.everyone_action  # among the first to go into "More"
    window.resize(1600, 800)
    qtbot.waitUntil(lambda: everyone not in bar.overflowed, timeout=5_000)
    bar.widgetForAction(everyone).setAccessibleName("Everyone may draw (room)")
    window.resize(640, 600)
    qtbot.waitUntil(lambda: everyone in bar.overflowed, timeout=5_000)
    window.resize(1600, 800)
    qtbot.waitUntil(lambda: everyone not in bar.overflowed, timeout=5_000)
    assert bar.widgetForAction(everyone).accessibleName() == "Everyone may draw (room)"
