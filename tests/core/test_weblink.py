"""Web meeting links that cannot fool anyone: https only, no user-info, the host in ASCII."""

from __future__ import annotations

import pytest

from meeting.core.weblink import check_web_link, link_host


@pytest.mark.parametrize("url", [
    "http://meet.example.lg.jp/j/1",  # plain http: anyone on the way can change it
    "https://meet.example.lg.jp@evil.example/",  # goes to evil.example
    "https://user:pw@meet.example.jp/",
    "https://meet.example.lg.jp\\@evil.example/",  # browsers read \\ as /
    "https://meet.example.lg.jp\\evil/",
    "javascript:alert(1)//https://x", "file:///etc/passwd", "https://", "https://./",
    "https://[::1]:8443/", "https://meet.example.jp/a b", "https://meet.example.jp/\x1b[2J",
])
def test_refused(url):
    with pytest.raises(ValueError):
        check_web_link(url)
    assert link_host(url) == ""


def test_kept_as_written_when_plain():
    link = "https://meet.example.lg.jp/j/8123456789?pwd=abc#top"
    assert check_web_link(link) == link
    assert link_host(link) == "meet.example.lg.jp"
    assert check_web_link("HTTPS://Meet.Example.JP:8443/Room") == "https://meet.example.jp:8443/Room"
    assert link_host("https://meet.example.jp:8443/") == "meet.example.jp:8443"


def test_internationalized_hosts_become_punycode():
    """A Cyrillic look-alike of apple.com, and a real Japanese name, both shown (and opened)
    by their ASCII form, so the look-alike cannot pass for the real one."""
    look_alike = "https://\u0430\u0440\u0440\u04cf\u0435.com/meeting"
    assert check_web_link(look_alike) == "https://xn--80ak6aa92e.com/meeting"
    assert link_host(look_alike) == "xn--80ak6aa92e.com"
    assert link_host("https://例え.jp/会議") == "xn--r8jz45g.jp"
    assert link_host("https://ｍｅｅｔ.example.jp/") == "meet.example.jp"  # full-width letters
