"""The fast local delivery of server/fanout.py on a real python-socketio server over loopback,
with real Socket.IO clients: rooms, `skip_sid`, acknowledgements, closed and silent
connections, order, no task per recipient, and the Redis manager across two servers."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import socketio
from aiohttp import web
from socketio.async_pubsub_manager import AsyncPubSubManager

from server.fanout import FastLocalEmit, FastRedisManager, client_manager


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.asynccontextmanager
async def serving(manager: socketio.AsyncManager) -> AsyncIterator[tuple[socketio.AsyncServer,
                                                                         str]]:
    """A python-socketio server with `manager` on a free loopback port; a client joins a room
    with `join` (answered once it is in)."""
    sio = socketio.AsyncServer(async_mode="aiohttp", client_manager=manager)
    app = web.Application()
    sio.attach(app)

    @sio.on("join")
    async def join(sid: str, room: str) -> bool:
        await sio.enter_room(sid, room)
        return True

    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield sio, f"http://127.0.0.1:{port}"
    finally:
        await sio.shutdown()
        await runner.cleanup()


class Peer:
    """A real Socket.IO client that notes every `news` it gets, in order."""

    def __init__(self) -> None:
        self.client = socketio.AsyncClient(reconnection=False)
        self.news: list[object] = []
        self.client.on("news", self.news.append)
        self.client.on("ask", lambda question: f"answer to {question}")

    async def join(self, url: str, *rooms: str) -> Peer:
        await self.client.connect(url, transports=["websocket"], wait_timeout=10)
        for room in rooms:
            assert await self.client.call("join", room, timeout=10)
        return self

    @property
    def sid(self) -> str:
        return self.client.get_sid()

    async def settled(self, count: int) -> list[object]:
        """The news once `count` came (and a moment more, for any that should not have)."""
        deadline = time.monotonic() + 10
        while len(self.news) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
        return self.news


async def peers(url: str, *rooms: tuple[str, ...]) -> list[Peer]:
    return [await Peer().join(url, *joined) for joined in rooms]


async def leave(everyone: list[Peer]) -> None:
    for peer in everyone:
        await peer.client.disconnect()


def server_sid(sio: socketio.AsyncServer, peer: Peer) -> str:
    """The server's sid of a client's namespace connection."""
    return next(sid for sid, _ in sio.manager.get_participants("/", None)
                if sio.manager.eio_sid_from_sid(sid, "/") == peer.client.eio.sid)


def test_the_manager_is_the_fast_one():
    assert isinstance(client_manager(), FastLocalEmit)


def test_a_room_gets_it_and_nobody_else():
    async def scenario() -> None:
        async with serving(client_manager()) as (sio, url):
            olga, paul, otto = await peers(url, ("meeting:1", "meeting:1:user:olga"),
                                           ("meeting:1",), ("meeting:2",))
            await sio.emit("news", {"to": "room"}, room="meeting:1")
            await sio.emit("news", {"to": "olga only"}, room="meeting:1:user:olga")
            assert await olga.settled(2) == [{"to": "room"}, {"to": "olga only"}]
            assert await paul.settled(1) == [{"to": "room"}]
            assert await otto.settled(0) == []
            await leave([olga, paul, otto])

    asyncio.run(scenario())


def test_skip_sid_one_or_several():
    async def scenario() -> None:
        async with serving(client_manager()) as (sio, url):
            olga, paul, pia = await peers(url, ("r",), ("r",), ("r",))
            await sio.emit("news", 1, room="r", skip_sid=server_sid(sio, olga))
            await sio.emit("news", 2, room="r", skip_sid=[server_sid(sio, olga),
                                                          server_sid(sio, paul)])
            assert await olga.settled(0) == []
            assert await paul.settled(1) == [1]
            assert await pia.settled(2) == [1, 2]
            await leave([olga, paul, pia])

    asyncio.run(scenario())


def test_several_arguments_and_none():
    async def scenario() -> None:
        async with serving(client_manager()) as (sio, url):
            got: list[tuple] = []
            peer = Peer()
            peer.client.on("pair", lambda *args: got.append(args))
            await peer.join(url, "r")
            await sio.emit("pair", ("a", 2), room="r")
            await sio.emit("pair", None, room="r")
            await peer.settled(0)
            assert got == [("a", 2), ()]
            await leave([peer])

    asyncio.run(scenario())


def test_an_acknowledgement_still_comes_back():
    """An emit with a callback goes python-socketio's way (an id per recipient)."""
    async def scenario() -> None:
        async with serving(client_manager()) as (sio, url):
            (olga,) = await peers(url, ("r",))
            assert await sio.call("ask", "q", to=server_sid(sio, olga), timeout=10) == \
                "answer to q"
            await leave([olga])

    asyncio.run(scenario())


