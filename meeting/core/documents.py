"""A document as every client sees it: its own module so that the meeting protocol and the
approval protocol (`approval_protocol`) both use it without importing each other."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from meeting.core.schema import Data, Id, Sha256


class DocumentInfo(Data):
    id: Id
    sha256: Sha256
    title: str
    filename: str
    pages: Annotated[int, Field(ge=1)]
    size: Annotated[int, Field(ge=0)]
    original_filename: str | None = None
    """The Office file this PDF was made from (kept on the server, downloadable)."""
    original_sha256: str | None = None
