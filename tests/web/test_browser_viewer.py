"""The browser viewer in real headless Chromium (Debian's, through its chromedriver): a Python
client presents, turns pages, draws and points; the page in the browser shows the same."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pymupdf
import pytest

from tests.helpers.live import PASSWORD
from tests.server.test_annotations import joined

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
BLUE = (0x1A, 0x73, 0xE8)


@pytest.fixture
def browser(tmp_path):
    driver = start_chromium(tmp_path, "en-US")
    yield driver
    driver.quit()


def start_chromium(tmp_path: Path, language: str):
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        message = "Debian's chromium and chromium-driver are needed (.ci/run installs them)"
        if os.environ.get("MEETING_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--lang={language}",
                 "--window-size=1280,900", "--force-device-scale-factor=1",
                 f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(10)
    return driver


def state(driver) -> dict:
    return driver.execute_script("return window.viewerState && window.viewerState();") or {}


def wait_for(driver, condition, timeout: float = 15):
    from selenium.webdriver.support.wait import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: condition(state(d)), message=f"browser state: {state(driver)}")


def sign_in_and_join(driver, url: str, name: str = "paul") -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{url}/viewer/")
    driver.find_element(By.ID, "username").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "sign-in").click()
    wait_for(driver, lambda s: s.get("screen") == "meetings")
    listed_meeting(driver, "Budget review 予算審議").click()
    wait_for(driver, lambda s: s.get("screen") == "meeting")


def listed_meeting(driver, containing: str):
    """The meeting list's button once it says `containing`: the list screen shows before the
    server's list has come (and, back from a meeting, with the list from before)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    def button(d):
        found = [b for b in d.find_elements(By.CSS_SELECTOR, "#meeting-list button")
                 if containing in b.text]
        return found[0] if found else False

    return WebDriverWait(driver, 15, poll_frequency=0.05).until(
        button, message=f"no meeting listed with {containing!r}")


def screenshot_after_paint(driver, png: Path) -> None:
    """Let the browser paint what it just decoded (two animation frames), then take it."""
    driver.execute_async_script(
        "const done = arguments[0];"
        "requestAnimationFrame(() => requestAnimationFrame(() => done()));")
    driver.save_screenshot(str(png))


def grey_pixels(png: Path) -> int:
    """Light grey, as the watermark's faint text on white."""
    pixmap = pymupdf.Pixmap(str(png))
    samples, n = pixmap.samples, pixmap.n
    return sum(1 for i in range(0, len(samples), n * 2)
               if 220 <= samples[i] <= 236 and abs(samples[i] - samples[i + 2]) < 12
               and abs(samples[i] - samples[i + 1]) < 12)


def blue_pixels(png: Path) -> int:
    pixmap = pymupdf.Pixmap(str(png))
    samples, n = pixmap.samples, pixmap.n
    return sum(1 for i in range(0, len(samples), n * 2)  # every other pixel is plenty
               if all(abs(samples[i + c] - BLUE[c]) < 40 for c in range(3)))