def test_order_holds_between_the_fast_way_and_the_library_way():
    async def scenario() -> None:
        async with serving(client_manager()) as (sio, url):
            (olga,) = await peers(url, ("r",))
            answers: list[str] = []
            for n in range(20):
                await sio.emit("news", n, room="r")
                if n % 5 == 0:
                    await sio.emit("ask", n, to=server_sid(sio, olga),
                                   callback=answers.append)
            assert await olga.settled(20) == list(range(20))
            await leave([olga])

    asyncio.run(scenario())


def test_a_closed_connection_is_skipped_and_the_others_get_it():
    async def scenario() -> None:
        async with serving(client_manager()) as (sio, url):
            olga, paul = await peers(url, ("r",), ("r",))
            gone = sio.eio.sockets[paul.client.eio.sid]
            gone.closed = True  # (what engine.io marks before the room forgets the connection)
            await sio.emit("news", "still", room="r")
            assert await olga.settled(1) == ["still"]
            assert gone.queue.qsize() == 0
            gone.closed = False
            await leave([olga, paul])

    asyncio.run(scenario())


def test_a_silent_connection_is_closed_the_library_way():
    """Its pings are overdue: engine.io's own send closes it; the room gets the message."""
    async def scenario() -> None:
        async with serving(client_manager()) as (sio, url):
            olga, paul = await peers(url, ("r",), ("r",))
            silent = sio.eio.sockets[paul.client.eio.sid]
            silent.last_ping = time.time() - 60
            await sio.emit("news", "hello", room="r")
            assert await olga.settled(1) == ["hello"]
            assert silent.closed or silent.closing
            await leave([olga, paul])

    asyncio.run(scenario())


def test_one_broadcast_makes_no_task_per_recipient():
    """python-socketio's AsyncManager makes one per recipient (30 here): the point of it."""
    async def scenario() -> None:
        async with serving(client_manager()) as (sio, url):
            everyone = await peers(url, *[("r",)] * 30)
            loop = asyncio.get_running_loop()
            made: list[object] = []

            def counting(loop: asyncio.AbstractEventLoop, coro, **kwargs) -> asyncio.Task:
                made.append(coro)
                return asyncio.Task(coro, loop=loop, **kwargs)

            loop.set_task_factory(counting)
            try:
                await sio.emit("news", "all", room="r")
            finally:
                loop.set_task_factory(None)
            assert len(made) == 0
            await everyone[-1].settled(1)
            assert [peer.news for peer in everyone] == [["all"]] * len(everyone)
            await leave(everyone)

    asyncio.run(scenario())


# --- several processes: python-socketio's Redis manager with the fast local delivery -------

def test_the_redis_manager_delivers_locally_the_fast_way():
    """Its `_handle_emit` (own broadcasts and those from other processes) calls `super().emit`:
    that must be FastLocalEmit's, after the pub/sub manager and before AsyncManager's."""
    order = FastRedisManager.__mro__
    assert order.index(AsyncPubSubManager) < order.index(FastLocalEmit) \
        < order.index(socketio.AsyncManager)
    assert isinstance(client_manager("redis://127.0.0.1:1/0"), FastRedisManager)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """A throw-away redis-server on a free loopback port (skipped without one, unless
    MEETING_REQUIRE_REDIS=1)."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("MEETING_REQUIRE_REDIS") == "1":
            pytest.fail("redis-server is required (MEETING_REQUIRE_REDIS=1) but not installed")
        pytest.skip("redis-server is not installed")
    folder: Path = tmp_path_factory.mktemp("redis")
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1",
                                "--dir", str(folder), "--save", "", "--appendonly", "no"],
                               stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port)):
                break
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)


def test_two_servers_on_redis_reach_each_others_rooms(redis_url):
    async def scenario() -> None:
        async with serving(client_manager(redis_url)) as (one, one_url), \
                serving(client_manager(redis_url)) as (_, two_url):
            olga, paul = await peers(one_url, ("r",), ("r", "r:user:paul"))
            pia, otto = await peers(two_url, ("r",), ("elsewhere",))
            await asyncio.sleep(0.2)  # (both managers listen on the channel)
            await one.emit("news", "all", room="r", skip_sid=server_sid(one, olga))
            await one.emit("news", "paul only", room="r:user:paul")
            assert await paul.settled(2) == ["all", "paul only"]
            assert await pia.settled(1) == ["all"]
            assert await olga.settled(0) == []
            assert await otto.settled(0) == []
            await leave([olga, paul, pia, otto])

    asyncio.run(scenario())
