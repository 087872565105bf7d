"""server/connection_order.py: a connection's events go to their handlers in the order they
came, whichever finished its session check first; other connections never wait."""

from __future__ import annotations

import asyncio

from server.connection_order import ConnectionOrder


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_an_event_waits_for_the_one_before_it_to_go():
    async def scenario() -> list[str]:
        order, went = ConnectionOrder(), []
        first, second = order.place("a"), order.place("a")

        async def event(name, place, checked: asyncio.Event) -> None:
            await checked.wait()  # (its session check, which may answer in any order)
            await place.wait()
            place.go()
            went.append(name)

        slow, fast = asyncio.Event(), asyncio.Event()
        tasks = [asyncio.create_task(event("first", first, slow)),
                 asyncio.create_task(event("second", second, fast))]
        fast.set()
        await _settle()
        assert went == []  # the second's check answered first, and it waits
        slow.set()
        await asyncio.gather(*tasks)
        return went

    assert asyncio.run(scenario()) == ["first", "second"]


def test_other_connections_do_not_wait():
    async def scenario() -> None:
        order = ConnectionOrder()
        order.place("a")  # (never goes)
        other = order.place("b")
        await asyncio.wait_for(other.wait(), 1)

    asyncio.run(scenario())


def test_an_event_that_gives_up_lets_the_next_one_go_and_is_forgotten():
    async def scenario() -> None:
        order = ConnectionOrder()
        first, second = order.place("a"), order.place("a")
        waiting = asyncio.create_task(second.wait())
        await _settle()
        assert not waiting.done()
        first.go()  # (refused before its handler: the same for those behind it)
        await asyncio.wait_for(waiting, 1)
        second.go()
        assert order._last == {}  # nothing kept for a connection with nothing on its way

    asyncio.run(scenario())


def test_a_cancelled_wait_does_not_cancel_the_event_ahead():
    async def scenario() -> None:
        order = ConnectionOrder()
        first, second = order.place("a"), order.place("a")
        third = order.place("a")
        waiting = asyncio.create_task(second.wait())
        await _settle()
        waiting.cancel()
        await asyncio.gather(waiting, return_exceptions=True)
        second.go()
        later = asyncio.create_task(third.wait())
        await _settle()
        assert not later.done()  # still behind the first, which has not gone
        first.go()
        await asyncio.wait_for(later, 1)

    asyncio.run(scenario())
