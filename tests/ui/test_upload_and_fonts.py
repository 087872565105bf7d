"""Adding material from the client, and Japanese text in the UI."""

from __future__ import annotations

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
