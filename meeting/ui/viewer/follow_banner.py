"""The strip above the page that says whether one presents, follows or browses on one's own."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from meeting.core.following import FollowModel
from meeting.core.protocol import DocumentInfo
from meeting.ui.banners import RoomBanner


class FollowBanner(RoomBanner):
    """The room's state first (offline, the presenter away: `RoomBanner`), then where one is."""

    def show_state(self, follow: FollowModel, presenter: str | None,
                   document: DocumentInfo | None) -> None:
        shared = follow.shared
        if follow.is_presenter:
            self.show_message(
                "presenting", self.tr("You are presenting: everyone following sees this page."))
        elif follow.off_presenter and shared is not None:
            shared_document = follow.document(shared.document_id)
            self.show_message(
                "browsing",
                self.tr("You are browsing on your own. The presenter is on page {0} of “{1}”.")
                .format(shared.page + 1, shared_document.title if shared_document else "?"),
                self.tr("Back to presenter"))
        elif follow.held:
            self.show_message("following", self.tr(
                "The presenter is holding everyone on this page for a moment."))
        elif shared is not None:
            self.show_message(
                "following", self.tr("Following the presenter ({0}).").format(presenter or "—"))
        elif document is None:
            self.show_message("following", self.tr("No material in this meeting yet."))
        else:
            self.clear()


def short_state(follow: FollowModel) -> str:
    """The follow state in two or three words (over the page in reading mode)."""
    if follow.is_presenter:
        return QCoreApplication.translate("FollowBanner", "Presenting")
    if follow.off_presenter:
        return QCoreApplication.translate("FollowBanner", "Browsing on your own")
    return QCoreApplication.translate("FollowBanner", "Following")
