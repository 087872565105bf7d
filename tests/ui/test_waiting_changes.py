"""The window says what is still waiting for the server (issue 19): notes written on a link
that went silent are counted in the status bar until the server has them, then it says so."""

from __future__ import annotations

import uuid

from meeting.core.annotations import AnnotationData, Layer, Tool
from meeting.core.ink import InkAction
from tests.ui.test_room_state import through_proxy  # noqa: F401 (a fixture)


def a_note(window, text: str) -> None:
    shown = window.follow.shown
    note = AnnotationData(id=uuid.uuid4().hex, owner="paul", document_id=shown.document_id,
                          page=shown.page, layer=Layer.PRIVATE, tool=Tool.TEXT,
                          color="#1a73e8", width=14, points=((80.0, 90.0),), complete=True,
                          text=text)
    window.session.perform(window.meeting_id, InkAction(added=(note,)))


def test_changes_not_yet_sent_are_counted_until_the_server_has_them(qtbot, through_proxy,  # noqa: F811
                                                                     tmp_path):
    paul, link = through_proxy("paul")
    label = paul.status.waiting_label
    assert not label.isVisible()
    link.silence()  # Wi-Fi gone, nobody told
    a_note(paul, "質問: 第3項の根拠")
    qtbot.waitUntil(lambda: label.isVisible() and label.text() == "1 change not yet sent",
                    timeout=2000)
    a_note(paul, "要確認")
    qtbot.waitUntil(lambda: label.text() == "2 changes not yet sent", timeout=2000)
    paul.grab().save(str(tmp_path / "waiting.png"))
    link.restore()
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=20_000)
    assert paul.status.currentMessage() == "All changes sent"
    assert paul.session.outbox.waiting == 0
