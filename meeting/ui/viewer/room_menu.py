"""The Room menu: what the room sees (blank, zoom, hold), who presents, the presenter's console,
and for organizers the web meeting link, the protection of the materials and the meeting's end.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from meeting.core import protocol as wire
from meeting.core.following import FollowModel
from meeting.core.protocol import Role
from meeting.core.sync import MeetingView
from meeting.net.session import MeetingSession


class RoomMenu(QMenu):
    consoleRequested = Signal()
    webLinkRequested = Signal()
    protectionRequested = Signal()
    endRequested = Signal()

    def __init__(self, session: MeetingSession, meeting_id: int, follow: FollowModel,
                 visible_region: Callable[[], tuple[float, float, float, float]],
                 manager: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.meeting_id = meeting_id
        self.follow = follow
        self.actions_by_name = {
            "black": self.addAction(self.tr("Black screen on the large monitor"),
                                    lambda: self.send(wire.DisplayBlank, blank="black")),
            "white": self.addAction(self.tr("White screen on the large monitor"),
                                    lambda: self.send(wire.DisplayBlank, blank="white")),
            "unblank": self.addAction(self.tr("Show the page again"),
                                      lambda: self.send(wire.DisplayBlank, blank=None)),
        }
        self.addSeparator()
        self.actions_by_name["zoom"] = self.addAction(
            self.tr("Show the room what I see (zoom)"),
            lambda: self.send(wire.ViewZoom, region=list(visible_region())))
        self.actions_by_name["unzoom"] = self.addAction(
            self.tr("Show the room the whole page"), lambda: self.send(wire.ViewZoom, region=None))
        self.addSeparator()
        hold = self.actions_by_name["hold"] = self.addAction(
            self.tr("Hold everyone on this page"))
        hold.setCheckable(True)
        hold.triggered.connect(lambda held: self.send(wire.FollowersLock, locked=held))
        self.addSeparator()
        self.handover_menu = self.addMenu(self.tr("Hand the presenter role to"))
        self.take_action = self.addAction(
            self.tr("Take the presenter role"),
            lambda: self.send(wire.PresenterSet, user=self.session.user.name))
        self.aboutToShow.connect(self._fill_handover_menu)
        self.addSeparator()
        self.addAction(self.tr("Presenter's console"), self.consoleRequested)
        self.end_action = None
        if manager:
            self.addSeparator()
            self.addAction(self.tr("Web meeting link…"), self.webLinkRequested)
            self.addAction(self.tr("Protect the materials…"), self.protectionRequested)
            self.end_action = self.addAction(self.tr("End the meeting…"), self.endRequested)

    def send(self, model: type[wire.Message], /, **payload) -> None:
        self.session.command(model, meeting_id=self.meeting_id, **payload)

    def show_state(self, view: MeetingView) -> None:
        """Checked and enabled as the room is: held, blanked, zoomed, ended."""
        self.actions_by_name["hold"].setChecked(view.state.locked)
        self.actions_by_name["unblank"].setEnabled(view.state.blank is not None)
        self.actions_by_name["unzoom"].setEnabled(view.state.zoom is not None)
        if self.end_action is not None:
            self.end_action.setText(self.tr("Reopen the meeting") if view.state.ended_at
                                    else self.tr("End the meeting…"))

    def _fill_handover_menu(self) -> None:
        """Everyone invited who can present (not display accounts), except the presenter."""
        self.handover_menu.clear()
        view = self.session.view(self.meeting_id)
        if view is None:
            return
        for member in view.snapshot.members:
            if member.role is not Role.DISPLAY and member.name != view.state.presenter:
                self.handover_menu.addAction(
                    member.name, lambda _=False, name=member.name: self.send(
                        wire.PresenterSet, user=name))
        self.take_action.setVisible(not self.follow.is_presenter)
