"""Safe defaults on the wire: nosniff on every response, no version in `Server:`, HSTS over TLS,
Socket.IO only from the server's own origin (or an allowed one), and a deeply nested message
refused without a traceback."""

from __future__ import annotations

import json
import logging
import shutil
import ssl

import pytest
import requests
import trustme
import websocket

from meeting import __version__
from meeting.core.protocol import PROTOCOL_VERSION
from server.app import create_app
from server.embedded import EmbeddedServer
from tests.helpers.live import login


def _responses(url: str, token: str, seeded, verify=True) -> dict[str, requests.Response]:
    auth = {"Authorization": f"Bearer {token}"}
    meeting, document = seeded.meeting_id, seeded.documents[0]

    def get(path: str, **kwargs) -> requests.Response:
        return requests.get(f"{url}{path}", timeout=20, verify=verify, **kwargs)

    return {
        "health": get("/health"),
        "login refused": requests.post(f"{url}/api/login", json={"username": "x"}, timeout=10,
                                       verify=verify),
        "me": get("/api/me", headers=auth),
        "unauthenticated": get("/api/me"),
        "no such route": get("/api/nothing-here"),
        "page image": get(f"/api/meetings/{meeting}/documents/{document}/pages/0",
                          params={"width": 128}, headers=auth),
        "viewer": get("/viewer/"),
        "socket.io polling": get("/socket.io/", params={"EIO": "4", "transport": "polling"}),
    }


def test_every_response_says_nosniff_and_names_no_version(seeded_server):
    live, seeded = seeded_server
    for name, response in _responses(live.url, login(live.url, "paul"), seeded).items():
        assert response.status_code < 500, (name, response.status_code)  # (no Origin: no crash)
        assert response.headers.get("X-Content-Type-Options") == "nosniff", name
        server = response.headers.get("Server", "")
        assert server == "meeting-server", (name, server)
        assert __version__ not in server and "aiohttp" not in server and "Python" not in server
        assert "Strict-Transport-Security" not in response.headers, name  # plain HTTP


def test_a_malformed_request_names_no_version_either(seeded_server):
    import socket

    live, _ = seeded_server
    port = int(live.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
        head = connection.recv(4096).split(b"\r\n\r\n")[0].decode()
    assert head.startswith("HTTP/1.0 400") or head.startswith("HTTP/1.1 400"), head
    assert "Server: meeting-server" in head.split("\r\n") and "aiohttp" not in head


def test_hsts_over_tls(tmp_path, seeded_template):
    template, seeded = seeded_template
    shutil.copytree(template, tmp_path / "server")
    authority = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    server = EmbeddedServer(tmp_path / "server", ssl_context=context)
    url = server.start()
    try:
        token = requests.post(f"{url}/api/login", json={"username": "paul", "password":
                              "correct horse battery staple"}, timeout=10,
                              verify=str(ca_file)).json()["data"]["token"]
        for name, response in _responses(url, token, seeded, verify=str(ca_file)).items():
            assert response.headers.get("Strict-Transport-Security") == "max-age=31536000", name
            assert response.headers.get("X-Content-Type-Options") == "nosniff", name
    finally:
        server.stop()


def _websocket(url: str, origin: str | None) -> websocket.WebSocket:
    address = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
    if origin is None:
        return websocket.create_connection(address, timeout=10, suppress_origin=True)
    return websocket.create_connection(address, timeout=10, origin=origin)


def test_socketio_refuses_other_web_origins(seeded_server):
    live, _ = seeded_server
    with pytest.raises(websocket.WebSocketBadStatusException) as refused:
        _websocket(live.url, "https://evil.example")
    assert refused.value.status_code == 400
    with pytest.raises(websocket.WebSocketBadStatusException):
        _websocket(live.url, "null")  # a file:// page or a sandboxed frame
    for origin in (live.url, None):  # the browser viewer's own origin; a native client
        connection = _websocket(live.url, origin)
        try:
            assert connection.recv().startswith("0{")  # engine.io's open packet
        finally:
            connection.close()
    polling = requests.get(f"{live.url}/socket.io/", timeout=10,
                           params={"EIO": "4", "transport": "polling"},
                           headers={"Origin": "https://evil.example"})
    assert polling.status_code == 400
    assert "Access-Control-Allow-Origin" not in polling.headers


def test_an_allowed_origin_may_connect(tmp_path, seeded_template):
    template, _ = seeded_template
    data = tmp_path / "server"
    shutil.copytree(template, data)
    server = EmbeddedServer(data, app_factory=lambda: create_app(
        data, allowed_origins=frozenset({"https://Portal.example.jp"})))
    url = server.start()
    try:
        connection = _websocket(url, "https://portal.example.jp")
        try:
            assert connection.recv().startswith("0{")
        finally:
            connection.close()
        with pytest.raises(websocket.WebSocketBadStatusException):
            _websocket(url, "https://portal.example.jp.evil.example")
    finally:
        server.stop()


def test_a_deeply_nested_message_is_refused_without_a_traceback(seeded_server, caplog):
    live, _ = seeded_server
    connection = _websocket(live.url, None)
    try:
        connection.recv()
        connection.send("40" + json.dumps({"token": login(live.url, "paul"),
                                           "protocol": PROTOCOL_VERSION}))
        assert connection.recv().startswith("40{")
        depth = 200_000
        with caplog.at_level(logging.INFO):
            connection.send('421["meetings:list",' + "[" * depth + "]" * depth + "]")
            answer = connection.recv()
            while not answer.startswith("431"):  # (pings in between)
                answer = connection.recv()
            error = json.loads(answer[3:])[0]["error"]
            assert error["code"] == "invalid_payload" and "nested too deeply" in error["message"]
            connection.send('422["meetings:list"]')  # the connection is still good
            answer = connection.recv()
            while not answer.startswith("432"):
                answer = connection.recv()
            assert json.loads(answer[3:])[0]["ok"]
        assert not [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()
                    or r.levelno >= logging.ERROR]
    finally:
        connection.close()


def test_behind_a_proxy_that_drops_the_port_the_same_host_name_is_the_same_origin():
    from server.wire import origin_check

    check = origin_check(frozenset())
    proxied = {"HTTP_HOST": "meeting.example.lg.jp"}  # nginx: proxy_set_header Host $host
    assert check("https://meeting.example.lg.jp:8443", proxied)
    assert check("https://meeting.example.lg.jp", proxied)
    assert not check("https://evil.example", proxied)
    assert not check("https://meeting.example.lg.jp.evil.example", proxied)
    direct = {"HTTP_HOST": "meeting.example.lg.jp:8443"}
    assert check("https://meeting.example.lg.jp:8443", direct)
    assert not check("https://meeting.example.lg.jp:9000", direct)  # another site, same host
    assert not check("null", direct)
