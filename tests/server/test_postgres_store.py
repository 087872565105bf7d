"""The store on PostgreSQL: the same schema as SQLite's, a meeting's `seq` taken in the change's
own transaction (never shared by two processes), `copy-to` moving a whole installation, and
what is refused (a newer schema, a non-empty target, no psycopg)."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import threading
import uuid
from contextlib import closing
from pathlib import Path

import pytest
import requests

from meeting.core.protocol import ProtocolError, Role
from meeting.core.votes import VoteOpen, VoteStatus
from server.context import ServerContext
from server.store.db import DATABASE_NAME, open_database
from server.store.dialect import SchemaTooNewError
from server.store.postgres import PostgresDatabase
from server.store.repository import Store
from server.store.votes import VoteStore
from tests.helpers.approval import THREE_STEPS, add_route_people, ok, write_pdf
from tests.helpers.approval import upload as upload_to
from tests.helpers.live import LiveServer, login

SQLITE_TYPES = {"INTEGER": "bigint", "REAL": "double precision", "TEXT": "text",
                "BLOB": "bytea"}
ROWID_COLUMN = ("annotations", "rowid")
"""SQLite's implicit rowid of annotations, a column on PostgreSQL (it orders marks)."""


def sqlite_schema(db: sqlite3.Connection) -> dict:
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%'")]
    schema: dict = {"columns": set(), "indexes": set(), "unique": set(), "foreign": set(),
                    "primary": set(), "checks": {}}
    for table in tables:
        for r in db.execute(f"PRAGMA table_info({table})"):
            schema["columns"].add((table, r["name"], SQLITE_TYPES[r["type"]],
                                   bool(r["notnull"]) or r["pk"] > 0))
        pk = [r["name"] for r in sorted(db.execute(f"PRAGMA table_info({table})"),
                                        key=lambda r: r["pk"]) if r["pk"]]
        if pk:
            schema["primary"].add((table, tuple(pk)))
        for index in db.execute(f"PRAGMA index_list({table})"):
            columns = tuple(r["name"] for r in db.execute(f"PRAGMA index_info({index['name']})"))
            if index["origin"] == "c":
                schema["indexes"].add((table, index["name"], columns))
            elif index["origin"] == "u":
                schema["unique"].add((table, columns))
        for r in db.execute(f"PRAGMA foreign_key_list({table})"):
            schema["foreign"].add((table, r["from"], r["table"], r["to"], r["on_delete"]))
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        schema["checks"][table] = len(re.findall(r"\bCHECK\s*\(", sql))
    return schema


def postgres_schema(db) -> dict:
    schema: dict = {"columns": set(), "indexes": set(), "unique": set(), "foreign": set(),
                    "primary": set(), "checks": {}}
    for table, column, kind, nullable in db.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM "
            "information_schema.columns WHERE table_schema = current_schema()").fetchall():
        if table != "schema_version" and (table, column) != ROWID_COLUMN:
            schema["columns"].add((table, column, kind, nullable == "NO"))
    for table, kind, columns, target, target_columns, on_delete in db.execute(
            "SELECT c.conrelid::regclass::text, c.contype, "
            "ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i), "
            "c.confrelid::regclass::text, "
            "ARRAY(SELECT a.attname FROM unnest(c.confkey) k(n) JOIN pg_attribute a "
            "ON a.attrelid = c.confrelid AND a.attnum = k.n), c.confdeltype "
            "FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace "
            "WHERE s.nspname = current_schema()").fetchall():
        table = table.strip('"')
        if table == "schema_version":
            continue
        if kind == "p":
            schema["primary"].add((table, tuple(columns)))
        elif kind == "u" and tuple(columns) != ("rowid",):
            schema["unique"].add((table, tuple(columns)))
        elif kind == "f":
            action = {"a": "NO ACTION", "c": "CASCADE", "n": "SET NULL"}[on_delete]
            schema["foreign"].add((table, columns[0], target.strip('"'), target_columns[0],
                                   action))
        elif kind == "c":
            schema["checks"][table] = schema["checks"].get(table, 0) + 1
    for table in {c[0] for c in schema["columns"]}:
        schema["checks"].setdefault(table, 0)
    for table, name, definition in db.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema()").fetchall():
        if not definition.startswith("CREATE UNIQUE"):
            columns = re.search(r"\((.*)\)$", definition).group(1)
            schema["indexes"].add((table, name, tuple(c.strip().strip('"')
                                                      for c in columns.split(","))))
    return schema


