"""The link of the organization's web meeting (audio and video stay there; we show the papers).

The link is opened in one click by the app and by the browser viewer, so only what cannot fool
anyone gets that far: https only (a `javascript:`, `file:` or plain `http:` address never), no
user-info (`https://meet.example.lg.jp@evil.example/` goes to evil.example), no backslashes
(browsers read them as slashes, Python does not), and the host kept in its ASCII form: an
internationalized name is stored as punycode (`xn--…`), which is what the button shows beside
it, so a look-alike in another script (Cyrillic `е` for `e`) shows as the stranger it is.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit, urlunsplit

from pydantic import AfterValidator, Field

from meeting.core.schema import Event, Id, Message

MAX_LINK_LENGTH = 2000


def check_web_link(url: str) -> str:
    """The link in its one safe form (host in ASCII, lower case), or ValueError saying why."""
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise ValueError("the web meeting link must not contain spaces or control characters")
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise ValueError("the web meeting link must be an https:// address")
    if "@" in parts.netloc or "\\" in url:
        raise ValueError("the web meeting link must not contain a user name, '@' or '\\' "
                         "before its host")
    try:  # (an IPv6 address has no IDNA form either: no web meeting service uses one)
        host = parts.hostname.encode("idna").decode("ascii").lower()
        port = parts.port
    except (UnicodeError, ValueError):
        raise ValueError("the web meeting link's host name is not valid") from None
    if not host.strip(".") or ":" in host:
        raise ValueError("the web meeting link's host name is not valid")
    netloc = host if port is None else f"{host}:{port}"
    return urlunsplit(("https", netloc, parts.path, parts.query, parts.fragment))


def link_host(url: str) -> str:
    """The host (and port) a link leads to, as shown beside its button: ASCII, punycode for an
    internationalized name; empty for a link that is not safe to offer."""
    try:
        return urlsplit(check_web_link(url)).netloc
    except ValueError:
        return ""


WebLink = Annotated[str, Field(min_length=8, max_length=MAX_LINK_LENGTH),
                    AfterValidator(check_web_link)]


class MeetingLink(Message):
    """`meeting:link`: set the meeting's web meeting link, or remove it (None)."""

    event = Event.MEETING_LINK

    meeting_id: Id
    url: WebLink | None
