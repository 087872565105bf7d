"""How the server grows: many meetings at once, and one meeting from 50 to 500 people, on one
process with SQLite, one with PostgreSQL and two with PostgreSQL + Redis, against bare
python-socketio relaying the same load in the same run.

    python bench/scale.py [--configs sqlite postgresql redis] [--seconds 20]
                          [--meetings 20] [--people 25] [--big 200]
                          [--growth 50 100 200 500] [--growth-seconds 10] [--pen-hz app|N]
                          [--per-process 50] [--quick]

(b) the load: `--meetings` meetings of `--people` (a presenter and the others following) plus
one of `--big`, every presenter drawing (pen batches at the app's rate for the room's size,
meeting.core.ink.batch_interval_ms, or `--pen-hz`) and turning a page every 5 s, all at once.
(c) growth: one meeting of each `--growth` size alone.
For each and every server: deliveries a second (a batch sent reaching one follower), p50 / p99
of every delivery, page turns' p99, the server's CPU per delivery (every process of it, from
/proc: meeting-server and its children, PostgreSQL's backends, redis-server; "db+redis" is the
part of it the services took), deliveries missing (errors: must be 0, the exit status says so)
and those that came after a later batch of their stroke ("late": out of order, no latency).

Servers are real `meeting-server` subprocesses seeded in a temporary folder; PostgreSQL and
Redis are started here in temporary folders on free ports (bench/services.py). With two
processes half of each meeting's followers connect to each, and the presenters take turns:
every batch crosses Redis. The baselines: bare python-socketio in one process, and two of them
on python-socketio's Redis manager (what Redis costs the transport itself). A configuration
the server cannot run yet (a missing `--database` or `--redis`) is printed as "not available".
Followers and presenters are bench/annotation_latency.py's, in worker processes; they share the
machine's cores with the servers ("clients" is their CPU).
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import annotation_latency as ink  # (the bench folder's own modules)
import load
import services
import socketio

from meeting import paths
from meeting.core.ink import batch_interval_ms

END_POINTS = 4
"""Points of the stroke each presenter sends last: when every follower holds it, the run is
over (the followers' "flood")."""
SERVER = [sys.executable, "-m", "server.cli"]
CHANNEL = "socketio"
"""python-socketio's Redis channel (the default, server/fanout.py's too)."""


# --- what runs ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Meeting:
    meeting_id: int
    document_id: int
    people: int
    """The presenter and the followers."""
    hz: float
    """Pen batches a second."""

    @property
    def followers(self) -> int:
        return self.people - 1


@dataclass
class Servers:
    """One configuration, running: where its clients connect and what its CPU is."""

    name: str
    urls: list[str]
    ours: bool
    processes: list[subprocess.Popen] = field(default_factory=list)
    services: list = field(default_factory=list)
    """PostgreSQL, Redis: their CPU is the server's too."""
    tokens: dict[str, str] = field(default_factory=dict)
    redis: services.Redis | None = None

    def wait_subscribed(self) -> None:
        """Until every process listens on Redis: python-socketio subscribes a process when
        its first client connects, and what is published before that is not for it."""
        if self.redis is None:
            return
        import redis

        client = redis.Redis(port=self.redis.port)
        try:
            deadline = time.monotonic() + 10
            while client.pubsub_numsub(CHANNEL)[0][1] < len(self.processes):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{self.name}: not every process listens on Redis")
                time.sleep(0.05)
        finally:
            client.close()

    def server_pids(self) -> list[int]:
        return [process.pid for process in self.processes]

    def service_pids(self) -> list[int]:
        return [pid for service in self.services for pid in service.pids()]

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(10)


class Unavailable(Exception):
    """A configuration this server (or machine) cannot run: the reason."""


def seed(data_dir: Path, meetings: int) -> list[tuple[int, int]]:
    """olga presents and paul follows in `meetings` meetings of one document each (every
    follower of a meeting signs in as paul: the server's cost is per connection)."""
    import asyncio

    from meeting.core.protocol import Role
    from server.context import ServerContext
    from server.ingest import ingest

    sample = paths.sample_pdfs()[0]
    context = ServerContext.open(data_dir)
    try:
        store = context.store
        olga = store.add_user("olga", Role.ORGANIZER, ink.PASSWORD)
        paul = store.add_user("paul", Role.PARTICIPANT, ink.PASSWORD)
        made = []
        for number in range(1, meetings + 1):
            meeting_id = store.create_meeting(f"Scale {number}")
            store.invite(meeting_id, paul)
            store.set_presenter(meeting_id, olga)
            incoming = context.blobs.new_incoming()
            shutil.copyfile(sample, incoming)
            document = asyncio.run(ingest(context, meeting_id, incoming, filename=sample.name,
                                          title=None, added_by=olga))
            made.append((meeting_id, document.id))
        return made
    finally:
        context.close()


def server_help() -> str:
    return subprocess.run([*SERVER, "--help"], capture_output=True, text=True, check=True,
                          cwd=ink.ROOT).stdout


def start_meeting_servers(name: str, data_dir: Path, processes: int = 1,
                          database_url: str | None = None, redis_url: str | None = None,
                          ) -> Servers:
    extra = [*(["--database", database_url] if database_url else []),
             *(["--redis", redis_url] if redis_url else [])]
    servers = Servers(name, [], ours=True)
    for _ in range(processes):
        port = ink.free_port()
        servers.processes.append(subprocess.Popen(
            [*SERVER, "--data-dir", str(data_dir), *extra, "--port", str(port),
             "--log-level", "WARNING"], cwd=ink.ROOT))
        servers.urls.append(f"http://127.0.0.1:{port}")
    for url in servers.urls:
        ink.wait_until_up(url)
    servers.tokens = ink.Run(servers.urls[0], ours=True).tokens
    return servers


def start_bare(name: str, processes: int = 1, redis: services.Redis | None = None) -> Servers:
    servers = Servers(name, [], ours=False, services=[redis] if redis else [], redis=redis)
    for _ in range(processes):
        process, url = ink.start_bare(redis.url if redis else None)
        servers.processes.append(process)
        servers.urls.append(url)
    return servers


class Setup:
    """Every configuration asked for, started side by side so each load step runs on all of
    them within a minute (the machine's other work changes less between them)."""

    def __init__(self, configs: list[str], template: Path, workdir: Path) -> None:
        self.template, self.workdir = template, workdir
        self.running: list[Servers] = []
        self.missing: dict[str, str] = {}
        self._services: list = []
        self._postgres: services.Postgres | None = None
        flags = server_help()
        self._try("bare python-socketio", lambda: start_bare("bare python-socketio"))
        if "redis" in configs:
            self._try("bare x2 + Redis", lambda: start_bare(
                "bare x2 + Redis", 2, self._service(services.Redis)))
        if "sqlite" in configs:
            self._try("meeting-server SQLite", lambda: start_meeting_servers(
                "meeting-server SQLite", self._copy("sqlite")))
        if "postgresql" in configs:
            self._try("meeting-server PostgreSQL", lambda: self._on_postgres(
                "meeting-server PostgreSQL", flags))
        if "redis" in configs:
            self._try("meeting-server x2 PG + Redis", lambda: self._on_postgres(
                "meeting-server x2 PG + Redis", flags, processes=2))

    def _try(self, name: str, start) -> None:
        try:
            self.running.append(start())
        except (Unavailable, services.Unavailable) as reason:
            self.missing[name] = str(reason)

    def _copy(self, name: str) -> Path:
        data_dir = self.workdir / name
        shutil.copytree(self.template, data_dir)
        return data_dir

    def _service(self, kind):
        service = kind()
        self._services.append(service)
        return service

    def _on_postgres(self, name: str, flags: str, processes: int = 1) -> Servers:
        if "--database" not in flags or "copy-to" not in flags:
            raise Unavailable("meeting-server has no --database / copy-to yet (task pg-store)")
        if processes > 1 and "--redis" not in flags:
            raise Unavailable("meeting-server has no --redis yet (task redis)")
        if self._postgres is None:
            self._postgres = self._service(services.Postgres)
        database = self._postgres.database()
        data_dir = self._copy(name.split()[-1].lower() + str(processes))
        subprocess.run([*SERVER, "--data-dir", str(data_dir), "copy-to", "--database",
                        database], check=True, capture_output=True, cwd=ink.ROOT)
        redis = self._service(services.Redis) if processes > 1 else None
        servers = start_meeting_servers(name, data_dir, processes, database,
                                        redis.url if redis else None)
        servers.services = [self._postgres, *([redis] if redis else [])]
        servers.redis = redis
        return servers

    def stop(self) -> None:
        for servers in self.running:
            servers.stop()
        for service in self._services:
            service.stop()


# --- CPU, from /proc -------------------------------------------------------------------------

def tree_cpu(pids: list[int]) -> float:
    """CPU seconds of these processes and all their descendants, the living and the ended
    (an ended child's time is in its parent's cutime once reaped; a living one's is not)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # (ended meanwhile)
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        times[pid] = sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    wanted, total = set(pids), 0.0
    for pid in times:
        ancestor = pid
        while ancestor > 1 and ancestor not in wanted:
            ancestor = parents.get(ancestor, 0)
        if ancestor in wanted:
            total += times[pid]
    return total


# --- the clients, in worker processes --------------------------------------------------------

def follower_worker(spec: dict) -> None:
    """Several groups of followers in one process (see annotation_latency.follow_groups)."""
    import asyncio

    asyncio.run(ink.follow_groups([ink.FollowerGroup(**group) for group in spec["groups"]],
                                  spec["timeout"]))


class MeetingRun(load.LoadRun):
    """The presenter of one of many meetings, with the tokens signed in for all of them; a
    call the server did not answer in time, or a send on a lost connection, is a failure
    counted (the bench goes on: an overloaded server is a result, not a crash)."""

    tokens_given: dict[str, str] = {}  # noqa: RUF012 (set once per worker process)
    failures = 0

    def _login(self, name: str) -> str:
        return self.tokens_given[name]

    def begin(self, presenter, stroke_id: str) -> None:
        try:
            super().begin(presenter, stroke_id)
        except (socketio.exceptions.TimeoutError, socketio.exceptions.BadNamespaceError):
            self.failures += 1

    def send(self, presenter, stroke_id: str, offset: int, points: list) -> None:
        try:
            super().send(presenter, stroke_id, offset, points)
        except socketio.exceptions.BadNamespaceError:
            self.failures += 1


def presenter_worker(spec: dict) -> None:
    """Connect a presenter per meeting, say "ready"; at a line on stdin all draw for the given
    seconds, each in a thread of its own, then send their end stroke; print, for each, when
    each batch and page turn was sent (JSON); disconnect when stdin closes."""
    MeetingRun.tokens_given = spec["tokens"]
    runs = []
    for meeting in spec["meetings"]:
        run = MeetingRun(meeting["url"], ours=spec["ours"], meeting_id=meeting["meeting_id"],
                         document_id=meeting["document_id"])
        run.turn_every = max(1, int(load.PAGE_TURN_SECONDS * meeting["hz"]))
        runs.append((run, run.presenter(), meeting))
    print("ready", flush=True)
    sys.stdin.readline()
    sent: list[dict] = [{} for _ in runs]

    def present(index: int) -> None:
        run, presenter, meeting = runs[index]
        sent[index] = ink.draw(run, presenter, spec["seconds"], meeting["hz"])

    threads = [threading.Thread(target=present, args=(index,)) for index in range(len(runs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(1.0)  # let the streams drain before the end strokes
    for run, presenter, meeting in runs:
        run.begin(presenter, meeting["flood_id"])
        run.send(presenter, meeting["flood_id"], 0, [[10.0, 20.0]] * END_POINTS)
    print(json.dumps([{"sent": batches, "turns": run.turns_sent, "failures": run.failures}
                      for batches, (run, *_) in zip(sent, runs, strict=True)]), flush=True)
    sys.stdin.read()  # (a packet still queued would be lost with its connection)
    for _, presenter, _ in runs:
        presenter.disconnect()


def worker(role: str, spec: object) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, f"--{role}-worker", json.dumps(spec)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            cwd=ink.ROOT)


def expect(process: subprocess.Popen, word: str) -> None:
    line = process.stdout.readline().strip()
    if line != word:
        raise RuntimeError(f"a worker said {line!r}, not {word!r}")


def follower_groups(servers: Servers, meetings: list[Meeting], floods: list[str],
                    per_process: int) -> list[list[dict]]:
    """Each meeting's followers spread evenly over the server's processes, packed into workers
    of at most `per_process` connections."""
    groups = []
    for meeting, flood_id in zip(meetings, floods, strict=True):
        for index, url in enumerate(servers.urls):
            count = meeting.followers // len(servers.urls) + (
                index < meeting.followers % len(servers.urls))
            groups.append({"url": url, "token": servers.tokens.get("paul", ""),
                           "meeting_id": meeting.meeting_id, "count": count,
                           "flood_id": flood_id, "flood_total": END_POINTS})
    workers: list[list[dict]] = [[]]
    room = per_process
    for group in groups:
        left = group["count"]
        while left:
            if not room:
                workers.append([])
                room = per_process
            taken = min(left, room)
            workers[-1].append({**group, "count": taken})
            left -= taken
            room -= taken
    return [spec for spec in workers if spec]


# --- one step: a load on one configuration ---------------------------------------------------

@dataclass
class Result:
    latencies: list[float]
    big_latencies: list[float]
    """The largest meeting's alone."""
    turns: list[float]
    deliveries: int
    missing: int
    """Deliveries that never came, and the presenters' calls that failed."""
    unordered: int
    """Deliveries that came after a later batch of their stroke (not in `latencies`)."""
    span: float
    """Seconds of pen, or from the first batch sent to the last delivery if longer."""
    server_cpu: float
    service_cpu: float
    client_cpu: float
    window: float
    """Seconds the CPU was measured over (the pen, the drain and the end strokes)."""

    @property
    def rate(self) -> float:
        return self.deliveries / self.span if self.span > 0 else 0.0

    def per_delivery_us(self, cpu: float | None = None) -> float:
        """Server-side CPU (or `cpu` seconds) per delivery, in microseconds."""
        cpu = self.server_cpu + self.service_cpu if cpu is None else cpu
        return cpu / self.deliveries * 1e6 if self.deliveries else math.nan


def run_load(servers: Servers, meetings: list[Meeting], seconds: float,
             per_process: int) -> Result:
    floods = [uuid.uuid4().hex for _ in meetings]
    # (what has not come a while after the pen stops is counted missing)
    followers = [worker("follower", {"groups": groups, "timeout": 30 + seconds})
                 for groups in follower_groups(servers, meetings, floods, per_process)]
    presenters = None
    try:
        for process in followers:
            expect(process, "ready")
        servers.wait_subscribed()
        presenters = worker("presenter", {
            "ours": servers.ours, "tokens": servers.tokens, "seconds": seconds,
            "meetings": [{"url": servers.urls[index % len(servers.urls)],
                          "meeting_id": meeting.meeting_id, "document_id": meeting.document_id,
                          "hz": meeting.hz, "flood_id": flood}
                         for index, (meeting, flood) in enumerate(zip(meetings, floods,
                                                                      strict=True))]})
        expect(presenters, "ready")
        clients = [process.pid for process in (*followers, presenters)]
        started = (time.perf_counter(), tree_cpu(servers.server_pids()),
                   tree_cpu(servers.service_pids()), tree_cpu(clients))
        presenters.stdin.write("go\n")
        presenters.stdin.flush()
        for process in followers:
            expect(process, "done")
        ended = (time.perf_counter(), tree_cpu(servers.server_pids()),
                 tree_cpu(servers.service_pids()), tree_cpu(clients))
        sent = json.loads(presenters.communicate(timeout=60)[0].strip().splitlines()[-1])
        received: dict[int, list[dict]] = {}
        for process in followers:
            out, _ = process.communicate(timeout=120)
            lines = out.strip().splitlines()
            for spec, line in zip(process_groups(process), lines[len(lines)
                                                                  - len(process_groups(process)):],
                                  strict=True):
                received.setdefault(spec["meeting_id"], []).append(json.loads(line))
    finally:
        for process in (*followers, *([presenters] if presenters else [])):
            if process.poll() is None:
                process.kill()
                process.wait()
    return tally(meetings, floods, sent, received,
                 [end - start for start, end in zip(started, ended, strict=True)], seconds)


def process_groups(process: subprocess.Popen) -> list[dict]:
    """The groups a follower worker was started with (its last argument)."""
    return json.loads(process.args[-1])["groups"]


def tally(meetings: list[Meeting], floods: list[str], sent: list[dict],
          received: dict[int, list[dict]], used: list[float], seconds: float) -> Result:
    window, server_cpu, service_cpu, client_cpu = used
    latencies, big, turns = [], [], []
    missing, unordered, first, last = 0, 0, math.inf, 0.0
    largest = max(meetings, key=lambda meeting: meeting.people)
    for meeting, flood_id, presented in zip(meetings, floods, sent, strict=True):
        arrivals = [follower for group in received.get(meeting.meeting_id, [])
                    for follower in group["arrivals"]]
        arrived_turns = [times for group in received.get(meeting.meeting_id, [])
                         for times in group["turns"]]
        batches = presented["sent"]
        mine = [latency for follower in arrivals for stroke, times in batches.items()
                for latency in ink.delivered({int(k): v for k, v in times.items()},
                                             follower.get(stroke, []))]
        arrived = sum(covered([int(k) for k in times], follower.get(stroke, []))
                      for follower in arrivals for stroke, times in batches.items())
        missing += (sum(len(times) for times in batches.values()) * meeting.followers
                    - arrived + presented["failures"])
        unordered += arrived - len(mine)
        missing += sum(sum(count for _, count, _ in follower.get(flood_id, [])) < END_POINTS
                       for follower in arrivals)  # (the end stroke is a delivery too)
        latencies.extend(mine)
        if meeting is largest:
            big = mine
        turns.extend(got - put for follower in arrived_turns
                     for put, got in zip(presented["turns"], follower, strict=False))
        first = min([first, *(t for times in batches.values() for t in times.values())])
        last = max([last, *(t for follower in arrivals for stroke in batches
                            for *_, t in follower.get(stroke, []))])
    return Result(latencies, big, turns, len(latencies), missing, unordered,
                  max(seconds, last - first),
                  server_cpu,
                  service_cpu, client_cpu, window)


def covered(offsets: list[int], batches: list) -> int:
    """How many of the batches sent (by offset) some received batch holds, in order or not."""
    ordered = sorted(offsets)
    held: set[int] = set()
    for start, count, _ in batches:
        held.update(range(bisect.bisect_left(ordered, start),
                          bisect.bisect_left(ordered, start + count)))
    return len(held)


# --- the report ----------------------------------------------------------------------------

HEADER = (f"{'server':<30} {'deliv/s':>8} {'p50 ms':>7} {'p99 ms':>8} {'big p99':>8} "
          f"{'turn p99':>8} {'errors':>6} {'late':>5} {'cores':>5} {'us/deliv':>8} {'db+redis':>8} "
          f"{'clients':>7}  vs bare p99 / us")


def row(name: str, result: Result, bare: Result | None) -> str:
    ratio = ""
    if bare is not None and bare is not result:
        ratio = (f"  x{ink.pct(result.latencies, 0.99) / ink.pct(bare.latencies, 0.99):.2f}"
                 f" / x{result.per_delivery_us() / bare.per_delivery_us():.2f}")
    service = (f"{result.per_delivery_us(result.service_cpu):8.1f}" if result.service_cpu
               else f"{'-':>8}")
    return (f"{name:<30} {result.rate:8.0f} {ink.pct(result.latencies, 0.5):7.1f} "
            f"{ink.pct(result.latencies, 0.99):8.1f} {ink.pct(result.big_latencies, 0.99):8.1f} "
            f"{ink.pct(result.turns, 0.99):8.1f} {result.missing:6d} {result.unordered:5d} "
            f"{(result.server_cpu + result.service_cpu) / result.window:5.2f} "
            f"{result.per_delivery_us():8.1f} {service} "
            f"{result.client_cpu / result.window:7.2f}{ratio}")


def step(setup: Setup, title: str, meetings: list[Meeting], seconds: float,
         per_process: int) -> int:
    """Run one load on every configuration; print its table; the deliveries missing."""
    offered = sum(meeting.followers * meeting.hz for meeting in meetings)
    print(f"\n{title}: {seconds:g} s, {offered:,.0f} deliveries/s offered; load average "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    print(HEADER)
    bare, missing = None, 0
    for servers in setup.running:
        try:
            result = run_load(servers, meetings, seconds, per_process)
        except (RuntimeError, ValueError, subprocess.TimeoutExpired) as error:
            print(f"{servers.name:<30} failed: {error!r}", flush=True)
            missing += 1
            continue
        bare = bare or result
        missing += result.missing
        print(row(servers.name, result, bare), flush=True)
    for name, reason in setup.missing.items():
        print(f"{name:<30} not available: {reason}")
    print(f"load average {os.getloadavg()[0]:.1f} after this step", flush=True)
    return missing


def pen_hz(choice: str, people: int) -> float:
    return 1000 / batch_interval_ms(people) if choice == "app" else float(choice)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--configs", nargs="+", choices=["sqlite", "postgresql", "redis"],
                        default=["sqlite", "postgresql", "redis"])
    parser.add_argument("--seconds", type=float, default=20.0, help="of pen for the load (b)")
    parser.add_argument("--meetings", type=int, nargs="+", default=[20],
                        help="how many meetings of --people in (b); several: one step each")
    parser.add_argument("--people", type=int, default=25)
    parser.add_argument("--big", type=int, default=200, help="people in the one large meeting")
    parser.add_argument("--growth", type=int, nargs="*", help="people (default 50 100 200 500)")
    parser.add_argument("--growth-seconds", type=float, default=10.0)
    parser.add_argument("--pen-hz", default="app",
                        help="pen batches a second: 'app' (the app's rate for the room's size, "
                             "40 up to 50 people, 25 up to 150, 20 beyond) or a number")
    parser.add_argument("--per-process", type=int, default=50, help="followers per worker")
    parser.add_argument("--quick", action="store_true",
                        help="a few seconds: 2 meetings of 5 and one of 10, growth 10 and 20")
    parser.add_argument("--follower-worker", help=argparse.SUPPRESS)
    parser.add_argument("--presenter-worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.follower_worker:
        follower_worker(json.loads(args.follower_worker))
        return 0
    if args.presenter_worker:
        presenter_worker(json.loads(args.presenter_worker))
        return 0
    if args.quick:
        args.meetings, args.people, args.big = [2], 5, 10
        args.seconds = args.growth_seconds = 2.0
    if args.growth is None:
        args.growth = [10, 20] if args.quick else [50, 100, 200, 500]

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # (servers stopped, folder removed)
    workdir = Path(tempfile.mkdtemp(prefix="meeting-bench-scale-"))
    setup = None
    started = time.monotonic()
    try:
        made = seed(workdir / "template", max(args.meetings) + 2)
        big_id, big_document = made[-2]
        growth_id, growth_document = made[-1]
        setup = Setup(args.configs, workdir / "template", workdir)
        print(f"loopback, {os.cpu_count()} cores; followers in processes of "
              f"{args.per_process}; a page turn every {load.PAGE_TURN_SECONDS} s; "
              f"pen {args.pen_hz}")
        missing = 0
        for count in args.meetings:
            load_meetings = [*(Meeting(meeting_id, document_id, args.people,
                                       pen_hz(args.pen_hz, args.people))
                               for meeting_id, document_id in made[:count]),
                             Meeting(big_id, big_document, args.big, pen_hz(args.pen_hz, args.big))]
            rates = "/".join(f"{meeting.hz:g}" for meeting in load_meetings[-2:])
            missing += step(setup, f"(b) {count} meetings of {args.people} + one of {args.big}, "
                                   f"pen {rates} batches/s", load_meetings, args.seconds,
                            args.per_process)
        for people in args.growth:
            hz = pen_hz(args.pen_hz, people)
            missing += step(setup, f"(c) one meeting of {people}, pen {hz:g} batches/s",
                            [Meeting(growth_id, growth_document, people, hz)],
                            args.growth_seconds, args.per_process)
        print(f"\n{missing} deliveries missing in all" if missing else "\nnothing missing",
              f"({time.monotonic() - started:.0f} s)")
        return 1 if missing else 0
    finally:
        if setup is not None:
            setup.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
