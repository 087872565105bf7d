"""Password hashing with scrypt (memory-hard, in the standard library) and session tokens.

Tokens are random and only their SHA-256 is stored, so a copy of the database does not let anyone
log in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_N, _R, _P = 2**14, 8, 1  # ~16 MiB and ~50 ms per hash on our machines
_SALT_BYTES = 16
_KEY_BYTES = 32


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _scrypt(password, salt, _N, _R, _P)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024,
        dklen=_KEY_BYTES,
    )


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


MIN_PASSWORD_LENGTH = 10

COMMON_PASSWORDS = frozenset((
    "1234567890", "0123456789", "9876543210", "12345678910", "1qaz2wsx3edc", "1q2w3e4r5t",
    "1q2w3e4r5t6y", "zaq12wsxcde3", "qwertyuiop", "qwerty1234", "qwerty12345", "asdfghjkl;",
    "abcdefghij", "abcd123456", "password12", "password123", "password1234", "passw0rd123",
    "p@ssw0rd123", "passwordpassword", "iloveyou123", "welcome123", "welcome1234",
    "letmein123", "changeme123", "administrator", "admin12345", "secret1234", "sunshine123",
    "football123", "baseball123", "princess123", "superman123", "trustno1234", "meeting123",
    "meeting1234", "paperless123", "sakura1234", "tokyo12345", "doraemon123", "pokemon123",
))
"""The most used passwords long enough to pass the length rule (and this system's obvious
ones): the first a guesser tries. Lower case: compared case-insensitively."""


class WeakPassword(ValueError):
    """A password the policy refuses; the message says why, for the person choosing it."""


def check_password(password: str, user_name: str) -> str:
    """`password` if it may be used by `user_name`; WeakPassword says why not.

    Long enough, not one of the most common, and not containing the user name: the three
    guesses that need no list (docs/security.md)."""
    folded = password.casefold()
    if folded == user_name.casefold() or (len(user_name) >= 3
                                          and user_name.casefold() in folded):
        raise WeakPassword("The password must not contain the user name.")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"The password must be at least {MIN_PASSWORD_LENGTH} characters "
                           f"long.")
    if folded in COMMON_PASSWORDS or len(set(folded)) <= 2:
        raise WeakPassword("This password is one of the most common; choose another.")
    return password
