"""Time from the presenter's page turn to the follower's repaint, against the transport's floor.

    QT_QPA_PLATFORM=offscreen python bench/page_turn_latency.py [--turns 40]

Measures, on loopback, in one run:
  1. baseline: a bare python-socketio server relaying one event to a room (no auth, no
     validation, no storage): the floor our transport allows;
  2. protocol: `page:set` sent by a presenter client until `meeting:state` arrives at a follower
     client (auth, validation, SQLite write, broadcast);
  3. repaint: `page:set` sent until a follower's real viewer window (offscreen Qt) has painted
     the new page sharp, for the next page (prepared in advance) and for a jump to a page not yet
     rendered.
Prints p50 / p95 / p99 / max in milliseconds and each median's ratio to the baseline's.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import socketio
from aiohttp import web

from meeting import paths
from server.embedded import EmbeddedServer
from tests.helpers.live import LiveServer, Peer, login, seed


def summary(name: str, samples: list[float], baseline: float | None) -> str:
    ordered = sorted(samples)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000

    median = statistics.median(ordered) * 1000
    ratio = f"  ×{median / baseline:5.1f} baseline" if baseline else ""
    return (f"{name:<42} n={len(ordered):<4} p50 {median:7.2f}  p95 {pct(0.95):7.2f}  "
            f"p99 {pct(0.99):7.2f}  max {ordered[-1] * 1000:7.2f} ms{ratio}")


def bare_app() -> web.Application:
    """A bare python-socketio relay: receive one event, emit it to the room."""
    sio = socketio.AsyncServer(async_mode="aiohttp")
    app = web.Application()
    sio.attach(app)

    @sio.on("join")
    async def join(sid, _):
        await sio.enter_room(sid, "room")
        return True

    @sio.on("turn")
    async def turn(sid, data):
        await sio.emit("turned", data, room="room")
        return True

    return app


def bare_baseline(turns: int, workdir: Path) -> list[float]:
    server = EmbeddedServer(workdir, app_factory=bare_app)
    url = server.start()
    sender, receiver = socketio.Client(), socketio.Client()
    arrived = threading.Event()
    receiver.on("turned", lambda data: arrived.set())
    for client in (sender, receiver):
        client.connect(url, transports=["websocket"])
        client.call("join", {})
    samples = []
    for index in range(turns):
        arrived.clear()
        started = time.perf_counter()
        sender.emit("turn", {"page": index})
        arrived.wait(5)
        samples.append(time.perf_counter() - started)
    for client in (sender, receiver):
        client.disconnect()
    server.stop()
    return samples


def protocol_latency(live: LiveServer, meeting_id: int, document_id: int, pages: int,
                     turns: int) -> list[float]:
    presenter, follower = live.peer("olga"), live.peer("paul")
    for peer in (presenter, follower):
        peer.call("meeting:join", {"meeting_id": meeting_id})
    samples = []
    for index in range(turns):
        started = time.perf_counter()
        presenter.sio.emit("page:set", {"meeting_id": meeting_id, "document_id": document_id,
                                        "page": (index + 1) % pages})
        while True:
            event, data = follower.next_event()
            if event == "meeting:state" and data["page"] == (index + 1) % pages:
                break
        samples.append(time.perf_counter() - started)
    live.close_peers()
    return samples


def repaint_latency(live: LiveServer, meeting_id: int, document_id: int, pages: int,
                    turns: int, cache: Path) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QEventLoop, QTimer

    from meeting.net.api import ServerApi
    from meeting.ui.runtime import ClientRuntime
    from meeting.ui.viewer_window import ViewerWindow
    from tests.helpers.live import PASSWORD

    runtime = ClientRuntime.start(cache)
    result = ServerApi(live.url).login("paul", PASSWORD)
    session, bridge = runtime.open_session(live.url, result.token, result.user)
    window = ViewerWindow(session, bridge, runtime.worker, meeting_id)
    window.resize(1280, 800)
    window.show()
    presenter = Peer(live.url, login(live.url, "olga"))
    presenter.call("meeting:join", {"meeting_id": meeting_id})
    painted: dict[int, float] = {}
    window.page_view.pageShown.connect(lambda path, page: painted.setdefault(
        page, time.perf_counter()))

    def wait(condition, timeout=20.0) -> None:
        deadline = time.monotonic() + timeout
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if condition() or time.monotonic() > deadline
                              else None)
        timer.start(1)
        loop.exec()
        if not condition():
            raise TimeoutError("the follower did not repaint")

    def turn(page: int) -> float:
        painted.clear()
        started = time.perf_counter()
        presenter.sio.emit("page:set", {"meeting_id": meeting_id, "document_id": document_id,
                                        "page": page})
        wait(lambda: page in painted)
        return painted[page] - started

    turn(0)
    wait(lambda: window.page_view.document_path is not None)
    next_page, jumps = [], []
    rng = random.Random(7)
    for index in range(turns):
        next_page.append(turn((index + 1) % pages))
    current = turns % pages
    for _ in range(turns):
        window.page_view._images.clear()  # a page never rendered at this size
        current = rng.choice([p for p in range(pages) if p != current])
        jumps.append(turn(current))
    presenter.close()
    window.close()
    session.close()
    runtime.close()
    return next_page, jumps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--turns", type=int, default=40)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="meeting-bench-"))
    try:
        samples = paths.sample_pdfs()
        seeded = seed(workdir / "server", samples)
        live = LiveServer(workdir / "server").start()
        document_id, pages = seeded.documents[1], 6
        baseline = bare_baseline(args.turns, workdir / "bare")
        base = statistics.median(baseline) * 1000
        print(f"loopback, {os.cpu_count()} cores, {args.turns} turns each")
        print(summary("bare python-socketio relay (baseline)", baseline, None))
        print(summary("page:set -> meeting:state at follower", protocol_latency(
            live, seeded.meeting_id, document_id, pages, args.turns), base))
        next_page, jumps = repaint_latency(live, seeded.meeting_id, document_id, pages,
                                           args.turns, workdir / "cache")
        print(summary("page:set -> follower repaint, next page", next_page, base))
        print(summary("page:set -> follower repaint, cold page", jumps, base))
        live.stop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
