"""Save as PDF with notes, from the viewer: the room's marks and one's own, nobody else's."""

from __future__ import annotations

import pymupdf
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QDialogButtonBox

from meeting.core.annotations import Layer
from meeting.export.plan import ExportChoice
from meeting.pdf.notes_pdf import ExportResult
from meeting.ui.export_dialog import ExportDialog
from meeting.ui.ink_tools import Mode
from tests.server.test_cli import run
from tests.ui.conftest import annotations, draw


def test_export_has_shared_marks_and_only_my_private_notes(qtbot, open_viewer, tmp_path,
                                                         seeded_server):
    presenter, paul, pia = open_viewer("olga"), open_viewer("paul"), open_viewer("pia")
    center = presenter.page_view.viewport().rect().center()
    presenter.ink_toolbar.set_mode(Mode.PEN)
    draw(qtbot, presenter, center - QPoint(100, 0), center + QPoint(100, 0))
    for window, offset in ((paul, 60), (pia, 120)):
        window.ink_toolbar.set_mode(Mode.PEN)
        draw(qtbot, window, center + QPoint(-100, offset), center + QPoint(100, offset))

    def everything_arrived() -> None:
        assert sorted((a.owner, a.complete) for a in annotations(paul)) == [
            ("olga", True), ("paul", True)]
        assert [a.complete for a in annotations(pia) if a.owner == "pia"] == [True]

    qtbot.waitUntil(everything_arrived, timeout=10_000)
    out = tmp_path / "exports" / "mine.pdf"
    with qtbot.waitSignal(paul.exportFinished, timeout=20_000) as finished:
        paul.export_with_notes(ExportChoice(False, frozenset(Layer)), out)
    result = finished.args[0]
    assert isinstance(result, ExportResult), result
    assert result.written == 2 and result.skipped == ()
    page_index = paul.follow.shown.page
    with pymupdf.open(out) as document:
        page = document[page_index]
        marks = sorted((a.info["title"], a.info["subject"], a.type[1]) for a in page.annots())
    assert marks == [("olga", "Shared mark", "Ink"), ("paul", "Private note", "Ink")]

    shared_only = tmp_path / "record.pdf"
    with qtbot.waitSignal(presenter.exportFinished, timeout=20_000) as finished:
        presenter.export_with_notes(ExportChoice(True, frozenset({Layer.SHARED})), shared_only)
    record = finished.args[0]
    view = presenter.session.view(presenter.meeting_id)
    assert record.written == 1
    assert record.pages == sum(d.pages for d in view.documents)
    with pymupdf.open(shared_only) as document:
        assert [title for _, title, _ in document.get_toc()] == [d.title for d in view.documents]

    live, _ = seeded_server  # both exports are in the meeting's audit log

    def audited() -> None:
        exported = [row for row in run(live.data_dir, "audit", "--action", "exported"
                                       ).stdout.splitlines()[1:]]
        users = sorted(row.split("\t")[1] for row in exported)
        assert users == ["olga"] * len(view.documents) + ["paul"], exported

    qtbot.waitUntil(audited, timeout=10_000)


def test_an_export_that_cannot_be_written_says_so(qtbot, open_viewer, tmp_path):
    paul = open_viewer("paul")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with qtbot.waitSignal(paul.exportFinished, timeout=20_000) as finished:
        paul.export_with_notes(ExportChoice(False, frozenset(Layer)), blocker / "x.pdf")
    assert isinstance(finished.args[0], Exception)
    assert paul.notice.isVisible() and "x.pdf" in paul.notice.label.text()


def test_dialog_defaults_and_choices(qtbot, tmp_path):
    dialog = ExportDialog("予算説明資料", "第1回 経営会議: 予算/決算", tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.path() == tmp_path / "予算説明資料 (with notes).pdf"
    assert dialog.choice() == ExportChoice(False, frozenset(Layer))
    dialog.whole_meeting.setChecked(True)
    assert dialog.path() == tmp_path / "第1回 経営会議_ 予算_決算 (record).pdf"
    dialog.private_box.setChecked(False)
    assert dialog.choice() == ExportChoice(True, frozenset({Layer.SHARED}))
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.shared_box.setChecked(False)
    assert not save.isEnabled()
    dialog.shared_box.setChecked(True)
    assert save.isEnabled()
    dialog.path_edit.setText("")
    assert not save.isEnabled()
