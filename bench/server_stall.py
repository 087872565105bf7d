"""Does anything one user asks for stop the server for everyone else? (issue 18)

    .venv/bin/python bench/server_stall.py [--corpus ../shared/corpus] [--renders 3]

A real `meeting-server` in its own process, two meetings. While paul asks for heavy things in
one, `/health` is asked every 10 ms and olga turns pages in the other; each phase is printed
against the idle phase of the same run:
  idle      nothing else happening;
  slowest   the corpus's slowest page (pdfjs__issue1905.pdf) at 4096 px, `--renders` times at
            widths 4096, 3968, … (each drawn, none from the cache);
  hostile   a page that never finishes drawing (tests/helpers/hostile_pdf.py): the time until
            paul is told it cannot be drawn (the server's 20 s limit);
  upload    a 150 MB PDF uploaded (checked in the pool, hashed and fsynced in a thread);
  corpus    page 1 of every corpus file at 1280 and 4096 px, one after the other.
Then: the hashing of that upload on the event loop itself, in a thread and in a process (the
longest stall of a 5 ms asyncio ticker while it runs), and the server's peak resident memory
(VmHWM) with its PDF workers', and whether PyMuPDF was ever loaded into the server's process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests

from server.store.blobs import sha256_of
from tests.helpers.hostile_pdf import write_hostile_pdf
from tests.helpers.live import CORPUS, Peer, login, seed
from tests.helpers.stall import Heavy, Prober, add_heavy_meeting, big_pdf, p99

ROOT = Path(__file__).resolve().parents[1]
SLOWEST = "pdfjs__issue1905.pdf"
UPLOAD_MB = 150


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(data_dir: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "server.cli", "--data-dir", str(data_dir),
                                "--port", str(port), "--log-level", "ERROR"], cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            requests.get(f"{url}/health", timeout=1)
            return process, url
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


class Phase:
    """One phase: /health latencies and the other meeting's page turns while `work` runs."""

    def __init__(self, name: str, url: str, turner: Peer, meeting_id: int, document_id: int):
        self.name, self.url, self.turner = name, url, turner
        self.meeting_id, self.document_id = meeting_id, document_id
        self.health: list[float] = []
        self.turns: list[float] = []
        self.note = ""

    def run(self, work: Callable[[], str]) -> Phase:
        with ThreadPoolExecutor(1) as pool, Prober(self.url) as probe:
            started = time.perf_counter()
            done = pool.submit(work)
            while not done.done():
                self._turn()
            self.note = f"{done.result()} in {time.perf_counter() - started:.1f} s"
        self.health = probe.latencies
        return self

    def _turn(self) -> None:
        started = time.perf_counter()
        self.turner.call("page:set", {"meeting_id": self.meeting_id,
                                      "document_id": self.document_id,
                                      "page": len(self.turns) % 2})
        self.turns.append(time.perf_counter() - started)

    def line(self, idle: Phase | None) -> str:
        health50, health99 = statistics.median(self.health), p99(self.health)
        turn50 = statistics.median(self.turns)
        ratio = f"x{turn50 / statistics.median(idle.turns):5.2f}" if idle else "      "
        return (f"{self.name:8} {ms(health50)} {ms(health99)} {ms(max(self.health))} "
                f"{ms(turn50)} {ms(p99(self.turns))} {ratio}  {self.note}")


def hash_stall(path: Path) -> dict[str, float]:
    """The longest gap of a 5 ms asyncio ticker while the file is hashed three ways."""

    async def measure(how: str) -> float:
        loop = asyncio.get_running_loop()
        gaps: list[float] = []

        async def tick() -> None:
            last = time.perf_counter()
            while True:
                await asyncio.sleep(0.005)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        ticker = asyncio.create_task(tick())
        await asyncio.sleep(0.05)
        started = time.perf_counter()
        if how == "event loop":
            sha256_of(path)
        elif how == "thread":
            await asyncio.to_thread(sha256_of, path)
        else:
            with ProcessPoolExecutor(1) as processes:
                await loop.run_in_executor(processes, sha256_of, path)
        took = time.perf_counter() - started
        await asyncio.sleep(0.02)
        ticker.cancel()
        return max(gaps) - 0.005, took

    results = {}
    for how in ("event loop", "thread", "process"):
        results[how] = asyncio.run(measure(how))
    return results


