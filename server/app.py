"""The application factory: one aiohttp app serving HTTP and Socket.IO on the same port."""

from __future__ import annotations

import asyncio
from pathlib import Path

import socketio
from aiohttp import web

from meeting.core.protocol import MAX_MESSAGE_BYTES, MAX_UPLOAD_BYTES
from server.cluster import Cluster
from server.context import ServerContext
from server.events import MeetingEvents
from server.fanout import client_manager
from server.http_routes import CONTEXT, add_routes, error_middleware
from server.store import loop_guard
from server.web_viewer import add_viewer_routes
from server.wire import SocketJson, add_safe_headers, origin_check

PING_INTERVAL_S = 2
PING_TIMEOUT_S = 2
"""A silent link is noticed within 4 s by both ends (the client gives up on a server it has
heard nothing from for interval + timeout; the server on a pong that does not come): see
docs/protocol.md, "A silent link", and docs/deploy.md for the cost. (Whole seconds: engine.io
rounds the interval it announces down to one.)"""


def create_app(data_dir: Path, trusted_proxies: frozenset[str] = frozenset(),
               allowed_origins: frozenset[str] = frozenset(),
               redis_url: str | None = None,
               database_url: str | None = None) -> web.Application:
    cluster = Cluster.open(redis_url) if redis_url else None  # (refused before anything opens)
    with loop_guard.allowed():  # (the server's start: nobody is served yet)
        context = ServerContext.open(data_dir, database_url)
    if cluster is not None:
        context.join_cluster(cluster)
    context.trusted_proxies = trusted_proxies
    app = web.Application(middlewares=[error_middleware], client_max_size=MAX_UPLOAD_BYTES)
    app.on_response_prepare.append(add_safe_headers)
    sio = socketio.AsyncServer(
        async_mode="aiohttp",
        client_manager=client_manager(redis_url),
        max_http_buffer_size=MAX_MESSAGE_BYTES,
        json=SocketJson,
        # Browsers may only connect from pages this server serves (same origin), or from
        # origins the administrator allowed. (An empty list would turn the check off.)
        cors_allowed_origins=origin_check(allowed_origins),
        # A connection that went silent (a laptop closed, Wi-Fi gone) is noticed within 4 s
        # on both ends: the client resends its waiting changes on a new one, and the room is
        # told its presenter has gone.
        ping_interval=PING_INTERVAL_S,
        ping_timeout=PING_TIMEOUT_S,
    )
    sio.attach(app)
    context.sio = sio
    with loop_guard.allowed():
        events = MeetingEvents(context, sio)
    app[CONTEXT] = context
    add_routes(app)
    add_viewer_routes(app)

    async def close_store(_: web.Application) -> None:
        await context.finish_background()
        if context.cluster is not None:
            await context.presence_board.close()
            await context.cluster.close()
        context.close()

    async def drop_connections(_: web.Application) -> None:
        # Close transports without a Socket.IO "disconnect": clients take that as final and would
        # not come back. A dropped transport makes them reconnect to the restarted server.
        # (engine.io ends a websocket's writer, and so the websocket, when None is queued.)
        for connection in list(sio.eio.sockets.values()):
            await connection.queue.put(None)
        await sio.shutdown()

    async def sweep_sessions(_: web.Application):
        tasks = [asyncio.create_task(events.sweep_sessions()),
                 asyncio.create_task(events.lifecycle.sweep_expiries()),
                 asyncio.create_task(context.presence_board.run(context.announce_presence,
                                                                context.in_room))]
        yield
        for task in tasks:
            task.cancel()

    app.cleanup_ctx.append(sweep_sessions)
    app.on_shutdown.append(drop_connections)
    app.on_cleanup.append(close_store)
    return app
