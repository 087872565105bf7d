"""A large upload stops nobody else: its hash and its fsync run off the event loop (issue 18).

Hashing 190 MB on the loop stops it for about half a second on this machine (the fsync for as
long as the disk takes); in a thread, both release the interpreter lock and `/health` keeps
answering in milliseconds (bench/server_stall.py measures the three ways).
"""

from __future__ import annotations

import requests

from tests.helpers.live import login
from tests.helpers.stall import Prober, big_pdf

MEGABYTES = 190


def test_health_answers_while_a_large_upload_is_hashed_and_stored(seeded_server, tmp_path):
    live, seeded = seeded_server
    big = big_pdf(tmp_path / "big.pdf", MEGABYTES)
    token = login(live.url, "olga")
    with Prober(live.url) as probe, open(big, "rb") as body:
        answer = requests.post(f"{live.url}/api/meetings/{seeded.meeting_id}/documents",
                               params={"filename": "big.pdf"}, data=body,
                               headers={"Authorization": f"Bearer {token}"}, timeout=120)
    assert answer.status_code == 201, answer.text
    assert len(probe.latencies) > 10
    assert max(probe.latencies) < 0.25, sorted(probe.latencies)[-5:]
