"""What the short engine.io ping costs: the server's CPU and traffic with N idle connections.

    python bench/idle_pings.py [--connections 500] [--seconds 30] [--ping 2 2]

A silent link is noticed within ping interval + ping timeout (server/app.py: 2 + 2 s), so
every connection gets a ping every 2 s and answers it. This starts a real `meeting-server`
with those settings (or the ones given), opens N idle python-socketio connections from a
process of their own (they do nothing but answer pings), and prints the server's CPU time per
second.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

import requests
import socketio

sys.path.insert(0, str(Path(__file__).resolve().parent))

import annotation_latency as ink  # (the bench folder's own module)
from load import ProcessMeter

from meeting.core.protocol import PROTOCOL_VERSION


def idle_clients(url: str, token: str, count: int, seconds: float, ready) -> None:
    async def run() -> None:
        clients = [socketio.AsyncClient(reconnection=False) for _ in range(count)]
        for start in range(0, count, 50):  # (a few at a time: the server's accept queue)
            await asyncio.gather(*(c.connect(url, auth={"token": token,
                                                        "protocol": PROTOCOL_VERSION},
                                             transports=["websocket"], wait_timeout=30)
                                   for c in clients[start:start + 50]))
        ready.set()
        await asyncio.sleep(seconds + 10)
        await asyncio.gather(*(c.disconnect() for c in clients), return_exceptions=True)

    asyncio.run(run())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--connections", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--ping", type=float, nargs=2, metavar=("INTERVAL", "TIMEOUT"))
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="meeting-bench-pings-"))
    launcher = None
    if args.ping:  # the same server, its ping settings replaced before the app is made
        launcher = [sys.executable, "-c", "import sys, server.app as a; a.PING_INTERVAL_S, "
                    f"a.PING_TIMEOUT_S = {args.ping[0]}, {args.ping[1]}; "
                    "from server.cli import main; sys.exit(main())"]
    process, url, _ = ink.start_ours(workdir / "server", 1, launcher)
    try:
        token = requests.post(f"{url}/api/login", json={"username": "paul",
                                                         "password": ink.PASSWORD},
                              timeout=30).json()["data"]["token"]
        ready = multiprocessing.get_context("spawn").Event()
        clients = multiprocessing.get_context("spawn").Process(
            target=idle_clients, args=(url, token, args.connections, args.seconds, ready))
        clients.start()
        assert ready.wait(120), "the connections did not open"
        time.sleep(3)  # (settled)
        meter = ProcessMeter(process.pid)
        time.sleep(args.seconds)
        cpu = meter.cpu_share()
        interval, timeout = args.ping or (2, 2)
        print(f"{args.connections} idle connections, ping every {interval:g} s (timeout "
              f"{timeout:g} s): server CPU {cpu * 100:.1f} % of one core, "
              f"{args.connections / interval:.0f} pings and pongs a second")
        clients.join(30)
    finally:
        ink.stop_servers((process,), workdir)


if __name__ == "__main__":
    main()
