"""The audit log: who opened, downloaded, viewed, exported and changed what; an admin reads it
with `meeting-server audit`."""

from __future__ import annotations

import requests

from tests.helpers.live import PASSWORD, login
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
