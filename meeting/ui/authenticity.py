"""Proof that a document is the version the organizer uploaded: its SHA-256, as the server
recorded it at upload, against the file on this device, hashed again now."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from meeting.core.protocol import DocumentInfo
from meeting.net.cache import DocumentCache
from meeting.ui.main_thread import in_background, when_done

translate = QCoreApplication.translate


def check_authenticity(parent: QWidget, cache: DocumentCache, document: DocumentInfo
                       ) -> QMessageBox:
    """Hash the local copy off the GUI thread, then say what was found (the box is returned
    open, for tests and for the caller to keep)."""
    box = QMessageBox(QMessageBox.Icon.Information, translate("Authenticity", "Authenticity"),
                      translate("Authenticity", "Checking “{0}”…").format(document.title),
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(f"SHA-256\n{_grouped(document.sha256)}")
    box.open()

    def show(result: bool | None) -> None:
        if result is True:
            box.setText(translate("Authenticity",
                "“{0}” on this device is exactly the document the organizer uploaded: its "
                "SHA-256 matches the one the server recorded at upload.").format(document.title))
        elif result is False:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(translate("Authenticity",
                "The copy of “{0}” on this device was changed after it was downloaded. It has "
                "been removed; it will be downloaded again when opened.").format(document.title))
        else:
            box.setText(translate("Authenticity", "“{0}” is not on this device yet (it is "
                                  "checked when it is downloaded).").format(document.title))

    when_done(in_background("meeting-verify", cache.verify, document.sha256), show,
              lambda error: box.setText(str(error)), box)
    return box


def _grouped(sha256: str) -> str:
    """Easier to read aloud and compare: eight groups of eight."""
    return " ".join(sha256[i:i + 8] for i in range(0, 64, 8))
