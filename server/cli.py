"""`meeting-server`: serve, and administer accounts and meetings from the command line.

    meeting-server --data-dir DIR [--host H] [--port P]            serve
                   [--certfile CERT.pem --keyfile KEY.pem]         ... over HTTPS/WSS
    meeting-server --data-dir DIR user add NAME --role ROLE [--password-stdin]
                   [--section SECTION] [--display-name NAME]
    meeting-server --data-dir DIR user profile NAME [--section S] [--display-name N]
    meeting-server --data-dir DIR user list
    meeting-server --data-dir DIR user sessions
    meeting-server --data-dir DIR user revoke NAME
    meeting-server --data-dir DIR meeting create TITLE [--presenter USER] [--link URL]
    meeting-server --data-dir DIR meeting link MEETING [URL | --remove]
    meeting-server --data-dir DIR meeting invite MEETING USER
    meeting-server --data-dir DIR meeting set-presenter MEETING USER
    meeting-server --data-dir DIR meeting add-document MEETING FILE [--title T]
        (FILE: a PDF, or an Office file converted to PDF with LibreOffice)
    meeting-server --data-dir DIR meeting revise MEETING DOCUMENT FILE.pdf
    meeting-server --data-dir DIR meeting agenda MEETING [--add TITLE [--document D --page P]]
    meeting-server --data-dir DIR meeting list
    meeting-server --data-dir DIR audit [--user U] [--meeting M] [--action A] [--since DAY]
    meeting-server --data-dir DIR pki init --organization NAME [--tsa URL]   (docs/signing.md)
    meeting-server --data-dir DIR approval list
    meeting-server --data-dir DIR approval export ID OUT.pdf   (signs it first if need be)
    meeting-server --data-dir DIR copy-to --database postgresql://USER@HOST/DB
        (moves the SQLite database into an empty PostgreSQL one: docs/deploy.md)

Every command takes --database postgresql://USER@HOST/DB (or $MEETING_DATABASE_URL) to use
PostgreSQL instead of the SQLite file in the data folder; the document files stay there.

Passwords are never taken from the command line (they would stay in shell history and in `ps`).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import shutil
import sqlite3
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from meeting import __version__
from meeting.core.messages import localize
from meeting.core.protocol import AgendaSet, ErrorCode, ProtocolError, Role, UserName, parse
from server import authz
from server.context import ServerContext
from server.passwords import WeakPassword, check_password
from server.signing.cli import add_pki_parser, pki_command
from server.storage_faults import storage_fault
from server.store.audit import Action, AuditLog
from server.store.postgres import PostgresUnavailable
from server.store.repository import Store, StoreError, User

COMMAND_LINE = "(command line)"
"""Who did it, in the audit log, for what an administrator does with this program."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="meeting-server", description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="folder holding all state")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8765, help="port for HTTP and Socket.IO")
    parser.add_argument("--certfile", type=Path,
                        help="PEM certificate chain: serve HTTPS and Socket.IO over TLS")
    parser.add_argument("--keyfile", type=Path,
                        help="PEM private key of the certificate (if not in --certfile)")
    parser.add_argument("--trusted-proxy", action="append", default=[], metavar="ADDRESS",
                        help="a reverse proxy's address: its X-Forwarded-For names the client "
                             "(for limiting sign-in attempts per address); repeatable")
    parser.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                        help="a web origin (https://portal.example.jp) whose pages may open "
                             "Socket.IO connections besides the server's own; repeatable")
    parser.add_argument("--redis", metavar="URL",
                        help="redis://HOST:PORT/N shared by several server processes serving "
                             "the same meetings (docs/deploy.md, \"Several processes\")")
    parser.add_argument("--database", metavar="URL",
                        help="postgresql://USER@HOST/DB: keep the data in PostgreSQL instead "
                             "of the data folder's SQLite file (default: $MEETING_DATABASE_URL)")
    parser.add_argument("--log-level", default="INFO")
    parser.add_argument("--version", action="version", version=__version__)
    commands = parser.add_subparsers(dest="command")

    user = commands.add_parser("user", help="accounts").add_subparsers(dest="action", required=True)
    add = user.add_parser("add", help="create an account")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input instead of a prompt")
    profile = user.add_parser("profile", help="set a user's section and the name on their stamp")
    profile.add_argument("name")
    for command in (add, profile):
        command.add_argument("--section", help="the user's section (課): route templates may "
                                               "be fixed for a section")
        command.add_argument("--display-name", help="the name on their approval stamp")
    password = user.add_parser("set-password", help="change a password (ends its sessions)")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true")
    user.add_parser("list", help="list accounts")
    user.add_parser("sessions", help="list the sessions still valid (who is signed in)")
    revoke = user.add_parser(
        "revoke", help="end every session of a user at once (a lost tablet, a leaver)")
    revoke.add_argument("name")

    meeting = commands.add_parser("meeting", help="meetings").add_subparsers(
        dest="action", required=True
    )
    create = meeting.add_parser("create", help="create a meeting; prints its id")
    create.add_argument("title")
    create.add_argument("--presenter", help="user who presents (invited automatically)")
    create.add_argument("--link", metavar="URL",
                        help="the organization's web meeting for remote participants")
    _schedule_arguments(create)
    schedule = meeting.add_parser("schedule", help="set when and where a meeting is held")
    schedule.add_argument("meeting", type=int)
    _schedule_arguments(schedule)
    link = meeting.add_parser("link", help="set or remove the web meeting link")
    link.add_argument("meeting", type=int)
    link.add_argument("url", nargs="?")
    link.add_argument("--remove", action="store_true", help="remove the link")
    invite = meeting.add_parser("invite", help="invite a user")
    invite.add_argument("meeting", type=int)
    invite.add_argument("user")
    presenter = meeting.add_parser("set-presenter", help="make a user the presenter")
    presenter.add_argument("meeting", type=int)
    presenter.add_argument("user")
    document = meeting.add_parser(
        "add-document", help="add a PDF (or an Office file, converted) to a meeting")
    document.add_argument("meeting", type=int)
    document.add_argument("file", type=Path)
    document.add_argument("--title")
    revision = meeting.add_parser(
        "revise", help="replace a document with a revised version, moving its marks along")
    revision.add_argument("meeting", type=int)
    revision.add_argument("document", type=int)
    revision.add_argument("file", type=Path)
    agenda = meeting.add_parser("agenda", help="show the agenda, or add an item to its end")
    agenda.add_argument("meeting", type=int)
    agenda.add_argument("--add", metavar="TITLE", help="add an item with this title")
    agenda.add_argument("--document", type=int, help="the item's document (its id)")
    agenda.add_argument("--page", type=int, default=1, help="the item's page, from 1")
    meeting.add_parser("list", help="list meetings")

    audit = commands.add_parser(
        "audit", help="who opened, downloaded, viewed, exported or changed what (newest last)")
    audit.add_argument("--user", help="only this user's entries")
    audit.add_argument("--meeting", type=int, help="only this meeting's entries")
    audit.add_argument("--action", choices=[a.value for a in Action],
                       help="only this kind of entry")
    audit.add_argument("--since", metavar="YYYY-MM-DD", help="from this day on (local time)")
    audit.add_argument("--limit", type=int, default=1000, help="at most this many (newest)")
    add_pki_parser(commands)

    approval = commands.add_parser("approval", help="circulations (決裁)").add_subparsers(
        dest="action", required=True)
    approval.add_parser("list", help="every circulation, where it stands")
    export = approval.add_parser(
        "export", help="write an approved circulation's signed PDF (one per document: OUT.pdf, "
                       "OUT-2.pdf, …) and its history (OUT.history.json)")
    export.add_argument("id", type=int)
    export.add_argument("out", type=Path)

    copy = commands.add_parser(
        "copy-to", help="copy the data folder's SQLite database into an empty PostgreSQL one")
    copy.add_argument("--database", dest="copy_target", metavar="URL", required=True,
                      help="postgresql://USER@HOST/DB, created and empty")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if args.command is None:
        return serve(args.data_dir, args.host, args.port, args.certfile, args.keyfile,
                     frozenset(args.trusted_proxy), frozenset(args.allow_origin), args.redis,
                     database_url=args.database)
    if args.command == "copy-to":
        return copy_command(args.data_dir, args.copy_target)
    try:
        context = ServerContext.open(args.data_dir, args.database)
    except PostgresUnavailable as error:
        print(f"meeting-server: {error}", file=sys.stderr)
        return 2
    try:
        return run_admin(args, context)
    except (StoreError, ProtocolError, WeakPassword) as error:
        message = localize(str(getattr(error, "message", error)), _language())
        print(f"meeting-server: {message}", file=sys.stderr)
        return 1
    finally:
        context.close()


