"""The meeting window's main tool bar: page turns, zoom, follow, side by side, save, the room,
the large monitor, adding a document.

It only holds the actions (with their keys and icons); the window connects them to what they do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from meeting.ui.base.icons import icon
from meeting.ui.base.overflow_toolbar import KEEP, OverflowToolbar


class MainToolbar(OverflowToolbar):
    def __init__(self, drawer: bool, manager: bool, menus: dict[str, QMenu | None],
                 parent: QWidget | None = None) -> None:
        """`drawer`: the user may save and draw (not a display account); `manager`: may add
        documents; `menus`: the "beside", "export", "room" and "display" menus."""
        super().__init__(self.tr("Pages"), parent)
        self.panel_action = self._action(self.tr("Panel"), ("Ctrl+B",), "panel", 850)
        self.panel_action.setCheckable(True)
        self.panel_action.setToolTip(self.tr(
            "Show or hide the agenda, votes, documents and people"))
        self.addSeparator()
        self.previous_action = self._action(
            self.tr("Previous"), (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace),
            "previous", 900)
        self.page_label = QLabel()
        # As wide as the longest it will say, so a turn never pushes a button out of the bar.
        self.page_label.setMinimumWidth(12 + self.page_label.fontMetrics().horizontalAdvance(
            self.tr("Page {0} of {1}").format(888, 888)))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_priority(self.addWidget(self.page_label), KEEP)
        self.next_action = self._action(
            self.tr("Next"), (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space),
            "next", 900)
        self.first_action = QAction(self.tr("First page"), self)
        self.first_action.setShortcut(QKeySequence(Qt.Key.Key_Home))
        self.last_action = QAction(self.tr("Last page"), self)
        self.last_action.setShortcut(QKeySequence(Qt.Key.Key_End))
        self.addSeparator()
        self.fit_width_action = self._action(self.tr("Fit width"), ("Ctrl+2",), "fit-width", 40)
        self.fit_page_action = self._action(self.tr("Fit page"), ("Ctrl+1",), "fit-page", 40)
        self.zoom_out_action = self._action(self.tr("Zoom out"),
                                            (QKeySequence.StandardKey.ZoomOut,), "zoom-out", 30)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_priority(self.addWidget(self.zoom_label), KEEP)
        self.zoom_in_action = self._action(self.tr("Zoom in"),
                                           (QKeySequence.StandardKey.ZoomIn,), "zoom-in", 30)
        self.addSeparator()
        self.follow_action = self._action(self.tr("Back to presenter"), ("Ctrl+P",), "follow",
                                          800)
        self.beside_action = self._menu_action(self.tr("Side by side"), menus["beside"],
                                               "beside", 60)
        self.beside_action.setToolTip(self.tr(
            "Open a second document beside the page (a report and its reference)"))
        if drawer:
            self.addSeparator()
            self.export_action = self._action(self.tr("Save with notes…"),
                                              (QKeySequence.StandardKey.Save,), "save", 50)
            self.export_action.setMenu(menus["export"])
        self.room_action = self._menu_action(self.tr("Room"), menus["room"], "room", 70)
        self.room_action.setToolTip(self.tr(
            "What the room sees: blank the large monitor, zoom, hold everyone on this page"))
        self.display_action = self._action(self.tr("Large monitor"), ("F5",), "display", 65)
        self.display_action.setMenu(menus["display"])
        self.display_action.setToolTip(self.tr(
            "Show the room's page full screen on another monitor (Esc there closes it)"))
        if manager:
            self.add_action = self._action(self.tr("Add document…"), ("Ctrl+O",), "add", 45)
        self.addSeparator()
        self.thumbnails_action = self._action(self.tr("Thumbnails"), ("Ctrl+T",), "thumbnails",
                                              55)
        self.thumbnails_action.setCheckable(True)
        self.thumbnails_action.setToolTip(self.tr("Show or hide the page thumbnails"))
        self.reading_action = self._action(self.tr("Reading mode"), ("F11",), "reading", 75)
        self.reading_action.setToolTip(self.tr(
            "Only the page: tap the page number or press Esc to bring the tool bars back"))

    def _action(self, text: str, keys: tuple, icon_name: str, priority: float) -> QAction:
        act = QAction(icon(icon_name), text, self)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(act)
        self.set_priority(act, priority)
        return act

    def _menu_action(self, text: str, menu: QMenu, icon_name: str, priority: float
                     ) -> QAction:
        """A button that opens its menu on a click (it does nothing else)."""
        act = self._action(text, (), icon_name, priority)
        act.setMenu(menu)
        self.widgetForAction(act).setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return act
