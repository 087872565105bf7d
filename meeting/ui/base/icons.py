"""One icon set for every action: Phosphor, drawn by qtawesome from the font it bundles (so it
works offline), in one colour, greyed out when the action is disabled."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

ICONS = {
    "previous": "ph.caret-left", "next": "ph.caret-right",
    "fit-width": "ph.arrows-out-line-horizontal", "fit-page": "ph.frame-corners",
    "zoom-out": "ph.magnifying-glass-minus", "zoom-in": "ph.magnifying-glass-plus",
    "follow": "ph.user-focus", "beside": "ph.columns", "save": "ph.floppy-disk",
    "room": "ph.users-three", "display": "ph.monitor", "add": "ph.file-plus",
    "panel": "ph.list-bullets", "thumbnails": "ph.squares-four", "reading": "ph.book-open",
    "more": "ph.dots-three-outline",
    "browse": "ph.hand", "select": "ph.cursor", "pen": "ph.pen", "marker": "ph.marker-circle",
    "line": "ph.line-segment", "arrow": "ph.arrow-up-right", "rect": "ph.square",
    "text": "ph.text-t", "eraser": "ph.eraser", "laser": "ph.crosshair-simple",
    "shared": "ph.broadcast", "undo": "ph.arrow-counter-clockwise",
    "redo": "ph.arrow-clockwise", "clear": "ph.eraser-fill", "delete": "ph.trash",
    "share-note": "ph.share", "everyone": "ph.users-four", "close": "ph.x",
}
COLOR = "#3c4043"
DISABLED = "#b0b4b9"


@cache
def icon(name: str) -> QIcon:
    """The icon of an action by its name in ICONS (a KeyError for a name not in the set)."""
    import qtawesome  # (imported late: it needs the QApplication to exist)

    return qtawesome.icon(ICONS[name], color=COLOR, color_disabled=DISABLED)
