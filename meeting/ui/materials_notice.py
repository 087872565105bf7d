"""Telling the user that a meeting's materials were removed, and deleting them from this
device; when their private notes go too, offering to export those notes first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from meeting.core.watermark import watermark_text
from meeting.net.purge import RemovedMeeting, my_notes
from meeting.net.session import MeetingSession
from meeting.pdf.export_parts import ExportPart, ExportResult
from meeting.render.worker import (
    BACKGROUND_PRIORITY,
    EXPORT_MEETING,
    EXPORT_TIME_LIMIT,
    RenderWorker,
)
from meeting.ui.main_thread import when_done


class MaterialsRemovedNotice(QMessageBox):
    """Non-modal. With notes to save it cannot be dismissed without a choice: closing it by
    mistake must not delete someone's notes, nor leave the materials on the device."""

    purged = Signal(int)
    """The materials are gone from this device (the number of files deleted)."""

    def __init__(self, session: MeetingSession, worker: RenderWorker, meeting: RemovedMeeting,
                 folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.worker, self.meeting, self.folder = session, worker, meeting, folder
        self.setWindowTitle(self.tr("Meeting materials removed"))
        self.setIcon(QMessageBox.Icon.Information)
        title = meeting.title or self.tr("a meeting")
        self.notes = my_notes(meeting.snapshot, session.user.name) if meeting.removes_notes \
            else []
        self.parts = self._parts() if self.notes else []
        self.done_choosing = False
        if self.parts:
            self.setText(self.tr(
                "“{0}” has ended and its materials are being removed from this device, "
                "with your {1} private notes.").format(title, len(self.notes)))
            self.setInformativeText(self.tr(
                "Export your notes to a PDF first? After this, they cannot be opened again."))
            self.export_button: QPushButton | None = self.addButton(
                self.tr("Export my notes…"), QMessageBox.ButtonRole.AcceptRole)
            self.remove_button = self.addButton(self.tr("Remove without exporting"),
                                                QMessageBox.ButtonRole.DestructiveRole)
            self.setDefaultButton(self.export_button)
        else:
            self.export_button = None
            self.remove_button = self.addButton(QMessageBox.StandardButton.Ok)
            self.setText(self.tr("“{0}” has ended and its materials were removed from this "
                                 "device.").format(title))
        self.buttonClicked.connect(self._chosen)

    def start(self) -> None:
        """Show the notice; with no notes to offer, the materials go at once."""
        if not self.parts:
            self._purge()
        self.open()

    def _parts(self) -> list[ExportPart]:
        """The documents the notes are on, if this device still has every one of them."""
        snapshot = self.meeting.snapshot
        parts, self.part_documents = [], []
        for document in snapshot.documents:
            notes = [n for n in self.notes if n.document_id == document.id]
            if not notes:
                continue
            path = self.session.cache.get(document.sha256)
            if path is None:
                return []
            parts.append(ExportPart(path, document.title, notes))
            self.part_documents.append(document.id)
        return parts

    def _chosen(self, button) -> None:
        if button is self.export_button:
            self._ask_where()
        elif self.parts:
            self._purge()

    def _ask_where(self) -> None:
        name = f"{self.meeting.title or 'meeting'} - {self.tr('my notes')}.pdf"
        dialog = QFileDialog(self, self.tr("Export my notes"), str(self.folder / name),
                             self.tr("PDF documents (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.rejected.connect(self.open)  # no file chosen: the choice is still to make
        self.file_dialog = dialog
        dialog.open()

    def export_to(self, out: Path) -> None:
        """Write the notes, report the export, then remove the materials."""
        state = self.meeting.snapshot.state
        watermark = (watermark_text(self.session.user.name, datetime.now())
                     if state.watermark else None)
        parts = self.parts
        future = self.worker.call(EXPORT_MEETING, parts, out, watermark,
                                  priority=BACKGROUND_PRIORITY, time_limit=EXPORT_TIME_LIMIT)
        when_done(future, self._exported, self._export_failed, self)

    def _exported(self, result: ExportResult) -> None:
        self.session.report_export(self.meeting.meeting_id, self.part_documents, ["private"])
        self.exported = result
        self._purge()
        self.setText(self.tr("Your notes were saved to {0}; the meeting's materials were "
                             "removed from this device.").format(result.path.name))
        self.setInformativeText("")
        for button in list(self.buttons()):
            self.removeButton(button)  # (which leaves it a window of its own: delete it)
            button.deleteLater()
        self.addButton(QMessageBox.StandardButton.Ok)
        self.open()

    def _export_failed(self, error: Exception) -> None:
        self.setInformativeText(self.tr("The notes could not be saved ({0}). Try another "
                                        "place, or remove without exporting.").format(error))
        self.open()

    def _purge(self) -> None:
        self.done_choosing = True
        self.purged.emit(self.session.purge(self.meeting))

    def reject(self) -> None:  # Escape, the close button
        if self.done_choosing or not self.parts:
            super().reject()