def test_the_browser_follows_the_presenter_with_marks_and_laser(seeded_server, browser,
                                                               tmp_path):
    from selenium.webdriver.common.by import By

    live, seeded = seeded_server
    m, document = seeded.meeting_id, seeded.documents[1]
    (olga,) = joined(live, seeded, "olga")
    olga.call("page:set", {"meeting_id": m, "document_id": document, "page": 0})
    sign_in_and_join(browser, live.url)
    wait_for(browser, lambda s: s["page"] == 0 and s["documentId"] == document
             and s["imageShown"] and s["following"])
    olga.presence_until(lambda p: any(  # the browser says where it is (or this times out)
        person["name"] == "paul" and person["place"] == "browser" for person in p["people"]))

    olga.call("page:set", {"meeting_id": m, "document_id": document, "page": 2})
    wait_for(browser, lambda s: s["page"] == 2 and s["imageShown"])
    before = tmp_path / "before.png"
    browser.save_screenshot(str(before))

    stroke = "browser-test-stroke"
    points = [[100 + i * 8, 300 + (i % 5) * 6] for i in range(40)]
    assert olga.call("annotation:begin", {
        "meeting_id": m, "id": stroke, "document_id": document, "page": 2, "layer": "shared",
        "tool": "pen", "color": "#1a73e8", "width": 4, "points": points[:10]})["ok"]
    wait_for(browser, lambda s: any(mark["id"] == stroke for mark in s["marks"]))  # live
    olga.call("annotation:points", {"meeting_id": m, "id": stroke, "offset": 10,
                                    "points": points[10:]})
    olga.call("annotation:end", {"meeting_id": m, "id": stroke, "count": 40})
    wait_for(browser, lambda s: {"id": stroke, "points": 40, "complete": True} in s["marks"])
    olga.sio.emit("laser:move", {"meeting_id": m, "document_id": document, "page": 2,
                                 "point": [300, 200]})
    wait_for(browser, lambda s: s["laser"] == [300, 200])

    after = tmp_path / "after.png"
    browser.save_screenshot(str(after))  # the stroke is on the screen, not only in the state
    assert blue_pixels(after) > blue_pixels(before) + 100

    browser.find_element(By.ID, "next").click()  # browse on your own
    wait_for(browser, lambda s: s["page"] == 3 and not s["following"])
    assert browser.find_element(By.ID, "browsing").is_displayed()
    olga.call("page:set", {"meeting_id": m, "document_id": document, "page": 1})
    wait_for(browser, lambda s: s["page"] == 3)  # stays where the reader is
    browser.find_element(By.ID, "back").click()
    wait_for(browser, lambda s: s["page"] == 1 and s["following"] and s["imageShown"])
    assert not browser.find_element(By.ID, "browsing").is_displayed()


def test_the_browser_catches_up_after_the_server_restarts(seeded_server, browser):
    live, seeded = seeded_server
    m, document = seeded.meeting_id, seeded.documents[0]
    sign_in_and_join(browser, live.url)
    wait_for(browser, lambda s: s["connected"])
    live.restart()  # the link drops; meanwhile the presenter moves on
    (olga,) = joined(live, seeded, "olga")
    olga.call("page:set", {"meeting_id": m, "document_id": document, "page": 1})
    olga.call("meeting:link", {"meeting_id": m, "url": "https://meet.example.lg.jp/j/42"})
    wait_for(browser, lambda s: s["connected"] and s["page"] == 1 and s["imageShown"]
             and s["webLink"] == "https://meet.example.lg.jp/j/42", timeout=30)
    wait_for(browser, lambda s: s["webLinkHost"] == "at meet.example.lg.jp")


