"""Pieces the vote panel and the large monitor share: the count as bars, and the words for
choices and results in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from meeting.core.votes import ABSTAIN, NO, YES, Outcome, VoteData, VoteStatus, choices

BAR_COLORS = {YES: "#1e7b34", NO: "#b3261e", ABSTAIN: "#80868b"}
OPTION_COLOR = "#1a73e8"


translate = QCoreApplication.translate


def choice_label(choice: str) -> str:
    return {YES: translate("Votes", "Yes"), NO: translate("Votes", "No"),
            ABSTAIN: translate("Votes", "Abstain")}.get(choice, choice)


def choice_labels() -> dict[str, str]:
    return {choice: choice_label(choice) for choice in (YES, NO, ABSTAIN)}


def result_text(vote: VoteData) -> str:
    """"Open · 2 of 5 voted" or "Passed (2 of 5 voted)"."""
    voted = translate("Votes", "{0} of {1} voted").format(vote.voted, len(vote.eligible))
    if vote.status is VoteStatus.OPEN or vote.result is None:
        return translate("Votes", "Open · {0}").format(voted)
    outcome = vote.result.outcome
    words = {
        Outcome.PASSED: translate("Votes", "Passed"),
        Outcome.REJECTED: translate("Votes", "Rejected"),
        Outcome.TIE: translate("Votes", "Tie: nothing decided"),
        Outcome.NO_QUORUM: translate("Votes", "No quorum: nothing decided"),
        Outcome.CHOSEN: translate("Votes", "Chosen: {0}").format(vote.result.winner),
    }[outcome]
    return f"{words} ({voted})"


class VoteBars(QWidget):
    """One bar per choice, its length the share of ballots cast, the count beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vote: VoteData | None = None
        self.font_scale = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(60)

    def show_vote(self, vote: VoteData | None) -> None:
        self.vote = vote
        rows = len(choices(vote.kind, vote.options)) if vote else 0
        self.setMinimumHeight(int(max(1, rows) * 26 * self.font_scale))
        self.update()

    def paintEvent(self, event) -> None:
        if self.vote is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * self.font_scale)
        painter.setFont(font)
        rows = choices(self.vote.kind, self.vote.options)
        height = self.height() / len(rows)
        label_width = self.width() * 0.3
        count_width = painter.fontMetrics().horizontalAdvance("0000")
        bar_space = max(1.0, self.width() - label_width - count_width - 12)
        total = max(1, sum(self.vote.counts.values()))
        for row, choice in enumerate(rows):
            top = row * height
            count = self.vote.counts.get(choice, 0)
            painter.setPen(QColor("#202124"))
            painter.drawText(QRectF(0, top, label_width - 6, height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             choice_label(choice))
            bar = QRectF(label_width, top + height * 0.2, bar_space * count / total,
                         height * 0.6)
            painter.fillRect(QRectF(label_width, bar.top(), bar_space, bar.height()),
                             QColor("#f1f3f4"))
            painter.fillRect(bar, QColor(BAR_COLORS.get(choice, OPTION_COLOR)))
            painter.drawText(QRectF(label_width + bar_space + 6, top, count_width, height),
                             Qt.AlignmentFlag.AlignVCenter, str(count))
        painter.end()
