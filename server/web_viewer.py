"""Serves the browser viewer: a static page (`web/viewer/` in the source tree) and the official
socket.io client it loads (pinned by web/package-lock.json).

Nothing is built: the page is plain HTML, CSS and JavaScript modules. A wheel carries both as
the package's data, `server/viewer/` (setup.py copies the page there and brings the client
from the lock file with `npm ci`); a source checkout serves `web/viewer/` and the client that
`npm ci --prefix web` put in `web/node_modules`. A strict Content Security Policy allows only
this server's own scripts, styles, images and connections.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from aiohttp import web

SOCKET_IO_NAME = "socket.io.esm.min.js"
SOURCE_TREE = Path(__file__).resolve().parents[1] / "web"


@dataclass(frozen=True)
class ViewerFiles:
    page: Path
    """The folder of index.html, viewer.js and the rest."""
    socket_io: Path


def viewer_files() -> ViewerFiles:
    """The package's copy when it has one (a wheel, PyInstaller's folder), else the source
    tree's."""
    packaged = files("server") / "viewer"
    if isinstance(packaged, Path) and (packaged / SOCKET_IO_NAME).is_file():
        return ViewerFiles(packaged, packaged / SOCKET_IO_NAME)
    return ViewerFiles(SOURCE_TREE / "viewer",
                       SOURCE_TREE / "node_modules" / "socket.io-client" / "dist" / SOCKET_IO_NAME)


FILES = {
    "": ("index.html", "text/html"),
    "viewer.js": ("viewer.js", "text/javascript"),
    "overlay.js": ("overlay.js", "text/javascript"),
    "texts.js": ("texts.js", "text/javascript"),
    "votes.js": ("votes.js", "text/javascript"),
    "protocol.generated.js": ("protocol.generated.js", "text/javascript"),
    "viewer.css": ("viewer.css", "text/css"),
    "approval.html": ("approval.html", "text/html"),
    "approval.js": ("approval.js", "text/javascript"),
}
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
          "font-src 'self'; "
          "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
MISSING_CLIENT = """<!doctype html><meta charset="utf-8"><title>Paperless Meeting</title>
<p>The browser viewer is not set up on this server: run <code>npm ci --prefix web</code> in the
server's folder (it installs the socket.io client the page uses), then reload.</p>
<p>ブラウザビューアの準備ができていません。サーバーのフォルダで <code>npm ci --prefix web</code>
を実行してから再読み込みしてください。</p>"""


def add_viewer_routes(app: web.Application) -> None:
    app.router.add_get("/viewer", to_viewer)
    app.router.add_get("/viewer/{name:[a-z.]*}", viewer_file)


async def to_viewer(_: web.Request) -> web.StreamResponse:
    raise web.HTTPFound("/viewer/")


async def viewer_file(request: web.Request) -> web.StreamResponse:
    name = request.match_info["name"]
    headers = {"Content-Security-Policy": POLICY, "X-Content-Type-Options": "nosniff",
               "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}
    found = viewer_files()
    if not found.socket_io.is_file():
        if name == "":
            return web.Response(text=MISSING_CLIENT, content_type="text/html", status=503,
                                headers=headers)
        raise web.HTTPServiceUnavailable(text="run `npm ci --prefix web` on the server")
    if name == "japanese.ttf":
        # MuPDF's, for browsers on machines without a Japanese font (the page's own fonts come
        # first; the browser fetches this only for characters none of them has).
        from server.http_routes import CONTEXT

        font = await request.app[CONTEXT].pdf.japanese_font()
        return web.Response(body=font, headers={
            **headers, "Content-Type": "font/ttf", "Cache-Control": "public, max-age=86400"})
    if name == SOCKET_IO_NAME:
        return web.FileResponse(found.socket_io, headers={**headers,
                                                          "Content-Type": "text/javascript"})
    if name not in FILES:
        raise web.HTTPNotFound()
    file, content_type = FILES[name]
    return web.FileResponse(found.page / file,
                            headers={**headers, "Content-Type": content_type})
