"""The command line's words in the interface's language.

`meeting --help` runs before any Qt translation is loaded (and must not start Qt's GUI), so its
texts have their Japanese here. argparse's own words ("usage:", "options", its error messages)
go through its module-level `_`, which `speak` points at the same table.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

JAPANESE: dict[str, str] = {
    # argparse's own words (Python 3.11's texts)
    "usage: ": "使い方：",
    "options": "オプション",
    "positional arguments": "引数",
    "show this help message and exit": "このヘルプを表示して終了する",
    "show program's version number and exit": "バージョンを表示して終了する",
    "%(prog)s: error: %(message)s\n": "%(prog)s：エラー：%(message)s\n",
    "the following arguments are required: %s": "次の引数が必要です：%s",
    "unrecognized arguments: %s": "分からない引数です：%s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "選べない値です：%(value)r（%(choices)s から選んでください）",
    "invalid %(type)s value: %(value)r": "正しくない値です：%(value)r",
    "expected one argument": "値を一つ指定してください",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s：%(message)s",
    "ambiguous option: %(option)s could match %(matches)s":
        "どのオプションか決められません：%(option)s は %(matches)s のどれにも当たります",
    # the client's own
    "Paperless meeting client": "ペーパーレス会議クライアント",
    "how much to log: DEBUG, INFO, WARNING or ERROR": "記録する詳しさ：DEBUG、INFO、WARNING、ERROR",
    "the interface's language (default: the setting, else the system's)":
        "画面の言語（既定：設定、なければシステムの言語）",
    "commands": "コマンド",
    "a local meeting: embedded server, sample material, a presenter and a participant window":
        "この端末だけで会議を試す：内蔵サーバー、見本の資料、発表者と参加者の画面",
    "where the demo server keeps its data, kept for the next demo (default: a fresh folder "
    "each run, removed at exit)":
        "お試し用サーバーのデータを置くフォルダー。次回も使えます（既定：毎回新しいフォルダーを"
        "作り、終了時に削除）",
    "run headless, turn one page, save both windows, exit":
        "画面を出さずに起動し、1 ページめくって両方の画面を保存し、終了する",
    "each window's size, e.g. 1280x800 (default 960x720)":
        "各画面の大きさ（例：1280x800、既定 960x720）",
    "the interface's language for this demo": "このお試しで使う画面の言語",
    "sign in to a meeting server (the default)": "会議サーバーにサインインする（既定）",
    "server address, e.g. https://meeting.example.lg.jp":
        "サーバーのアドレス（例：https://meeting.example.lg.jp）",
    "user name to sign in as": "サインインするユーザー名",
    "display mode: the meeting full screen on a large monitor":
        "大型モニター表示：会議を大型モニターに全画面で表示する",
    "server address": "サーバーのアドレス",
    "a display account (the token is kept in the keychain)":
        "大型モニター用のアカウント（トークンはキーチェーンに保管）",
    "meeting id to show at once (unattended)": "すぐに表示する会議の番号（無人運用）",
    "monitor number, from 0 (default: the setting, else the last one)":
        "モニターの番号、0 から（既定：設定、なければ最後のモニター）",
    "trust server certificates issued by these authorities (PEM) instead of the system's; "
    "default: $MEETING_CA_FILE":
        "システムの代わりに、この認証局（PEM）が発行したサーバー証明書を信頼する。"
        "既定：$MEETING_CA_FILE",
    "not WxH: {}": "幅x高さではありません：{}",
    "too small: {}": "小さすぎます：{}",
}

_language = "en"


def language_of(argv: Sequence[str], environ: dict[str, str] | os._Environ[str]) -> str | None:
    """The language asked for on the command line or in MEETING_LANGUAGE, before parsing."""
    for index, word in enumerate(argv):
        if word == "--language" and index + 1 < len(argv):
            return argv[index + 1] if argv[index + 1] in ("ja", "en") else None
        if word.startswith("--language="):
            value = word.split("=", 1)[1]
            return value if value in ("ja", "en") else None
    wanted = environ.get("MEETING_LANGUAGE")
    return wanted if wanted in ("ja", "en") else None


def speak(language: str) -> None:
    """Use `language` for this command line's texts and argparse's."""
    global _language
    _language = language
    argparse._ = tr  # type: ignore[attr-defined]  # argparse looks its `_` up at each call


def tr(text: str) -> str:
    if _language == "ja":
        return JAPANESE.get(text, text)
    return text
