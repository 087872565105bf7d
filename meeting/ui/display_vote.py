"""The vote on the large monitor: the question, the live count (only the count for a secret
vote) and the result once closed. Shown beside the page while a vote is open and for a while
after it closed, so the room sees the result."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from meeting.core.votes import VoteData, VoteStatus
from meeting.net.session import MeetingSession
from meeting.ui.plain_label import PlainLabel
from meeting.ui.vote_widgets import VoteBars, result_text

RESULT_SECONDS = 120
"""How long a closed vote's result stays on the monitor."""
RESULT_SHARE = 1 / 12
QUESTION_SHARE = 1 / 18
"""The result line's and the question's font size, as shares of the screen's height."""


class DisplayVote(QFrame):
    def __init__(self, session: MeetingSession, meeting_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.meeting_id = session, meeting_id
        self.setStyleSheet("DisplayVote { background: white; border-left: 6px solid #1a73e8; }"
                           "QLabel { color: #202124; }")
        self.title = PlainLabel()  # (what the chair typed: never rendered as HTML)
        self.title.setWordWrap(True)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        self.bars = VoteBars()
        self.fit_to(1080)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 32, 32, 32)
        column.addWidget(self.title)
        column.addWidget(self.status)
        column.addWidget(self.bars)
        column.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def fit_to(self, screen_height: int) -> None:
        """Readable across a room: the result line is 1/12 of the screen's height, the
        question 1/18, the bars' labels in proportion."""
        result_px = max(24, math.ceil(screen_height * RESULT_SHARE))
        question_px = max(20, math.ceil(screen_height * QUESTION_SHARE))
        self.title.setStyleSheet(f"font-size: {question_px}px; font-weight: 600;")
        self.status.setStyleSheet(f"font-size: {result_px}px; font-weight: 700;")
        self.status.setMinimumHeight(result_px)
        self.bars.font_scale = max(2.0, screen_height / 1080 * 2.5)
        self.bars.show_vote(self.bars.vote)

    def shown_vote(self) -> VoteData | None:
        """The newest vote, while open or recently closed."""
        votes = self.session.votes(self.meeting_id)
        if not votes:
            return None
        newest = votes[-1]
        open_votes = [v for v in votes if v.status is VoteStatus.OPEN]
        if open_votes:
            return open_votes[-1]
        if newest.closed_at and time.time() - newest.closed_at < RESULT_SECONDS:
            return newest
        return None

    def refresh(self) -> None:
        vote = self.shown_vote()
        self.setVisible(vote is not None)
        if vote is None:
            return
        self.title.setText(vote.title + (self.tr(" (secret)") if vote.secret else ""))
        self.status.setText(result_text(vote))
        self.bars.show_vote(vote)
        if vote.status is VoteStatus.CLOSED:  # hide when its time is up
            remaining = RESULT_SECONDS - (time.time() - (vote.closed_at or 0))
            self._timer.start(max(1, int(remaining * 1000)))
