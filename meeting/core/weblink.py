"""The link of the organization's web meeting (audio and video stay there; we show the papers).

Only http(s) addresses are accepted: the link is opened in one click by the app and by the
browser viewer, so a `javascript:` or `file:` address must never get that far.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field

from meeting.core.schema import Event, Id, Message

MAX_LINK_LENGTH = 2000


def check_web_link(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ValueError("the web meeting link must be an https:// (or http://) address")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise ValueError("the web meeting link must not contain spaces or control characters")
    return url


WebLink = Annotated[str, Field(min_length=8, max_length=MAX_LINK_LENGTH),
                    AfterValidator(check_web_link)]


class MeetingLink(Message):
    """`meeting:link`: set the meeting's web meeting link, or remove it (None)."""

    event = Event.MEETING_LINK

    meeting_id: Id
    url: WebLink | None
