"""Fuzzing every client event's payload against the real server, longer than the test suite.

    python bench/fuzz.py [--examples 5000] [--seed 0]

Starts a seeded server on loopback, joins an organizer who presents and a participant, and
sends hypothesis-made payloads (see tests/helpers/fuzz.py) for every event from both. Prints,
per event, how many were accepted and which refusal codes came back; exits 1 on the first
answer that is not the documented envelope or is an internal error (the failing case printed),
or if the server stops answering.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import requests
from hypothesis import HealthCheck, given, seed, settings

from tests.helpers.fuzz import check_reply, events_and_payloads
from tests.helpers.live import SAMPLES, LiveServer
from tests.helpers.live import seed as seed_server


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        seeded = seed_server(Path(folder), sorted(SAMPLES.glob("*.pdf")))
        live = LiveServer(Path(folder)).start()
        try:
            peers = [live.peer("olga"), live.peer("paul")]
            for peer in peers:
                peer.call("meeting:join", {"meeting_id": seeded.meeting_id})
            answers: dict[str, Counter] = defaultdict(Counter)

            @seed(args.seed)
            @settings(max_examples=args.examples, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(case=events_and_payloads(seeded.meeting_id, seeded.documents))
            def fuzz(case):
                event, payload = case
                for peer in peers:
                    reply = (peer.call(str(event)) if payload is None
                             else peer.call(str(event), payload))
                    check_reply(event, payload, reply)
                    answers[str(event)]["ok" if reply["ok"] else reply["error"]["code"]] += 1

            started = time.perf_counter()
            fuzz()
            seconds = time.perf_counter() - started
            health = requests.get(f"{live.url}/health", timeout=5).json()["status"]
        finally:
            live.stop()
    total = sum(sum(c.values()) for c in answers.values())
    print(f"{total} requests ({args.examples} cases × 2 senders) in {seconds:.1f} s, "
          f"{total / seconds:.0f}/s; server health afterwards: {health}")
    for event in sorted(answers):
        counts = ", ".join(f"{code} {n}" for code, n in answers[event].most_common())
        print(f"  {event:20} {counts}")
    return 0 if health == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