def _language() -> str | None:
    """The administrator's language: MEETING_LANGUAGE, else the locale's (LANG=ja_JP.UTF-8)."""
    for variable in ("MEETING_LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return value
    return None


def _redis_errors(redis_url: str | None) -> tuple[type[Exception], ...]:
    """The redis package's errors, when Redis is asked for (the package may be absent else)."""
    if redis_url is None:
        return ()
    try:
        import redis
    except ImportError:
        return ()
    return (redis.RedisError,)


def serve(data_dir: Path, host: str, port: int, certfile: Path | None = None,
          keyfile: Path | None = None, trusted_proxies: frozenset[str] = frozenset(),
          allowed_origins: frozenset[str] = frozenset(), redis_url: str | None = None,
          database_url: str | None = None) -> int:
    from aiohttp import web

    from meeting.core.collector import freeze_startup_objects
    from server.app import create_app
    from server.cluster import RedisPersists, RedisUnavailable
    from server.tls import TlsConfigError, server_context
    from server.wire import normal_origin

    if keyfile and not certfile:
        print("meeting-server: --keyfile needs --certfile", file=sys.stderr)
        return 2
    try:
        ssl_context = server_context(certfile, keyfile) if certfile else None
        for origin in allowed_origins:
            normal_origin(origin)
    except (TlsConfigError, ValueError) as error:
        print(f"meeting-server: {error}", file=sys.stderr)
        return 2
    scheme = "https" if ssl_context else "http"
    if ssl_context is None and host not in ("127.0.0.1", "localhost", "::1"):
        logging.getLogger("server").warning(
            "serving without TLS on %s: passwords and documents cross the network in the "
            "clear. Use --certfile/--keyfile, or a reverse proxy that terminates TLS "
            "(docs/deploy.md).", host)
    redis_refusals: tuple[type[Exception], ...] = (RedisPersists, RedisUnavailable,
                                                   *_redis_errors(redis_url))
    try:
        app = create_app(data_dir, trusted_proxies, allowed_origins, redis_url,
                         database_url=database_url)
    except PostgresUnavailable as error:
        print(f"meeting-server: {error}", file=sys.stderr)
        return 2
    except redis_refusals as error:
        print(f"meeting-server: Redis: {error}", file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error) as error:
        if storage_fault(error) is None:
            raise
        print(f"meeting-server: the data folder {data_dir} cannot be used ({error}). Make it "
              "writable and give it free space, then start again.", file=sys.stderr)
        return 2
    from server.http_routes import CONTEXT

    app[CONTEXT].pdf.start()
    store = " (data in PostgreSQL)" if app[CONTEXT].store.on_postgres else ""
    print(f"meeting-server {__version__}: serving {data_dir}{store} on "
          f"{scheme}://{host}:{port}", flush=True)
    freeze_startup_objects()  # (a full collection's pause, off the tail)
    web.run_app(app, host=host, port=port, ssl_context=ssl_context, print=None)
    return 0


def copy_command(data_dir: Path, database_url: str) -> int:
    """`copy-to`: says what it copied, or why it copied nothing."""
    from server.store.copy import CopyRefused, copy_to_postgres

    try:
        copied = copy_to_postgres(data_dir, database_url)
    except (CopyRefused, PostgresUnavailable) as error:
        print(f"meeting-server: {error}; nothing was copied", file=sys.stderr)
        return 2 if isinstance(error, PostgresUnavailable) else 1
    for table, rows in copied:
        print(f"{table}\t{rows} rows")
    print(f"copied {sum(r for _, r in copied)} rows of {len(copied)} tables into "
          f"PostgreSQL; the document files stay in {data_dir}: start the server with "
          "--data-dir and --database", flush=True)
    return 0


def run_admin(args: argparse.Namespace, context: ServerContext) -> int:
    store = context.store
    if args.command == "user":
        return _user_command(args, store)
    if args.command == "audit":
        return _audit_command(args, store)
    if args.command == "pki":
        return pki_command(args, context.data_dir)
    if args.command == "approval":
        from server.approval_cli import approval_command

        return approval_command(args, context)
    match args.action:
        case "create":
            link = _web_link(args.link) if args.link else None
            chosen = _presenter(store, args.presenter) if args.presenter else None
            meeting_id = store.create_meeting(args.title, args.starts, args.place)
            if chosen:
                store.set_presenter(meeting_id, chosen)
            if link:
                store.set_web_link(meeting_id, link)
            print(meeting_id)
        case "schedule":
            store.schedule_meeting(args.meeting, args.starts, args.place)
        case "link":
            store.require_meeting(args.meeting)
            if args.remove == bool(args.url):
                raise StoreError("give either a URL or --remove")
            store.set_web_link(args.meeting, None if args.remove else _web_link(args.url))
        case "invite":
            store.invite(args.meeting, store.require_user(args.user))
        case "set-presenter":
            store.require_meeting(args.meeting)
            store.set_presenter(args.meeting, _presenter(store, args.user))
        case "add-document":
            store.require_meeting(args.meeting)
            document = asyncio.run(_add_document(context, args.meeting, args.file, args.title))
            context.audit.record(COMMAND_LINE, Action.DOCUMENT_ADDED, args.meeting, document.id,
                                 document.sha256)
            print(f"{document.id}\t{document.sha256}\t{document.pages} pages\t"
                  f"{printable(document.title)}")
        case "revise":
            store.require_meeting(args.meeting)
            result = asyncio.run(_revise(context, args.meeting, args.document, args.file))
            context.audit.record(COMMAND_LINE, Action.DOCUMENT_REVISED, args.meeting,
                                 args.document, result.document.sha256)
            print(f"{result.document.id}\t{result.document.sha256}\t"
                  f"{result.document.pages} pages\t{result.placed} marks placed\t"
                  f"{len(result.unplaced)} could not be placed")
        case "agenda":
            _agenda_command(args, store)
        case "list":
            for user_meeting in store.all_meetings():
                presenter = user_meeting.presenter or "-"
                starts = (datetime.fromtimestamp(user_meeting.starts_at).strftime("%Y-%m-%d %H:%M")
                          if user_meeting.starts_at is not None else "-")
                print(f"{user_meeting.id}\t{printable(user_meeting.title)}\t"
                      f"{user_meeting.documents} documents\tpresenter: {presenter}\t{starts}\t"
                      f"{printable(user_meeting.place or '-')}")
    return 0


def _schedule_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--starts", type=_start_time, metavar="'YYYY-MM-DD HH:MM'",
                        help="when it begins, in this machine's time zone (or ISO 8601 with "
                             "an offset)")
    parser.add_argument("--place", help="where it is held, e.g. a meeting room")


