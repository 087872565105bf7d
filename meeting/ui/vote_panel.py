"""Votes in the viewer: the chair opens, closes, reopens and exports them; every eligible
member votes with large buttons (a tablet is held in one hand); everyone sees the count."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meeting.core.votes import (
    Majority,
    VoteClose,
    VoteData,
    VoteKind,
    VoteOpen,
    VoteRef,
    VoteReopen,
    VoteStatus,
    choices,
)
from meeting.export.vote_csv import vote_csv
from meeting.net.session import MeetingSession
from meeting.ui.plain_label import PlainLabel
from meeting.ui.vote_widgets import VoteBars, choice_label, choice_labels, result_text

BALLOT_STYLE = "color: #1e7b34; padding: 0 6px;"
"""(as set when it is made)"""
BALLOTS_LOST_STYLE = "color: #8a4b00; padding: 0 6px;"
"""(a server restart lost a secret vote's ballots: a warning, not a confirmation)"""


class VotePanel(QWidget):
    def __init__(self, session: MeetingSession, meeting_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.meeting_id = session, meeting_id
        self.is_chair = False
        self.agenda_item: int | None = None
        """The item the meeting is on: a new vote is about it."""
        self._shown_ids: list[int] = []
        self._newest_seen = 0
        self.heading = QLabel(self.tr("Votes"))
        self.heading.setStyleSheet("font-weight: bold; padding: 6px 6px 2px 6px;")
        self.picker = QComboBox()
        self.picker.setAccessibleName(self.tr("Vote shown"))
        self.picker.currentIndexChanged.connect(lambda _: self._show_current())
        self.title = PlainLabel()  # (what the chair typed: never rendered as HTML)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: 600; padding: 2px 6px;")
        self.status = PlainLabel()
        self.status.setStyleSheet("color: #5f6368; padding: 0 6px;")
        self.bars = VoteBars()
        self.ballot_row = QHBoxLayout()
        self.ballot_buttons: dict[str, QPushButton] = {}
        self.my_ballot = PlainLabel()  # (names an option someone typed)
        self.my_ballot.setStyleSheet("color: #1e7b34; padding: 0 6px;")
        self.new_button = QPushButton(self.tr("New vote…"))
        self.close_button = QPushButton(self.tr("Close the vote"))
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        for button in (self.new_button, self.close_button, self.reopen_button,
                       self.export_button):
            button.setMinimumHeight(32)
        self.new_button.clicked.connect(lambda: self.new_vote(self.agenda_item))
        self.close_button.clicked.connect(lambda: self._chair(VoteClose))
        self.reopen_button.clicked.connect(lambda: self._chair(VoteReopen))
        self.export_button.clicked.connect(self.choose_csv)
        chair_row = QHBoxLayout()
        for button in (self.close_button, self.reopen_button, self.export_button):
            chair_row.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.picker)
        column.addWidget(self.title)
        column.addWidget(self.status)
        column.addWidget(self.bars)
        column.addLayout(self.ballot_row)
        column.addWidget(self.my_ballot)
        column.addLayout(chair_row)
        column.addWidget(self.new_button)
        # As tall as it needs (the documents list below gives way), never squeezed.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.refresh()

    # --- showing ------------------------------------------------------------------------------

    def set_chair(self, is_chair: bool) -> None:
        if is_chair != self.is_chair:
            self.is_chair = is_chair
            self.refresh()

    def refresh(self) -> None:
        votes = self.session.votes(self.meeting_id)
        ids = [v.id for v in votes]
        if ids != self._shown_ids:
            keep = self.current_vote_id()
            self.picker.blockSignals(True)
            self.picker.clear()
            for vote in votes:
                self.picker.addItem(vote.title, vote.id)
            newest = max(ids, default=0)
            if newest > self._newest_seen:  # a vote was just opened: show it
                keep, self._newest_seen = newest, newest
            index = self.picker.findData(keep)
            self.picker.setCurrentIndex(index if index >= 0 else self.picker.count() - 1)
            self.picker.blockSignals(False)
            self._shown_ids = ids
        self.picker.setVisible(len(votes) > 1)
        self.new_button.setVisible(self.is_chair)
        self.setVisible(bool(votes) or self.is_chair)
        self._show_current()

    def current_vote_id(self) -> int | None:
        return self.picker.currentData()

    def current_vote(self) -> VoteData | None:
        vote_id = self.current_vote_id()
        return next((v for v in self.session.votes(self.meeting_id) if v.id == vote_id), None)

    def _show_current(self) -> None:
        vote = self.current_vote()
        for widget in (self.title, self.status, self.bars, self.close_button,
                       self.reopen_button, self.export_button, self.my_ballot):
            widget.setVisible(vote is not None)
        self._clear_ballot_buttons()
        if vote is None:
            return
        self.title.setText(vote.title + (self.tr(" (secret)") if vote.secret else ""))
        self.title.setToolTip(self.tr("Secret vote: only the counts are kept") if vote.secret
                              else self.tr("Named vote: who voted what is recorded"))
        self.status.setText(result_text(vote))
        self.bars.show_vote(vote)
        me = self.session.user.name
        is_open = vote.status is VoteStatus.OPEN
        voted = self.session.has_voted(vote)
        online = self.session.online
        self.my_ballot.setStyleSheet(BALLOT_STYLE)
        self.my_ballot.setToolTip("")
        if is_open and me in vote.eligible and not voted:
            for choice in choices(vote.kind, vote.options):
                button = QPushButton(choice_label(choice))
                button.setMinimumHeight(44)
                button.setEnabled(online)  # a ballot counts only once the server has it
                button.clicked.connect(lambda _=False, c=choice, v=vote.id: self.cast(v, c))
                self.ballot_row.addWidget(button)
                self.ballot_buttons[choice] = button
        if voted:
            mine = (vote.ballots or {}).get(me)
            self.my_ballot.setText(self.tr("You voted: {0}").format(choice_label(mine)) if mine
                                   else self.tr("Your ballot was counted (secret vote)."))
        elif me not in vote.eligible:
            self.my_ballot.setText(self.tr("You do not vote in this one."))
        elif is_open and not online:
            self.my_ballot.setText(self.tr("Voting waits for the connection to come back."))
        elif is_open and vote.ballots_lost_at is not None:
            self.my_ballot.setStyleSheet(BALLOTS_LOST_STYLE)
            self.my_ballot.setText(self.tr("Server restarted: please vote again."))
            self.my_ballot.setToolTip(self.tr(
                "The server restarted, so this secret vote's ballots until then were lost "
                "(ballots are written nowhere until it closes). Please vote again."))
        else:
            self.my_ballot.setText("" if is_open else self.tr("You did not vote."))
        self.close_button.setVisible(self.is_chair and is_open)
        self.reopen_button.setVisible(self.is_chair and not is_open)
        self.export_button.setVisible(not is_open)

    def _clear_ballot_buttons(self) -> None:
        for button in self.ballot_buttons.values():
            self.ballot_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.ballot_buttons = {}

    # --- acting -------------------------------------------------------------------------------

    def cast(self, vote_id: int, choice: str) -> None:
        for button in self.ballot_buttons.values():  # one tap is one ballot
            button.setEnabled(False)
        self.session.cast_vote(self.meeting_id, vote_id, choice)

    def new_vote(self, agenda_item: int | None = None) -> VoteDialog:
        dialog = VoteDialog(agenda_item, self)
        dialog.accepted.connect(lambda: self.session.command(
            VoteOpen, meeting_id=self.meeting_id, **dialog.payload()))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _chair(self, kind: type[VoteRef]) -> None:
        vote_id = self.current_vote_id()
        if vote_id is not None:
            self.session.command(kind, meeting_id=self.meeting_id, vote_id=vote_id)

    def choose_csv(self) -> None:
        vote = self.current_vote()
        if vote is None:
            return
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        dialog = QFileDialog(self, self.tr("Export the result"),
                             str(folder / f"{vote.title}.csv"), self.tr("CSV (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(lambda path: self.export_csv(Path(path)))
        self.file_dialog = dialog
        dialog.open()

    def export_csv(self, out: Path) -> Path | None:
        vote = self.current_vote()
        if vote is None:
            return None
        out.write_text(vote_csv(vote, choice_labels()), encoding="utf-8", newline="")
        return out


class VoteDialog(QDialog):
    """The chair's question: what is asked, how it is decided."""

    def __init__(self, agenda_item: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agenda_item = agenda_item
        self.setWindowTitle(self.tr("New vote"))
        self.question = QLineEdit()
        self.question.setPlaceholderText(self.tr("e.g. Approve the FY2026 budget"))
        self.yes_no = QRadioButton(self.tr("Yes / No / Abstain"))
        self.choice = QRadioButton(self.tr("A choice among options"))
        self.yes_no.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.yes_no)
        kinds.addButton(self.choice)
        self.options = QPlainTextEdit()
        self.options.setPlaceholderText(self.tr("One option per line"))
        self.options.setMaximumHeight(90)
        self.options.setEnabled(False)
        self.choice.toggled.connect(self.options.setEnabled)
        self.secret = QCheckBox(self.tr("Secret vote (only the counts are kept)"))
        self.majority = QComboBox()
        for majority, label in ((Majority.SIMPLE, self.tr("Simple majority")),
                                (Majority.TWO_THIRDS, self.tr("Two thirds of yes and no")),
                                (Majority.ABSOLUTE, self.tr("Over half of all eligible"))):
            self.majority.addItem(label, str(majority))
        self.quorum = QSpinBox()
        self.quorum.setRange(0, 10_000)
        self.quorum.setSpecialValueText(self.tr("none"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open the vote"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.question.textChanged.connect(self._check)
        self.options.textChanged.connect(self._check)
        self.choice.toggled.connect(self._check)
        form = QFormLayout(self)
        form.addRow(self.tr("Question"), self.question)
        form.addRow(self.yes_no)
        form.addRow(self.choice)
        form.addRow(self.tr("Options"), self.options)
        form.addRow(self.secret)
        form.addRow(self.tr("Majority (yes / no)"), self.majority)
        form.addRow(self.tr("Quorum (ballots)"), self.quorum)
        form.addRow(self.buttons)
        self._check()

    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.toPlainText().splitlines()
                if line.strip()]

    def _check(self) -> None:
        ready = bool(self.question.text().strip()) and (
            not self.choice.isChecked() or len(set(self.option_list())) >= 2)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def payload(self) -> dict:
        kind = VoteKind.CHOICE if self.choice.isChecked() else VoteKind.YES_NO
        return {"title": self.question.text().strip(), "kind": str(kind),
                "options": self.option_list() if kind is VoteKind.CHOICE else [],
                "secret": self.secret.isChecked(), "majority": self.majority.currentData(),
                "quorum": self.quorum.value() or None, "agenda_item": self.agenda_item}
