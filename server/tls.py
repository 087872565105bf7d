"""TLS for the server: HTTPS and Socket.IO over TLS on the one port."""

from __future__ import annotations

import ssl
from pathlib import Path


class TlsConfigError(ValueError):
    """The certificate or key cannot be used (said before the server starts listening)."""


def server_context(certfile: Path, keyfile: Path | None = None) -> ssl.SSLContext:
    """A server-side context with the certificate chain (PEM; the key may be in the same file).

    TLS 1.2 is the oldest version accepted, as government guidelines (and browsers) require.
    """
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(str(certfile), str(keyfile) if keyfile else None)
    except FileNotFoundError as error:
        raise TlsConfigError(f"no such file: {error.filename}") from None
    except ssl.SSLError as error:
        raise TlsConfigError(f"cannot use the certificate {certfile} with key "
                             f"{keyfile or certfile}: {error.reason or error}") from None
    return context
