"""Marks a revision had no place for are listed for their owner, never dropped: once each."""

from __future__ import annotations

from PySide6.QtCore import QObject

from meeting.core.sync import MeetingView
from meeting.ui.banners import Banner


class UnplacedNotice(QObject):
    def __init__(self, user: str, notice: Banner) -> None:
        super().__init__(notice)
        self.user = user
        self.notice = notice
        self._reported: set[str] = set()

    def report(self, view: MeetingView) -> None:
        mine = [a for a in view.unplaced() if a.owner == self.user]
        known = {a.id for a in mine}
        if not mine or known <= self._reported:
            return
        self._reported |= known
        lines = []
        for annotation in mine[:3]:
            document = view.document(annotation.document_id)
            lines.append(self.tr("• “{0}”, page {1} of the earlier version: {2}").format(
                document.title if document else "?", annotation.page + 1, annotation.unplaced))
        if len(mine) > 3:
            lines.append(self.tr("… and {0} more").format(len(mine) - 3))
        self.notice.show_message("error", self.tr(
            "{0} of your marks could not be placed in a revised document. They are kept:\n{1}"
        ).format(len(mine), "\n".join(lines)), self.tr("Dismiss"))
