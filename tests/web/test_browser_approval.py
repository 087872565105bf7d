"""Approving from the browser (staff at home), in real headless Chromium: the inbox, the
circulation's page, a check point marked with the marker and its comment, the date stamp
placed with a tap, approve; and a send-back to the drafter. The server's record is checked
through a Python client."""

from __future__ import annotations

import pytest

from tests.helpers.approval import (
    LINES,
    approval_server,
    ok,
    started,
    words_at,
    write_pdf,
)
from tests.helpers.live import PASSWORD
from tests.web.test_browser_viewer import screenshot_after_paint, start_chromium

ROUTE = [{"members": ["chief"], "label": "課長"}, {"members": ["director"], "label": "部長"}]


@pytest.fixture
def live(tmp_path, approval_template):
    server = approval_server(tmp_path, approval_template)
    yield server
    server.stop()


@pytest.fixture
def browser(tmp_path):
    driver = start_chromium(tmp_path, "ja")
    yield driver
    driver.quit()


def state(driver) -> dict:
    return driver.execute_script("return window.approvalState && window.approvalState();") or {}


def wait_for(driver, condition, timeout: float = 15):
    from selenium.webdriver.support.wait import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: condition(state(d)), message=f"approval page state: {state(driver)}")


def sign_in_to_approvals(driver, url: str, name: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    driver.get(f"{url}/viewer/")
    driver.find_element(By.ID, "username").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "sign-in").click()
    link = driver.find_element(By.ID, "to-approvals")
    WebDriverWait(driver, 15).until(lambda _: link.is_displayed())
    assert link.text == "決裁"
    link.click()
    wait_for(driver, lambda s: s.get("screen") == "inbox")


def at_page_point(driver, x: float, y: float):
    """An action chain's offset from the page image's centre to page point (x, y)."""
    from selenium.webdriver.common.by import By

    image = driver.find_element(By.ID, "page")
    width_pt = driver.execute_script("return window.approvalState().pageWidth") or 595
    scale = image.size["width"] / width_pt
    return (round(x * scale - image.size["width"] / 2),
            round(y * scale - image.size["height"] / 2))


def test_approve_and_send_back_from_the_browser(live, browser, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    pdf = write_pdf(tmp_path / "申請書.pdf", [LINES[:2], LINES[2:]])
    paul, chief = live.peer("paul"), live.peer("chief")
    circulation, container, documents = started(live, paul, [pdf], ROUTE, title="在宅で決裁")
    sign_in_to_approvals(browser, live.url, "chief")
    wait_for(browser, lambda s: s["inbox"] == [1, 0, 0])
    waiting = browser.find_element(By.CSS_SELECTOR, "#waiting button")
    assert "在宅で決裁" in waiting.text and "第 1 段階" in waiting.text
    waiting.click()
    wait_for(browser, lambda s: s["screen"] == "review" and s["page"] == {
        "document": documents[0], "page": 0} and s["may"] == ["approve", "send_back"])

    # A check point: the marker along "Revenue rises", then its comment.
    browser.find_element(By.ID, "mode-mark").click()
    words = words_at(pdf, 0, "Revenue rises")
    image = browser.find_element(By.ID, "page")
    start = at_page_point(browser, words.x0, (words.y0 + words.y1) / 2)
    end = at_page_point(browser, words.x1, (words.y0 + words.y1) / 2)
    (ActionChains(browser).move_to_element_with_offset(image, *start).click_and_hold()
     .move_to_element_with_offset(image, (start[0] + end[0]) // 2, start[1] + 1)
     .move_to_element_with_offset(image, *end).release().perform())
    wait_for(browser, lambda s: s["marks"] == 1 and s["noting"])
    browser.find_element(By.ID, "note-text").send_keys("2% の根拠は？")
    browser.find_element(By.ID, "note-save").click()
    wait_for(browser, lambda s: s["marks"] == 2 and not s["noting"])

    # The stamp where one taps, then approve with a comment.
    browser.find_element(By.ID, "mode-stamp").click()
    ActionChains(browser).move_to_element_with_offset(image, *at_page_point(
        browser, 480, 70)).click().perform()
    wait_for(browser, lambda s: s["stamp"] is not None)
    screenshot_after_paint(browser, tmp_path / "browser-approval.png")
    browser.find_element(By.ID, "comment").send_keys("在宅で確認しました")
    browser.find_element(By.ID, "approve").click()
    wait_for(browser, lambda s: s["step"] == 1 and s["may"] == ["pull_back"]
             and s["stamp"] is None)
    assert browser.find_element(By.ID, "message").text == "承認しました。"

    opened = ok(chief.call("approval:open", {"id": circulation}))
    entry = opened["history"][-1]
    assert (entry["action"], entry["user"], entry["comment"]) == ("approved", "chief",
                                                                   "在宅で確認しました")
    rect = entry["stamp"]["rect"]
    assert entry["stamp"]["document_id"] == documents[0] and abs(rect["x0"] + 28 - 480) < 6
    marks = ok(chief.call("meeting:join", {"meeting_id": container}))["annotations"]
    marker = next(a for a in marks if a["tool"] == "marker")
    note = next(a for a in marks if a["tool"] == "text")
    assert marker["owner"] == "chief" and note["text"] == "2% の根拠は？"
    assert abs(marker["points"][0][0] - words.x0) < 6 and abs(marker["points"][1][0] - words.x1) < 6
    assert abs(marker["points"][0][1] - (words.y0 + words.y1) / 2) < 4

    # The director sends it back to the drafter from the browser.
    browser.delete_all_cookies()
    browser.execute_script("sessionStorage.clear()")
    sign_in_to_approvals(browser, live.url, "director")
    wait_for(browser, lambda s: s["inbox"][0] == 1)
    browser.find_element(By.CSS_SELECTOR, "#waiting button").click()
    wait_for(browser, lambda s: s["screen"] == "review" and "send_back" in s["may"])
    browser.find_element(By.ID, "comment").send_keys("見積を添付してください")
    browser.find_element(By.ID, "send-back").click()  # (to the drafter: the first choice)
    wait_for(browser, lambda s: s["status"] == "returned")
    last = ok(paul.call("approval:open", {"id": circulation}))["history"][-1]
    assert (last["action"], last["user"], last["to_step"], last["comment"]) == (
        "sent_back", "director", None, "見積を添付してください")
