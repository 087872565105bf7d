"""Work to do later, by key: once per key at a time, and nothing after `close`."""

from __future__ import annotations

import threading

from meeting.core.later import Later


def test_one_wait_per_key_and_none_after_close():
    later, done = Later(), threading.Event()
    calls: list[str] = []

    def due(what: str) -> None:
        calls.append(what)
        done.set()

    assert later.call("a", 0.01, due, "first")
    assert not later.call("a", 0.01, due, "again")  # (already waiting)
    assert later.waiting("a")
    assert done.wait(5)
    assert calls == ["first"] and not later.waiting("a")
    assert later.call("b", 60, due, "never")
    later.close()  # (cancels what still waits)
    assert not later.waiting("b") and not later.call("c", 0, due, "closed")
    assert calls == ["first"]
