"""Touch mode: every control a finger can hit, at least 44×44 logical pixels (menu rows, the ▾
arrows of drop-downs and split buttons, radio buttons and tabs included). On by itself where a
touch screen is present; the settings can force it on or off.

Applied as one application style sheet, so dialogs and menus opened later get it too.
"""

from __future__ import annotations

from PySide6.QtGui import QInputDevice
from PySide6.QtWidgets import QApplication

TARGET = 44
"""The smallest touch target, in logical pixels (Apple's and Microsoft's guidance alike)."""
CHOICES = ("auto", "on", "off")

STYLE = f"""
QToolButton {{ min-height: 36px; min-width: 36px; padding: 2px 5px; }}
QPushButton {{ min-height: 40px; min-width: 40px; padding: 1px 8px; }}
QRadioButton, QCheckBox {{ min-height: {TARGET}px; }}
QComboBox, QAbstractSpinBox, QLineEdit, QDateTimeEdit {{ min-height: {TARGET}px; padding: 0 6px; }}
QToolButton[popupMode="1"] {{ padding-right: {TARGET}px; }}
QToolButton::menu-button {{ width: {TARGET}px; }}
QComboBox {{ padding-right: {TARGET + 4}px; }}
QComboBox::drop-down {{ width: {TARGET}px; }}
QAbstractSpinBox {{ padding-right: {TARGET}px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: {TARGET}px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: 24px; height: 24px; }}
QMenu::item {{ padding: 13px 28px 13px 28px; min-height: 18px; }}
QTabBar::tab {{ min-height: {TARGET}px; min-width: {TARGET}px; padding: 0 14px; }}
QAbstractItemView::item {{ min-height: {TARGET}px; }}
QScrollBar:vertical {{ width: 20px; }}
QScrollBar:horizontal {{ height: 20px; }}
QToolBar {{ padding: 0; spacing: 2px; }}
QStatusBar::item {{ border: none; }}
"""



def touch_screen_present() -> bool:
    return any(device.type() == QInputDevice.DeviceType.TouchScreen
               for device in QInputDevice.devices())


def wanted(setting: str, touch_screen: bool) -> bool:
    """"auto": on with a touch screen; "on" and "off" as said."""
    return setting == "on" or (setting == "auto" and touch_screen)


def apply(app: QApplication, on: bool) -> None:
    app.setStyleSheet(STYLE if on else "")
    app.setProperty("touchMode", on)


def is_on(app: QApplication) -> bool:
    return bool(app.property("touchMode"))
