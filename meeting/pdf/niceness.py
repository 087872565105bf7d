"""The server's PDF workers yield the CPU to its event loop.

On a 2-core server, two workers drawing heavy pages take both cores; at equal priority the
event loop then gets a third of one, and `/health` and every meeting's page turns wait on the
scheduler (p99 above 100 ms, measured with bench/server_stall.py). A worker that lowers its
own priority (nice 10: about a tenth of the loop's weight) still draws at full speed on an
idle core, and steps aside the moment the loop has work. Each server job calls `yield_cpu`
first; only the first call in a process does anything.
"""

from __future__ import annotations

import contextlib
import os

NICENESS = 10
_lowered = False


def yield_cpu() -> None:
    global _lowered
    if not _lowered:
        _lowered = True
        with contextlib.suppress(OSError, AttributeError):  # (no os.nice on Windows)
            os.nice(NICENESS)