def _start_time(text: str) -> float:
    """A start time as people write it; a time without a zone is this machine's local time."""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date and time: {text!r} (write it as 2026-12-01 14:00)") from None
    return when.timestamp()  # a naive datetime is taken as local time


def _presenter(store: Store, name: str) -> User:
    """A user who may present, as `presenter:set` checks it."""
    user = store.require_user(name)
    if user.role is Role.DISPLAY:
        raise ProtocolError(ErrorCode.FORBIDDEN, "A display account cannot present.")
    return user


def _user_name(name: str) -> str:
    """A name sign-in will accept (the protocol's UserName), or an error saying what is."""
    try:
        return TypeAdapter(UserName).validate_python(name)
    except ValidationError:
        raise StoreError(f"A user name is 1 to 64 letters, digits and . _ @ - "
                         f"(not {name!r}).") from None


def _web_link(url: str) -> str:
    from meeting.core.weblink import check_web_link

    try:
        return check_web_link(url.strip())
    except ValueError as error:
        raise StoreError(str(error)) from None


def _agenda_command(args: argparse.Namespace, store: Store) -> None:
    store.require_meeting(args.meeting)
    items = store.agenda(args.meeting)
    if args.add:
        entries = [(i.title, i.document_id, i.page) for i in items]
        page = max(0, args.page - 1)
        if args.document is not None:
            authz.require_page(store, args.meeting, args.document, page)
        entries.append((args.add.strip(), args.document, page if args.document else 0))
        parse(AgendaSet, {"meeting_id": args.meeting, "items": [  # as agenda:set checks it
            {"title": title, **({"document_id": d, "page": p} if d else {})}
            for title, d, p in entries]})
        items, _ = store.set_agenda(args.meeting, entries)
    for number, item in enumerate(items, start=1):
        where = (f"\t(document {item.document_id}, page {item.page + 1})"
                 if item.document_id is not None else "")
        print(f"{number}.\t{printable(item.title)}{where}")


