"""Japanese in the UI on machines with no Japanese font.

Qt draws Japanese as empty boxes when no installed font has the glyphs (common on Linux servers
and fresh VMs). PyMuPDF carries a CJK font (Droid Sans Fallback) for rendering PDFs; we register
the same font with Qt as a fallback, so meeting titles, file names and notes always show.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from meeting.render.worker import JAPANESE_FONT, RenderWorker

log = logging.getLogger("meeting.ui.fonts")


def has_japanese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.Japanese))


def ensure_japanese_font(app: QApplication, worker: RenderWorker) -> str | None:
    """Add PyMuPDF's CJK font as the UI's fallback when no Japanese font is installed.

    Returns the family added, or None when the system already had one.
    """
    if has_japanese_font():
        return None
    font_bytes = worker.call(JAPANESE_FONT).result(timeout=30)
    font_id = QFontDatabase.addApplicationFontFromData(font_bytes)
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        log.warning("could not register the CJK fallback font")
        return None
    font = QFont(app.font())
    font.setFamilies([app.font().family(), *families])
    app.setFont(font)
    return families[0]
