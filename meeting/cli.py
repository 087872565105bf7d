"""`meeting`: the client. `meeting demo` runs a local meeting; `meeting connect` joins a server."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from meeting import __version__, cli_texts, qt_platform
from meeting.cli_texts import tr


def build_parser() -> argparse.ArgumentParser:
    """The options, their help in the language `cli_texts.speak` chose."""
    parser = argparse.ArgumentParser(prog="meeting", description=tr("Paperless meeting client"))
    parser.add_argument("--version", action="version", version=__version__,
                        help=tr("show program's version number and exit"))
    parser.add_argument("--log-level", default="WARNING",
                        help=tr("how much to log: DEBUG, INFO, WARNING or ERROR"))
    parser.add_argument("--language", choices=["ja", "en"], help=tr(
        "the interface's language (default: the setting, else the system's)"))
    commands = parser.add_subparsers(dest="command", title=tr("commands"))
    demo = commands.add_parser("demo", help=tr(
        "a local meeting: embedded server, sample material, a presenter and a participant "
        "window"))
    demo.add_argument("--data-dir", type=Path, help=tr(
        "where the demo server keeps its data, kept for the next demo (default: a fresh folder "
        "each run, removed at exit)"))
    demo.add_argument("--screenshot", type=Path, metavar="OUT.png",
                      help=tr("run headless, turn one page, save both windows, exit"))
    demo.add_argument("--size", type=_size, metavar="WxH", default=None,
                      help=tr("each window's size, e.g. 1280x800 (default 960x720)"))
    demo.add_argument("--language", dest="demo_language", choices=["ja", "en"],
                      help=tr("the interface's language for this demo"))
    connect = commands.add_parser("connect", help=tr("sign in to a meeting server (the default)"))
    connect.add_argument("--server",
                         help=tr("server address, e.g. https://meeting.example.lg.jp"))
    connect.add_argument("--user", help=tr("user name to sign in as"))
    _trust_option(connect)
    display = commands.add_parser(
        "display", help=tr("display mode: the meeting full screen on a large monitor"))
    display.add_argument("--server", help=tr("server address"))
    display.add_argument("--user",
                         help=tr("a display account (the token is kept in the keychain)"))
    display.add_argument("--meeting", type=int,
                         help=tr("meeting id to show at once (unattended)"))
    display.add_argument("--screen", type=int, default=None, help=tr(
        "monitor number, from 0 (default: the setting, else the last one)"))
    _trust_option(display)
    return parser


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(tr("not WxH: {}").format(repr(text))) from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(tr("too small: {}").format(repr(text)))
    return width, height


def _trust_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--ca-file", type=Path, metavar="CA.pem",
        help=tr("trust server certificates issued by these authorities (PEM) instead of the "
                "system's; default: $MEETING_CA_FILE"))


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    cli_texts.speak(cli_texts.language_of(words, os.environ) or _language())
    args = build_parser().parse_args(words)
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    language = getattr(args, "demo_language", None) or args.language
    if language:  # (read where the application starts: meeting.ui.runtime)
        os.environ["MEETING_LANGUAGE"] = language
    if args.command == "demo" and args.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless unless told a display
    if (problem := qt_platform.check(os.environ)) is not None:
        print(qt_platform.explain(problem, _language()), file=sys.stderr)
        return 3
    if args.command == "demo":
        from meeting.demo import DEFAULT_SIZE, run

        return run(args.data_dir, args.screenshot, args.size or DEFAULT_SIZE)
    from meeting.net.trust import Trust, TrustError

    try:
        trust = Trust.configured(getattr(args, "ca_file", None))
    except TrustError as error:
        print(f"meeting: {error}", file=sys.stderr)
        return 2
    from meeting.ui.app import DisplayTarget, run_client

    target = (DisplayTarget(args.screen, args.meeting) if args.command == "display" else None)
    return run_client(getattr(args, "server", None), getattr(args, "user", None), target, trust)


def _language() -> str:
    """The language the app would show, picked as it does (the option, the setting, the system)
    with Qt's core only: QSettings and QLocale load no platform plugin."""
    from PySide6.QtCore import QSettings

    from meeting.ui.translations import chosen_language

    return (os.environ.get("MEETING_LANGUAGE")
            or chosen_language(QSettings("paperless-meeting", "Paperless Meeting")))


if __name__ == "__main__":
    sys.exit(main())
