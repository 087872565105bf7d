"""Every message the server or the client's network layer can show a person has its Japanese:
found by reading the code (each ProtocolError, ApiError and refusal with its text), so a new
message without a translation fails here; and the server answers in the language asked."""

from __future__ import annotations

import ast
from pathlib import Path

import requests
import socketio

from meeting.core.messages import JAPANESE, language_of, localize
from meeting.core.protocol import PROTOCOL_VERSION
from server.office import INSTALL_HINT
from server.pdfcheck import REASONS
from server.storage_faults import FULL_MESSAGE, READ_ONLY_MESSAGE
from tests.helpers.live import login

ROOT = Path(__file__).resolve().parents[2]
RAISERS = {"ProtocolError", "ApiError", "_refuse"}


def template(node: ast.AST) -> str | None:
    """The message as written, with {} for each value put into it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None  # a variable: see the constants below


def messages_in_code() -> dict[str, str]:
    found = {}
    for folder in ("server", "meeting/core", "meeting/net"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and len(node.args) >= 2:
                    name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                    if name in RAISERS and (text := template(node.args[1])) is not None:
                        found[text] = f"{path.relative_to(ROOT)}:{node.lineno}"
    for constant in (*REASONS.values(), INSTALL_HINT, FULL_MESSAGE, READ_ONLY_MESSAGE):
        found[constant] = "a constant"
    return found


def test_every_message_has_its_japanese():
    found = messages_in_code()
    assert len(found) > 60, "the scan found too little to mean anything"
    missing = [f"{where}: {text!r}" for text, where in sorted(found.items())
               if localize(text.replace("{}", "7"), "ja") == text.replace("{}", "7")]
    assert missing == [], ("messages without Japanese (add them to meeting/core/messages.py):\n"
                           + "\n".join(missing))


def test_values_land_in_the_right_places():
    assert localize("Only 3 of 9 points arrived: resend from 3.", "ja") == \
        "9 点中 3 点だけが届きました。3 点目から送り直してください。"
    assert localize("No meeting 7 that you are invited to.", "en") == \
        "No meeting 7 that you are invited to."
    assert localize("meeting_id: Field required", "ja", "invalid_payload").startswith(
        "送信内容が正しくありません")
    assert all(text.count("{}") >= max((int(c) + 1 for c in "0123456789"
                                        if "{" + c + "}" in ja), default=0)
               for text, ja in JAPANESE.items())
    assert language_of("ja-JP,ja;q=0.9,en;q=0.8") == "ja" and language_of("en-US") is None


def test_the_server_answers_in_the_language_asked(seeded_server):
    live, seeded = seeded_server
    wrong = requests.post(f"{live.url}/api/login", json={"username": "paul", "password": "x"},
                          headers={"Accept-Language": "ja-JP,ja;q=0.9"}, timeout=10)
    assert wrong.json()["error"]["message"] == "ユーザー名またはパスワードが違います。"
    english = requests.post(f"{live.url}/api/login", json={"username": "paul", "password": "x"},
                            timeout=10)
    assert english.json()["error"]["message"] == "Wrong user name or password."
    client = socketio.Client(reconnection=False)  # a client that reads Japanese
    client.connect(live.url, auth={"token": login(live.url, "otto"), "language": "ja",
                                   "protocol": PROTOCOL_VERSION},
                   transports=["websocket"], wait_timeout=10)
    try:
        reply = client.call("meeting:join", {"meeting_id": seeded.meeting_id}, timeout=10)
        assert reply["error"]["message"] == f"招待されている会議 {seeded.meeting_id} はありません。"
    finally:
        client.disconnect()
