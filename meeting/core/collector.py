"""Python's garbage collector, kept from stalling a meeting (the server's and the client's).

A full collection walks every object the process holds and sends nothing meanwhile. Once the
server is up that is mostly what it loaded to start (modules, the protocol's models, the
store): about 100,000 objects, which the collector walked again every few seconds under a
fast pen, 60–90 ms each time on a 2-core machine. Those pauses were the 200-follower tail of
bench/load.py, the bare python-socketio relay's as much as ours. The desktop client (with the
demo's embedded server) holds about 140,000 at start: 65 ms a full collection, four frames of
a pen or a page turn frozen. Freezing what start-up made moves it out of the collector's reach
for good (it is never garbage: it lives as long as the process), so a full collection walks
only what the meeting made since (the server's: 10–16 ms). The collector itself stays on, so
cycles made while serving are still reclaimed."""

from __future__ import annotations

import gc


def freeze_startup_objects() -> int:
    """Collect what start-up left behind, then freeze every object still alive; call once, when
    the server is ready to serve. Returns how many objects were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
