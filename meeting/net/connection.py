"""One Socket.IO connection to the server, kept up by itself.

The first connection is retried with backoff until it succeeds or the server refuses us for a
reason retrying cannot fix (a dead token, another protocol version). After that python-socketio's
own reconnection takes over. Everything here runs on python-socketio's threads; the listener is
called there too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

import socketio

from meeting.core import messages
from meeting.core.protocol import PROTOCOL_VERSION, ErrorCode, Message
from meeting.net.trust import Trust

log = logging.getLogger("meeting.net.connection")

Reply = dict[str, Any]
FATAL = {str(ErrorCode.UNAUTHENTICATED), str(ErrorCode.PROTOCOL_MISMATCH)}
OFFLINE = "offline"
FIRST_DELAY = 0.5


class ConnectionListener(Protocol):
    def on_connected(self) -> None: ...
    def on_disconnected(self) -> None: ...
    def on_refused(self, code: str, message: str) -> None: ...
    def on_event(self, event: str, data: Any) -> None: ...


class MeetingConnection:
    def __init__(self, server_url: str, token: str, listener: ConnectionListener,
                 events: list[str], trust: Trust | None = None) -> None:
        self.server_url = server_url
        self._token = token
        self._listener = listener
        self._closed = threading.Event()
        self._online = False  # python-socketio's own flag is set only after the connect handler
        self.unreachable = False
        """The first connection failed (the client works offline until it succeeds)."""
        self._connecting: threading.Thread | None = None
        self._sio = socketio.Client(
            reconnection=True, reconnection_delay=0.5, reconnection_delay_max=5,
            handle_sigint=False, http_session=(trust or Trust()).http_session(),
        )
        self._sio.on("connect", self._on_connect)
        self._sio.on("disconnect", self._on_disconnect)
        self._sio.on("connect_error", self._on_connect_error)
        for event in events:
            self._sio.on(event, _forward(listener, event))

    @property
    def connected(self) -> bool:
        return self._online

    def open(self) -> None:
        """Connect in the background; returns at once."""
        self._connecting = threading.Thread(target=self._connect_loop, name="meeting-connect",
                                            daemon=True)
        self._connecting.start()

    def request(self, message: Message, on_reply: Callable[[Reply], None]) -> None:
        """Send a message as its event; `on_reply` gets the server's answer (or an offline
        error)."""
        if not self._online:
            on_reply(_error(OFFLINE, "Not connected to the server."))
            return
        try:
            self._sio.emit(str(message.event), message.payload(), callback=on_reply)
        except socketio.exceptions.SocketIOError as error:
            on_reply(_error(OFFLINE, f"Could not send: {error}"))

    def send(self, message: Message) -> None:
        """Send without asking for an answer (a laser position: the next one replaces it)."""
        if not self._online:
            return
        try:
            self._sio.emit(str(message.event), message.payload())
        except socketio.exceptions.SocketIOError as error:
            log.debug("dropped %s: %s", message.event, error)

    def close(self) -> None:
        """Disconnect; if a connection is being attempted, stop that too (a plain disconnect
        left python-socketio's reconnect thread retrying for the rest of the process).
        Returns at once: an attempt under way is waited for on another thread."""
        self._closed.set()
        if self._sio.connected:
            self._sio.disconnect()
        else:
            self._stop_in_background()

    def _stop_in_background(self) -> None:
        threading.Thread(target=self._stop, name="meeting-disconnect", daemon=True).start()

    def _stop(self) -> None:
        """No more attempts: the first connection's loop ends (it sees `_closed`), then
        python-socketio's reconnection; whatever a last attempt connected is disconnected."""
        if self._connecting is not None:
            self._connecting.join()
        self._sio.shutdown()
        if self._sio.connected:
            self._sio.disconnect()

    # --- internals ---------------------------------------------------------------------------

    def _auth(self) -> dict[str, Any]:
        # (the server answers in the user's language)
        return {"token": self._token, "protocol": PROTOCOL_VERSION,
                "language": messages.client_language}

    def _connect_loop(self) -> None:
        delay = FIRST_DELAY
        while not self._closed.is_set():
            try:
                self._sio.connect(self.server_url, auth=self._auth, transports=["websocket"],
                                  wait_timeout=10)
                return
            except socketio.exceptions.ConnectionError as error:
                if self._closed.is_set():
                    return
                log.info("connecting to %s failed (%s); retrying in %.1f s",
                         self.server_url, error, delay)
                if delay == FIRST_DELAY:  # say it once: the client works offline meanwhile
                    self.unreachable = True
                    self._listener.on_disconnected()
                if self._closed.wait(delay):
                    return
                delay = min(delay * 2, 5.0)

    def _on_connect(self) -> None:
        self._online = True
        self.unreachable = False
        self._listener.on_connected()

    def _on_disconnect(self, reason: Any = None) -> None:
        self._online = False
        self._listener.on_disconnected()
        if reason == socketio.Client.reason.SERVER_DISCONNECT and not self._closed.is_set():
            # The server ended this session on purpose (e.g. the token was revoked): python-socketio
            # does not reconnect after that, so say it plainly.
            self._closed.set()
            self._listener.on_refused(
                str(ErrorCode.UNAUTHENTICATED), "The server ended this session. Sign in again."
            )

    def _on_connect_error(self, data: Any = None) -> None:
        code = (data or {}).get("data", {}).get("code") if isinstance(data, dict) else None
        message = data.get("message", "") if isinstance(data, dict) else str(data)
        if code in FATAL:
            self._closed.set()
            self._listener.on_refused(code, message)
            # (the attempt that was refused disconnects itself; a refused reconnection would
            # go on retrying: stopped, off this thread, which the attempt is waiting on)
            self._stop_in_background()


def _forward(listener: ConnectionListener, event: str) -> Callable[..., None]:
    def forward(data: Any = None) -> None:
        listener.on_event(event, data)

    return forward


def _error(code: str, message: str) -> Reply:
    return {"ok": False, "error": {"code": code, "message": message}}
