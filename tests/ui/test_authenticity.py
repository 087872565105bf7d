"""A document's hash, shown and checked: the copy on the device against the server's record."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def test_a_document_is_shown_authentic_and_a_tampered_copy_is_caught(qtbot, open_viewer):
    paul = open_viewer("paul")
    document = paul.follow.document(paul.follow.shown.document_id)
    box = paul.check_authenticity(document.id)
    qtbot.waitUntil(lambda: "exactly the document the organizer uploaded" in box.text(),
                    timeout=10_000)
    assert document.sha256[:8] in box.informativeText()
    box.close()

    cached = paul.session.cache.get(document.sha256)
    with open(cached, "ab") as file:  # someone changes the file on the device
        file.write(b"%% appended later\n")
    box = paul.check_authenticity(document.id)
    qtbot.waitUntil(lambda: "was changed after it was downloaded" in box.text(), timeout=10_000)
    assert box.icon() is QMessageBox.Icon.Warning
    assert paul.session.cache.get(document.sha256) is None  # removed: downloaded again
    box.close()
    assert paul.session.fetch_document(document).result(timeout=20).is_file()
    assert paul.session.cache.verify(document.sha256) is True
