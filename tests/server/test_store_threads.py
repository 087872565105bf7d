"""The store's threads (server/store_threads.py): work for changes goes before arrivals'
work queued earlier; each kind keeps the order asked; errors reach whoever waits."""

from __future__ import annotations

import threading

import pytest

from server.store_threads import StoreThreads, Urgency


def test_a_change_goes_before_the_arrivals_queued_ahead_of_it():
    threads, done, busy = StoreThreads(1, "test-store"), [], threading.Event()
    try:
        first = threads.submit(busy.wait)  # (holds the one thread while the queue fills)
        arrivals = [threads.submit(lambda n=n: done.append(f"a{n}"), Urgency.ARRIVAL)
                    for n in range(5)]
        changes = [threads.submit(lambda n=n: done.append(f"c{n}")) for n in range(3)]
        busy.set()
        for future in [first, *arrivals, *changes]:
            future.result(5)
    finally:
        threads.shutdown()
    assert done == ["c0", "c1", "c2", "a0", "a1", "a2", "a3", "a4"]


def test_results_and_errors_reach_whoever_waits():
    threads = StoreThreads(2, "test-store")
    try:
        assert threads.submit(lambda: 6 * 7).result(5) == 42
        with pytest.raises(ZeroDivisionError):
            threads.submit(lambda: 1 / 0, Urgency.ARRIVAL).result(5)
        assert threads.submit(lambda: "still working").result(5) == "still working"
    finally:
        threads.shutdown()


def test_shutdown_finishes_the_work_queued_then_refuses_more():
    threads, done, busy = StoreThreads(1, "test-store"), [], threading.Event()
    threads.submit(busy.wait)
    queued = [threads.submit(lambda n=n: done.append(n), Urgency.ARRIVAL) for n in range(3)]
    busy.set()
    threads.shutdown()
    assert done == [0, 1, 2] and all(future.done() for future in queued)
    with pytest.raises(RuntimeError):
        threads.submit(lambda: None)


def test_several_threads_run_work_at_once():
    threads, arrived = StoreThreads(3, "test-store"), threading.Barrier(3, timeout=5)
    try:
        futures = [threads.submit(arrived.wait) for _ in range(3)]  # (all three meet)
        assert sorted(future.result(5) for future in futures) == [0, 1, 2]
    finally:
        threads.shutdown()
