"""A full meeting under load: 200 participants while the presenter draws and turns pages at
60 events a second for 60 seconds; the same load on a bare python-socketio relay in the same
run, for the ratio.

    python bench/load.py [--followers 10 50 200] [--seconds 60] [--per-process 50]
                         [--turn-seconds 5]

Both servers run in their own process (ours is `meeting-server`: auth, validation, SQLite);
followers are light Socket.IO clients in worker processes of `--per-process` each; the
presenter streams pen batches (4 points, every frame) and turns a page every 5 seconds (or
`--turn-seconds`: more turns give a steadier follow latency, 6 in a 30 s run is few). Prints,
for each number of followers and each server: delivery p50 / p99 of every (batch sent,
follower), deliveries missing (errors, must be 0), the batches of points a follower received
(ours joins the batches waiting while the room is behind, so fewer than were sent), follow
latency p50 / p99 (page turn sent to its arrival, every follower), the server's CPU time per
second of the whole run (joins and flood included) and while the pen streamed, its CPU time
per delivery (batch sent, follower) in the pen stream, and its peak resident memory.
Machinery shared with bench/annotation_latency.py.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import annotation_latency as ink  # (the bench folder's own module)

PAGE_TURN_SECONDS = 5


class LoadRun(ink.Run):
    """The ink benchmark's presenter, turning pages between pen batches."""

    frame = 0
    turn_every = 300
    """Batches between page turns (set from the pen's rate)."""

    def send(self, presenter, stroke_id: str, offset: int, points: list) -> None:
        super().send(presenter, stroke_id, offset, points)
        self.frame += 1
        if self.frame % self.turn_every:
            return
        page = (self.frame // self.turn_every) % 2
        self.turns_sent.append(time.perf_counter())
        if self.ours:
            presenter.emit("page:set", {"meeting_id": self.meeting_id,
                                        "document_id": self.document_id, "page": page})
        else:  # the bare relay broadcasts it the same way (followers ignore its kind)
            presenter.emit("points", {"kind": "state", "page": page})


ProcessMeter = ink.ProcessMeter  # (bench/idle_pings.py takes it from here)


def per_delivery_us(measured: ink.Measured, pen_hz: float, followers: int) -> float:
    """The server's CPU time for each (batch sent, follower) while the pen streamed."""
    return measured.pen_cpu * 1e6 / pen_hz / followers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--followers", type=int, nargs="+", default=[200])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--per-process", type=int, default=50)
    parser.add_argument("--pen-hz", type=float, default=60.0,
                        help="pen batches a second (60: every frame, the issue's load; the "
                             "app sends 20 a second in a room of over 150, see "
                             "meeting.core.ink.batch_interval_ms)")
    parser.add_argument("--turn-seconds", type=float, default=PAGE_TURN_SECONDS,
                        help="seconds between page turns")
    args = parser.parse_args()
    ink.Followers.PER_PROCESS = args.per_process

    workdir = Path(tempfile.mkdtemp(prefix="meeting-bench-load-"))
    ours_process, ours_url, meeting_id = ink.start_ours(workdir / "server", max(args.followers))
    bare_process, bare_url = ink.start_bare()
    try:
        print(f"loopback, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the "
              f"start; followers in processes of {args.per_process}; pen at {args.pen_hz:g} "
              f"batches/s (a 240 Hz pen) and a page turn every {args.turn_seconds:g} s, for "
              f"{args.seconds:g} s; {int(args.seconds * args.pen_hz)} batches sent")
        print(f"{'followers':>9} {'server':<22} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} "
              f"{'got':>6} {'turn p50':>9} {'turn p99':>9} {'CPU':>6} {'pen CPU':>8} "
              f"{'us/dlv':>7} {'peak MB':>8}")
        for count in args.followers:
            results = {}
            for name, run, process in (
                    ("bare python-socketio", LoadRun(bare_url, ours=False), bare_process),
                    ("meeting-server", LoadRun(ours_url, ours=True, meeting_id=meeting_id,
                                               document_id=1), ours_process)):
                meter = ProcessMeter(process.pid)
                run.turn_every = max(1, int(args.turn_seconds * args.pen_hz))
                measured = ink.measure(run, count, args.seconds, args.pen_hz,
                                       server_pid=process.pid)
                results[name] = (measured, meter.cpu_share(), meter.peak_mb())
                print(f"{count:>9} {name:<22} {ink.pct(measured.latencies, 0.5):8.2f} "
                      f"{ink.pct(measured.latencies, 0.99):8.2f} {measured.missing:7d} "
                      f"{measured.messages:6.0f} {ink.pct(measured.turns, 0.5):9.2f} "
                      f"{ink.pct(measured.turns, 0.99):9.2f} {results[name][1]:6.2f} "
                      f"{measured.pen_cpu:8.2f} "
                      f"{per_delivery_us(measured, args.pen_hz, count):7.1f} "
                      f"{results[name][2]:8.0f}", flush=True)
            (bare, bare_cpu, _), (ours, ours_cpu, _) = results.values()
            print(f"{count:>9} ratio meeting-server / bare: "
                  f"p50 x{ink.pct(ours.latencies, 0.5) / ink.pct(bare.latencies, 0.5):.2f}, "
                  f"p99 x{ink.pct(ours.latencies, 0.99) / ink.pct(bare.latencies, 0.99):.2f}, "
                  f"turn p50 x{ink.pct(ours.turns, 0.5) / ink.pct(bare.turns, 0.5):.2f}, "
                  f"turn p99 x{ink.pct(ours.turns, 0.99) / ink.pct(bare.turns, 0.99):.2f}, "
                  f"CPU x{ours_cpu / bare_cpu:.2f}; load average now "
                  f"{os.getloadavg()[0]:.1f}", flush=True)
    finally:
        ink.stop_servers((ours_process, bare_process), workdir)


if __name__ == "__main__":
    main()
