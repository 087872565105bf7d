"""The meeting window's main tool bar: page turns, zoom, follow, side by side, save, the room,
the large monitor, adding a document.

It only holds the actions (with their keys and icons); the window connects them to what they do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QStyle, QToolBar, QToolButton, QWidget


class MainToolbar(QToolBar):
    def __init__(self, drawer: bool, manager: bool, menus: dict[str, QMenu | None],
                 parent: QWidget | None = None) -> None:
        """`drawer`: the user may save and draw (not a display account); `manager`: may add
        documents; `menus`: the "beside", "export", "room" and "display" menus."""
        super().__init__(self.tr("Pages"), parent)
        self.setMovable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setStyleSheet("QToolButton { min-height: 36px; padding: 2px 8px; }")
        pixmap = QStyle.StandardPixmap
        self.previous_action = self._action(
            self.tr("Previous"), (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace),
            pixmap.SP_ArrowBack)
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(110)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.page_label)
        self.next_action = self._action(
            self.tr("Next"), (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space),
            pixmap.SP_ArrowForward)
        self.first_action = QAction(self.tr("First page"), self)
        self.first_action.setShortcut(QKeySequence(Qt.Key.Key_Home))
        self.last_action = QAction(self.tr("Last page"), self)
        self.last_action.setShortcut(QKeySequence(Qt.Key.Key_End))
        self.addSeparator()
        self.fit_width_action = self._action(self.tr("Fit width"), ("Ctrl+2",))
        self.fit_page_action = self._action(self.tr("Fit page"), ("Ctrl+1",))
        self.zoom_out_action = self._action(self.tr("−"), (QKeySequence.StandardKey.ZoomOut,))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.zoom_label)
        self.zoom_in_action = self._action(self.tr("+"), (QKeySequence.StandardKey.ZoomIn,))
        self.addSeparator()
        self.follow_action = self._action(self.tr("Back to presenter"), ("Ctrl+P",),
                                          pixmap.SP_MediaSeekForward)
        self.beside_action = self._menu_action(self.tr("Side by side"), menus["beside"],
                                               pixmap.SP_FileDialogDetailedView)
        self.beside_action.setToolTip(self.tr(
            "Open a second document beside the page (a report and its reference)"))
        if drawer:
            self.addSeparator()
            self.export_action = self._action(self.tr("Save with notes…"),
                                              (QKeySequence.StandardKey.Save,),
                                              pixmap.SP_DialogSaveButton)
            self.export_action.setMenu(menus["export"])
        self.room_action = self._menu_action(self.tr("Room"), menus["room"],
                                             pixmap.SP_ComputerIcon)
        self.room_action.setToolTip(self.tr(
            "What the room sees: blank the large monitor, zoom, hold everyone on this page"))
        self.display_action = self._action(self.tr("Large monitor"), ("F5",),
                                           pixmap.SP_DesktopIcon)
        self.display_action.setMenu(menus["display"])
        self.display_action.setToolTip(self.tr(
            "Show the room's page full screen on another monitor (Esc there closes it)"))
        if manager:
            self.add_action = self._action(self.tr("Add document…"), ("Ctrl+O",),
                                           pixmap.SP_FileDialogNewFolder)

    def _action(self, text: str, keys: tuple = (), icon: QStyle.StandardPixmap | None = None
                ) -> QAction:
        act = QAction(text, self)
        if icon is not None:
            act.setIcon(self.style().standardIcon(icon))
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(act)
        return act

    def _menu_action(self, text: str, menu: QMenu, icon: QStyle.StandardPixmap) -> QAction:
        """A button that opens its menu on a click (it does nothing else)."""
        act = self._action(text, (), icon)
        act.setMenu(menu)
        self.widgetForAction(act).setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return act
