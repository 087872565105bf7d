"""Which server certificates the client trusts.

Certificates are always verified: by the system's certificate authorities, or by the one
authority an organization names in a CA file (a private CA for an internal server). There is
deliberately no way to turn verification off: a client that accepts any certificate hands the
password and the documents to whoever sits in the middle.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import requests

CA_FILE_VARIABLE = "MEETING_CA_FILE"
"""An environment variable naming a PEM file of trusted authorities (used when no option is
given; an IT department can set it for every user at once)."""


class TrustError(ValueError):
    """The configured CA file cannot be used."""


@dataclass(frozen=True)
class Trust:
    ca_file: Path | None = None
    """PEM file of the authorities to trust instead of the system's; None: the system's."""

    @classmethod
    def configured(cls, ca_file: str | Path | None = None) -> Trust:
        """The CA file given, else the environment's, else the system's authorities."""
        chosen = ca_file or os.environ.get(CA_FILE_VARIABLE) or None
        if chosen is None:
            return cls()
        path = Path(chosen).expanduser()
        if not path.is_file():
            raise TrustError(f"The certificate authority file {path} does not exist.")
        return cls(path.resolve())

    @property
    def verify(self) -> str | bool:
        """What `requests` takes as `verify`: the CA file, or True for the system's."""
        return str(self.ca_file) if self.ca_file else True

    def http_session(self) -> requests.Session:
        """A requests session that verifies with these authorities. python-socketio's client
        takes it too, and passes the CA file on to its WebSocket."""
        session = requests.Session()
        session.verify = self.verify
        return session
