"""The web meeting link: an organizer sets it; a participant opens it in one click."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog

LINK = "https://meet.example.lg.jp/j/8123456789?pwd=abc"


class Opened(QObject):
    """Receives what the client hands to the system for https links (Qt's own hook for
    this; the test machine has no browser to open)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def take(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_organizer_sets_the_link_and_a_participant_opens_it(qtbot, open_viewer):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    assert not paul.web_meeting_button.isVisible()  # no link yet: no button

    dialog = olga.edit_web_link()
    dialog.setTextValue("javascript:alert(1)")
    dialog.done(QInputDialog.DialogCode.Accepted)
    assert dialog.isVisible() and "not a web address" in dialog.labelText()  # refused here
    dialog.setTextValue(f"  {LINK} ")
    dialog.done(QInputDialog.DialogCode.Accepted)
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: paul.web_meeting_button.isVisible(), timeout=10_000)
    assert "meet.example.lg.jp" in paul.web_meeting_action.toolTip()
    opened = Opened()
    QDesktopServices.setUrlHandler("https", opened, "take")
    try:
        paul.web_meeting_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert opened.urls == [LINK]

    dialog = olga.edit_web_link()
    assert dialog.textValue() == LINK  # the current link, to edit
    dialog.setTextValue("")  # empty: removed
    dialog.done(QInputDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: not paul.web_meeting_button.isVisible(), timeout=10_000)


def test_a_participant_has_no_way_to_set_it(open_viewer):
    paul = open_viewer("paul")
    assert "Web meeting link…" not in [a.text() for a in paul.room_menu.actions()]
