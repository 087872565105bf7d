"""Leak protection in the app: an organizer turns on the watermark and removal at the end; a
participant sees the watermark over the page, and when the meeting ends exports their notes
and the materials leave the device."""

from __future__ import annotations

import pymupdf
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import wait_for_page
from tests.ui.test_login_and_app import (  # noqa: F401 - fixtures
    client_app,
    settings,
    signed_in,
)


def test_watermark_then_end_with_notes_exported_and_materials_removed(
        qtbot, client_app, open_viewer, seeded_server, tmp_path):  # noqa: F811
    live, seeded = seeded_server
    m = seeded.meeting_id
    paul_app = signed_in(qtbot, client_app, live.url, "paul")
    viewer = paul_app.open_meeting(m)
    viewer.resize(1000, 700)
    wait_for_page(qtbot, viewer)
    shown = viewer.follow.shown.document_id
    paul_elsewhere = live.peer("paul")  # his tablet: a private note
    paul_elsewhere.call("meeting:join", {"meeting_id": m})
    assert paul_elsewhere.call("annotation:put", {
        "meeting_id": m, "id": "pauls-note-ui", "document_id": shown, "page": 0,
        "layer": "private", "tool": "text", "color": "#1a73e8", "width": 2,
        "points": [[60.0, 60.0]], "text": "確認する"})["ok"]

    olga = open_viewer("olga")
    dialog = olga.edit_protection()
    dialog.watermark.setChecked(True)
    dialog.removal.setCurrentIndex(dialog.removal.findData("files_and_notes"))
    dialog.accept()
    qtbot.waitUntil(lambda: viewer.page_view.watermark_user == "paul", timeout=10_000)
    assert viewer.protection_label.isVisible()
    assert viewer.protection_label.text() == "Watermarked · Removed at the end"
    qtbot.waitUntil(lambda: olga.page_view.watermark_user == "olga", timeout=10_000)
    viewer.grab().save(str(tmp_path / "watermarked.png"))
    hashes = [d.sha256 for d in paul_app.session.view(m).documents]
    assert paul_app.session.cache.get(paul_app.session.view(m).document(shown).sha256)

    confirmation = olga.end_meeting()
    assert "private notes are removed" in confirmation.informativeText()
    confirmation.end_button.click()

    qtbot.waitUntil(lambda: m in paul_app.material_notices and not paul_app.viewers,
                    timeout=10_000)
    notice = paul_app.material_notices[m]
    qtbot.waitUntil(notice.isVisible, timeout=5_000)
    assert "with your 1 private notes" in notice.text()
    assert notice.export_button is not None
    notice.export_button.click()
    notice.file_dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    out = tmp_path / "my notes.pdf"
    notice.file_dialog.selectFile(str(out))
    notice.file_dialog.accept()
    qtbot.waitUntil(lambda: notice.done_choosing and out.is_file(), timeout=20_000)
    assert "Your notes were saved" in notice.text()
    with pymupdf.open(out) as exported:
        page = exported[0]
        assert [a.info["content"] for a in page.annots()] == ["確認する"]
        assert "paul" in page.get_text()  # the watermark travels with the export
    assert not any(paul_app.session.cache.get(h) for h in hashes)
    assert paul_app.session.kept_offline() == []
    assert olga.end_action.text() == "Reopen the meeting"  # organizers keep it open
    notice.close()
