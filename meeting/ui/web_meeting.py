"""The organization's web meeting (audio and video) next to our materials: one click opens it
in the system's browser or meeting app; organizers set or remove the link."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from meeting.core.weblink import check_web_link, link_host
from meeting.net.session import MeetingSession
from meeting.ui.plain_label import PlainLabel


class WebMeetingAction(QAction):
    """Shown only while the meeting has a link that is safe to open (checked again here: a
    link stored by an older server may be one the core refuses now)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setText(self.tr("Join the web meeting"))
        self.url: str | None = None
        self.host = ""
        """Where the link leads, as shown beside the button (ASCII: punycode for an
        internationalized name, so a look-alike shows as the stranger it is)."""
        self.triggered.connect(self.open)
        self.setVisible(False)

    def show_link(self, url: str | None) -> None:
        self.host = link_host(url) if url else ""
        self.url = check_web_link(url) if self.host and url else None
        if self.url:
            self.setToolTip(self.tr("Audio and video of this meeting, at {0}").format(self.host))
        self.setVisible(bool(self.url))
        self.changed.emit()  # (the host beside the button follows, even when visible stays)

    def open(self) -> bool:
        """Hand the link to the system (browser, or the web meeting's own app)."""
        return bool(self.url) and QDesktopServices.openUrl(QUrl(self.url))


class WebMeetingHost(PlainLabel):
    """The host a web meeting button leads to, beside it: seen before the click, as plain
    text whatever the link holds."""

    def __init__(self, action: WebMeetingAction, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setStyleSheet("color: #3c4043; padding: 0 4px 0 0;")
        self.action = action
        action.changed.connect(self._follow)
        self._follow()

    def _follow(self) -> None:
        self.setText(self.tr("at {0}").format(self.action.host) if self.action.host else "")
        self.setVisible(self.action.isVisible())


class WebLinkDialog(QInputDialog):
    """Organizers: the link to the web meeting; an empty field removes it. Refused addresses
    are said here, before anything is sent (the server checks again)."""

    def __init__(self, session: MeetingSession, meeting_id: int, current: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.setWindowTitle(self.tr("Web meeting link"))
        self.setLabelText(self.tr(
            "Link of the web meeting where remote participants get audio and video\n"
            "(leave empty to remove it):"))
        self.setTextEchoMode(QLineEdit.EchoMode.Normal)
        self.setTextValue(current or "")
        self.resize(560, self.sizeHint().height())

    def done(self, result: int) -> None:
        if result == QInputDialog.DialogCode.Accepted:
            url = self.textValue().strip()
            if url:
                try:
                    check_web_link(url)
                except ValueError:
                    self.setLabelText(self.tr(
                        "That is not a web address. Enter a link that starts with https://\n"
                        "(leave empty to remove it):"))
                    return  # stay open
            self.session.set_web_link(self.meeting_id, url or None)
        super().done(result)