def memory(pid: int) -> tuple[float, list[float], bool]:
    """The server's VmHWM in MB, its children's, and whether it has PyMuPDF's library mapped."""
    def peak(of: int) -> float:
        for line in Path(f"/proc/{of}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children += [int(c) for c in (task / "children").read_text().split()]
    workers = []
    for child in children:  # the fork server, and the workers it forked
        grandchildren = []
        for task in Path(f"/proc/{child}/task").iterdir():
            grandchildren += [int(c) for c in (task / "children").read_text().split()]
        workers += [peak(g) for g in grandchildren] + [peak(child)]
    maps = Path(f"/proc/{pid}/maps").read_text()
    return peak(pid), workers, "mupdf" in maps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--renders", type=int, default=3)
    args = parser.parse_args()
    samples = sorted((ROOT / "meeting" / "resources" / "samples").glob("*.pdf"))
    work = Path(tempfile.mkdtemp(prefix="meeting-bench-stall-"))
    data = work / "server"
    seeded = seed(data, samples)
    heavy: Heavy = add_heavy_meeting(data, {
        "slowest": args.corpus / SLOWEST, "hostile": write_hostile_pdf(work / "hostile.pdf"),
        "plain": samples[0]})
    upload = big_pdf(work / "big.pdf", UPLOAD_MB)
    process, url = start_server(data)
    try:
        olga = Peer(url, login(url, "olga"))
        olga.call("meeting:join", {"meeting_id": seeded.meeting_id})
        paul = {"Authorization": f"Bearer {login(url, 'paul')}"}
        olgas = {"Authorization": f"Bearer {login(url, 'olga')}"}

        def page(document: int, width: int, meeting: int = heavy.meeting_id) -> int:
            return requests.get(f"{url}/api/meetings/{meeting}/documents/{document}/pages/0",
                                params={"width": str(width)}, headers=paul,
                                timeout=120).status_code

        def slowest() -> str:
            codes = [page(heavy.slowest, 4096 - 128 * n) for n in range(args.renders)]
            return f"{args.renders} renders, answers {codes}"

        def hostile() -> str:
            return f"answer {page(heavy.hostile, 4096)}"

        def upload_it() -> str:
            with open(upload, "rb") as body:
                answer = requests.post(f"{url}/api/meetings/{seeded.meeting_id}/documents",
                                       params={"filename": "big.pdf"}, data=body,
                                       headers=olgas, timeout=300)
            return f"{UPLOAD_MB} MB, answer {answer.status_code}"

        corpus_pdfs = sorted(args.corpus.glob("*.pdf"))
        corpus_meeting = add_corpus(data, corpus_pdfs, url) if corpus_pdfs else None

        def corpus() -> str:
            assert corpus_meeting is not None
            codes = [page(document, width, corpus_meeting[0])
                     for document in corpus_meeting[1] for width in (1280, 4096)]
            return f"{len(codes)} pages, {codes.count(200)} drawn"

        turner = (olga, seeded.meeting_id, seeded.documents[1])
        idle = Phase("idle", url, *turner).run(lambda: time.sleep(5) or "nothing else")
        phases = [Phase("slowest", url, *turner).run(slowest),
                  Phase("hostile", url, *turner).run(hostile),
                  Phase("upload", url, *turner).run(upload_it)]
        if corpus_meeting:
            phases.append(Phase("corpus", url, *turner).run(corpus))
        print(f"{os.cpu_count()} cores, loopback; milliseconds; page turn = olga's page:set "
              f"round trip in the other meeting, ratio to idle")
        print(f"{'phase':8} {'health50':>8} {'health99':>8} {'healthmx':>8} {'turn50':>8} "
              f"{'turn99':>8} {'ratio':>6}")
        print(idle.line(None))
        for phase in phases:
            print(phase.line(idle))
        server_mb, workers_mb, loaded = memory(process.pid)
        print(f"server process peak RSS {server_mb:.0f} MB (PyMuPDF loaded in it: "
              f"{'yes' if loaded else 'no'}); its PDF processes' peaks "
              f"{', '.join(f'{w:.0f}' for w in workers_mb)} MB (fork server and live workers)")
        olga.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    print(f"hashing the {UPLOAD_MB} MB upload: longest event-loop stall / time taken")
    for how, (stall, took) in hash_stall(upload).items():
        print(f"  {how:10} stall {ms(stall)} ms  took {ms(took)} ms")
    shutil.rmtree(work, ignore_errors=True)


def add_corpus(data: Path, pdfs: list[Path], url: str) -> tuple[int, list[int]] | None:
    """A third meeting (made with the command line, as an administrator would) with every
    corpus file the server accepts, uploaded by olga; paul is invited."""
    headers = {"Authorization": f"Bearer {login(url, 'olga')}"}
    output = subprocess.run([sys.executable, "-m", "server.cli", "--data-dir", str(data),
                             "meeting", "create", "Corpus", "--presenter", "olga"],
                            capture_output=True, text=True, check=True, cwd=ROOT).stdout
    meeting_id = int(output.split()[-1])
    subprocess.run([sys.executable, "-m", "server.cli", "--data-dir", str(data), "meeting",
                    "invite", str(meeting_id), "paul"], capture_output=True, check=True,
                   cwd=ROOT)
    documents = []
    for pdf in pdfs:
        with open(pdf, "rb") as body:
            answer = requests.post(f"{url}/api/meetings/{meeting_id}/documents",
                                   params={"filename": pdf.name}, data=body, headers=headers,
                                   timeout=120)
        if answer.status_code == 201:
            documents.append(answer.json()["data"]["id"])
    return meeting_id, documents


if __name__ == "__main__":
    main()
