"""Password guessing is slowed down: failed sign-ins are limited per account and address."""

from __future__ import annotations

import requests

from server.app import create_app
from server.embedded import EmbeddedServer
from server.login_throttle import (
    PER_ACCOUNT,
    PER_ACCOUNT_AND_ADDRESS,
    PER_ADDRESS,
    Attempt,
    LoginThrottle,
    Refusal,
)
from tests.helpers.live import PASSWORD


class Clock:
    """Time the test moves by hand (the throttle counts in a 5-minute window)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_window_per_account_and_address_and_per_address():
    clock = Clock()
    throttle = LoginThrottle(clock)
    for _ in range(PER_ACCOUNT_AND_ADDRESS):
        assert throttle.wait("paul", "10.0.0.5") == 0
        # (names are compared case-insensitively; an attempt counts as failed until forgiven)
        assert isinstance(throttle.attempt("Paul", "10.0.0.5"), Attempt)
        clock.now += 10
    assert throttle.wait("paul", "10.0.0.5") == 300 - 50  # until the first failure is old
    refused = throttle.attempt("paul", "10.0.0.5")
    assert isinstance(refused, Refusal) and refused.wait == 250 and not refused.account_held
    assert throttle.wait("paul", "10.0.0.6") == 0  # paul at his own desk is not locked out
    assert throttle.wait("pia", "10.0.0.5") == 0
    clock.now += 251
    assert throttle.wait("paul", "10.0.0.5") == 0  # the oldest failure left the window

    for i in range(PER_ADDRESS):  # one address trying many accounts
        throttle.attempt(f"user{i}", "10.9.9.9")
    assert throttle.wait("someone-else", "10.9.9.9") > 0


def test_a_right_password_is_forgiven_and_the_account_limit_is_noticed_once():
    clock = Clock()
    throttle = LoginThrottle(clock)
    for _ in range(PER_ACCOUNT_AND_ADDRESS * 3):  # paul signing in all day from his desk
        attempt = throttle.attempt("paul", "10.0.0.5")
        assert isinstance(attempt, Attempt)
        throttle.succeeded(attempt)
    for n in range(PER_ACCOUNT):
        assert isinstance(throttle.attempt("paul", f"10.1.0.{n}"), Attempt)
    first, second = throttle.attempt("paul", "10.2.0.1"), throttle.attempt("paul", "10.2.0.2")
    assert isinstance(first, Refusal) and first.account_held
    assert isinstance(second, Refusal) and not second.account_held
    clock.now += 301
    assert isinstance(throttle.attempt("paul", "10.2.0.3"), Attempt)


def test_the_server_refuses_guessing_and_lets_the_right_password_through_elsewhere(
        seeded_server):
    live, _ = seeded_server

    def sign_in(password: str, forwarded: str | None = None) -> requests.Response:
        headers = {"X-Forwarded-For": forwarded} if forwarded else {}
        return requests.post(f"{live.url}/api/login", timeout=10, headers=headers,
                             json={"username": "paul", "password": password})

    for _ in range(PER_ACCOUNT_AND_ADDRESS):
        assert sign_in("guess").status_code == 401
    refused = sign_in(PASSWORD)  # even the right password waits now, from this address
    assert refused.status_code == 429
    error = refused.json()["error"]
    assert error["code"] == "rate_limited" and 0 < error["retry_after"] <= 300
    assert refused.headers["Retry-After"] == str(error["retry_after"])
    assert "Try again in" in error["message"]
    # X-Forwarded-For from a peer that is not a trusted proxy is ignored: still refused
    assert sign_in(PASSWORD, forwarded="192.0.2.7").status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(tmp_path, seeded_template):
    import shutil

    template, _ = seeded_template
    shutil.copytree(template, tmp_path / "server")
    server = EmbeddedServer(tmp_path / "server", app_factory=lambda: create_app(
        tmp_path / "server", frozenset({"127.0.0.1"})))
    url = server.start()
    try:
        def sign_in(password: str, client: str) -> int:
            return requests.post(f"{url}/api/login", timeout=10,
                                 headers={"X-Forwarded-For": f"203.0.113.9, {client}"},
                                 json={"username": "paul", "password": password}).status_code

        for _ in range(PER_ACCOUNT_AND_ADDRESS):
            assert sign_in("guess", "198.51.100.1") == 401
        assert sign_in(PASSWORD, "198.51.100.1") == 429  # the guesser is held back
        assert sign_in(PASSWORD, "198.51.100.2") == 200  # paul, elsewhere, is not
    finally:
        server.stop()

