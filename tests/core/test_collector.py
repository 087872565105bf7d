"""The server freezes what start-up made, so a full collection during a meeting walks only what
the meeting made (meeting/core/collector.py), and the collector still reclaims cycles made later.
Run in a fresh interpreter: freezing the test process's own heap would change every test
after this one."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import gc, sys, tempfile, weakref
    from pathlib import Path
    from server.app import create_app
    from meeting.core.collector import freeze_startup_objects

    app = create_app(Path(tempfile.mkdtemp()))
    alive = len(gc.get_objects())
    frozen = freeze_startup_objects()
    assert gc.isenabled(), "the collector was turned off"
    assert frozen >= alive * 0.9, (frozen, alive)
    assert len(gc.get_objects()) < alive / 10, "start-up's objects are still walked"

    class Node:
        pass
    first, second = Node(), Node()
    first.other, second.other = second, first  # a cycle made while serving
    gone = weakref.ref(first)
    del first, second
    gc.collect()
    assert gone() is None, "a cycle made after start-up was not reclaimed"
    print("ok", frozen)
""")


def test_start_up_objects_are_frozen_and_later_cycles_still_collected(tmp_path):
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok")
    assert int(done.stdout.split()[1]) > 10_000  # (a server's start-up heap, not a toy's)
