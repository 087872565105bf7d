"""Strips above the page that tell the user where they are and what went wrong, without dialogs.

No modal boxes: a dialog on the large monitor or in the middle of a meeting is worse than a
message that stays until read.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from meeting.core.following import FollowModel
from meeting.core.room_state import PresenterWatch, RoomFacts, Standing, standing
from meeting.net.session import MeetingSession

STYLES = {
    "browsing": "background: #fff4ce; color: #3b2f00; border-bottom: 1px solid #e0c766;",
    "presenting": "background: #dff3e4; color: #0f3d1e; border-bottom: 1px solid #9fd3ad;",
    "following": "background: #e8eef7; color: #1c2b40; border-bottom: 1px solid #b9c8de;",
    "offline": "background: #5f6368; color: #ffffff; border-bottom: 1px solid #3c4043;",
    "alone": "background: #fce8d4; color: #4a2500; border-bottom: 1px solid #e6a872;",
    "error": "background: #fde7e9; color: #5c0011; border-bottom: 1px solid #f1a7b0;",
}


class Banner(QFrame):
    """A one-line message with an optional action button."""

    actionClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 8, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.setMinimumHeight(36)
        self.button.clicked.connect(self.actionClicked)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str, action: str | None = None) -> None:
        self.kind = kind
        self.setStyleSheet(f"Banner {{ {STYLES[kind]} }} QLabel {{ background: transparent; }}")
        self.label.setText(text)
        self.button.setVisible(action is not None)
        self.button.setText(action or "")
        self.show()

    def clear(self) -> None:
        self.kind = ""
        self.hide()


def room_facts(session: MeetingSession, meeting_id: int, follow: FollowModel) -> RoomFacts:
    """What the banner's choice rests on, as this client knows it now."""
    view = session.view(meeting_id)
    return RoomFacts(
        online=session.online, is_presenter=follow.is_presenter,
        presenter=view.state.presenter if view else None,
        present=frozenset(p.name for p in session.people(meeting_id)),
        has_shared_page=follow.shared is not None, off_presenter=follow.off_presenter,
        held=follow.held, has_document=bool(view and view.documents))


class RoomBanner(Banner):
    """The banner above the page: follow, browse, present, and before those the room's state
    (offline, the presenter away), which no other line may hide."""

    def show_room_state(self, facts: RoomFacts, watch: PresenterWatch) -> bool:
        """Say that the link is down or the presenter away; False when neither is so (the
        window then says follow, browse or present)."""
        status = standing(facts)
        if status is Standing.OFFLINE:
            self.show_message("offline", self.tr(
                "Offline — reconnecting… You see the page as it was; votes and marks for the "
                "room wait until the connection is back."))
        elif status is Standing.PRESENTER_AWAY:
            if facts.presenter is None:
                text = self.tr("Nobody is presenting; you can browse on your own.")
            elif watch.has_left(facts):
                text = self.tr("The presenter has left; you can browse on your own.")
            else:
                text = self.tr("The presenter ({0}) has not joined yet; you can browse on your "
                               "own.").format(facts.presenter)
            self.show_message("alone", text)
        else:
            return False
        return True
