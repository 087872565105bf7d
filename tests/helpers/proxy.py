"""A TCP proxy on loopback that a test can break: a bad link between one client and the
server, while everyone else stays connected. It breaks the three ways a network does: `cut`
(both ends told, by a FIN), `reset` (an RST, as when a router forgets the connection) and
`silence` (nothing said at all, as when Wi-Fi drops: what is sent either way waits, like TCP
retransmitting into the void, and arrives only if the link comes back before an end gives up)."""

from __future__ import annotations

import contextlib
import socket
import struct
import threading


class CuttableProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open = threading.Event()
        self._open.set()
        self._flowing = threading.Event()
        """Cleared while the link is silent: every pump holds what it has."""
        self._flowing.set()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, name="proxy-accept", daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut(self) -> None:
        """Close every connection through the proxy (each end sees it closed) and refuse new
        ones until `restore`."""
        self._drop(reset=False)

    def reset(self) -> None:
        """Reset every connection through the proxy (an RST, no orderly close) and refuse new
        ones until `restore`."""
        self._drop(reset=True)

    def silence(self) -> None:
        """The link goes quiet without closing: nothing is forwarded either way and nobody is
        told; new connections are refused, until `restore`. Data held meanwhile is delivered
        then, to the connections whose ends have not given up (closed) since."""
        self._open.clear()
        self._flowing.clear()

    def restore(self) -> None:
        self._flowing.set()
        self._open.set()

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._flowing.set()
        _close(self._listener)

    def _drop(self, reset: bool) -> None:
        self._open.clear()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            if reset:
                with contextlib.suppress(OSError):  # (linger 0: close sends an RST)
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                    struct.pack("ii", 1, 0))
                sock.close()
            else:
                _close(sock)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if not self._open.is_set():  # the link is down: refused at once
                _close(client)
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
                upstream.settimeout(None)  # (the timeout was for connecting only)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        """Forward one direction; while silent, hold the chunk (and so, by TCP's own flow
        control, everything behind it), and the news of an end closing too."""
        try:
            while chunk := source.recv(65536):
                self._flowing.wait()
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            self._flowing.wait()
            _close(source)
            _close(sink)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
