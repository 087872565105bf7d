"""Tablet gestures on the page: pinch to zoom (around the fingers), double-tap to fit."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from meeting.ui.page_view import ZoomMode
from tests.ui.conftest import wait_for_page


def pinch(view, value: float, at: QPointF) -> None:
    """A pinch as Qt delivers it from a touchpad (value: the change of scale, +0.2 = 20 %)."""
    event = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture,
                                QPointingDevice.primaryPointingDevice(), 2, at, at,
                                QPointF(view.viewport().mapToGlobal(at.toPoint())), value,
                                QPointF(0, 0))
    QApplication.sendEvent(view.viewport(), event)


def test_pinch_zooms_around_the_fingers_and_double_tap_fits(qtbot, open_viewer):
    window = open_viewer("paul")
    view = window.page_view
    view.set_zoom_mode(ZoomMode.FIT_PAGE)
    wait_for_page(qtbot, window)
    before = view.current_scale()
    # fingers on the page (a third across, two fifths down), not on the grey around it
    on_page = view.canvas.mapTo(view.viewport(), view.canvas.rect().center())
    at = QPointF(on_page.x() - view.canvas.width() / 6, on_page.y() - view.canvas.height() / 10)
    for _ in range(6):
        pinch(view, 0.2, at)
    assert view.current_scale() > before * 2.9  # 1.2 ** 6 ≈ 3
    assert view.canvas.width() > view.viewport().width()
    # once the page is larger than the screen, the spot under the fingers stays there
    under_fingers = view.page_point(at)
    pinch(view, 0.3, at)
    after = view.page_point(at)
    assert abs(after[0] - under_fingers[0]) < 2 and abs(after[1] - under_fingers[1]) < 2
    wait_for_page(qtbot, window)  # and it is rendered sharp at the new size

    viewport = view.viewport()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    assert view.zoom_mode is ZoomMode.FIT_PAGE
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    assert view.zoom_mode is ZoomMode.FIT_WIDTH
    for _ in range(30):
        pinch(view, -0.3, at)  # never smaller than the least zoom
    assert view.current_scale() >= 0.25 * 96 / 72 - 1e-9


def test_two_fingers_on_a_touch_screen_pinch_to_zoom(qtbot, open_viewer):
    window = open_viewer("paul")
    view = window.page_view
    view.set_zoom_mode(ZoomMode.FIT_PAGE)
    wait_for_page(qtbot, window)
    before = view.current_scale()
    screen = QTest.createTouchDevice()  # Qt's own gesture recognizer turns these into a pinch
    viewport = view.viewport()
    center = viewport.rect().center()
    QTest.touchEvent(viewport, screen).press(0, center - QPoint(20, 0)).press(
        1, center + QPoint(20, 0)).commit()
    for step in range(1, 15):
        spread = QPoint(20 + step * 10, 0)
        QTest.touchEvent(viewport, screen).move(0, center - spread).move(
            1, center + spread).commit()
        qtbot.wait(5)
    QTest.touchEvent(viewport, screen).release(0, center - QPoint(160, 0)).release(
        1, center + QPoint(160, 0)).commit()
    qtbot.waitUntil(lambda: view.current_scale() > before * 2, timeout=5_000)
    assert view.zoom_mode is ZoomMode.CUSTOM
