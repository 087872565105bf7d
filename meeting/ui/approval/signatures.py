"""The signatures of an approved circulation: per document, each signature's state, and the
signed PDF saved where the user wants it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from meeting.core.approval_protocol import CirculationData, DocumentSignatures, SignatureState
from meeting.net.approval import ApprovalClient
from meeting.ui.approval.review_lists import when_text
from meeting.ui.main_thread import when_done


def state_text(signature: SignatureState) -> str:
    if not signature.valid:
        return QCoreApplication.translate("SignaturesDialog", "✗ Not valid")
    if not signature.intact:
        return QCoreApplication.translate("SignaturesDialog", "✗ Changed since signed")
    return QCoreApplication.translate("SignaturesDialog", "✓ Valid")


def changed_text(signature: SignatureState) -> str:
    """What was added after the signature, in words (the validation's names: nothing,
    signatures, annotations, other)."""
    words = {
        "": QCoreApplication.translate("SignaturesDialog", "nothing"),
        "nothing": QCoreApplication.translate("SignaturesDialog", "nothing"),
        "signatures": QCoreApplication.translate("SignaturesDialog", "later signatures only"),
        "annotations": QCoreApplication.translate(
            "SignaturesDialog", "stamps and comments, as allowed"),
        "other": QCoreApplication.translate("SignaturesDialog", "the content (not allowed)"),
    }
    return words.get(signature.changed_after, signature.changed_after)


class SignaturesDialog(QDialog):
    def __init__(self, client: ApprovalClient, circulation: CirculationData,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.circulation = circulation
        self.setWindowTitle(self.tr("Signatures — {0}").format(circulation.summary.title))
        self.resize(720, 420)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Signatures"))
        self.tree.setHeaderLabels([self.tr("Document / signer"), self.tr("Signed as"),
                                   self.tr("When"), self.tr("State"),
                                   self.tr("Changed after")])
        self.status = QLabel(self.tr("Checking the signatures…"))
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save signed PDF…"))
        self.save_button.setMinimumHeight(44)
        self.save_button.clicked.connect(self.choose_where_to_save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        column = QVBoxLayout(self)
        column.addWidget(self.tree, 1)
        column.addWidget(self.status)
        column.addWidget(buttons)
        when_done(client.signatures(circulation.summary.id), self.show_states,
                  lambda error: self.status.setText(getattr(error, "message", str(error))), self)

    def show_states(self, documents: list[DocumentSignatures]) -> None:
        self.tree.clear()
        for document in documents:
            top = QTreeWidgetItem([document.title])
            top.setData(0, 256, document.document_id)
            for signature in document.signatures:
                top.addChild(QTreeWidgetItem([
                    signature.signer, signature.role,
                    when_text(signature.at) if signature.at is not None else "",
                    state_text(signature), changed_text(signature)]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        valid = all(s.valid and s.intact for d in documents for s in d.signatures)
        self.status.setText("" if documents and valid else self.tr(
            "No signatures to check yet.") if not documents else self.tr(
            "A signature is not valid: the document was changed or not signed by the "
            "organization's authority."))

    def document_id(self) -> int | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is not None:
            return item.data(0, 256)
        return self.circulation.documents[0].id if self.circulation.documents else None

    def choose_where_to_save(self) -> None:
        document_id = self.document_id()
        if document_id is None:
            return
        title = next((d.title for d in self.circulation.documents if d.id == document_id), "")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save signed PDF"),
                                              f"{title}-signed.pdf", self.tr("PDF (*.pdf)"))
        if name:
            self.save(document_id, Path(name))

    def save(self, document_id: int, out: Path) -> None:
        self.status.setText(self.tr("Saving…"))
        when_done(self.client.save_signed(self.circulation.summary.id, document_id, out),
                  lambda path: self.status.setText(self.tr("Saved: {0}").format(path)),
                  lambda error: self.status.setText(self.tr("Not saved: {0}").format(
                      getattr(error, "message", str(error)))), self)
