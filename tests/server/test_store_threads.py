"""The store's threads (server/store_threads.py): work for changes goes before arrivals'
work queued earlier; each kind keeps the order asked; errors reach whoever waits."""

from __future__ import annotations

import asyncio
import threading

import pytest

from server.store_threads import StoreThreads, Urgency


def test_a_change_goes_before_the_arrivals_queued_ahead_of_it():
    async def scenario() -> list[str]:
        threads, done, busy = StoreThreads(1, "test-store"), [], threading.Event()
        try:
            first = threads.run(busy.wait)  # (holds the one thread while the queue fills)
            arrivals = [threads.run(lambda n=n: done.append(f"a{n}"), Urgency.ARRIVAL)
                        for n in range(5)]
            changes = [threads.run(lambda n=n: done.append(f"c{n}")) for n in range(3)]
            busy.set()
            await asyncio.wait_for(asyncio.gather(first, *arrivals, *changes), 5)
        finally:
            threads.shutdown()
        return done

    assert asyncio.run(scenario()) == ["c0", "c1", "c2", "a0", "a1", "a2", "a3", "a4"]


def test_results_and_errors_reach_whoever_waits():
    async def scenario() -> None:
        threads = StoreThreads(2, "test-store")
        try:
            assert await threads.run(lambda: 6 * 7) == 42
            with pytest.raises(ZeroDivisionError):
                await threads.run(lambda: 1 / 0, Urgency.ARRIVAL)
            assert await threads.run(lambda: "still working") == "still working"
        finally:
            threads.shutdown()

    asyncio.run(scenario())


def test_work_cancelled_before_it_starts_is_skipped():
    async def scenario() -> list[str]:
        threads, done, busy = StoreThreads(1, "test-store"), [], threading.Event()
        try:
            first = threads.run(busy.wait)
            skipped = threads.run(lambda: done.append("skipped"))
            kept = threads.run(lambda: done.append("kept"))
            skipped.cancel()
            busy.set()
            await asyncio.wait_for(asyncio.gather(first, kept), 5)
        finally:
            threads.shutdown()
        return done

    assert asyncio.run(scenario()) == ["kept"]


def test_shutdown_finishes_the_work_queued_then_refuses_more():
    async def scenario() -> None:
        threads, done, busy = StoreThreads(2, "test-store"), [], threading.Event()
        threads.run(busy.wait)
        queued = [threads.run(lambda n=n: done.append(n), Urgency.ARRIVAL) for n in range(3)]
        busy.set()
        await asyncio.to_thread(threads.shutdown)
        await asyncio.wait_for(asyncio.gather(*queued), 5)
        assert sorted(done) == [0, 1, 2]
        with pytest.raises(RuntimeError):
            threads.run(lambda: None)

    asyncio.run(scenario())


def test_several_threads_run_work_at_once():
    async def scenario() -> list[int]:
        threads, arrived = StoreThreads(3, "test-store"), threading.Barrier(3, timeout=5)
        try:
            return await asyncio.wait_for(  # (all three meet, or the barrier breaks)
                asyncio.gather(*(threads.run(arrived.wait) for _ in range(3))), 5)
        finally:
            threads.shutdown()

    assert sorted(asyncio.run(scenario())) == [0, 1, 2]


def test_no_thread_starts_before_there_is_work():
    threads = StoreThreads(2, "test-store-unused")
    assert not [t for t in threading.enumerate() if t.name.startswith("test-store-unused")]
    threads.shutdown()  # (and a shutdown unused waits for nothing)
