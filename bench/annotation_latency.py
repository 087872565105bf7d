"""Live ink: time from a batch of points leaving the presenter to its arrival at each follower,
and points per second sustained, against a bare python-socketio relay measured in the same run.

    python bench/annotation_latency.py [--followers 1 10 50] [--seconds 3]

Both servers run in their own process (ours is `meeting-server`, with its SQLite store, auth
and validation on every event); the presenter is a python-socketio client, the followers light
asyncio Socket.IO clients in worker processes (see follower_worker), all on loopback. For each
number of followers:
  latency:    the presenter streams a stroke at 60 batches a second, 4 points per batch (a pen
              sampled at 240 Hz, coalesced per frame, as the client does); each follower notes
              when each batch arrives. p50 / p99 over every (batch, follower) delivery.
  throughput: the presenter sends 200 batches of 50 points back to back; points per second
              until the last follower holds every point.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import gc
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests
import socketio

from meeting import paths
from meeting.core.protocol import PROTOCOL_VERSION

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench password"
FRAME = 1 / 60
POINTS_PER_FRAME = 4
FLOOD_BATCHES, FLOOD_POINTS = 200, 50


# --- the bare relay (baseline) --------------------------------------------------------------

def serve_bare(port: int, redis_url: str | None = None) -> None:
    """A python-socketio server that only relays: no auth, no validation, no storage. A room
    per meeting (the join's `meeting_id`); with `redis_url`, python-socketio's Redis manager, so
    several of these relay to each other's connections (bench/scale.py)."""
    from aiohttp import web

    manager = socketio.AsyncRedisManager(redis_url) if redis_url else None
    sio = socketio.AsyncServer(async_mode="aiohttp", client_manager=manager)
    app = web.Application()
    sio.attach(app)
    rooms: dict[str, str] = {}

    @sio.on("join")
    async def join(sid, data):
        rooms[sid] = f"room {(data or {}).get('meeting_id', 0)}"
        await sio.enter_room(sid, rooms[sid])
        return True

    @sio.on("points")
    async def points(sid, data):
        await sio.emit("annotation", data, room=rooms[sid], skip_sid=sid)
        return {"ok": True}

    web.run_app(app, host="127.0.0.1", port=port, print=None)


# --- servers ----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            requests.get(f"{url}/socket.io/?EIO=4&transport=polling", timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError(f"no server at {url}")


def start_ours(data_dir: Path, followers: int, launcher: list[str] | None = None
               ) -> tuple[subprocess.Popen, str, int]:
    """A real server with a presenter, a follower account and a meeting with one document
    (`launcher`: how to start the server, the data folder and port added; the CLI's own)."""
    server = [sys.executable, "-m", "server.cli", "--data-dir", str(data_dir)]

    def admin(*args: str, stdin: str | None = None) -> str:
        return subprocess.run([*server, *args], input=stdin, text=True, check=True,
                              capture_output=True, cwd=ROOT).stdout

    admin("user", "add", "olga", "--role", "organizer", "--password-stdin", stdin=PASSWORD)
    admin("user", "add", "paul", "--role", "participant", "--password-stdin", stdin=PASSWORD)
    admin("meeting", "create", "Bench", "--presenter", "olga")
    admin("meeting", "invite", "1", "olga")
    admin("meeting", "invite", "1", "paul")
    sample = paths.sample_pdfs()[0]
    admin("meeting", "add-document", "1", str(sample))
    port = free_port()
    process = subprocess.Popen([*(launcher or server[:3]), *server[3:], "--port", str(port),
                                "--log-level", "WARNING"], cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url)
    return process, url, 1


def start_bare(redis_url: str | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    redis = ["--bare-redis", redis_url] if redis_url else []
    process = subprocess.Popen([sys.executable, __file__, "--serve-bare", str(port), *redis],
                               cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url)
    return process, url


# --- followers, in worker processes ---------------------------------------------------------
# Followers must cost the machine less than the server does, or the figures measure them: a
# python-socketio client runs a thread per connection and decodes every packet, and 200 of them
# at 60 messages a second starve a 2-core machine. So each follower here speaks Engine.IO 4 /
# Socket.IO 5 over one aiohttp WebSocket, in asyncio, a few processes of up to PER_PROCESS.
# It is still a real client of the documented protocol (connect with auth, join with an ack,
# answer pings). time.perf_counter is CLOCK_MONOTONIC on Linux, one clock for every process, so
# send and arrival times compare directly.

def follower_worker(url: str, token: str, meeting_id: int, count: int, flood_id: str,
                    flood_total: int) -> None:
    """Connect `count` followers, say "ready"; say "done" when each holds the whole flood
    stroke; when stdin closes, print every arrival as JSON (see FollowerGroup.results)."""
    asyncio.run(follow_groups([FollowerGroup(url, token, meeting_id, count, flood_id,
                                             flood_total)]))


class FollowerGroup:
    """`count` followers of one meeting on one server, in this process's event loop."""

    def __init__(self, url: str, token: str, meeting_id: int, count: int, flood_id: str,
                 flood_total: int) -> None:
        self.url, self.token, self.meeting_id, self.count = url, token, meeting_id, count
        self.flood_id, self.flood_total = flood_id, flood_total
        self.arrivals: list[dict[str, list[tuple[int, int, float]]]] = [{} for _ in range(count)]
        self.turns: list[list[float]] = [[] for _ in range(count)]
        self.flood_points = [0] * count
        self.finished = asyncio.Event()
        """Every follower holds the whole flood stroke."""
        self.tasks: list[asyncio.Task] = []

    async def connect(self, session) -> None:
        """Connect the followers one after the other, each joined before the next."""
        for index in range(self.count):
            joined = asyncio.Event()
            self.tasks.append(asyncio.create_task(self._follow(index, session, joined)))
            await asyncio.wait_for(joined.wait(), 30)

    async def _follow(self, index: int, session, joined: asyncio.Event) -> None:
        endpoint = self.url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
        async with session.ws_connect(endpoint, max_msg_size=0, heartbeat=None) as ws:
            auth = {"token": self.token, "protocol": PROTOCOL_VERSION} if self.token else {}
            async for message in ws:
                now = time.perf_counter()
                text = message.data
                if text[0] == "0":  # Engine.IO open: connect to the namespace with auth
                    await ws.send_str("40" + json.dumps(auth))
                elif text == "2":  # ping
                    await ws.send_str("3")
                elif text.startswith("40"):  # connected: join
                    join = ["meeting:join" if self.token else "join",
                            {"meeting_id": self.meeting_id}]
                    await ws.send_str("421" + json.dumps(join))
                elif text.startswith("431"):  # the join's acknowledgement
                    joined.set()
                elif text.startswith("44"):
                    raise RuntimeError(f"connection refused: {text}")
                elif text.startswith("42["):
                    self._received(index, *json.loads(text[2:])[:2], now)

    def _received(self, index: int, event: str, data: dict, now: float) -> None:
        if event == "meeting:state" or data.get("kind") == "state":
            self.turns[index].append(now)
        if event not in ("annotation", "points") or data.get("kind") != "points":
            return
        self.arrivals[index].setdefault(data["id"], []).append(
            (data["offset"], len(data["points"]), now))
        if data["id"] == self.flood_id:
            self.flood_points[index] += len(data["points"])
            if all(p >= self.flood_total for p in self.flood_points):
                self.finished.set()

    def results(self) -> dict:
        """For each follower and stroke, each batch of points as [offset, count, time] (the
        server may have joined several batches the presenter sent into one), and the times
        page turns came."""
        return {"arrivals": self.arrivals, "turns": self.turns}

    def stop(self) -> None:
        for task in self.tasks:
            task.cancel()


async def follow_groups(groups: list[FollowerGroup], timeout: float = 120) -> None:
    """Connect every group, say "ready"; say "done" when each holds its flood stroke (or after
    `timeout` seconds: missing deliveries are counted); when stdin closes, print each group's
    results as a line of JSON, in order."""
    import aiohttp

    async with aiohttp.ClientSession() as session:
        for group in groups:
            await group.connect(session)
        print("ready", flush=True)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*(g.finished.wait() for g in groups)),
                                   timeout)
        print("done", flush=True)
        await asyncio.to_thread(sys.stdin.read)
        for group in groups:
            print(json.dumps(group.results()), flush=True)
            group.stop()


