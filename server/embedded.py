"""Running the server inside another program (the demo, tests, benchmarks) on its own thread.

The server keeps its own asyncio loop on a background thread, so the host program's GUI thread
never waits on it.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections.abc import Callable
from pathlib import Path

from aiohttp import web

from server.app import create_app

SHUTDOWN_TIMEOUT_S = 2.0
"""How long `stop` lets open requests and websockets finish before it closes them."""


class EmbeddedServer:
    def __init__(self, data_dir: Path, host: str = "127.0.0.1", port: int = 0,
                 app_factory: Callable[[], web.Application] | None = None,
                 ssl_context: ssl.SSLContext | None = None,
                 database_url: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.ssl_context = ssl_context
        self.database_url = database_url
        self._app_factory = app_factory or (
            lambda: create_app(self.data_dir, database_url=self.database_url))
        self.host = host
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        """(tests reach the running app through it)"""

    @property
    def url(self) -> str:
        scheme = "https" if self.ssl_context else "http"
        return f"{scheme}://{self.host}:{self.port}"

    def start(self, timeout: float = 15.0) -> str:
        """Start serving; returns the URL once the port is listening."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                runner = loop.run_until_complete(self._start_site())
            except BaseException as error:
                failure.append(error)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(runner.cleanup())
            leftovers = asyncio.all_tasks(loop)
            for task in leftovers:
                task.cancel()
            loop.run_until_complete(asyncio.gather(*leftovers, return_exceptions=True))
            loop.close()

        self._thread = threading.Thread(target=run, name="meeting-server", daemon=True)
        self._thread.start()
        if not ready.wait(timeout):
            raise TimeoutError("the embedded server did not start in time")
        if failure:
            raise failure[0]
        return self.url

    async def _start_site(self) -> web.AppRunner:
        # A websocket whose closing handshake never completes (seen: the client was already
        # reconnecting) held `stop` for aiohttp's default minute; the clients of an embedded
        # server reconnect anyway, so a few seconds is plenty.
        runner = web.AppRunner(self._app_factory(), handle_signals=False,
                               shutdown_timeout=SHUTDOWN_TIMEOUT_S)
        await runner.setup()
        self._runner = runner
        listener = socket.create_server((self.host, self.port))
        self.port = listener.getsockname()[1]
        await web.SockSite(runner, listener, ssl_context=self.ssl_context).start()
        return runner

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)
        self._loop = self._thread = None
