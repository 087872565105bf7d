"""A secret vote leaves nothing on disk that links a ballot to its voter: copies of the data
folder (database, write-ahead log, index) taken while the vote is open, with another reader
holding the database, and after it closes are replayed commit by commit, and no state differs
from the one before by a voter and their choice. A restart while it is open loses its ballots
honestly: the vote says so and everyone votes again."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing

import pytest
import requests

from server.http_routes import CONTEXT
from tests.helpers.live import stored
from tests.helpers.wal_replay import DATABASE, copy_data_folder, history, traced_ballots
from tests.server.test_votes import joined_peers, last_vote

BALLOTS = {"paul": "yes", "pia": "no", "olga": "abstain"}


def hold_a_reader(data_dir):
    """Another program (a backup, sqlite3 on the command line) in the middle of a read."""
    reader = sqlite3.connect(data_dir / DATABASE, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM votes").fetchone()
    return reader


def wait_for(condition, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.sqlite_only("SQLite's own files: its write-ahead log and free pages")
def test_no_copy_of_the_data_folder_links_a_secret_ballot(seeded_server, tmp_path):
    live, seeded = seeded_server
    m = seeded.meeting_id
    p = joined_peers(live, seeded, "olga", "paul", "pia")
    reader = hold_a_reader(live.data_dir)
    try:
        vote = p["olga"].call("vote:open", {"meeting_id": m, "title": "人事案件",
                                            "secret": True})["data"]
        for n, (name, choice) in enumerate(BALLOTS.items()):
            assert p[name].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                              "choice": choice})["ok"]
            copy = copy_data_folder(live.data_dir, tmp_path / f"open-{n}")
            assert traced_ballots(copy, vote["id"], tmp_path) == {}
            # While it is open, nothing of its ballots is on disk at all.
            assert {(b.voters, b.counts) for b in history(copy, vote["id"], tmp_path)} == {
                (frozenset(), ())}
        closed = p["olga"].call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})
        assert closed["data"]["counts"] == {"yes": 1, "no": 1, "abstain": 1}
        held = copy_data_folder(live.data_dir, tmp_path / "closed-reader-holds")
        assert traced_ballots(held, vote["id"], tmp_path) == {}
        assert history(held, vote["id"], tmp_path)[-1].voters == set(BALLOTS)
    finally:
        reader.close()
    # The reader gone, the log is emptied (it was tried again while the reader held it).
    wal = live.data_dir / f"{DATABASE}-wal"
    wait_for(lambda: wal.stat().st_size == 0)
    after = copy_data_folder(live.data_dir, tmp_path / "closed")
    assert traced_ballots(after, vote["id"], tmp_path) == {}
    assert [b.counts for b in history(after, vote["id"], tmp_path)][-1] == (
        ("abstain", 1), ("no", 1), ("yes", 1))
    assert requests.get(f"{live.url}/health", timeout=10).json()["status"] == "ok"


@pytest.mark.sqlite_only("SQLite's own files: its write-ahead log and free pages")
def test_a_reader_that_never_lets_go_is_reported_and_the_close_does_not_wait(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    context = live.server._runner.app[CONTEXT]
    context.wal.seconds = 1.0
    olga = joined_peers(live, seeded, "olga")["olga"]
    vote = olga.call("vote:open", {"meeting_id": m, "title": "?", "secret": True})["data"]
    with closing(hold_a_reader(live.data_dir)):
        started = time.monotonic()
        assert olga.call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})["ok"]
        assert time.monotonic() - started < 0.5  # (it waited 5 s for the reader before)
        # Meanwhile the server answers (the retries run off the event loop).
        assert olga.call("meetings:list")["ok"]
        health = {}

        def degraded() -> bool:
            health.update(requests.get(f"{live.url}/health", timeout=10).json())
            return health["status"] == "degraded"

        wait_for(degraded)
        assert any("secret vote" in p for p in health["problems"]), health
    # A later emptying that gets through clears it.
    olga.call("vote:reopen", {"meeting_id": m, "vote_id": vote["id"]})
    olga.call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})
    wait_for(lambda: context.wal.not_emptied is None)
    assert requests.get(f"{live.url}/health", timeout=10).json()["status"] == "ok"


def test_a_restart_during_a_secret_vote_loses_its_ballots_and_says_so(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    p = joined_peers(live, seeded, "olga", "paul")
    vote = p["olga"].call("vote:open", {"meeting_id": m, "title": "役員選任",
                                        "secret": True})["data"]
    cast = p["paul"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                        "choice": "yes"})["data"]
    assert cast["voted"] == 1 and cast["ballots_lost_at"] is None
    live.restart()

    p = joined_peers(live, seeded, "olga", "paul")
    shown = p["paul"].call("meeting:join", {"meeting_id": m})["data"]["votes"][0]
    assert shown["status"] == "open" and shown["voted"] == 0 and shown["voters"] == []
    assert shown["counts"] == {"yes": 0, "no": 0, "abstain": 0}
    assert shown["ballots_lost_at"] is not None
    assert shown["version"] > cast["version"]  # (clients keep the highest version they saw)
    again = p["paul"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                         "choice": "no"})
    assert again["ok"] and again["data"]["voters"] == ["paul"]
    assert last_vote(p["olga"], vote["id"], lambda v: v["voted"] == 1)["ballots_lost_at"]
    closed = p["olga"].call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})["data"]
    assert closed["counts"] == {"yes": 0, "no": 1, "abstain": 0}
    with stored(live.data_dir) as db:
        details = [r[0] for r in db.execute("SELECT detail FROM audit WHERE action = ?",
                                            ("vote_reopened",))]
    assert any("server restarted" in d for d in details), details


@pytest.mark.sqlite_only("SQLite's own files: its write-ahead log and free pages")
def test_private_notes_removed_at_the_end_are_in_no_file_of_the_data_folder(seeded_server):
    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    olga, paul = live.peer("olga"), live.peer("paul")
    for peer in (olga, paul):
        assert peer.call("meeting:join", {"meeting_id": m})["ok"]
    secret = "人事の件は来週まで他言無用"
    assert paul.call("annotation:put", {
        "meeting_id": m, "id": "pauls-note", "document_id": d, "page": 0,
        "layer": "private", "tool": "text", "color": "#1a73e8", "width": 2,
        "points": [[50.0, 50.0]], "text": secret})["ok"]
    files = [live.data_dir / f"{DATABASE}{s}" for s in ("", "-wal")]
    with closing(hold_a_reader(live.data_dir)):  # (a backup reading across the end)
        olga.call("meeting:protect", {"meeting_id": m, "removal": "files_and_notes"})
        assert olga.call("meeting:end", {"meeting_id": m})["ok"]
        time.sleep(0.5)
    wait_for(lambda: files[1].stat().st_size == 0)
    for file in files:
        assert secret.encode() not in file.read_bytes(), file.name
