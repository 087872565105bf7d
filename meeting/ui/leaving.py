"""Closing a meeting window leaves the meeting, so the others see it at once; the presenter
closing it while others are in the meeting is asked first (hand over, end presenting, or
stay). Shown again, the window joins again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from meeting.core.following import FollowModel
from meeting.core.protocol import Role
from meeting.net.session import MeetingSession
from meeting.ui.leave_dialog import LeaveQuestion


class Leaving(QObject):
    def __init__(self, window: QWidget, session: MeetingSession, meeting_id: int,
                 follow: FollowModel, hand_over: Callable[[str], None]) -> None:
        super().__init__(window)
        self._window, self._session, self._meeting_id = window, session, meeting_id
        self._follow, self._hand_over = follow, hand_over
        self.left = False
        self._decided = False
        self.question: LeaveQuestion | None = None

    def intercept(self, event: QCloseEvent) -> bool:
        """Call from closeEvent: True when the close is put off to ask the presenter; else the
        meeting is left (once)."""
        if self._must_ask():
            event.ignore()
            self.ask()
            return True
        if not self.left:
            self.left = True
            self._session.leave(self._meeting_id)
        return False

    def rejoin(self) -> bool:
        """Call from showEvent: True when the window had left and joins again now."""
        if not self.left:
            return False
        self.left, self._decided = False, False
        self._session.join(self._meeting_id)
        return True

    def close_now(self) -> None:
        """Close without asking (decided, signing out, removed)."""
        self._decided = True
        self._window.close()

    def ask(self) -> LeaveQuestion:
        question = LeaveQuestion(self._who_may_present(), self._window)
        question.handOver.connect(self._hand_over_and_leave)
        question.endPresenting.connect(self.close_now)
        self.question = question
        question.open()
        return question

    def _hand_over_and_leave(self, name: str) -> None:
        self._hand_over(name)
        self.close_now()

    def _others(self) -> list[str]:
        me = self._session.user.name
        return [p.name for p in self._session.people(self._meeting_id) if p.name != me]

    def _must_ask(self) -> bool:
        """The presenter leaving a room with people in it decides what becomes of them."""
        return (not self._decided and self._follow.is_presenter and self._session.online
                and bool(self._others()))

    def _who_may_present(self) -> list[str]:
        view = self._session.view(self._meeting_id)
        members = {m.name for m in view.snapshot.members if m.role is not Role.DISPLAY} \
            if view else set()
        return [name for name in self._others() if name in members]
