"""The meeting's web meeting link: set by an organizer, seen live by everyone, kept."""

from __future__ import annotations

import pytest

from tests.server.test_annotations import joined
from tests.server.test_cli import run

LINK = "https://meet.example.lg.jp/j/8123456789?pwd=abc"


def test_an_organizer_sets_the_link_and_everyone_has_it(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, paul = joined(live, seeded, "olga", "paul")
    reply = olga.call("meeting:link", {"meeting_id": m, "url": LINK})
    assert reply["ok"] and reply["data"]["web_link"] == LINK
    event, state = paul.next_event()
    assert event == "meeting:state" and state["web_link"] == LINK
    assert state["seq"] == reply["data"]["seq"]  # a numbered change like any other

    live.restart()  # kept in the database
    (pia,) = joined(live, seeded, "pia")
    assert pia.call("meeting:snapshot", {"meeting_id": m})["data"]["state"]["web_link"] == LINK

    olga = live.peer("olga")
    assert olga.call("meeting:link", {"meeting_id": m, "url": None})["data"]["web_link"] is None


def test_only_organizers_set_it_and_only_web_addresses(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga, paul = joined(live, seeded, "olga", "paul")
    assert paul.call("meeting:link", {"meeting_id": m, "url": LINK})["error"]["code"] == \
        "forbidden"
    assert live.peer("otto").call("meeting:link", {"meeting_id": m, "url": LINK}
                                  )["error"]["code"] == "not_found"
    for bad in ("javascript:alert(1)//http://x", "file:///etc/passwd", "https://", "ftp://x.jp/",
                "https://meet.example.jp/a b", "https://x.jp/" + "a" * 2000, 42, "",
                "http://meet.example.lg.jp/j/1", "https://meet.example.lg.jp@evil.example/"):
        reply = olga.call("meeting:link", {"meeting_id": m, "url": bad})
        assert reply["error"]["code"] == "invalid_payload", bad
    assert paul.no_event()  # nothing was changed or broadcast
    state = paul.call("meeting:snapshot", {"meeting_id": m})["data"]["state"]
    assert state["web_link"] is None


@pytest.mark.usefixtures("store_kind")  # (on both stores)
def test_the_command_line_sets_and_removes_it(tmp_path):
    data = tmp_path / "data"
    assert run(data, "meeting", "create", "Board", "--link", LINK).stdout.strip() == "1"
    refused = run(data, "meeting", "link", "1", "javascript:alert(1)")
    assert refused.returncode == 1 and "https://" in refused.stderr
    assert run(data, "meeting", "link", "1").returncode == 1  # neither a URL nor --remove
    assert run(data, "meeting", "link", "1", "--remove").returncode == 0
    assert run(data, "meeting", "link", "1", "https://other.example.jp/room").returncode == 0

    from server.context import ServerContext

    context = ServerContext.open(data)
    try:
        assert context.store.meeting_state(1).web_link == "https://other.example.jp/room"
    finally:
        context.close()


def test_an_internationalized_host_is_kept_as_punycode(seeded_server):
    live, seeded = seeded_server
    (olga,) = joined(live, seeded, "olga")
    reply = olga.call("meeting:link", {"meeting_id": seeded.meeting_id,
                                       "url": "https://\u0430\u0440\u0440\u04cf\u0435.com/j/1"})
    assert reply["data"]["web_link"] == "https://xn--80ak6aa92e.com/j/1"