def _user_command(args: argparse.Namespace, store: Store) -> int:
    if args.action == "list":
        for user in store.users():
            print(f"{user.name}\t{user.role}")
        return 0
    if args.action == "sessions":
        for name, created, expires in store.active_sessions():
            print(f"{name}\tsince {_when(created)}\tuntil {_when(expires)}")
        return 0
    if args.action == "revoke":
        count = store.revoke_sessions(store.require_user(args.name))
        AuditLog(store).record(COMMAND_LINE, Action.SESSIONS_REVOKED, detail=args.name)
        print(f"{count} sessions of {args.name} ended (connected clients are closed within "
              f"{authz_sweep_seconds()} s)")
        return 0
    if args.action == "profile":
        store.set_profile(args.name, args.section, args.display_name)
        return 0
    if args.action == "add":
        name = _user_name(args.name)
        if store.user_by_name(name) is not None:
            raise StoreError(f"a user named {name!r} already exists")
        store.add_user(name, Role(args.role),
                       check_password(_read_password(args.password_stdin), name))
        store.set_profile(name, args.section, args.display_name)
    else:
        name = store.require_user(args.name).name
        store.set_password(name, check_password(_read_password(args.password_stdin), name))
    return 0


def _audit_command(args: argparse.Namespace, store: Store) -> int:
    import time

    since = None
    if args.since:
        try:
            since = time.mktime(time.strptime(args.since, "%Y-%m-%d"))
        except ValueError:
            raise StoreError(f"--since wants a day like 2026-04-01, not {args.since!r}") from None
    print("when\tuser\taction\tmeeting\tdocument\tdetail")
    for entry in AuditLog(store).query(args.user, args.meeting, args.action, since,
                                          args.limit):
        print(f"{_when(entry.at, seconds=True)}\t{printable(entry.user)}\t"
              f"{printable(entry.action)}\t{entry.meeting_id or '-'}\t"
              f"{entry.document_id or '-'}\t{printable(entry.detail)}")
    return 0


