"""HTTP calls to the server: health, login, documents. Blocking; call them off the GUI thread."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import requests

from meeting.core import messages
from meeting.core.protocol import (
    PROTOCOL_VERSION,
    DocumentInfo,
    Login,
    ProtocolError,
    UserInfo,
    parse,
)
from meeting.net.cache import DocumentCache, HashMismatchError
from meeting.net.trust import Trust

Progress = Callable[[int, int], None]
"""Called with (bytes done, bytes in all)."""

CHUNK = 1 << 16
UNREACHABLE = "unreachable"
UNTRUSTED = "untrusted_certificate"


class ApiError(Exception):
    def __init__(self, code: str, message: str, status: int = 0,
                 retry_after: int | None = None) -> None:
        message = messages.localize(message, messages.client_language, code)  # (the user's)
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class LoginResult:
    token: str
    user: UserInfo
    expires_at: float


class ServerApi:
    def __init__(self, base_url: str, token: str | None = None, timeout: float = 15.0,
                 trust: Trust | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.trust = trust or Trust()
        self._http = self.trust.http_session()

    def close(self) -> None:
        self._http.close()

    # --- calls -------------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """The server's state; 503 says it cannot reach its database (it still says its
        protocol: signing in then fails with the server's own words)."""
        return self._request("GET", "/health", authenticated=False,
                             answered=frozenset({503})).json()

    def check_protocol(self) -> None:
        """Refuse early, with a clear message, a server that speaks another protocol."""
        server = self.health().get("protocol")
        if server != PROTOCOL_VERSION:
            raise ApiError(
                "protocol_mismatch",
                f"The server speaks protocol {server}, this client {PROTOCOL_VERSION}. "
                "Update the client or ask your administrator.",
            )

    def login(self, username: str, password: str) -> LoginResult:
        self.check_protocol()
        try:  # (the body is the protocol's model, checked here as the server would)
            body = parse(Login, {"username": username, "password": password})
        except ProtocolError as error:
            raise ApiError(str(error.code), error.message, 400) from None
        data = self._data("POST", "/api/login", authenticated=False, json=body.payload())
        self.token = data["token"]
        return LoginResult(data["token"], UserInfo.model_validate(data["user"]),
                           data["expires_at"])

    def me(self) -> UserInfo:
        return UserInfo.model_validate(self._data("GET", "/api/me"))

    def logout(self) -> None:
        self._data("POST", "/api/logout")
        self.token = None

    def fetch_document(self, document: DocumentInfo, cache: DocumentCache,
                       progress: Progress | None = None) -> Path:
        """The document's file, from the cache or downloaded and checked against its hash."""
        cached = cache.get(document.sha256)
        if cached is not None:
            return cached
        response = self._request("GET", f"/api/documents/{document.sha256}", stream=True)
        total = int(response.headers.get("Content-Length") or document.size)
        writer = cache.writer(document.sha256)
        done = 0
        try:
            for chunk in response.iter_content(CHUNK):
                writer.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
            return writer.commit()
        except HashMismatchError as error:
            raise ApiError("hash_mismatch", str(error)) from None
        except requests.RequestException as error:
            writer.abort()
            raise ApiError(UNREACHABLE, f"The download was interrupted: {error}") from None
        finally:
            response.close()

    def fetch_original(self, meeting_id: int, document_id: int) -> bytes:
        return self._request(
            "GET", f"/api/meetings/{meeting_id}/documents/{document_id}/original",
            timeout=max(self.timeout, 120)).content

    def fetch_record(self, meeting_id: int, kind: str, mine: bool = False) -> bytes:
        """The record of the meeting as "pdf" or "json" (with `mine`, my copy with my notes)."""
        params = {"notes": "mine"} if mine else None
        return self._request("GET", f"/api/meetings/{meeting_id}/record.{kind}", params=params,
                             timeout=max(self.timeout, 150)).content

    def fetch_signed(self, circulation_id: int, document_id: int) -> bytes:
        """An approved circulation's document as signed (every stamp and check point in it)."""
        return self._request(
            "GET", f"/api/approvals/{circulation_id}/documents/{document_id}/signed.pdf",
            timeout=max(self.timeout, 120)).content

    def upload_document(self, meeting_id: int, path: Path, title: str | None = None,
                        progress: Progress | None = None) -> DocumentInfo:
        params = {"filename": path.name}
        if title:
            params["title"] = title
        with open(path, "rb") as f:
            data = self._data(
                "POST", f"/api/meetings/{meeting_id}/documents", params=params,
                data=_ProgressReader(f, path.stat().st_size, progress),
                headers={"Content-Type": _media_type(path)},
                timeout=max(self.timeout, 240),  # (an Office file is converted meanwhile)
            )
        return DocumentInfo.model_validate(data)

    def revise_document(self, meeting_id: int, document_id: int, path: Path,
                        progress: Progress | None = None) -> dict[str, Any]:
        """Replace a document with a revised version; the reply says how many marks moved
        and which could not be placed."""
        with open(path, "rb") as f:
            return self._data(
                "POST", f"/api/meetings/{meeting_id}/documents/{document_id}/revision",
                params={"filename": path.name},
                data=_ProgressReader(f, path.stat().st_size, progress),
                headers={"Content-Type": _media_type(path)}, timeout=max(self.timeout, 240),
            )

    # --- plumbing ----------------------------------------------------------------------------

    def _data(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._request(method, path, **kwargs).json().get("data")

    def _request(self, method: str, path: str, *, authenticated: bool = True,
                 headers: dict[str, str] | None = None, answered: frozenset[int] = frozenset(),
                 **kwargs: Any) -> requests.Response:
        """`answered`: statuses whose body is the answer, not an error."""
        headers = dict(headers or {})
        if authenticated and self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        headers.setdefault("Accept-Language", messages.client_language)  # the server's words
        kwargs.setdefault("timeout", self.timeout)
        kwargs["verify"] = self.trust.verify  # given per request: requests would otherwise let
        # REQUESTS_CA_BUNDLE from the environment override the session's setting
        try:
            response = self._http.request(method, self.base_url + path, headers=headers, **kwargs)
        except requests.exceptions.SSLError as error:
            raise ApiError(UNTRUSTED, f"The certificate of {self.base_url} is not trusted, so "
                           f"nothing was sent ({_reason(error)}).") from None
        except requests.RequestException:
            raise ApiError(UNREACHABLE, f"Cannot reach the server at {self.base_url}.") from None
        if response.status_code >= 400 and response.status_code not in answered:
            try:
                refusal = response.json()["error"]
                raise ApiError(refusal["code"], refusal["message"], response.status_code,
                               refusal.get("retry_after"))
            except (ValueError, KeyError, TypeError):
                raise ApiError("http_error", f"The server answered {response.status_code}.",
                               response.status_code) from None
        return response


def _media_type(path: Path) -> str:
    return "application/pdf" if path.suffix.lower() == ".pdf" else "application/octet-stream"


def _reason(error: BaseException) -> str:
    """The SSL failure inside requests' wrappers (e.g. "self-signed certificate")."""
    seen: BaseException | None = error
    for _ in range(10):  # requests and urllib3 wrap it a few levels deep
        if seen is None:
            break
        if isinstance(seen, ssl.SSLError):
            return getattr(seen, "verify_message", None) or seen.reason or str(seen)
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = inner or seen.__cause__ or seen.__context__
    return str(error)


class _ProgressReader:
    """A file for requests to stream from: its length sets Content-Length, reads report progress."""

    def __init__(self, file: BinaryIO, total: int, progress: Progress | None) -> None:
        self._file = file
        self._total = total
        self._done = 0
        self._progress = progress

    def __len__(self) -> int:
        return self._total

    def read(self, size: int = -1) -> bytes:
        chunk = self._file.read(size)
        self._done += len(chunk)
        if self._progress and chunk:
            self._progress(self._done, self._total)
        return chunk
