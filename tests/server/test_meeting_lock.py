"""The meeting's lock (server/meeting_lock.py): changes in order and alone, reads beside each
other up to a limit, and a change waiting goes before every read still waiting."""

from __future__ import annotations

import asyncio

import pytest

from server.meeting_lock import MeetingLock


async def _hold(lock: MeetingLock, name: str, log: list[str], release: asyncio.Event,
                *, shared: bool) -> None:
    context = lock.shared() if shared else lock
    async with context:
        log.append(f"+{name}")
        await release.wait()
        log.append(f"-{name}")


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_changes_run_one_at_a_time_in_the_order_asked():
    async def scenario() -> list[str]:
        lock, log, go = MeetingLock(4), [], asyncio.Event()
        tasks = [asyncio.create_task(_hold(lock, f"c{n}", log, go, shared=False))
                 for n in range(3)]
        await _settle()
        assert log == ["+c0"]  # the others wait
        go.set()
        await asyncio.gather(*tasks)
        return log

    assert asyncio.run(scenario()) == ["+c0", "-c0", "+c1", "-c1", "+c2", "-c2"]


def test_reads_share_the_lock_up_to_the_limit_and_never_during_a_change():
    async def scenario() -> None:
        lock, log = MeetingLock(2), []
        change_done, reads_done = asyncio.Event(), asyncio.Event()
        change = asyncio.create_task(_hold(lock, "c", log, change_done, shared=False))
        await _settle()
        reads = [asyncio.create_task(_hold(lock, f"r{n}", log, reads_done, shared=True))
                 for n in range(3)]
        await _settle()
        assert log == ["+c"]  # no read while the change runs
        change_done.set()
        await _settle()
        assert log == ["+c", "-c", "+r0", "+r1"]  # two at once, in the order asked
        assert lock.locked()
        reads_done.set()
        await asyncio.gather(change, *reads)
        assert log[-1] == "-r2" and "+r2" in log

    asyncio.run(scenario())


def test_a_change_goes_before_the_reads_still_waiting():
    """The room's rejoin storm: 20 joins waiting, two under way; the presenter's page turn
    waits only for the two."""
    async def scenario() -> list[str]:
        lock, log = MeetingLock(2), []
        reads_go, change_go = asyncio.Event(), asyncio.Event()
        reads = [asyncio.create_task(_hold(lock, f"r{n}", log, reads_go, shared=True))
                 for n in range(20)]
        await _settle()
        change = asyncio.create_task(_hold(lock, "c", log, change_go, shared=False))
        await _settle()
        assert log == ["+r0", "+r1"]
        reads_go.set()
        await _settle()
        assert log[:5] == ["+r0", "+r1", "-r0", "-r1", "+c"]  # before r2 … r19
        change_go.set()
        await asyncio.gather(change, *reads)
        return log

    log = asyncio.run(scenario())
    assert log.index("-c") < log.index("+r2")


def test_a_read_asked_while_a_change_waits_waits_for_it():
    async def scenario() -> list[str]:
        lock, log = MeetingLock(4), []
        first_go, change_go = asyncio.Event(), asyncio.Event()
        first = asyncio.create_task(_hold(lock, "r0", log, first_go, shared=True))
        await _settle()
        change = asyncio.create_task(_hold(lock, "c", log, change_go, shared=False))
        await _settle()
        later = asyncio.create_task(_hold(lock, "r1", log, first_go, shared=True))
        await _settle()
        assert log == ["+r0"]  # r1 does not slip in beside r0 ahead of the change
        first_go.set()
        change_go.set()
        await asyncio.gather(first, change, later)
        return log

    assert asyncio.run(scenario()) == ["+r0", "-r0", "+c", "-c", "+r1", "-r1"]


def test_a_waiter_cancelled_leaves_the_lock_usable():
    async def scenario() -> list[str]:
        lock, log = MeetingLock(1), []
        hold_go, never = asyncio.Event(), asyncio.Event()
        holder = asyncio.create_task(_hold(lock, "c0", log, hold_go, shared=False))
        await _settle()
        cancelled_change = asyncio.create_task(_hold(lock, "cx", log, never, shared=False))
        read = asyncio.create_task(_hold(lock, "r", log, hold_go, shared=True))
        await _settle()
        cancelled_change.cancel()
        hold_go.set()  # (the release comes while the cancelled task has not yet left)
        await asyncio.gather(holder, read)
        with pytest.raises(asyncio.CancelledError):
            await cancelled_change
        assert not lock.locked()
        async with lock:
            log.append("after")
        return log

    assert asyncio.run(scenario()) == ["+c0", "-c0", "+r", "-r", "after"]


def test_a_waiter_cancelled_after_being_granted_gives_the_lock_back():
    async def scenario() -> None:
        lock = MeetingLock(1)
        await lock.__aenter__()
        waiter = asyncio.create_task(lock.__aenter__())
        await _settle()
        await lock.__aexit__(None, None, None)  # granted to the waiter …
        waiter.cancel()  # … which is cancelled before it runs
        with pytest.raises(asyncio.CancelledError):
            await waiter
        assert not lock.locked()
        await asyncio.wait_for(lock.__aenter__(), 1)

    asyncio.run(scenario())
