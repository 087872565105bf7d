"""The "Save as PDF with notes" dialog: what to include and where to write it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from meeting.core.annotations import Layer
from meeting.export.plan import ExportChoice, suggested_file_name


class ExportDialog(QDialog):
    def __init__(self, document_title: str, meeting_title: str, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save as PDF with notes"))
        self._titles = (document_title, meeting_title)
        self._folder = folder
        self._name_edited = False

        scope = QGroupBox(self.tr("What to save"))
        self.this_document = QRadioButton(self.tr("This document: “{0}”").format(document_title))
        self.whole_meeting = QRadioButton(
            self.tr("Every document of the meeting, in one PDF (for the record)"))
        self.this_document.setChecked(True)
        column = QVBoxLayout(scope)
        column.addWidget(self.this_document)
        column.addWidget(self.whole_meeting)

        layers = QGroupBox(self.tr("Marks to include"))
        self.shared_box = QCheckBox(self.tr("Shared marks (what the room sees)"))
        self.private_box = QCheckBox(self.tr("My private notes"))
        self.shared_box.setChecked(True)
        self.private_box.setChecked(True)
        column = QVBoxLayout(layers)
        column.addWidget(self.shared_box)
        column.addWidget(self.private_box)

        self.path_edit = QLineEdit()
        self.path_edit.textEdited.connect(lambda _: setattr(self, "_name_edited", True))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(browse)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (scope, layers):
            layout.addWidget(widget)
        layout.addLayout(where)
        layout.addWidget(self.buttons)
        for control in (self.whole_meeting, self.this_document):
            control.toggled.connect(self._suggest_name)
        for box in (self.shared_box, self.private_box):
            box.toggled.connect(self._update_save)
        self.path_edit.textChanged.connect(self._update_save)
        self._suggest_name()
        self.setMinimumWidth(520)

    def choice(self) -> ExportChoice:
        layers = {layer for layer, box in ((Layer.SHARED, self.shared_box),
                                           (Layer.PRIVATE, self.private_box)) if box.isChecked()}
        return ExportChoice(whole_meeting=self.whole_meeting.isChecked(),
                            layers=frozenset(layers))

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def _suggest_name(self) -> None:
        if self._name_edited:
            return
        whole = self.whole_meeting.isChecked()
        title = self._titles[1] if whole else self._titles[0]
        label = self.tr(" (record)") if whole else self.tr(" (with notes)")
        name = suggested_file_name(title, label, self.tr("meeting"))
        self.path_edit.setText(str(self._folder / name))

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF with notes"),
                                              str(self.path()), self.tr("PDF documents (*.pdf)"))
        if name:
            self._name_edited = True
            self.path_edit.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def _update_save(self) -> None:
        ready = (self.shared_box.isChecked() or self.private_box.isChecked()) and bool(
            self.path_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ready)
