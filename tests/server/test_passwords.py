"""The password policy: long enough, not the user name, not one of the most common."""

from __future__ import annotations

from server.passwords import MIN_PASSWORD_LENGTH, WeakPassword, check_password


def test_the_password_policy():
    for weak in ("1", "short", "tanaka", "tanaka-2026-desk", "TanakaTaro99", "password123",
                 "PASSWORD123", "qwertyuiop", "aaaaaaaaaaaa", "abababababab"):
        try:
            check_password(weak, "tanaka")
        except WeakPassword:
            continue
        raise AssertionError(f"{weak!r} was accepted")
    assert check_password("stapled horse at the city hall", "tanaka")
    assert check_password("x" * (MIN_PASSWORD_LENGTH - 2) + "yz", "ai")  # (short names: only
    # the name itself is refused, "ai" may be in a long password by chance)
    assert len("秘密のパスワードです") == MIN_PASSWORD_LENGTH  # counted in characters, not bytes
    assert check_password("秘密のパスワードです", "sato")
