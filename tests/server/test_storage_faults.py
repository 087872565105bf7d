"""A full disk and a read-only data folder: a clear error to the client, the server alive, and
nothing lost or half-stored.

The data folder lives on a real, small tmpfs mounted for the test (root only; elsewhere the
tests skip and say why). Filling it and remounting it read-only is what happens on a server
whose disk fills up or whose file system the kernel turned read-only after an error.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from meeting.core.annotations import AnnotationData, Layer, Tool
from meeting.core.ink import InkAction
from meeting.core.retry import LONGEST_WAIT_S
from tests.helpers.live import LiveServer, Peer, Seeded, login
from tests.net.test_reconnect import draw as reconnect_draw
from tests.net.test_session import signed_in
from tests.server.test_upload import upload

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="tmpfs mounts are Linux's")


class SmallDisk:
    def __init__(self, mountpoint: Path) -> None:
        self.mountpoint = mountpoint
        self.ballast = mountpoint / "ballast"

    def fill(self) -> None:
        """Takes every free byte, as another program filling the disk would."""
        with open(self.ballast, "ab") as out:
            try:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            except OSError:
                pass
        try:  # the last partial blocks
            with open(self.ballast, "ab", buffering=0) as out:
                while out.write(b"\0" * 512):
                    pass
        except OSError:
            pass

    def free(self) -> None:
        self.ballast.unlink(missing_ok=True)

    def read_only(self, yes: bool) -> None:
        option = "remount,ro" if yes else "remount,rw"
        subprocess.run(["mount", "-o", option, str(self.mountpoint)], check=True)


@pytest.fixture
def small_disk(tmp_path) -> Iterator[SmallDisk]:
    mountpoint = tmp_path / "disk"
    mountpoint.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mountpoint)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield SmallDisk(mountpoint)
    finally:
        subprocess.run(["umount", "-l", str(mountpoint)], check=False)


@pytest.fixture
def server_on_small_disk(small_disk, seeded_template) -> Iterator[tuple[LiveServer, Seeded,
                                                                         SmallDisk]]:
    template, seeded = seeded_template
    shutil.copytree(template, small_disk.mountpoint / "server")
    live = LiveServer(small_disk.mountpoint / "server").start()
    yield live, seeded, small_disk
    live.stop()


def draw(peer, meeting_id: int, document_id: int, stroke: str) -> dict:
    return peer.call("annotation:put", {
        "meeting_id": meeting_id, "id": stroke, "document_id": document_id, "page": 0,
        "layer": "shared", "tool": "pen", "color": "#d93025", "width": 2,
        "points": [[float(i), float(i)] for i in range(200)]})


def assert_whole(data_dir: Path) -> None:
    database = sqlite3.connect(data_dir / "meeting.sqlite3")
    try:
        assert database.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        database.close()
    assert not list((data_dir / "documents" / "incoming").iterdir()), "half-written upload left"


@pytest.mark.sqlite_only("the SQLite file on a full or read-only disk (PostgreSQL keeps its own)")
def test_a_full_disk_refuses_clearly_and_loses_nothing(server_on_small_disk, sample_pdfs):
    live, seeded, disk = server_on_small_disk
    olga = live.peer("olga")
    assert olga.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]
    kept = []
    for n in range(5):
        assert draw(olga, seeded.meeting_id, seeded.documents[0], f"before-{n}")["ok"]
        kept.append(f"before-{n}")

    token = login(live.url, "olga")  # signing in writes a session: not possible once full
    disk.fill()
    refused = None
    for n in range(400):  # SQLite reuses space it already holds before it needs more
        reply = draw(olga, seeded.meeting_id, seeded.documents[0], f"while-full-{n}")
        if reply["ok"]:
            kept.append(f"while-full-{n}")
            continue
        refused = reply["error"]
        break
    assert refused is not None, "the disk never filled up"
    assert refused["code"] == "storage_full", refused
    assert "storage is full" in refused["message"]

    before = olga.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]
    answer = upload(live.url, token, seeded.meeting_id, "late.pdf", sample_pdfs[0].read_bytes())
    assert answer.status_code == 507, answer.text
    assert answer.json()["error"]["code"] == "storage_full"
    after = olga.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]
    assert after["documents"] == before["documents"], "nothing half-stored"
    assert requests.get(f"{live.url}/health", timeout=5).ok, "the server is alive"

    disk.free()
    assert draw(olga, seeded.meeting_id, seeded.documents[0], "after-freeing")["ok"]
    kept.append("after-freeing")
    live.restart()
    olga = live.peer("olga")
    snapshot = olga.call("meeting:join", {"meeting_id": seeded.meeting_id})["data"]
    stored = {a["id"] for a in snapshot["annotations"]}
    assert set(kept) <= stored
    assert not any(a.startswith("while-full-") and a not in kept for a in stored)
    live.stop()
    assert_whole(live.data_dir)


@pytest.mark.sqlite_only("the SQLite file on a full or read-only disk (PostgreSQL keeps its own)")
def test_a_note_and_a_stroke_made_while_the_disk_is_full_arrive_once_it_has_room(
        server_on_small_disk, tmp_path):
    """The desktop client keeps what the server refused for now (storage full), says so once,
    and sends it again at growing intervals: once the disk has room, the follower sees the
    presenter's note and stroke, and nothing waits any more."""
    live, seeded, disk = server_on_small_disk
    m, document = seeded.meeting_id, seeded.documents[0]
    sessions, recorders = [], []
    for name in ("olga", "paul"):
        session, recorder = signed_in(live.url, name, tmp_path)
        sessions.append(session)
        recorders.append(recorder)
        session.join(m)
        recorder.wait_for(lambda r=recorder: m in r.views)
    (presenter, _), (p_rec, f_rec) = sessions, recorders
    try:
        olga = live.peer("olga")
        assert olga.call("meeting:join", {"meeting_id": m})["ok"]
        disk.fill()
        for n in range(400):  # (SQLite reuses space it already holds before it needs more)
            if not draw(olga, m, document, f"filler-{n}")["ok"]:
                break
        else:
            pytest.fail("the disk never filled up")

        note = AnnotationData(id="note-while-full", owner="olga", document_id=document,
                              page=0, layer=Layer.SHARED, tool=Tool.PEN, color="#d93025",
                              width=2, points=tuple((float(i), 5.0) for i in range(200)),
                              complete=True)
        presenter.perform(m, InkAction(added=(note,)))
        stroke = reconnect_draw(presenter, m, document, 0, 40)
        p_rec.wait_for(lambda: p_rec.failures and p_rec.waiting[-1:] != [0])
        assert "storage is full" in p_rec.failures[0]
        time.sleep(LONGEST_WAIT_S / 3)  # (an attempt or two more, still refused)
        assert len(p_rec.failures) <= 2  # (the note's outbox and the strokes': once each)
        stored = olga.call("meeting:snapshot", {"meeting_id": m})["data"]["annotations"]
        assert not {a["id"] for a in stored} & {note.id, stroke}

        disk.free()

        def arrived() -> bool:
            shared = {a.id: a for a in f_rec.views[m].snapshot.annotations}
            return (note.id in shared and stroke in shared and shared[stroke].complete
                    and len(shared[stroke].points) == 40)

        f_rec.wait_for(arrived, timeout=2 * LONGEST_WAIT_S)
        p_rec.wait_for(lambda: p_rec.waiting[-1:] == [0], timeout=LONGEST_WAIT_S)
        assert len(p_rec.failures) <= 2
    finally:
        for session in sessions:
            session.close()


