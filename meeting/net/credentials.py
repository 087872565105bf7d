"""Session tokens in the OS keychain (never the password), keyed by server URL and user.

Where no keychain exists (headless Linux, CI) the token lives in memory for this run only, and
`TokenStore.persistent` says so, so the UI can tell the user in plain words.
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

log = logging.getLogger("meeting.net.credentials")

SERVICE_PREFIX = "paperless-meeting"


def _usable(backend: KeyringBackend) -> bool:
    # keyring's "fail" backend (priority 0) and the null backend (negative) store nothing.
    try:
        return backend.priority > 0
    except Exception:
        return False


class TokenStore:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend or keyring.get_keyring()
        self.persistent = _usable(self._backend)
        self._memory: dict[tuple[str, str], str] = {}

    @staticmethod
    def _service(server_url: str) -> str:
        return f"{SERVICE_PREFIX}:{server_url.rstrip('/')}"

    def load(self, server_url: str, user: str) -> str | None:
        key = (server_url.rstrip("/"), user)
        if key in self._memory or not self.persistent:
            return self._memory.get(key)
        try:
            return self._backend.get_password(self._service(server_url), user)
        except keyring.errors.KeyringError as error:
            self._fall_back(error)
            return None

    def save(self, server_url: str, user: str, token: str) -> None:
        self._memory[(server_url.rstrip("/"), user)] = token
        if not self.persistent:
            return
        try:
            self._backend.set_password(self._service(server_url), user, token)
        except keyring.errors.KeyringError as error:
            self._fall_back(error)

    def delete(self, server_url: str, user: str) -> None:
        self._memory.pop((server_url.rstrip("/"), user), None)
        if not self.persistent:
            return
        try:
            self._backend.delete_password(self._service(server_url), user)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            self._fall_back(error)

    def _fall_back(self, error: Exception) -> None:
        log.warning("the keychain failed (%s); keeping the session in memory for this run", error)
        self.persistent = False
