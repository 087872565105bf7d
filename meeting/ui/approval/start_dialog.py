"""Starting a circulation (起案): documents by dialog or drop, a title, a route (or a template).

Sending makes the draft on the server, uploads each document into its container through the
meeting upload path (Office files are converted there), then starts it along the route.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting.core.approval_protocol import CirculationData, TemplateData
from meeting.core.approval_route import RouteDraft
from meeting.core.formats import file_dialog_pattern, is_uploadable
from meeting.net.approval import ApprovalClient
from meeting.ui.approval.route_editor import RouteEditor
from meeting.ui.main_thread import when_done


class StartDialog(QDialog):
    started = Signal(object)
    """The CirculationData of the circulation now on its way."""

    def __init__(self, client: ApprovalClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.files: list[Path] = []
        self.templates: list[TemplateData] = []
        self.setWindowTitle(self.tr("New circulation"))
        self.setAcceptDrops(True)
        self.resize(760, 620)
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("What is to be approved"))
        self.documents = QListWidget()
        self.documents.setAccessibleName(self.tr("Documents"))
        self.documents.setMinimumHeight(96)
        self.add_button = QPushButton(self.tr("Add documents…"))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        hint = QLabel(self.tr("PDF or Office files; you can also drop them here."))
        hint.setStyleSheet("color: #5f6368;")
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Route template"))
        self.template.addItem(self.tr("(a route of my own)"), None)
        self.template.activated.connect(self._template_chosen)
        self.save_template_button = QPushButton(self.tr("Save as template…"))
        self.save_template_button.clicked.connect(self.save_template)
        self.route = RouteEditor()
        self.route.changed.connect(self._update)
        self.comment = QLineEdit()
        self.comment.setAccessibleName(self.tr("Comment for the approvers"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send for approval"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.add_button, self.remove_button, self.save_template_button,
                       self.send_button, self.cancel_button):
            button.setMinimumHeight(44)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addWidget(hint, 1)
        templates = QHBoxLayout()
        templates.addWidget(self.template, 1)
        templates.addWidget(self.save_template_button)
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Documents:"), self.documents)
        form.addRow("", file_buttons)
        form.addRow(self.tr("Template:"), templates)
        form.addRow(self.tr("Route:"), self.route)
        form.addRow(self.tr("Comment:"), self.comment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.send_button)
        column = QVBoxLayout(self)
        column.addLayout(form, 1)
        column.addLayout(buttons)
        self.title.textChanged.connect(self._update)
        when_done(client.templates(), self._show_templates, lambda _: None, self)
        self._update()

    # --- documents ---------------------------------------------------------------------------

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if is_uploadable(path) and path not in self.files:
                self.files.append(path)
                self.documents.addItem(path.name)
        if not self.title.text() and self.files:
            self.title.setText(self.files[0].stem)
        self._update()

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Documents to circulate"), "",
            self.tr("Documents ({0})").format(file_dialog_pattern()))
        self.add_files([Path(name) for name in names])

    def remove_current(self) -> None:
        row = self.documents.currentRow()
        if 0 <= row < len(self.files):
            self.files.pop(row)
            self.documents.takeItem(row)
        self._update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(is_uploadable(url.toLocalFile()) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(url.toLocalFile()) for url in event.mimeData().urls()])
        event.acceptProposedAction()

    # --- templates ---------------------------------------------------------------------------

    def _show_templates(self, templates: list[TemplateData]) -> None:
        self.templates = templates
        for template in templates:
            label = template.name if template.section is None else self.tr(
                "{0} (fixed for {1})").format(template.name, template.section)
            self.template.addItem(label, template.id)

    def _template_chosen(self, index: int) -> None:
        chosen = next((t for t in self.templates if t.id == self.template.itemData(index)), None)
        if chosen is not None:
            self.route.set_draft(RouteDraft.from_payload(
                [step.model_dump(mode="json") for step in chosen.route]))

    def save_template(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as template"),
                                        self.tr("Name of the route template:"))
        if ok and name.strip():
            when_done(self.client.save_template(name.strip(), self.route.draft.payload()),
                      lambda template: self._show_templates([template]), self._failed, self)

    # --- sending -----------------------------------------------------------------------------

    def _update(self) -> None:
        ready = bool(self.title.text().strip() and self.files) \
            and self.route.draft.problem() is None
        self.send_button.setEnabled(ready)

    def send(self) -> None:
        """Draft, upload every document, start: each step once the one before is done."""
        self.send_button.setEnabled(False)
        self.status.setText(self.tr("Creating the circulation…"))
        title = self.title.text().strip()
        when_done(self.client.draft(title), self._upload, self._failed, self)

    def _upload(self, draft: CirculationData, ids: tuple[int, ...] = ()) -> None:
        """The next document into the draft's container; all done, start it."""
        if len(ids) == len(self.files):
            self._start(draft, list(ids))
            return
        self.status.setText(self.tr("Uploading document {0} of {1}…").format(
            len(ids) + 1, len(self.files)))
        when_done(self.client.upload(draft, self.files[len(ids)]),
                  lambda document: self._upload(draft, (*ids, document.id)), self._failed, self)

    def _start(self, draft: CirculationData, document_ids: list[int]) -> None:
        self.status.setText(self.tr("Sending it along the route…"))
        when_done(self.client.start(draft.summary.id, self.title.text().strip(), document_ids,
                                    self.route.draft.payload(), self.comment.text().strip()),
                  self._sent, self._failed, self)

    def _sent(self, circulation: CirculationData) -> None:
        self.started.emit(circulation)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.status.setText(self.tr("Not sent: {0}").format(getattr(error, "message",
                                                                      str(error))))
        self._update()

