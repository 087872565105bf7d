"""Every label draws what people typed as plain text: a meeting, document, agenda or vote
title written as HTML (`<img src=file://…>`) is shown as those characters, never rendered (Qt's
labels guess "rich text" from a leading tag and would load the picture)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

HOSTILE = '<img src="file:///etc/hostname"><b>bold</b>'


def rich_labels(window: QWidget) -> list[str]:
    """Labels showing the hostile text that Qt would render as rich text."""
    return [f"{label.objectName() or type(label.parent()).__name__}: {label.text()!r}"
            for label in window.findChildren(QLabel)
            if "<img" in label.text() and label.textFormat() != Qt.TextFormat.PlainText]


def test_every_label_draws_typed_text_plainly(qtbot, seeded_server, open_viewer, open_display):
    live, seeded = seeded_server
    database = sqlite3.connect(live.data_dir / "meeting.sqlite3")
    try:  # (titles the organizer typed: the command line and uploads take any text)
        database.execute("UPDATE meetings SET title = ?, place = ?", (f"Board {HOSTILE}",
                                                                      HOSTILE))
        database.execute("UPDATE documents SET title = ?", (f"Budget {HOSTILE}",))
        database.commit()
    finally:
        database.close()
    chair = live.peer("olga")
    m = seeded.meeting_id
    assert chair.call("meeting:join", {"meeting_id": m})["ok"]
    assert chair.call("agenda:set", {"meeting_id": m, "items": [
        {"title": f"Opening {HOSTILE}"},
        {"title": f"Budget {HOSTILE}", "document_id": seeded.documents[0], "page": 0}]})["ok"]
    display = open_display()
    display.resize(1280, 720)
    display.show()
    paul = open_viewer("paul")
    assert chair.call("vote:open", {"meeting_id": m, "title": f"Approve {HOSTILE}",
                                    "kind": "choice",
                                    "options": [f"A {HOSTILE}", "B"]})["ok"]
    qtbot.waitUntil(display.vote.isVisible, timeout=10_000)
    qtbot.waitUntil(lambda: bool(paul.votes.ballot_buttons), timeout=10_000)
    paul.show_side(paul.agenda)
    olga = open_viewer("olga")
    console = olga.open_console()  # the presenter's console names the document (a child
    # of olga's window: closed with it)
    qtbot.waitUntil(lambda: "<img" in console.current_label.text(), timeout=10_000)
    assert "<img" in display.vote.title.text()
    windows = (display, paul, olga, console)
    assert [rich_labels(window) for window in windows] == [[], [], [], []]
    shown = [label.text() for w in windows for label in w.findChildren(QLabel)
             if "<img" in label.text()]
    assert len(shown) >= 4, shown  # (the check saw the titles)
