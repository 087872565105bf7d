"""Which refusals pass, and the waits between attempts."""

from __future__ import annotations

from meeting.core.retry import LONGEST_WAIT_S, Backoff, passing


def refusal(code: str, **more) -> dict:
    return {"ok": False, "error": {"code": code, "message": "no", **more}}


def test_refusals_about_the_servers_state_pass_those_about_the_request_do_not():
    for code in ("internal_error", "storage_full", "storage_read_only", "rate_limited"):
        assert passing(refusal(code)), code
    for code in ("forbidden", "not_found", "not_presenter", "invalid_payload", "conflict",
                 "not_joined", "offline"):
        assert not passing(refusal(code)), code
    assert not passing({"ok": True, "data": {}})


def test_the_wait_doubles_up_to_the_longest_and_starts_again_after_a_success():
    backoff = Backoff()
    assert backoff.first
    waits = [backoff.wait(refusal("storage_full")) for _ in range(6)]
    assert waits == [1.0, 2.0, 4.0, 8.0, LONGEST_WAIT_S, LONGEST_WAIT_S]
    assert not backoff.first
    backoff.reset()
    assert backoff.first and backoff.wait(refusal("internal_error")) == 1.0


def test_the_server_asking_for_longer_is_heard():
    backoff = Backoff()
    assert backoff.wait(refusal("rate_limited", retry_after=30)) == 30
    assert backoff.wait(refusal("rate_limited")) == 2.0