def test_both_stores_end_with_the_same_schema(tmp_path, postgres_cluster):
    with closing(open_database(tmp_path)) as lite:
        expected = sqlite_schema(lite)
    database = PostgresDatabase(postgres_cluster.url(postgres_cluster.create_database()))
    try:
        found = postgres_schema(database.connection())
    finally:
        database.close()
    for part in expected:
        assert found[part] == expected[part], part
    assert len(expected["columns"]) > 100 and len(expected["foreign"]) > 20  # (all of it)


def test_a_schema_newer_than_the_server_is_refused(postgres_cluster):
    url = postgres_cluster.url(postgres_cluster.create_database())
    PostgresDatabase(url).close()
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute("UPDATE schema_version SET version = version + 1")
    with pytest.raises(SchemaTooNewError):
        PostgresDatabase(url)


def test_two_processes_changing_one_meeting_never_share_a_seq(postgres_cluster):
    """Two stores with their own connections (as two server processes have), each from two
    threads, turn pages of one meeting and rewrite its agenda at once: every change gets its
    own number, none skipped, and the agenda is written once (not once per writer)."""
    url = postgres_cluster.url(postgres_cluster.create_database())
    stores = [Store(PostgresDatabase(url)) for _ in range(2)]
    try:
        olga = stores[0].add_user("olga", Role.ORGANIZER, "x")
        meeting = stores[0].create_meeting("Hammered")
        document, start = stores[0].add_document(
            meeting, sha256="0" * 64, title="d", filename="d.pdf", pages=9, size=1,
            added_by=olga)
        seqs: list[int] = []
        lock = threading.Lock()

        def turn(store: Store) -> None:
            for page in range(60):
                seq = store.set_page(meeting, document.id, page % 9).seq
                with lock:
                    seqs.append(seq)

        def plan(store: Store) -> None:
            for n in range(60):
                _, seq = store.set_agenda(meeting, [("開会", None, 0), (f"議題 {n % 3}", None, 0)])
                with lock:
                    seqs.append(seq)

        workers = [threading.Thread(target=work, args=(s,)) for s in stores
                   for work in (turn, plan)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert sorted(seqs) == list(range(start + 1, start + 1 + 4 * 60))
        assert stores[1].meeting_state(meeting).seq == start + 4 * 60
        assert len(stores[0].agenda(meeting)) == 2
    finally:
        for store in stores:
            store.close()


def test_two_processes_closing_one_vote_at_once_close_it_once(postgres_cluster):
    """Two stores (as two server processes) close the same vote at the same moment: on
    PostgreSQL both read it open, so reading then writing closed it twice, with one version
    for two broadcasts. One close wins; the other hears it was closed already."""
    url = postgres_cluster.url(postgres_cluster.create_database())
    stores = [Store(PostgresDatabase(url)) for _ in range(2)]
    try:
        votes = [VoteStore(store) for store in stores]
        meeting = stores[0].create_meeting("Two chairs")
        for round_ in range(20):
            opened = votes[0].open(VoteOpen(meeting_id=meeting, title=f"案 {round_}"), ["olga"])
            start, outcomes = threading.Barrier(2), []
            closers = [threading.Thread(target=close_at_once,
                                        args=(v, meeting, opened.id, start, outcomes))
                       for v in votes]
            for closer in closers:
                closer.start()
            for closer in closers:
                closer.join()
            assert sorted(outcomes) == ["closed", "conflict"], (round_, outcomes)
            final = votes[1].require(meeting, opened.id)
            assert final.status is VoteStatus.CLOSED and final.version == opened.version + 1
    finally:
        for store in stores:
            store.close()


def close_at_once(votes: VoteStore, meeting: int, vote_id: int, start: threading.Barrier,
                  outcomes: list[str]) -> None:
    start.wait()
    try:
        votes.set_status(meeting, vote_id, VoteStatus.CLOSED)
        outcomes.append("closed")
    except ProtocolError as error:
        outcomes.append(str(error.code))


def test_a_connection_the_database_dropped_is_replaced(postgres_cluster):
    """A database restart (or an administrator ending a session) fails the call it broke, and
    only that one: the thread is given a new connection."""
    import psycopg

    store = Store(PostgresDatabase(postgres_cluster.url(postgres_cluster.create_database())))
    try:
        pid = store.db.execute("SELECT pg_backend_pid()").fetchone()[0]
        postgres_cluster.admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(psycopg.OperationalError):
            store.users()
        assert store.users() == []
    finally:
        store.close()


def _cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server.cli", *arguments],
                          capture_output=True, text=True, timeout=120)


