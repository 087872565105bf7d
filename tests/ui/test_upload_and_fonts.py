"""Adding material from the client, and Japanese text in the UI."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from tests.helpers.live import CORPUS


def test_organizer_adds_a_document_everyone_sees_it(qtbot, open_viewer, sample_pdfs, tmp_path):
    organizer = open_viewer("olga")
    follower = open_viewer("paul")
    before = follower.documents.count()
    assert not follower.acceptDrops() and organizer.acceptDrops()
    assert not hasattr(follower, "add_action")
    copy = tmp_path / "令和8年度_補正予算.pdf"
    copy.write_bytes(sample_pdfs[2].read_bytes())
    with qtbot.waitSignal(organizer.uploadFinished, timeout=20_000) as finished:
        organizer.upload(copy)
    assert finished.args == [True]
    qtbot.waitUntil(lambda: follower.documents.count() == before + 1, timeout=10_000)
    qtbot.waitUntil(lambda: organizer.documents.count() == before + 1, timeout=10_000)


def test_refused_upload_is_explained(qtbot, open_viewer):
    organizer = open_viewer("olga")
    with qtbot.waitSignal(organizer.uploadFinished, timeout=20_000) as finished:
        organizer.upload(CORPUS / "pypdf__libreoffice-writer-password.pdf")
    assert finished.args == [False]
    assert organizer.notice.isVisible()
    assert "password" in organizer.notice.label.text()
    assert not organizer.upload_progress.isVisible()


def test_japanese_text_has_glyphs_in_the_ui(qtbot, runtime):
    label = QLabel("第1回 経営会議 議事次第")
    qtbot.addWidget(label)
    metrics = QFontMetrics(QApplication.font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "経営会議議事次第")


def test_drag_and_drop_a_pdf_adds_it(qtbot, open_viewer, sample_pdfs, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from meeting.ui.viewer_window import _pdf_paths

    organizer = open_viewer("olga")
    before = organizer.documents.count()
    dropped = tmp_path / "参考資料.pdf"
    dropped.write_bytes(sample_pdfs[0].read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    assert _pdf_paths(mime) == [dropped]  # what dragEnterEvent accepts
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(organizer.uploadFinished, timeout=20_000) as finished:
        # Qt delivers a drop only during a real drag session, which offscreen Qt cannot start:
        # hand the event to the window's own drop handler.
        organizer.dropEvent(drop)
    assert finished.args == [True]
    qtbot.waitUntil(lambda: organizer.documents.count() == before + 1, timeout=10_000)


def test_an_office_file_is_dropped_converted_and_its_original_saved(qtbot, open_viewer,
                                                                     tmp_path):
    from PySide6.QtCore import QMimeData, QUrl

    from meeting.ui.viewer_window import _pdf_paths
    from tests.helpers.office_files import write_docx
    from tests.server.test_office import HAVE_LIBREOFFICE

    if not HAVE_LIBREOFFICE:
        message = "LibreOffice is not installed (.ci/run installs it)"
        if os.environ.get("MEETING_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(message)
        pytest.skip(message)
    organizer = open_viewer("olga")
    docx = write_docx(tmp_path / "報告書.docx", ["報告書 / Report"])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(docx))])
    assert _pdf_paths(mime) == [docx]  # Office files are taken too
    with qtbot.waitSignal(organizer.uploadFinished, timeout=60_000) as finished:
        organizer.upload(docx)
    assert finished.args == [True]
    qtbot.waitUntil(lambda: any(d.original_filename == "報告書.docx"
                                for d in organizer.session.view(organizer.meeting_id).documents),
                    timeout=10_000)
    document = next(d for d in organizer.session.view(organizer.meeting_id).documents
                    if d.original_filename)
    assert document.filename == "報告書.pdf"
    with qtbot.waitSignal(organizer.originalSaved, timeout=20_000):
        organizer.save_original(document, tmp_path / "saved.docx")
    assert (tmp_path / "saved.docx").read_bytes() == docx.read_bytes()