def printable(text: str) -> str:
    """`text` safe to print in a terminal and to split on tabs and lines: control and format
    characters (newlines, tabs, escapes that move the cursor or recolour, bidirectional
    overrides) written as `\\xNN`/`\\uNNNN`, and a backslash doubled, so nothing stored can
    forge a line, a column or the look of the screen."""
    return "".join(
        "\\\\" if c == "\\" else
        (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        if unicodedata.category(c)[0] == "C" else c
        for c in text)


def _when(timestamp: float, seconds: bool = False) -> str:
    import time

    return time.strftime("%Y-%m-%d %H:%M" + (":%S" if seconds else ""),
                         time.localtime(timestamp))


def authz_sweep_seconds() -> int:
    from server.events import SESSION_SWEEP_SECONDS

    return int(SESSION_SWEEP_SECONDS)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        raise StoreError("the passwords do not match")
    return first


async def _revise(context: ServerContext, meeting_id: int, document_id: int, file: Path):
    from server.office import from_office
    from server.revise import revise

    incoming, filename, original = await from_office(
        context.office, context.blobs, _incoming_copy(context, file), file.name)
    return await revise(context, meeting_id, document_id, incoming, filename=filename, by=None,
                        original=original)


def _incoming_copy(context: ServerContext, file: Path) -> Path:
    if not file.is_file():
        raise StoreError(f"no file {file}")
    incoming = context.blobs.new_incoming()
    shutil.copyfile(file, incoming)
    return incoming


async def _add_document(context: ServerContext, meeting_id: int, file: Path, title: str | None):
    from server.ingest import ingest
    from server.office import from_office

    incoming, filename, original = await from_office(
        context.office, context.blobs, _incoming_copy(context, file), file.name)
    return await ingest(context, meeting_id, incoming, filename=filename, title=title,
                        added_by=None, original=original)


if __name__ == "__main__":
    sys.exit(main())
