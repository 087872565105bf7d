"""Safe defaults on the wire: the headers every response carries, and which web pages may open
a Socket.IO connection.

- `X-Content-Type-Options: nosniff` on every response: a browser never guesses a script or a
  page out of a JSON answer or a document file.
- `Server: meeting-server`, with no version: a scanner learns nothing to look up.
- `Strict-Transport-Security` over TLS: a browser that once reached the server over HTTPS never
  tries plain HTTP again (where the proxy terminates TLS, the proxy sends it: docs/deploy.md).
- Socket.IO answers only pages of its own origin (the browser viewer) and origins the
  administrator names (`--allow-origin`); the desktop client sends its own address or none.
  Browsers do not apply CORS to WebSockets, so without this check any web page a member opens
  could connect with a token it got hold of, or probe the server from inside the network.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from aiohttp import web, web_response
from engineio import json as engineio_json

SERVER_NAME = "meeting-server"
HSTS = "max-age=31536000"

# aiohttp answers a malformed request (a 400 from its parser) before any application sees it,
# with its default `Server:` naming Python's and aiohttp's versions: name ours there too.
web_response.SERVER_SOFTWARE = SERVER_NAME


async def add_safe_headers(request: web.BaseRequest, response: web.StreamResponse) -> None:
    response.headers["Server"] = SERVER_NAME
    response.headers["X-Content-Type-Options"] = "nosniff"
    if request.secure:
        response.headers["Strict-Transport-Security"] = HSTS


def normal_origin(origin: str) -> str:
    """An origin as browsers send it (scheme://host[:port], lower case), or ValueError."""
    parts = urlsplit(origin.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") \
            or parts.query or parts.fragment or parts.username is not None:
        raise ValueError(f"not a web origin (like https://portal.example.jp): {origin!r}")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def origin_check(allowed: frozenset[str]) -> Callable[[str, dict], bool]:
    """For python-socketio's `cors_allowed_origins`: a request with an Origin header is let
    in only from the server's own origin or an allowed one (requests without one never reach
    this: native clients)."""
    allowed = frozenset(normal_origin(origin) for origin in allowed)

    def allowed_origin(origin: str | None, environ: dict) -> bool:
        if origin is None:  # not a browser (no Origin header): nothing to allow, no CORS headers
            return False
        if origin.lower() in allowed:
            return True
        # The same origin: the host (and port) the request was sent to. The scheme is left
        # out: one port serves either HTTP or HTTPS, and behind a proxy the server cannot
        # tell which the browser used. A Host without a port (nginx's `$host` drops it) is
        # the same host name on whatever port the proxy listens.
        asked = urlsplit(origin)
        for host in (environ.get("HTTP_HOST", ""),
                     environ.get("HTTP_X_FORWARDED_HOST", "").split(",")[0]):
            host = host.strip().lower()
            if not host or not asked.netloc:
                continue
            if asked.netloc.lower() == host or (":" not in host and asked.hostname == host):
                return True
        return False

    return allowed_origin


TOO_DEEP_EVENT = "(a message nested too deeply)"
"""What a message too deeply nested to decode becomes: an event no handler but the catch-all
answers, so its sender gets a plain refusal (with its acknowledgement id) and the log one line,
instead of a traceback from the decoder."""


class SocketJson:
    """The JSON python-socketio decodes packets with: engine.io's own (it refuses huge
    integers), except that a structure nested too deeply for Python's decoder (200,000 `[`)
    decodes as an event named `TOO_DEEP_EVENT` instead of raising deep in the library."""

    dumps = staticmethod(engineio_json.dumps)

    @staticmethod
    def loads(*args, **kwargs):
        try:
            return engineio_json.loads(*args, **kwargs)
        except RecursionError:
            return [TOO_DEEP_EVENT]
