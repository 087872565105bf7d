"""Prints every full collection of the garbage collector longer than 3 ms, in every Python
process started with this folder on PYTHONPATH (the servers, the bench's presenter and its
follower workers), with the process id and the time it took:

    PYTHONPATH=bench/gc_pauses .venv/bin/python bench/load.py --followers 200 --seconds 10

How the 200-follower tail of load.py was found to be the servers' full collections (see
meeting/core/collector.py and bench/README.md)."""

import gc
import os
import sys
import time

_started = [0.0]


def _timed(phase: str, info: dict) -> None:
    if phase == "start":
        _started[0] = time.perf_counter()
        return
    took = time.perf_counter() - _started[0]
    if info["generation"] == 2 and took > 0.003:
        print(f"[gc {os.getpid()} {sys.argv[0].rsplit('/', 1)[-1]} {' '.join(sys.argv[1:2])}] "
              f"full collection {took * 1000:.1f} ms, {info['collected']} collected",
              file=sys.stderr, flush=True)


gc.callbacks.append(_timed)
