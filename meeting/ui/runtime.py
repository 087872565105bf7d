"""What every client window needs once per process: the QApplication, the GUI-thread door, the
render worker and fonts; and signed-in sessions with their Qt bridge."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from meeting import __version__, paths
from meeting.core import messages
from meeting.core.protocol import UserInfo
from meeting.net.cache import DocumentCache
from meeting.net.offline import OfflineShelf
from meeting.net.session import MeetingSession
from meeting.net.trust import Trust
from meeting.render.worker import RenderWorker
from meeting.ui import main_thread, translations
from meeting.ui.bridge import SessionBridge
from meeting.ui.fonts import ensure_japanese_font


@dataclass
class ClientRuntime:
    app: QApplication
    worker: RenderWorker
    cache_dir: Path

    @classmethod
    def start(cls, cache_dir: Path, language: str | None = None) -> ClientRuntime:
        """`language`: "ja" or "en"; None takes the setting, else the system's language."""
        app = QApplication.instance() or QApplication(sys.argv)
        app.setApplicationName("Paperless Meeting")
        app.setOrganizationName("paperless-meeting")
        app.setApplicationVersion(__version__)
        app.setWindowIcon(app_icon())
        # Names packaging/linux/paperless-meeting.desktop: on Wayland it is the windows' app id,
        # by which the desktop shows them with the menu entry's icon and name.
        app.setDesktopFileName("paperless-meeting")
        language = (language or os.environ.get("MEETING_LANGUAGE")
                    or translations.chosen_language(QSettings()))
        translations.install(app, language, cache_dir.parent / "translations")
        messages.client_language = language  # the server's messages and ours, in it too
        main_thread.install()
        worker = RenderWorker(screen=screen_pixels(app))
        ensure_japanese_font(app, worker)
        return cls(app, worker, cache_dir)

    def open_session(self, server_url: str, token: str, user: UserInfo,
                     trust: Trust | None = None) -> tuple[MeetingSession, SessionBridge]:
        bridge = SessionBridge()
        session = MeetingSession(server_url, token, user, DocumentCache(self.cache_dir), bridge,
                                 trust, self.shelf(server_url, user.name))
        session.start()
        return session, bridge

    def shelf(self, server_url: str, user: str) -> OfflineShelf:
        """Meetings kept on this device for this server and user (beside the documents)."""
        return OfflineShelf(self.cache_dir.parent / "offline", server_url, user)

    def close(self) -> None:
        self.worker.close()


def screen_pixels(app: QApplication) -> tuple[int, int] | None:
    """The primary screen's size in device pixels (a page fitted to it is drawn that big)."""
    screen = app.primaryScreen()
    if screen is None:
        return None
    size, ratio = screen.size(), screen.devicePixelRatio()
    return round(size.width() * ratio), round(size.height() * ratio)


def app_icon() -> QIcon:
    """The project's icon at every size drawn (meeting/resources/icons): a taskbar takes 16 or
    32 px, a task switcher 64 or more; one scaled 256 px image blurs at 16."""
    icon = QIcon()
    for png in sorted((paths.resources() / "icons").glob("paperless-meeting-*.png")):
        icon.addFile(str(png))
    return icon
