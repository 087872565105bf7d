"""What a screen reader hears: every control the user can operate has a name Qt exposes
(its text, its accessible name, or its tooltip). Used by the tests on every window, and by
`name_from_tooltip` for the few controls that only have an icon."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
               QLineEdit, QTabBar, QAbstractScrollArea)


def interactive(widget: QWidget) -> bool:
    """A control the user operates (the parts Qt builds inside one are not counted: a spin
    box's line edit, a scroll area's bars, a toolbar's own handle)."""
    if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
        return False
    if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox,
                                                                       QComboBox)):
        return False
    if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QAbstractItemView):
        return widget.focusPolicy() != Qt.FocusPolicy.NoFocus  # the page, a text field
    return True


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology reads for the widget (Qt's own answer)."""
    face = QAccessible.queryAccessibleInterface(widget)
    name = face.text(QAccessible.Text.Name) if face is not None else ""
    return (name or "").strip()


def unnamed_controls(root: QWidget) -> list[str]:
    """The interactive widgets shown in `root` (itself included) with no name, described.
    (A drop-down's list opens in a popup of its own, named by its box.)"""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        shown = widget is root or widget.isVisibleTo(root)
        popup = widget.window().windowType() == Qt.WindowType.Popup
        if shown and not popup and interactive(widget) and not accessible_name(widget):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                         f"{type(widget.parent()).__name__}")
    return found
