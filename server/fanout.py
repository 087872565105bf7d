"""Who carries a broadcast to the connections: python-socketio's own client managers, with a
cheaper hand-over to this process's connections.

One process keeps its rooms in memory; several processes (`meeting-server --redis URL`) share
theirs through python-socketio's Redis manager, so a broadcast, a private room or a removal
reaches every process's connections.

python-socketio's `AsyncManager.emit` makes an asyncio task per recipient for every broadcast,
only to put the one encoded packet on that connection's engine.io queue: at 200 followers and
60 pen batches a second that is 12,000 tasks a second, a third of what a delivery costs the
server. `FastLocalEmit` encodes the packet once, as python-socketio does, and puts it on each
local connection's queue itself; the connection's own writer sends it as before. Anything
unusual (an acknowledgement asked for, a connection whose pings are overdue, a bounded queue
that is full) goes the library's way.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from typing import Any

import socketio
from engineio import packet as eio_packet
from socketio import packet


class FastLocalEmit(socketio.AsyncManager):
    """`emit` without a callback hands the encoded packet to each local connection's queue
    directly. Put it after a pub/sub manager in the bases (see `FastRedisManager`) and that
    manager's local deliveries take this path too."""

    async def emit(self, event: str, data: Any, namespace: str, room: Any = None,
                   skip_sid: Any = None, callback: Any = None, to: Any = None,
                   **kwargs: Any) -> None:
        if callback is not None or namespace not in self.rooms:
            await super().emit(event, data, namespace, room=room, skip_sid=skip_sid,
                               callback=callback, to=to, **kwargs)
            return
        skipped = set(skip_sid) if isinstance(skip_sid, list) else {skip_sid}
        recipients = [eio_sid for sid, eio_sid in self.get_participants(namespace, to or room)
                      if sid not in skipped]
        if not recipients:
            return
        packets = self._eio_packets(event, data, namespace)
        slow = [asyncio.ensure_future(self.server._send_eio_packet(eio_sid, pkt))
                for eio_sid in _queue_all(self.server.eio, recipients, packets)
                for pkt in packets]
        if slow:
            await asyncio.wait(slow)

    def _eio_packets(self, event: str, data: Any, namespace: str) -> list[eio_packet.Packet]:
        """The engine.io packets of one event, encoded once for every recipient (as
        `AsyncManager.emit` does when no callback is asked for)."""
        args = _arguments(data)
        encoded = self.server.packet_class(packet.EVENT, namespace=namespace,
                                           data=[event, *args]).encode()
        return [eio_packet.Packet(eio_packet.MESSAGE, part)
                for part in (encoded if isinstance(encoded, list) else [encoded])]


def _arguments(data: Any) -> list[Any]:
    """An event's arguments as python-socketio sends them: a tuple is several, None none."""
    if isinstance(data, tuple):
        return list(data)
    return [] if data is None else [data]


def _queue_all(eio: Any, recipients: Iterable[str], packets: list[eio_packet.Packet]
               ) -> list[str]:
    """Put the packets on each recipient's queue; returns those that must go the library's way
    (`AsyncSocket.send`: it closes a connection whose pings are overdue). A connection that is
    gone or closed is skipped, as engine.io does."""
    now = time.time()
    timeout = eio.ping_timeout
    slow = []
    for eio_sid in recipients:
        socket = eio.sockets.get(eio_sid)
        if socket is None or socket.closed:
            continue
        queue = socket.queue
        if (socket.last_ping and now - socket.last_ping > timeout) or (
                queue.maxsize and queue.qsize() + len(packets) > queue.maxsize):
            slow.append(eio_sid)
            continue
        for pkt in packets:
            queue.put_nowait(pkt)
    return slow


def unwritten(connection: Any) -> bool:
    """The connection's writer has not yet sent all it was given: packets wait on its queue,
    or it took them and is still writing (engine.io's writer waits on the queue, a getter of
    it, only once it has sent everything; a long-polling client, between its requests)."""
    queue = connection.queue
    return bool(queue.qsize() or not queue._getters)


class FastRedisManager(socketio.AsyncRedisManager, FastLocalEmit):
    """python-socketio's Redis manager; what it delivers to this process's connections (its
    own broadcasts and those it hears from other processes) takes the fast path."""


def client_manager(redis_url: str | None = None) -> socketio.AsyncManager:
    if redis_url is None:
        return FastLocalEmit()
    return FastRedisManager(redis_url)