@pytest.mark.sqlite_only("the SQLite file on a full or read-only disk (PostgreSQL keeps its own)")
def test_a_full_disk_never_stops_reading_and_health_says_degraded(server_on_small_disk):
    """Joining and page images write only an audit entry: on a full disk, the entry is lost
    (said in the log and in /health), the meeting is not."""
    live, seeded, disk = server_on_small_disk
    token = login(live.url, "olga")
    olga = live.peer("olga")
    page = f"{live.url}/api/meetings/{seeded.meeting_id}/documents/{seeded.documents[0]}/pages/0"
    assert requests.get(f"{live.url}/health", timeout=5).json()["status"] == "ok"
    disk.fill()
    health: dict = {}
    for _ in range(400):  # SQLite reuses space it already holds before it needs more
        joined = olga.call("meeting:join", {"meeting_id": seeded.meeting_id})
        assert joined["ok"], joined
        health = requests.get(f"{live.url}/health", timeout=5).json()
        if health["status"] != "ok":
            break
    assert health["status"] == "degraded", "the disk never filled up"
    assert any("audit" in problem for problem in health["problems"]), health
    image = requests.get(page, params={"width": 256}, timeout=30,
                         headers={"Authorization": f"Bearer {token}"})
    assert image.status_code == 200, image.text
    assert image.headers["Content-Type"] == "image/png"
    fresh = Peer(live.url, token)  # (signing in again would write a session: not now)
    live.peers.append(fresh)
    assert fresh.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]

    disk.free()
    assert olga.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]
    assert requests.get(f"{live.url}/health", timeout=5).json()["status"] == "ok"


def test_a_read_only_documents_folder_refuses_uploads_clearly(server_on_small_disk,
                                                              sample_pdfs):
    """Linux will not turn a file system read-only under a database open for writing, so the
    running case is the documents folder bind-mounted read-only (the whole folder read-only is
    the start-up test below)."""
    live, seeded, _ = server_on_small_disk
    documents = live.data_dir / "documents"
    token = login(live.url, "olga")
    subprocess.run(["mount", "--bind", str(documents), str(documents)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(documents)], check=True)
        answer = upload(live.url, token, seeded.meeting_id, "late.pdf",
                        sample_pdfs[0].read_bytes())
        assert answer.status_code == 503, answer.text
        error = answer.json()["error"]
        assert error["code"] == "storage_read_only" and "cannot be written" in error["message"]
        olga = live.peer("olga")  # the meeting goes on: the database is still writable
        assert olga.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]
        assert draw(olga, seeded.meeting_id, seeded.documents[0], "while-read-only")["ok"]
    finally:
        subprocess.run(["umount", str(documents)], check=True)
    answer = upload(live.url, token, seeded.meeting_id, "late.pdf", sample_pdfs[0].read_bytes())
    assert answer.status_code == 201, answer.text
    live.stop()
    assert_whole(live.data_dir)


@pytest.mark.sqlite_only("the SQLite file on a full or read-only disk (PostgreSQL keeps its own)")
def test_the_server_will_not_start_on_a_read_only_data_folder(small_disk, seeded_template):
    template, _ = seeded_template
    data = small_disk.mountpoint / "server"
    shutil.copytree(template, data)
    small_disk.read_only(True)
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "--data-dir", str(data), "--port", "0"],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "cannot be used" in done.stderr and "writable" in done.stderr
    assert "Traceback" not in done.stderr
