"""Files in and out of the meeting, in the background: adding and revising documents, saving
one with notes, the record of the meeting and an Office original. The status bar and the notice
say how each went; a signal says when it ended (for tests and for the window)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from meeting.core.following import FollowModel
from meeting.core.formats import file_dialog_pattern, is_office
from meeting.core.protocol import DocumentInfo
from meeting.export.plan import ExportChoice
from meeting.net.session import MeetingSession
from meeting.pdf.export_parts import ExportResult
from meeting.render.worker import RenderWorker
from meeting.ui.banners import Banner
from meeting.ui.export_dialog import ExportDialog
from meeting.ui.exporting import export_in_background
from meeting.ui.main_thread import run_on_main, when_done
from meeting.ui.viewer.status_bar import MeetingStatusBar


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


class Transfers(QObject):
    uploadFinished = Signal(bool)
    revisionFinished = Signal(object)
    """A revision upload ended: the server's reply (dict), or the exception that stopped it."""
    exportFinished = Signal(object)
    """An export ended: its ExportResult, or the exception that stopped it."""
    originalSaved = Signal(object)
    recordSaved = Signal(list)
    """The record of the meeting was saved (its files), or could not be (empty)."""

    def __init__(self, session: MeetingSession, worker: RenderWorker, meeting_id: int,
                 follow: FollowModel, status: MeetingStatusBar, notice: Banner,
                 window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.worker = worker
        self.meeting_id = meeting_id
        self.follow = follow
        self.status = status
        self.notice = notice
        self.window = window
        self.dialog: QFileDialog | None = None
        """The file dialog open now (kept so it lives until answered)."""

    # --- into the meeting ---------------------------------------------------------------------

    def choose_document(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Add a document to the meeting"), str(Path.home()),
            self.tr("PDF and Office documents ({0})").format(file_dialog_pattern()))
        if name:
            self.upload(Path(name))

    def upload(self, path: Path) -> None:
        progress_bar = self.status.upload_progress
        progress_bar.setRange(0, 100)
        progress_bar.setValue(0)
        progress_bar.setFormat(self.tr("Uploading {0}… %p%").format(path.name))
        progress_bar.show()

        def progress(done: int, total: int) -> None:
            percent = int(done * 100 / total) if total else 100
            run_on_main(lambda: progress_bar.setValue(percent), self)
            if percent >= 100 and is_office(path):  # sent: now the server converts it
                run_on_main(lambda: (progress_bar.setRange(0, 0),
                                     progress_bar.setFormat(self.tr(
                                         "Converting {0} to PDF…").format(path.name))), self)

        def finished(document: DocumentInfo) -> None:
            progress_bar.hide()
            self.status.showMessage(self.tr("Added “{0}”.").format(document.title), 8000)
            self.uploadFinished.emit(True)

        def failed(error: Exception) -> None:
            progress_bar.hide()
            message = getattr(error, "message", str(error))
            self.notice.show_message(
                "error", self.tr("Could not add {0}: {1}").format(path.name, message),
                self.tr("Dismiss"))
            self.uploadFinished.emit(False)

        when_done(self.session.upload(self.meeting_id, path, progress), finished, failed, self)

    def revise(self, document_id: int, path: Path) -> None:
        """Replace a document with a revised version; the server moves every mark along."""
        view = self.session.view(self.meeting_id)
        document = view.document(document_id) if view else None
        title = document.title if document else path.name
        progress_bar = self.status.upload_progress
        progress_bar.setRange(0, 0)  # the server's work after the upload takes longest
        progress_bar.setFormat(self.tr("Revising {0}…").format(title))
        progress_bar.show()

        def finished(reply: dict) -> None:
            progress_bar.hide()
            self.status.showMessage(self.tr(
                "“{0}” replaced by the revised version: {1} marks placed, {2} could not be "
                "placed.").format(title, reply["placed"], len(reply["unplaced"])), 15000)
            self.revisionFinished.emit(reply)

        def failed(error: Exception) -> None:
            progress_bar.hide()
            self.notice.show_message("error", self.tr("Could not revise “{0}”: {1}").format(
                title, getattr(error, "message", str(error))), self.tr("Dismiss"))
            self.revisionFinished.emit(error)

        when_done(self.session.revise(self.meeting_id, document_id, path), finished, failed,
                  self)

    # --- out of the meeting -------------------------------------------------------------------

    def choose_original(self, document: DocumentInfo) -> QFileDialog:
        dialog = QFileDialog(self.window, self.tr("Save the original"),
                             str(documents_folder() / (document.original_filename or "original")))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.save_original(document, Path(path)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def save_original(self, document: DocumentInfo, out: Path) -> None:
        def saved(path: Path) -> None:
            self.status.showMessage(self.tr("Saved: {0}").format(path.name), 10000)
            self.originalSaved.emit(path)

        def failed(error: Exception) -> None:
            self.notice.show_message("error", self.tr("The original could not be saved: {0}")
                                     .format(getattr(error, "message", None) or error))

        when_done(self.session.save_original(self.meeting_id, document.id, out), saved,
                  failed, self)

    def choose_record(self, mine: bool) -> QFileDialog:
        view = self.session.view(self.meeting_id)
        title = view.snapshot.meeting.title if view else "meeting"
        name = (self.tr("{0} - my record.pdf") if mine else self.tr("{0} - record.pdf")
                ).format(title)
        dialog = QFileDialog(self.window, self.tr("Save the record of the meeting"),
                             str(documents_folder() / name), self.tr("PDF documents (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda path: self.save_record(Path(path), mine))
        self.dialog = dialog
        dialog.open()
        return dialog

    def save_record(self, out: Path, mine: bool) -> None:
        """Fetch the record from the server (it holds attendance, times and votes) and save."""
        self.status.showMessage(self.tr("Saving the record of the meeting…"))

        def saved(paths: list[Path]) -> None:
            self.status.showMessage(self.tr("Saved: {0}").format(
                ", ".join(p.name for p in paths)), 10000)
            self.recordSaved.emit(paths)

        def failed(error: Exception) -> None:
            self.notice.show_message("error", self.tr("The record could not be saved: {0}")
                                     .format(getattr(error, "message", None) or error))
            self.recordSaved.emit([])

        when_done(self.session.export_record(self.meeting_id, out, mine), saved, failed, self)

    def save_with_notes(self) -> None:
        shown = self.follow.shown
        view = self.session.view(self.meeting_id)
        if shown is None or view is None:
            return
        document = view.document(shown.document_id)
        dialog = ExportDialog(document.title if document else "", view.snapshot.meeting.title,
                              documents_folder(), self.window)
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            self.export_with_notes(dialog.choice(), dialog.path())

    def export_with_notes(self, choice: ExportChoice, out: Path) -> None:
        """Write the PDF in the background; the status bar and the notice say how it went."""
        shown = self.follow.shown
        self.status.showMessage(self.tr("Saving {0}…").format(out.name))

        def finished(result: ExportResult) -> None:
            self.status.showMessage(
                self.tr("Saved {0}: {1} marks on {2} pages.").format(
                    result.path, result.written, result.pages), 15000)
            if result.skipped:
                self.notice.show_message("error", self.tr(
                    "{0} marks were not saved: their pages are not in the document.").format(
                    len(result.skipped)), self.tr("Dismiss"))
            self.exportFinished.emit(result)

        def failed(error: Exception) -> None:
            self.status.clearMessage()
            self.notice.show_message("error", self.tr("Could not save {0}: {1}").format(
                out.name, getattr(error, "message", None) or error), self.tr("Dismiss"))
            self.exportFinished.emit(error)

        when_done(export_in_background(self.session, self.worker, self.meeting_id, choice,
                                       shown.document_id if shown else None, out),
                  finished, failed, self)
