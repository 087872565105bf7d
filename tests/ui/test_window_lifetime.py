"""A session's bridge outlives the windows connected to it: the app keeps one per sign-in for
all its windows, and a display opened from a viewer shares the viewer's. A closed window must
stop hearing it, or a late signal reaches widgets Qt has already deleted."""

from __future__ import annotations

from meeting.core.laser import LaserData
from meeting.net.api import ServerApi
from meeting.ui.display_window import DisplayWindow
from meeting.ui.viewer_window import ViewerWindow
from tests.helpers.live import PASSWORD
from tests.ui.conftest import delete_now, wait_for_page


def test_closed_windows_no_longer_hear_the_session(qtbot, runtime, seeded_server):
    live, seeded = seeded_server
    login = ServerApi(live.url).login("olga", PASSWORD)
    session, bridge = runtime.open_session(live.url, login.token, login.user)
    try:
        viewer = ViewerWindow(session, bridge, runtime.worker, seeded.meeting_id)
        display = DisplayWindow(session, bridge, runtime.worker, seeded.meeting_id)
        viewer.show()
        wait_for_page(qtbot, viewer)
        view = session.view(seeded.meeting_id)
        for window in (viewer, display):
            window.close()
        delete_now([viewer, display])

        # every signal the windows listen to, as the network would send it after they are gone
        bridge.votesChanged.emit(seeded.meeting_id)
        bridge.meetingChanged.emit(seeded.meeting_id, view)
        bridge.presenceChanged.emit(seeded.meeting_id)
        bridge.connectionChanged.emit(False)
        bridge.requestFailed.emit("late")
        bridge.memberRemoved.emit(seeded.meeting_id, "dora", "olga")
        bridge.laserMoved.emit(LaserData(meeting_id=seeded.meeting_id, user="olga",
                                         document_id=0, page=0, point=None))
    finally:
        session.close()
