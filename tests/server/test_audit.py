"""The audit log: who opened, downloaded, viewed, exported and changed what; an admin reads it
with `meeting-server audit`."""

from __future__ import annotations

import requests

from tests.helpers.live import PASSWORD, login, stored
from tests.server.test_annotations import joined
from tests.server.test_cli import run


def entries(data_dir, *filters: str) -> list[list[str]]:
    result = run(data_dir, "audit", *filters)
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.strip().split("\n")
    assert header == "when\tuser\taction\tmeeting\tdocument\tdetail"
    return [row.split("\t")[1:] for row in rows]


def test_what_people_do_is_recorded_and_can_be_queried(seeded_server, sample_pdfs):
    live, seeded = seeded_server
    m, document = seeded.meeting_id, seeded.documents[1]
    requests.post(f"{live.url}/api/login", json={"username": "paul", "password": "nope"},
                  timeout=10)
    token = login(live.url, "paul")
    olga, paul = joined(live, seeded, "olga", "paul")
    sha = paul.call("meeting:snapshot", {"meeting_id": m})["data"]["documents"][1]["sha256"]
    auth = {"Authorization": f"Bearer {token}"}
    assert requests.get(f"{live.url}/api/documents/{sha}", headers=auth, timeout=10).ok
    assert requests.get(f"{live.url}/api/meetings/{m}/documents/{document}/pages/2",
                        headers=auth, timeout=30).ok
    assert paul.call("audit:export", {"meeting_id": m, "document_ids": [document],
                                      "layers": ["private", "shared"]})["ok"]
    assert olga.call("member:remove", {"meeting_id": m, "user": "pia"})["ok"]
    assert olga.call("meeting:link", {"meeting_id": m, "url": "https://meet.example.jp/j/9"}
                     )["ok"]
    assert run(live.data_dir, "user", "revoke", "paul").returncode == 0

    pauls = entries(live.data_dir, "--user", "paul")
    assert [row[1] for row in pauls] == [
        "sign_in_failed", "signed_in", "signed_in", "meeting_opened", "document_downloaded",
        "page_viewed_in_browser", "exported"]
    assert pauls[0][4] == "127.0.0.1"  # where the failed attempt came from
    assert pauls[4][4] == sha
    assert pauls[5][2:] == [str(m), str(document), "page 3"]
    assert pauls[6][2:] == [str(m), str(document), "layers: private,shared"]

    organizer = entries(live.data_dir, "--meeting", str(m), "--user", "olga")
    assert [row[1] for row in organizer] == ["meeting_opened", "member_removed",
                                            "web_link_set"]
    assert organizer[1][4] == "pia"
    assert entries(live.data_dir, "--action", "sessions_revoked") == [
        ["(command line)", "sessions_revoked", "-", "-", "paul"]]
    assert len(entries(live.data_dir, "--limit", "2")) == 2  # the newest two
    assert entries(live.data_dir, "--since", "2999-01-01") == []
    assert run(live.data_dir, "audit", "--since", "yesterday").returncode == 1
    assert PASSWORD not in run(live.data_dir, "audit").stdout  # never a password


def test_nobody_can_forge_the_audit_log(seeded_server):
    """Reports hold to the meeting (its documents, known layers), a few a minute per
    connection; what is stored prints as one line per entry, escapes escaped."""
    from server.audit_events import REPORTS_PER_MINUTE

    live, seeded = seeded_server
    m = seeded.meeting_id
    (dora,) = joined(live, seeded, "dora")

    def report(document_ids, layers=("shared",)) -> dict:
        return dora.call("audit:export", {"meeting_id": m, "document_ids": list(document_ids),
                                          "layers": list(layers)})

    forged = report([seeded.documents[0]], ["shared\n2026-01-01 00:00:00\tolga\tsigned_in"])
    assert forged["error"]["code"] == "invalid_payload", forged
    assert report([seeded.documents[0]], ["\x1b[2J"])["error"]["code"] == "invalid_payload"
    other_meeting = max(seeded.documents) + 1000
    assert report([other_meeting])["error"]["code"] == "not_found"
    assert report([seeded.documents[0]] * 500)["ok"]  # one entry, not five hundred
    sent = 2  # (the refused report counts too: checking it took the server's time)
    while sent < REPORTS_PER_MINUTE:
        assert report([seeded.documents[0]])["ok"]
        sent += 1
    held = report([seeded.documents[0]])
    assert held["error"]["code"] == "rate_limited" and held["error"]["retry_after"] > 0
    exported = entries(live.data_dir, "--user", "dora", "--action", "exported")
    assert len(exported) == REPORTS_PER_MINUTE - 1  # the valid reports, one row each
    assert {row[4] for row in exported} == {"layers: shared"}


def test_the_audit_command_prints_stored_text_safely(seeded_server):
    live, _ = seeded_server
    with stored(live.data_dir) as database:  # a row as an older server let a client write it
        database.execute("INSERT INTO audit (at, \"user\", action, detail) VALUES (1, 'dora', "
                         "'exported', ?)", ("layers: x\n1970-01-01 09:00:00\tolga\tsigned_in"
                                            "\t-\t-\t\x1b[31mred\x1b[0m \u202eevil\\x1b",))
    printed = run(live.data_dir, "audit", "--user", "dora").stdout
    assert "\x1b" not in printed and "\u202e" not in printed
    _header, row = printed.strip().split("\n")  # one line: no forged second entry
    assert row.count("\t") == 5
    assert row.endswith("layers: x\\x0a1970-01-01 09:00:00\\x09olga\\x09signed_in\\x09-\\x09-"
                        "\\x09\\x1b[31mred\\x1b[0m \\u202eevil\\\\x1b")
