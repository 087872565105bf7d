"""A tool bar that never hides an action.

Where the window is too narrow for every label, the buttons show only their icons (the tooltip
keeps the name); where even the icons do not fit, the least needed actions move, in order, into
a "More" menu at the end of the bar. A menu, not Qt's "»" panel: it lists every action it holds
by name, closes with Esc or a tap elsewhere, and covers nothing once closed.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton, QWidget

from meeting.ui.base import touch
from meeting.ui.base.icons import icon

KEEP = 1000
"""The priority of what never leaves the bar (labels, the page number)."""
SLACK = 8
"""Pixels kept free at the end, so the bar never needs Qt's own overflow."""


def _keeps_label(button: QToolButton) -> bool:
    """A split button (▾) in touch mode: the style sheet that widens its arrow draws an icon
    alone under that arrow, so it keeps its label (and goes into "More" before losing it)."""
    return (button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup
            and touch.is_on(QApplication.instance()))


class OverflowToolbar(QToolBar):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_menu = QMenu(self)
        self.more_action = QAction(icon("more"), self.tr("More"), self)
        self.more_action.setToolTip(self.tr("More actions"))
        self.more_action.triggered.connect(self.open_more)
        self.more_action.setVisible(False)
        self.menu_below: QWidget | None = None
        """Where "More" opens: under this widget (the bar below this one) if it is shown, so
        the menu covers neither bar; else under this bar."""
        self.overflowed: list[QAction] = []
        """The actions now in the "More" menu, in the bar's order."""
        self._order: list[QAction] = []
        self._priority: dict[QAction, float] = {}
        self._menu_entry: dict[QAction, QAction] = {}
        self._seen: dict[QAction, tuple[bool, str]] = {}
        self._names: dict[QAction, str] = {}
        """Accessible names given to buttons, for the new button an action gets on return."""
        self._width = -1
        self._laying_out = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.lay_out)

    def set_priority(self, action: QAction, priority: float,
                     menu_entry: QAction | None = None) -> None:
        """Higher stays in the bar longer; `menu_entry` stands for the action in "More"
        (a button that is a widget needs one)."""
        self._priority[action] = priority
        if menu_entry is not None:
            self._menu_entry[action] = menu_entry

    def _start(self) -> None:
        """The bar's order, taken once it is built; "More" goes last."""
        self._order = list(self.actions())
        for index, action in enumerate(self._order):
            if action.isSeparator() and action not in self._priority:
                following = self._order[index + 1] if index + 1 < len(self._order) else None
                self._priority[action] = self._priority.get(following, 50) - 0.5
            action.changed.connect(self._maybe_changed)
            self._seen[action] = (action.isVisible(), action.text())
        self.addAction(self.more_action)

    def open_more(self) -> None:
        button = self.widgetForAction(self.more_action)
        below = self.menu_below if self.menu_below is not None and \
            self.menu_below.isVisible() else self
        x = button.mapToGlobal(QPoint(0, 0)).x() if button is not None else \
            self.mapToGlobal(QPoint(self.width(), 0)).x()
        y = below.mapToGlobal(QPoint(0, below.height())).y()
        self.more_menu.popup(QPoint(x, y))

    def _maybe_changed(self) -> None:
        action = self.sender()
        now = (action.isVisible(), action.text())
        if isinstance(action, QAction) and self._seen.get(action) != now:
            self._seen[action] = now
            self._timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.width() != self._width:
            self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()

    def _needed(self) -> int:
        self.layout().invalidate()
        return self.layout().sizeHint().width()

    def lay_out(self) -> None:
        """Labels if they fit, else icons; then the least needed into "More" until it fits."""
        if self._laying_out:
            return
        if not self._order:
            self._start()
        # An action another part added (a menu's) may be gone with its owner.
        self._order = [a for a in self._order if shiboken6.isValid(a)]
        self.overflowed = [a for a in self.overflowed if shiboken6.isValid(a)]
        self._laying_out = True
        self.setUpdatesEnabled(False)
        try:
            self._width = self.width()
            available = self.width() - SLACK
            for action in self.overflowed:  # everything back in its place first
                later = [a for a in self._order[self._order.index(action) + 1:]
                         if a not in self.overflowed]
                self.insertAction(later[0] if later else self.more_action, action)
                button = self.widgetForAction(action)
                if button is not None and action in self._names:  # (a new button: named again)
                    button.setAccessibleName(self._names[action])
            self.overflowed = []
            self.more_action.setVisible(False)
            self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            for action in self._order:  # (the bar's style reaches only changed buttons)
                button = self.widgetForAction(action)
                if isinstance(button, QToolButton):
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            by_need = sorted((a for a in self._order if self._priority.get(a, 50) < KEEP),
                             key=lambda a: (self._priority.get(a, 50), -self._order.index(a)))
            for action in by_need:  # the least needed lose their labels first
                if self._needed() <= available:
                    break
                button = self.widgetForAction(action)
                if isinstance(button, QToolButton) and not _keeps_label(button):
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            if self._needed() > available:
                self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                for action in self._order:
                    button = self.widgetForAction(action)
                    if isinstance(button, QToolButton) and _keeps_label(button):
                        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                self.more_action.setVisible(True)
                for action in by_need:
                    if self._needed() <= available:
                        break
                    button = self.widgetForAction(action)
                    if button is not None and button.accessibleName():
                        self._names[action] = button.accessibleName()
                    self.removeAction(action)
                    self.overflowed.append(action)
                self.overflowed.sort(key=self._order.index)
            self._fill_more()
            self.layout().activate()  # the buttons take their new sizes now, not a frame later
        finally:
            self.setUpdatesEnabled(True)
            self._laying_out = False

    def _fill_more(self) -> None:
        for entry in self.more_menu.actions():  # (not clear(): it deletes a submenu's action)
            self.more_menu.removeAction(entry)
            if entry.isSeparator() and entry.parent() is self.more_menu:
                entry.deleteLater()
        shown = [a for a in self.overflowed if a.isSeparator() or a.isVisible()]
        while shown and shown[0].isSeparator():
            shown.pop(0)
        for action in shown:
            if action.isSeparator():
                self.more_menu.addSeparator()
            else:
                self.more_menu.addAction(self._menu_entry.get(action, action))
        self.more_action.setVisible(any(not a.isSeparator() for a in shown))

    def reachable(self) -> list[QAction]:
        """Every action a user can reach now: a visible button, or an entry in "More"."""
        in_bar = [a for a in self.actions() if a.isVisible() and not a.isSeparator()
                  and a is not self.more_action]
        return in_bar + [a for a in self.overflowed if a.isVisible() and not a.isSeparator()]
