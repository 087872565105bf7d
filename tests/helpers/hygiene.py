"""What a test must not leave behind: threads, top-level widgets, running timers, exceptions
raised inside Qt's event loop. Each one left over makes a later test fail for this test's
fault (the flaky teardown of issue 14 was a window's lambda outliving it on a bridge)."""

from __future__ import annotations

import gc
import threading
import time

THREAD_GRACE_S = 5.0
"""How long a thread the test stopped may take to end: a join, not a sleep (it returns as soon
as the thread is gone), bounded so a thread that never ends fails instead of hanging."""


def threads_left(before: set[threading.Thread]) -> list[threading.Thread]:
    """Threads started during the test that are still alive once it has torn down."""
    deadline = time.monotonic() + THREAD_GRACE_S
    left = []
    for thread in threading.enumerate():
        if thread in before or isinstance(thread, threading._DummyThread):
            continue  # (one Qt or C code started, that once ran Python: it cannot be joined)
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            left.append(thread)
    return left


def describe_threads(threads: list[threading.Thread]) -> str:
    return ", ".join(f"{t.name} (target {getattr(t, '_target', None)!r})" for t in threads)


def running_timers() -> list:
    """QTimers still running: those Python holds (the garbage collector sees every wrapper)."""
    import shiboken6
    from PySide6.QtCore import QTimer

    return [o for o in gc.get_objects()
            if isinstance(o, QTimer) and shiboken6.isValid(o) and o.isActive()]


def describe_timer(timer) -> str:
    owner = timer.parent()
    return (f"QTimer every {timer.interval()} ms, owned by "
            f"{type(owner).__name__ if owner is not None else 'nobody'}"
            f"{' (' + timer.objectName() + ')' if timer.objectName() else ''}")
