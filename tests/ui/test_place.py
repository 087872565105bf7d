"""In the room or remote (issue 15, point 5): asked once per device and meeting, changeable in
the people list, display accounts in the room, and the record of the meeting says it."""

from __future__ import annotations

import json

from meeting.core.places import PlaceMemory
from meeting.core.presence import Place
from meeting.net.api import ServerApi
from meeting.ui.viewer_window import ViewerWindow
from tests.helpers.live import PASSWORD
from tests.ui.conftest import delete_now, wait_for_page


def where(window: ViewerWindow, name: str) -> Place | None:
    return next((p.place for p in window.session.people(window.meeting_id) if p.name == name),
                None)


def test_asked_once_remembered_changeable_and_recorded(qtbot, runtime, seeded_server,
                                                       open_viewer):
    live, seeded = seeded_server
    olga = open_viewer("olga")
    memory = PlaceMemory({})
    login = ServerApi(live.url).login("paul", PASSWORD)
    session, bridge = runtime.open_session(live.url, login.token, login.user)
    windows = []

    def open_paul() -> ViewerWindow:
        window = ViewerWindow(session, bridge, runtime.worker, seeded.meeting_id, places=memory)
        windows.append(window)
        window.show()
        wait_for_page(qtbot, window)
        return window

    try:
        paul = open_paul()
        question = paul.where.question
        assert question is not None and question.isVisible()
        qtbot.waitUntil(lambda: where(olga, "paul") is Place.REMOTE, timeout=5000)
        question.room_button.click()
        qtbot.waitUntil(lambda: where(olga, "paul") is Place.ROOM, timeout=5000)
        paul.close_now()
        paul = open_paul()  # the same device again: nothing asked, still in the room
        assert paul.where.question is None
        qtbot.waitUntil(lambda: where(olga, "paul") is Place.ROOM, timeout=5000)
        # Changed in the list of people
        paul.people_button.menu().aboutToShow.emit()
        remote = next(a for a in paul.people_button.menu().actions()
                      if a.text() == "I am taking part remotely")
        assert not remote.isChecked()
        remote.trigger()
        qtbot.waitUntil(lambda: where(olga, "paul") is Place.REMOTE, timeout=5000)
        organizer = ServerApi(live.url, ServerApi(live.url).login("olga", PASSWORD).token)
        record = json.loads(organizer.fetch_record(seeded.meeting_id, "json"))
        record = record.get("data", record)
        paul_attended = next(a for a in record["attendees"] if a["name"] == "paul")
        assert paul_attended["places"] == ["room", "remote"]  # never a "remote" before asked
    finally:
        for window in windows:
            window.close_now()
        session.close()
        delete_now(windows)


def test_a_display_account_is_in_the_room_and_never_asked(qtbot, runtime, seeded_server,
                                                          open_viewer):
    live, seeded = seeded_server
    olga = open_viewer("olga")
    login = ServerApi(live.url).login("dora", PASSWORD)
    session, bridge = runtime.open_session(live.url, login.token, login.user)
    dora = ViewerWindow(session, bridge, runtime.worker, seeded.meeting_id,
                        places=PlaceMemory({}))
    try:
        dora.show()
        assert dora.where.question is None
        qtbot.waitUntil(lambda: where(olga, "dora") is Place.ROOM, timeout=5000)
    finally:
        dora.close_now()
        session.close()
        delete_now([dora])
