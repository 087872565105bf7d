"""The laser pointer in the client: the presenter's pointer sent at most once a frame, and the
presenter's pointer shown on everyone else's page (the large monitor included)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from meeting.core.following import FollowModel
from meeting.core.laser import FRAME_MS, IDLE_HIDE_MS, LaserData
from meeting.net.session import MeetingSession
from meeting.ui.page_view import PageView


class LaserSender(QObject):
    """Coalesces pointer moves: however fast the mouse or pen reports, one message a frame."""

    def __init__(self, session: MeetingSession, meeting_id: int, follow: FollowModel,
                 page_view: PageView) -> None:
        super().__init__(page_view)
        self.session = session
        self.meeting_id = meeting_id
        self.follow = follow
        self.page_view = page_view
        self._latest: tuple[float, float] | None = None
        self._sent: tuple[float, float] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._send_latest)
        self.sent = 0
        """Messages sent (for tests and the benchmark)."""

    def point(self, x: float, y: float) -> None:
        self._latest = (x, y)
        self.page_view.set_laser(self._latest)
        if not self._timer.isActive():
            self._send_latest()  # the first position goes at once, later ones once a frame
            self._timer.start()

    def hide(self) -> None:
        self._timer.stop()
        self._latest = None
        self.page_view.set_laser(None)
        self._send_latest()

    def _send_latest(self) -> None:
        shown = self.follow.shown
        if self._latest == self._sent or shown is None:
            self._timer.stop()  # nothing new this frame: the next move sends at once
            return
        self.session.point_laser(self.meeting_id, shown.document_id, shown.page, self._latest)
        # The server does not send our own pointer back: tell our other windows (a display
        # driven from this laptop) ourselves.
        self.session.listener.laser_moved(LaserData(
            meeting_id=self.meeting_id, user=self.session.user.name,
            document_id=shown.document_id, page=shown.page, point=self._latest))
        self._sent = self._latest
        self.sent += 1


class RemoteLaser(QObject):
    """Shows the presenter's pointer when this screen shows the page it points at."""

    def __init__(self, meeting_id: int, follow: FollowModel, page_view: PageView) -> None:
        super().__init__(page_view)
        self.meeting_id = meeting_id
        self.follow = follow
        self.page_view = page_view
        self._pointer: LaserData | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_HIDE_MS)
        self._idle.timeout.connect(self.forget)

    def moved(self, pointer: LaserData) -> None:
        if pointer.meeting_id != self.meeting_id:
            return
        self._pointer = pointer if pointer.point is not None else None
        if self._pointer is None:
            self._idle.stop()
        else:
            self._idle.start()
        self.refresh()

    def forget(self) -> None:
        self._pointer = None
        self.refresh()

    def refresh(self) -> None:
        """Call when the shown page changes: the dot is only where it belongs."""
        pointer, shown = self._pointer, self.follow.shown
        visible = (pointer is not None and shown is not None
                   and (pointer.document_id, pointer.page) == (shown.document_id, shown.page))
        if visible or not self.follow.is_presenter:  # the presenter's own dot is not ours
            self.page_view.set_laser(pointer.point if visible else None)