class Followers:
    """N followers spread over worker processes of at most PER_PROCESS each."""

    PER_PROCESS = 10

    def __init__(self, url: str, token: str, meeting_id: int, count: int, flood_id: str,
                 flood_total: int) -> None:
        sizes = [min(self.PER_PROCESS, count - i) for i in range(0, count, self.PER_PROCESS)]
        self.processes = [subprocess.Popen(
            [sys.executable, __file__, "--follower-worker", json.dumps(  # (one argument: a
                [url, token, meeting_id, size, flood_id, flood_total])],  # token may start "-")
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
            for size in sizes]
        for process in self.processes:
            self._expect(process, "ready")

    @staticmethod
    def _expect(process: subprocess.Popen, word: str) -> None:
        line = process.stdout.readline().strip()
        if line != word:
            raise RuntimeError(f"follower worker said {line!r}, not {word!r}")

    def wait_done(self) -> None:
        for process in self.processes:
            self._expect(process, "done")

    def arrivals(self) -> tuple[list[dict[str, list[list[float]]]], list[list[float]]]:
        """(each follower's batches of points by stroke, each follower's page-turn times)."""
        batches, turns = [], []
        for process in self.processes:
            out, _ = process.communicate(timeout=60)
            found = json.loads(out.strip().splitlines()[-1])
            batches.extend(found["arrivals"])
            turns.extend(found["turns"])
        return batches, turns


class ProcessMeter:
    """CPU seconds and peak memory of a process, from /proc (Linux)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.started_cpu = self.cpu()
        self.started = time.perf_counter()

    def cpu(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def peak_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_share(self) -> float:
        """CPU seconds used per second of wall time since start (1.0 = one core busy)."""
        return (self.cpu() - self.started_cpu) / (time.perf_counter() - self.started)


# --- the presenter ----------------------------------------------------------------------------

class Run:
    """One server and its presenter: the same steps for ours and the baseline."""

    def __init__(self, url: str, *, ours: bool, meeting_id: int = 0, document_id: int = 0):
        self.url, self.ours = url, ours
        self.turns_sent: list[float] = []
        """When the presenter turned a page (see load.py)."""
        self.meeting_id, self.document_id = meeting_id, document_id
        self.tokens = {name: self._login(name) for name in ("olga", "paul")} if ours else {}

    def _login(self, name: str) -> str:
        reply = requests.post(f"{self.url}/api/login",
                              json={"username": name, "password": PASSWORD}, timeout=10)
        return reply.json()["data"]["token"]

    def presenter(self) -> socketio.Client:
        client = socketio.Client(reconnection=False)
        token = self.tokens.get("olga")
        client.connect(self.url, auth={"token": token, "protocol": PROTOCOL_VERSION}
                       if token else None, transports=["websocket"], wait_timeout=10)
        if self.ours:
            assert client.call("meeting:join", {"meeting_id": self.meeting_id})["ok"]
        else:
            client.call("join", {"meeting_id": self.meeting_id})
        return client

    def begin(self, presenter: socketio.Client, stroke_id: str) -> None:
        if self.ours:
            reply = presenter.call("annotation:begin", {
                "meeting_id": self.meeting_id, "id": stroke_id, "document_id": self.document_id,
                "page": 0, "layer": "shared", "tool": "pen", "color": "#d93025", "width": 2.0,
                "points": []}, timeout=10)
            assert reply["ok"], reply

    def send(self, presenter: socketio.Client, stroke_id: str, offset: int, points: list) -> None:
        payload = {"meeting_id": self.meeting_id, "id": stroke_id, "offset": offset,
                   "points": points}
        if self.ours:
            presenter.emit("annotation:points", payload)
        else:
            presenter.emit("points", {**payload, "kind": "points"})


STROKE_FRAMES = 180
"""A new stroke every 3 s of pen at 60 Hz: real strokes are short, and one is capped at
MAX_POINTS points by the protocol."""


@dataclass
class Measured:
    latencies: list[float]
    """Seconds from each batch the presenter sent to its arrival, for every follower."""
    rate: float
    """Points per second in the flood."""
    missing: int
    """(batch, follower) deliveries that never came."""
    messages: float
    """Batches of points a follower received, on average (fewer than sent: coalesced)."""
    turns: list[float]
    """Seconds from each page turn to its arrival, for every follower."""
    pen_cpu: float = float("nan")
    """The server's CPU seconds per second while the pen streamed (joins and flood aside)."""


def draw(run: Run, presenter: socketio.Client, seconds: float, hz: float
         ) -> dict[str, dict[int, float]]:
    """The presenter's pen for `seconds`, `hz` batches a second of one pen sampled at 240 Hz,
    a new stroke every 3 s: when each batch (by stroke, then offset) was sent."""
    frame_seconds = 1 / hz
    per_batch = max(1, round(POINTS_PER_FRAME * 60 / hz))  # the same pen, sampled at 240 Hz
    sent: dict[str, dict[int, float]] = {}
    stroke_frames = max(1, int(STROKE_FRAMES * hz / 60))
    pen_id, offset = "", 0
    started = time.perf_counter()
    for frame in range(int(seconds * hz)):
        if frame % stroke_frames == 0:
            pen_id, offset = uuid.uuid4().hex, 0
            run.begin(presenter, pen_id)
        points = [[100 + frame % 400 + i / 4, 200 + frame % 300] for i in range(per_batch)]
        sent.setdefault(pen_id, {})[offset] = time.perf_counter()
        run.send(presenter, pen_id, offset, points)
        offset += len(points)
        time.sleep(max(0.0, started + (frame + 1) * frame_seconds - time.perf_counter()))
    return sent


def measure(run: Run, count: int, seconds: float, hz: float = 60.0,
            server_pid: int | None = None) -> Measured:
    flood_id = uuid.uuid4().hex
    total = FLOOD_BATCHES * FLOOD_POINTS
    # The instrument's own full collections (the bench holds every arrival of the runs before)
    # would delay sends already timed and be charged to the server: freeze what is here now.
    gc.collect()
    gc.freeze()
    followers = Followers(run.url, run.tokens.get("paul", ""), run.meeting_id, count,
                          flood_id, total)
    presenter = run.presenter()
    run.turns_sent.clear()
    meter = ProcessMeter(server_pid) if server_pid else None
    sent = draw(run, presenter, seconds, hz)
    pen_cpu = meter.cpu_share() if meter else float("nan")
    frames = sum(len(batches) for batches in sent.values())
    time.sleep(1.0)  # let the stream drain before the flood

    run.begin(presenter, flood_id)
    flood_started = time.perf_counter()
    for batch in range(FLOOD_BATCHES):
        points = [[10 + i, 20 + batch % 500] for i in range(FLOOD_POINTS)]
        run.send(presenter, flood_id, batch * FLOOD_POINTS, points)
    followers.wait_done()
    arrivals, turns = followers.arrivals()
    presenter.disconnect()

    latencies = [latency for follower in arrivals for stroke, times in sent.items()
                 for latency in delivered(times, follower.get(stroke, []))]
    last = max((t for follower in arrivals for *_, t in follower.get(flood_id, [])),
               default=flood_started)
    rate = total / (last - flood_started) if last > flood_started else 0.0
    messages = sum(len(batches) for follower in arrivals
                   for stroke, batches in follower.items() if stroke in sent) / count
    turn_latencies = [got - put for follower in turns
                      for put, got in zip(run.turns_sent, follower, strict=False)]
    return Measured(latencies, rate, frames * count - len(latencies), messages, turn_latencies,
                    pen_cpu)


def delivered(sent: dict[int, float], batches: list) -> list[float]:
    """Latency of each batch sent (by offset) from the first batch received holding it."""
    offsets = sorted(sent)
    latencies, have = [], 0
    for start, count, arrived in batches:
        end = start + count
        for index in range(bisect.bisect_left(offsets, max(have, start)),
                           bisect.bisect_left(offsets, end)):
            latencies.append(arrived - sent[offsets[index]])
        have = max(have, end)
    return latencies


def pct(samples: list[float], p: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--followers", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--serve-bare", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--bare-redis", help=argparse.SUPPRESS)
    parser.add_argument("--follower-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare(args.serve_bare, args.bare_redis)
        return
    if args.follower_worker:
        follower_worker(*json.loads(args.follower_worker))
        return

    workdir = Path(tempfile.mkdtemp(prefix="meeting-bench-ink-"))
    ours_process, ours_url, meeting_id = start_ours(workdir / "server", max(args.followers))
    bare_process, bare_url = start_bare()
    try:
        ours = Run(ours_url, ours=True, meeting_id=meeting_id, document_id=1)
        bare = Run(bare_url, ours=False)
        print(f"loopback, {os.cpu_count()} cores; pen at 60 batches/s x {POINTS_PER_FRAME} "
              f"points for {args.seconds:g} s; flood of {FLOOD_BATCHES} x {FLOOD_POINTS} points")
        print(f"{'followers':>9}  {'server':<22} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'points/s':>10}   ratio p50 / points/s vs bare")
        for count in args.followers:
            bare_run, our_run = measure(bare, count, args.seconds), measure(ours, count,
                                                                            args.seconds)
            base, base_rate, base_lost = bare_run.latencies, bare_run.rate, bare_run.missing
            mine, rate, lost = our_run.latencies, our_run.rate, our_run.missing
            if base_lost or lost:
                print(f"  not delivered: bare {base_lost}, ours {lost}")
            for name, samples, speed in (("bare python-socketio", base, base_rate),
                                         ("meeting-server", mine, rate)):
                ratio = ""
                if samples is mine:
                    ratio = (f"   x{statistics.median(mine) / statistics.median(base):.2f}"
                             f" / x{rate / base_rate:.2f}")
                print(f"{count:>9}  {name:<22} {pct(samples, 0.5):8.2f} "
                      f"{pct(samples, 0.99):8.2f} {speed:10.0f}{ratio}")
    finally:
        stop_servers((ours_process, bare_process), workdir)


def stop_servers(processes, workdir: Path) -> None:
    for process in processes:
        process.terminate()
        process.wait(10)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
