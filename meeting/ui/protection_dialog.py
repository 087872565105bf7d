"""Organizers: leak protection for a meeting (watermark, removal at the end, an access date),
and ending or reopening the meeting."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from meeting.core.protection import MeetingEnd, MeetingProtect, Removal
from meeting.core.protocol import MeetingState
from meeting.net.session import MeetingSession

translate = QCoreApplication.translate


class ProtectionDialog(QDialog):
    def __init__(self, session: MeetingSession, meeting_id: int, state: MeetingState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.meeting_id = session, meeting_id
        self.setWindowTitle(self.tr("Protect the materials"))
        self.watermark = QCheckBox(self.tr("Watermark: each viewer's name and the time across "
                                           "every page, on screen and in exports"))
        self.watermark.setChecked(state.watermark)
        self.removal = QComboBox()
        for removal, label in (
                (Removal.NONE, self.tr("Keep the materials after the meeting")),
                (Removal.FILES, self.tr("Remove the files from every device")),
                (Removal.FILES_AND_NOTES,
                 self.tr("Remove the files and everyone's private notes"))):
            self.removal.addItem(label, str(removal))
        self.removal.setCurrentIndex(self.removal.findData(str(state.removal)))
        self.expires = QCheckBox(self.tr("Access ends on"))
        self.expires_at = QDateTimeEdit()
        self.expires_at.setCalendarPopup(True)
        self.expires_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        when = (QDateTime.fromSecsSinceEpoch(int(state.expires_at)) if state.expires_at
                else QDateTime.currentDateTime().addDays(7))
        self.expires_at.setDateTime(when)
        self.expires.setChecked(state.expires_at is not None)
        self.expires_at.setEnabled(self.expires.isChecked())
        self.expires.toggled.connect(self.expires_at.setEnabled)

        form = QFormLayout()
        form.addRow(self.watermark)
        form.addRow(self.tr("When the meeting ends:"), self.removal)
        form.addRow(self.expires, self.expires_at)
        explain = QLabel(self.tr(
            "Removed materials leave participants' tablets, PCs and browsers at the end of the "
            "meeting (or when a device next connects); organizers keep them for the record."))
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #5f6368;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addWidget(buttons)

    def payload(self) -> dict:
        return {"meeting_id": self.meeting_id, "watermark": self.watermark.isChecked(),
                "removal": self.removal.currentData(),
                "expires_at": float(self.expires_at.dateTime().toSecsSinceEpoch())
                if self.expires.isChecked() else 0}

    def accept(self) -> None:
        self.session.command(MeetingProtect, **self.payload())
        super().accept()


class EndMeetingConfirmation(QMessageBox):
    """Non-modal: ending cannot be undone for the notes removed with it."""

    def __init__(self, session: MeetingSession, meeting_id: int, state: MeetingState,
                 title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.meeting_id = session, meeting_id
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("End the meeting"))
        self.setTextFormat(Qt.TextFormat.PlainText)  # (a title someone typed)
        self.setText(self.tr("End “{0}” now?").format(title))
        self.setInformativeText({
            Removal.NONE: self.tr("Participants keep the materials."),
            Removal.FILES: self.tr("The files leave every participant's device now."),
            Removal.FILES_AND_NOTES: self.tr(
                "The files and everyone's private notes are removed now; participants are "
                "offered to export their notes first. Notes cannot come back."),
        }[state.removal])
        self.end_button = self.addButton(self.tr("End the meeting"),
                                         QMessageBox.ButtonRole.DestructiveRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.buttonClicked.connect(
            lambda button: self.session.command(MeetingEnd, meeting_id=self.meeting_id)
            if button is self.end_button else None)


def protection_summary(state: MeetingState) -> str:
    """The status bar's word on how this meeting is protected ('' when it is not)."""
    parts = []
    if state.watermark:
        parts.append(translate("Protection", "Watermarked"))
    if state.removal is not Removal.NONE:
        parts.append(translate("Protection", "Removed at the end"))
    if state.expires_at is not None:
        parts.append(translate("Protection", "Access until {0}").format(
            datetime.fromtimestamp(state.expires_at).strftime("%Y-%m-%d %H:%M")))
    if state.ended_at is not None:
        parts.insert(0, translate("Protection", "Ended"))
    return " · ".join(parts)