def _fill(live: LiveServer, seeded, tmp_path: Path) -> dict:
    """What a real installation holds: marks of both layers, an agenda, a closed named and a
    closed secret vote, audit entries, an approval circulation."""
    m, d = seeded.meeting_id, seeded.documents[0]
    olga, paul, pia = (live.peer(n) for n in ("olga", "paul", "pia"))
    for peer in (olga, paul, pia):
        ok(peer.call("meeting:join", {"meeting_id": m}))
    shared, private = uuid.uuid4().hex, uuid.uuid4().hex
    for peer, sid, layer in ((olga, shared, "shared"), (paul, private, "private")):
        ok(peer.call("annotation:begin", {
            "meeting_id": m, "id": sid, "document_id": d, "page": 0, "layer": layer,
            "tool": "pen", "color": "#d93025", "width": 2.5, "points": [[1, 2], [3, 4]]}))
        ok(peer.call("annotation:end", {"meeting_id": m, "id": sid, "count": 2}))
    ok(olga.call("agenda:set", {"meeting_id": m, "items": [
        {"title": "開会"}, {"title": "予算", "document_id": d, "page": 1}]}))
    for secret in (False, True):
        vote = ok(olga.call("vote:open", {"meeting_id": m, "title": f"secret {secret}",
                                          "secret": secret}))
        for peer, choice in ((paul, "yes"), (pia, "no"), (olga, "yes")):
            ok(peer.call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                       "choice": choice}))
        ok(olga.call("vote:close", {"meeting_id": m, "vote_id": vote["id"]}))
    ok(paul.call("audit:export", {"meeting_id": m, "document_ids": [d], "layers": ["shared"]}))
    draft = ok(paul.call("approval:draft", {"title": "備品購入について"}))
    circulation, container = draft["summary"]["id"], draft["summary"]["meeting_id"]
    pdf = write_pdf(tmp_path / "request.pdf", [["Equipment request"]])
    response = upload_to(live, container, pdf)
    assert response.status_code == 201, response.text
    ok(paul.call("approval:start", {"id": circulation, "title": "備品購入について",
                                    "document_ids": [response.json()["data"]["id"]],
                                    "route": THREE_STEPS}))
    live.close_peers()
    return {"shared": shared, "private": private, "circulation": circulation}


