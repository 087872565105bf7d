"""Who carries a broadcast to the connections: python-socketio's own client managers.

One process keeps its rooms in memory; several processes (`meeting-server --redis URL`) share
theirs through python-socketio's Redis manager, so a broadcast, a private room or a removal
reaches every process's connections.
"""

from __future__ import annotations

import socketio


def client_manager(redis_url: str | None = None) -> socketio.AsyncManager:
    if redis_url is None:
        return socketio.AsyncManager()
    return socketio.AsyncRedisManager(redis_url)