def test_the_web_meeting_button_shows_where_it_leads(seeded_server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    live, seeded = seeded_server
    (olga,) = joined(live, seeded, "olga")
    sign_in_and_join(browser, live.url)
    wait_for(browser, lambda s: s["connected"] and s["webLinkHost"] is None)
    olga.call("meeting:link", {"meeting_id": seeded.meeting_id,
                               "url": "https://\u0430\u0440\u0440\u04cf\u0435.com/j/1"})
    wait_for(browser, lambda s: s["webLinkHost"] == "at xn--80ak6aa92e.com")
    button = browser.find_element(By.ID, "web-meeting")
    assert button.get_attribute("href") == "https://xn--80ak6aa92e.com/j/1"
    host = browser.find_element(By.ID, "web-meeting-host")
    assert host.is_displayed() and host.text == "at xn--80ak6aa92e.com"
    assert abs(host.location["y"] - button.location["y"]) < 20  # beside it, on the bar
    browser.save_screenshot(str(tmp_path / "bar.png"))


def test_a_wrong_password_is_said_plainly(seeded_server, browser):
    from selenium.webdriver.common.by import By

    live, _ = seeded_server
    browser.get(f"{live.url}/viewer/")
    browser.find_element(By.ID, "username").send_keys("paul")
    browser.find_element(By.ID, "password").send_keys("wrong")
    browser.find_element(By.ID, "sign-in").click()
    error = browser.find_element(By.ID, "login-error")
    from selenium.webdriver.support.wait import WebDriverWait

    WebDriverWait(browser, 10).until(lambda _: error.is_displayed())
    assert error.text == "Wrong user name or password."


def test_a_japanese_screen_draws_japanese_even_without_a_japanese_font(seeded_server, tmp_path):
    from selenium.webdriver.common.by import By

    live, seeded = seeded_server
    driver = start_chromium(tmp_path, "ja")
    try:
        driver.get(f"{live.url}/viewer/")
        assert driver.find_element(By.ID, "sign-in").text == "サインイン"
        (olga,) = joined(live, seeded, "olga")
        olga.call("page:set", {"meeting_id": seeded.meeting_id,
                               "document_id": seeded.documents[1], "page": 0})
        sign_in_and_join(driver, live.url)
        wait_for(driver, lambda s: s["imageShown"])
        assert "ページ" in driver.find_element(By.ID, "page-number").text
        loaded = driver.execute_async_script(
            "const done = arguments[0];"
            "document.fonts.ready.then(() => done(document.fonts.check('16px \"Meeting "
            "Japanese\"', '予算審議')));")
        assert loaded  # the server's Japanese font is there for the title bar
        driver.save_screenshot(str(tmp_path / "japanese.png"))
    finally:
        driver.quit()


def test_the_browser_shows_the_watermark_and_lets_go_of_removed_materials(seeded_server,
                                                                           browser, tmp_path):
    from selenium.webdriver.common.by import By

    live, seeded = seeded_server
    m = seeded.meeting_id
    (olga,) = joined(live, seeded, "olga")
    sign_in_and_join(browser, live.url)
    wait_for(browser, lambda s: s["imageShown"])
    assert not state(browser)["watermarked"]
    plain = tmp_path / "plain.png"
    screenshot_after_paint(browser, plain)
    olga.call("meeting:protect", {"meeting_id": m, "watermark": True, "removal": "files"})
    # A new image, with the viewer's name written in by the server: grey where it was white.
    wait_for(browser, lambda s: s["imageShown"] and s["watermarked"])
    marked = tmp_path / "watermarked.png"
    screenshot_after_paint(browser, marked)
    assert grey_pixels(marked) > grey_pixels(plain) + 500

    olga.call("meeting:end", {"meeting_id": m})
    wait_for(browser, lambda s: s.get("screen") == "meetings")
    status = browser.find_element(By.ID, "meetings-status").text
    assert "materials were removed" in status
    assert browser.execute_script("return document.getElementById('page').src") == ""
    button = listed_meeting(browser, "materials removed")
    assert not button.is_enabled()


def test_a_remote_participant_votes_from_the_browser(seeded_server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    live, seeded = seeded_server
    m = seeded.meeting_id
    (olga,) = joined(live, seeded, "olga")
    sign_in_and_join(browser, live.url)
    vote = olga.call("vote:open", {"meeting_id": m, "title": "会場案を選ぶ", "kind": "choice",
                                   "options": ["本庁舎", "分庁舎"], "secret": True})["data"]
    wait_for(browser, lambda s: (s.get("vote") or {}).get("id") == vote["id"])
    browser.find_element(By.CSS_SELECTOR, "#vote button[data-choice='分庁舎']").click()
    wait_for(browser, lambda s: s["vote"]["voted"] == 1)
    assert "Your ballot was counted" in browser.find_element(By.ID, "vote").text
    assert not browser.find_elements(By.CSS_SELECTOR, "#vote button")
    screenshot_after_paint(browser, tmp_path / "vote.png")
    closed = olga.call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})["data"]
    assert closed["counts"]["分庁舎"] == 1 and closed["ballots"] is None
    wait_for(browser, lambda s: s["vote"]["status"] == "closed")
    assert browser.find_element(By.ID, "vote-status").text == "Chosen: 分庁舎 (1 of 3 voted)"


def test_a_busy_server_is_asked_again_until_the_page_comes(seeded_server, browser, caplog):
    """Past its limits the server answers 429 with Retry-After; the viewer asks again then, for
    as long as that page is the one to show, instead of showing an error."""
    import time

    from server.http_routes import CONTEXT

    live, _ = seeded_server
    images = live.server._runner.app[CONTEXT].page_images
    images.per_user = 0  # every page refused as busy
    sign_in_and_join(browser, live.url)

    def refusals() -> int:
        return sum("rate_limited" in record.getMessage() for record in caplog.records)

    deadline = time.monotonic() + 15
    while refusals() < 2:  # asked, refused, asked again after Retry-After
        assert time.monotonic() < deadline, "the viewer did not ask again"
        time.sleep(0.05)
    assert not state(browser)["imageShown"]
    images.per_user = 2
    wait_for(browser, lambda s: s.get("imageShown"))
    assert browser.find_element("id", "message").text == ""