@pytest.mark.sqlite_only("moves an SQLite installation (the [sqlite] run) into PostgreSQL")
def test_copy_to_moves_an_installation_and_the_server_serves_it(
        tmp_path, seeded_template, postgres_cluster, store_kind):
    template, seeded = seeded_template
    folder = tmp_path / "server"
    import shutil

    shutil.copytree(template, folder)
    add_route_people(folder)
    live = LiveServer(folder).start()
    try:
        made = _fill(live, seeded, tmp_path)
    finally:
        live.stop()
    with closing(sqlite3.connect(folder / DATABASE_NAME)) as lite:
        tables = [r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = "
                                             "'table' AND name NOT LIKE 'sqlite_%'")]
        counts = {t: lite.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        audit = lite.execute('SELECT "user", action, detail FROM audit ORDER BY id').fetchall()
    assert all(counts[t] for t in ("annotations", "agenda_items", "votes", "vote_counts",
                                   "circulations", "circulation_history", "audit")), counts

    url = postgres_cluster.url(postgres_cluster.create_database())
    moved = _cli("--data-dir", str(folder), "copy-to", "--database", url)
    assert moved.returncode == 0, moved.stderr
    assert f"annotations\t{counts['annotations']} rows" in moved.stdout
    again = _cli("--data-dir", str(folder), "copy-to", "--database", url)
    assert again.returncode == 1 and "not empty" in again.stderr  # (and nothing doubled)

    import psycopg

    with psycopg.connect(url) as db:
        assert {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in tables} == counts
        assert db.execute('SELECT "user", action, detail FROM audit ORDER BY id'
                          ).fetchall() == audit

    (folder / DATABASE_NAME).rename(folder / "moved-away.sqlite3")  # (only PostgreSQL now)
    live = LiveServer(folder, database_url=url).start()
    try:
        m = seeded.meeting_id
        paul = live.peer("paul")
        joined = ok(paul.call("meeting:join", {"meeting_id": m}))
        assert {a["id"] for a in joined["annotations"]} == {made["shared"], made["private"]}
        assert [i["title"] for i in joined["agenda"]] == ["開会", "予算"]
        named, secret = joined["votes"]
        assert named["ballots"] == {"olga": "yes", "paul": "yes", "pia": "no"}
        assert secret["counts"]["yes"] == 2 and secret["ballots"] is None
        pia = live.peer("pia")
        seen = ok(pia.call("meeting:join", {"meeting_id": m}))["annotations"]
        assert [a["id"] for a in seen] == [made["shared"]]  # paul's note stays his
        token = login(live.url, "paul")
        page = requests.get(f"{live.url}/api/meetings/{m}/documents/{seeded.documents[0]}"
                            "/pages/0", headers={"Authorization": f"Bearer {token}"},
                            timeout=30)
        assert page.ok and page.headers["Content-Type"].startswith("image/")
        listed = ok(paul.call("approval:list", {}))
        assert made["circulation"] in [c["id"] for c in listed["sent"]]
        # New rows get ids past the copied ones.
        assert ok(live.peer("olga").call("vote:open", {"meeting_id": m, "title": "next"})
                  )["id"] == secret["id"] + 1
    finally:
        live.stop()
    exported = _cli("--data-dir", str(folder), "--database", url, "audit", "--user", "paul")
    assert exported.returncode == 0, exported.stderr
    assert "\texported\t" in exported.stdout and "\tsigned_in\t" in exported.stdout


def test_without_psycopg_the_server_says_what_to_install(tmp_path):
    blocked = ("import sys; sys.modules['psycopg_pool'] = None; sys.modules['psycopg'] = None; "
               "from server.cli import main; sys.exit(main(sys.argv[1:]))")
    result = subprocess.run([sys.executable, "-c", blocked, "--data-dir", str(tmp_path),
                             "--database", "postgresql://meeting@localhost/x", "user", "list"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "pip install 'paperless-meeting[scale]'" in result.stderr


def test_a_database_that_cannot_be_used_is_named_plainly(tmp_path, postgres_cluster):
    missing = _cli("--data-dir", str(tmp_path), "--database",
                   postgres_cluster.url("no_such_database"), "user", "list")
    assert missing.returncode == 2 and "no_such_database" in missing.stderr
    assert "Traceback" not in missing.stderr
    wrong = _cli("--data-dir", str(tmp_path), "--database", "mysql://x@y/z", "user", "list")
    assert wrong.returncode == 2 and "postgresql://" in wrong.stderr
    nothing = _cli("--data-dir", str(tmp_path / "empty"), "copy-to", "--database",
                   postgres_cluster.url(postgres_cluster.create_database()))
    assert nothing.returncode == 1 and "no SQLite database" in nothing.stderr


def test_the_seeded_server_runs_on_the_store_it_says(seeded_server, store_kind):
    live, _ = seeded_server
    context = ServerContext.open(live.data_dir)
    try:
        assert context.store.on_postgres == (store_kind == "postgresql")
        assert context.store.threads == (8 if store_kind == "postgresql" else 1)
    finally:
        context.close()
    assert (live.data_dir / DATABASE_NAME).exists() == (store_kind == "sqlite")
