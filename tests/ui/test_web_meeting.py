"""The web meeting link: an organizer sets it; a participant opens it in one click."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
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
    host = paul.status.web_meeting_host  # where the click leads, beside the button
    assert host.isVisible() and host.text() == "at meet.example.lg.jp"
    assert host.textFormat() == Qt.TextFormat.PlainText
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


def test_a_look_alike_link_shows_where_it_really_leads(qtbot, open_viewer):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    dialog = olga.edit_web_link()
    dialog.setTextValue("https://meet.example.lg.jp@evil.example/j/1")  # goes to evil.example
    dialog.done(QInputDialog.DialogCode.Accepted)
    assert dialog.isVisible()  # refused here (and by the server)
    dialog.setTextValue("https://\u0430\u0440\u0440\u04cf\u0435.com/j/1")  # Cyrillic "apple"
    dialog.done(QInputDialog.DialogCode.Accepted)
    qtbot.waitUntil(lambda: paul.status.web_meeting_host.isVisible(), timeout=10_000)
    assert paul.status.web_meeting_host.text() == "at xn--80ak6aa92e.com"
    assert paul.web_meeting_action.url == "https://xn--80ak6aa92e.com/j/1"


def test_a_link_an_older_server_stored_is_not_offered(open_viewer):
    paul = open_viewer("paul")
    paul.web_meeting_action.show_link("http://meet.example.lg.jp/j/1")
    assert not paul.web_meeting_button.isVisible()
    assert not paul.status.web_meeting_host.isVisible()
    paul.web_meeting_action.show_link(LINK)
    assert paul.web_meeting_button.isVisible() and paul.status.web_meeting_host.isVisible()
