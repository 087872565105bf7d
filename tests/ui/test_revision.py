"""Replacing a document with a revised version from the viewer: the marks come along, and what
cannot be placed is listed for its owner."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from meeting.ui.ink_tools import Mode
from tests.server.test_revision import LINES, write_pdf
from tests.ui.conftest import annotations, draw, wait_for_page


def test_revision_from_the_viewer_keeps_marks_and_lists_the_lost(qtbot, open_viewer, tmp_path):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    original = write_pdf(tmp_path / "report.pdf", [LINES[:2], LINES[2:]])
    before = olga.documents.count()
    with qtbot.waitSignal(olga.uploadFinished, timeout=30_000):
        olga.upload(original)
    qtbot.waitUntil(lambda: olga.documents.count() == before + 1, timeout=10_000)
    document = olga.session.view(olga.meeting_id).documents[-1]
    olga.documents.itemClicked.emit(olga.documents.item(olga.documents.count() - 1))
    wait_for_page(qtbot, paul, page=0, document_id=document.id)

    center = olga.page_view.viewport().rect().center()
    olga.ink_toolbar.set_mode(Mode.PEN)
    draw(qtbot, olga, center - QPoint(80, 0), center + QPoint(80, 0))  # shared, page 1
    paul.go_to_page(1)
    wait_for_page(qtbot, paul, page=1)
    paul.ink_toolbar.set_mode(Mode.PEN)
    draw(qtbot, paul, center - QPoint(80, 0), center + QPoint(80, 0))  # private, page 2
    qtbot.waitUntil(lambda: [a.complete for a in annotations(paul)] == [True, True],
                    timeout=10_000)

    revised = write_pdf(tmp_path / "report-v2.pdf", [["Errata first"], LINES[:2]])
    with qtbot.waitSignal(olga.revisionFinished, timeout=60_000) as finished:
        olga.revise(document.id, revised)
    reply = finished.args[0]
    assert isinstance(reply, dict), reply
    assert reply["placed"] == 1 and reply["unplaced"] == []  # paul's note is his business

    def moved() -> None:
        view = paul.session.view(paul.meeting_id)
        shared = [a for a in view.snapshot.annotations if a.owner == "olga"]
        assert [a.page for a in shared] == [1]
        assert view.document(document.id).sha256 != document.sha256

    qtbot.waitUntil(moved, timeout=10_000)
    qtbot.waitUntil(lambda: paul.notice.isVisible(), timeout=10_000)
    assert "could not be placed" in paul.notice.label.text()
    assert "page 2 of the earlier version" in paul.notice.label.text()
    assert not olga.notice.isVisible() or "could not be placed" not in olga.notice.label.text()
    wait_for_page(qtbot, olga, page=1, document_id=document.id)  # the room followed its page
    assert len(olga.page_view.strokes) == 1
