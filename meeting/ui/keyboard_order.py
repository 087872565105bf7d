"""Everything reachable from the keyboard, in the order it reads: Tab and Shift+Tab go through a
window's controls row by row, toolbar buttons included (Qt leaves those out), and the focused
control shows a ring. The order is taken afresh at each Tab, so a control that appears later (a
presenter's button, a panel opened) takes its place without anyone keeping a list."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton, QWidget

from meeting.core.reading_order import reading_order
from meeting.ui.accessibility import INTERACTIVE

RING_COLOR = "#1a73e8"
RING_PX = 3


def tab_stops(window: QWidget) -> list[QWidget]:
    """The window's controls the keyboard visits, in reading order (containers are read whole:
    a side panel's controls one after the other, then the page beside it)."""
    stops: list[QWidget] = []
    _collect(window, window, stops)
    return stops


def _collect(parent: QWidget, window: QWidget, stops: list[QWidget]) -> None:
    children = [c for c in parent.children() if isinstance(c, QWidget) and not c.isWindow()
                and c.isVisibleTo(window)]
    boxes = [(c.x(), c.y(), c.width(), c.height()) for c in children]
    for index in reading_order(boxes):
        child = children[index]
        if isinstance(child, QToolButton) and isinstance(parent, QToolBar):
            child.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a toolbar is part of the window
        takes_tab = bool(child.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab and child.focusProxy() is None:
            stops.append(child)
        if not isinstance(child, INTERACTIVE):
            _collect(child, window, stops)


def apply_order(window: QWidget) -> list[QWidget]:
    stops = tab_stops(window)
    for before, after in pairwise(stops):
        QWidget.setTabOrder(before, after)
    return stops


class FocusRing(QWidget):
    """A plain ring round the control the keyboard moved to (a tap or a click shows none):
    easy to follow for someone who cannot use a mouse or sees poorly."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def follow(self, target: QWidget | None) -> None:
        self.target = target
        if target is None or not target.isVisible():
            self.hide()
            return
        corner = target.mapTo(self.parentWidget(), target.rect().topLeft())
        self.setGeometry(QRect(corner, target.size()).adjusted(-RING_PX, -RING_PX, RING_PX,
                                                               RING_PX))
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(RING_COLOR), RING_PX))
        half = RING_PX / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 4, 4)
        painter.end()


class KeyboardOrder(QObject):
    """Keeps one window's Tab order in reading order, and the control the keyboard moved to
    ringed. The order is taken afresh whenever the focus lands in the window, so the next Tab
    goes by the window as it is now."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.ring = FocusRing(window)
        for bar in window.findChildren(QToolBar):
            more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
            if more is not None:  # Qt's » for what does not fit: nameless otherwise
                more.setAccessibleName(self.tr("More actions"))
                more.setToolTip(self.tr("More actions"))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self._window:
            self.ring.follow(None)
            return
        apply_order(self._window)
        by_keyboard = self._window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        self.ring.follow(new if by_keyboard else None)
