"""A remote voter in the browser when the server restarts during a secret vote: the ballots
were only in the server's memory, so the viewer says so and offers the ballot again."""

from __future__ import annotations

from tests.web import test_browser_viewer as viewer
from tests.web.test_browser_viewer import joined, screenshot_after_paint, sign_in_and_join, wait_for

browser = viewer.browser  # (the fixture: a Chromium signed in nowhere yet)


def test_a_restart_during_a_secret_vote_asks_the_browser_to_vote_again(seeded_server, browser,
                                                                        tmp_path):
    from selenium.webdriver.common.by import By

    live, seeded = seeded_server
    m = seeded.meeting_id
    (olga,) = joined(live, seeded, "olga")
    sign_in_and_join(browser, live.url)
    vote = olga.call("vote:open", {"meeting_id": m, "title": "役員選任",
                                   "secret": True})["data"]
    wait_for(browser, lambda s: (s.get("vote") or {}).get("id") == vote["id"])
    browser.find_element(By.CSS_SELECTOR, "#vote button[data-choice='yes']").click()
    wait_for(browser, lambda s: s["vote"]["voted"] == 1)
    live.restart()  # (the ballot was only in the server's memory)
    wait_for(browser, lambda s: s["connected"] and s["vote"]["ballots_lost_at"] is not None,
             timeout=30)
    notice = browser.find_element(By.ID, "vote-ballots-lost").text
    assert "Please vote again" in notice
    screenshot_after_paint(browser, tmp_path / "ballots-lost.png")
    browser.find_element(By.CSS_SELECTOR, "#vote button[data-choice='no']").click()
    wait_for(browser, lambda s: s["vote"]["voted"] == 1)
    assert "Your ballot was counted" in browser.find_element(By.ID, "vote").text
    assert not browser.find_elements(By.ID, "vote-ballots-lost")
