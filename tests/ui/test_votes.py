"""Votes in the app: the chair opens one, a participant votes on their tablet, the large
monitor shows the live count and the result, and the result is exported as CSV."""

from __future__ import annotations

from tests.ui.conftest import wait_for_page


def test_open_vote_count_on_the_monitor_close_and_export(qtbot, open_viewer, open_display,
                                                         seeded_server, tmp_path):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    display = open_display()
    display.resize(1280, 720)
    display.show()
    olga.show_side(olga.votes)  # the chair opens the side panel at its votes
    paul.show_side(paul.documents)
    assert paul.votes.isHidden() and olga.votes.new_button.isVisible()  # the chair

    dialog = olga.votes.new_vote()
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()  # no question yet
    dialog.question.setText("令和8年度予算案を承認する")
    dialog.majority.setCurrentIndex(dialog.majority.findData("two_thirds"))
    dialog.accept()

    qtbot.waitUntil(lambda: set(paul.votes.ballot_buttons) == {"yes", "no", "abstain"},
                    timeout=10_000)
    assert paul.votes.title.text() == "令和8年度予算案を承認する"
    assert paul.votes.isVisible()  # the new vote opened the side panel at its tab
    qtbot.waitUntil(display.vote.isVisible, timeout=10_000)
    paul.votes.ballot_buttons["yes"].click()
    qtbot.waitUntil(lambda: paul.votes.my_ballot.text() == "You voted: Yes", timeout=10_000)
    assert not paul.votes.ballot_buttons  # one ballot: the buttons are gone
    qtbot.waitUntil(lambda: display.vote.status.text() == "Open · 1 of 3 voted",
                    timeout=10_000)
    wait_for_page(qtbot, paul)
    display.grab().save(str(tmp_path / "display-vote.png"))
    paul.grab().save(str(tmp_path / "tablet-vote.png"))

    olga.votes.close_button.click()
    qtbot.waitUntil(lambda: display.vote.status.text() == "Passed (1 of 3 voted)",
                    timeout=10_000)
    qtbot.waitUntil(lambda: paul.votes.status.text() == "Passed (1 of 3 voted)",
                    timeout=10_000)
    assert olga.votes.reopen_button.isVisible() and not paul.votes.reopen_button.isVisible()
    out = olga.votes.export_csv(tmp_path / "result.csv")
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())  # Excel in Japan reads it as UTF-8
    text = data.decode("utf-8-sig")
    assert "令和8年度予算案を承認する" in text and "result,passed" in text
    assert "Yes,1" in text and "paul,Yes" in text


def test_the_organizer_saves_the_record_and_a_participant_their_copy(qtbot, open_viewer,
                                                                     tmp_path):
    olga, paul = open_viewer("olga"), open_viewer("paul")
    labels = [a.text() for a in olga.export_menu.actions()]
    assert "Record of the meeting (PDF and JSON)…" in labels
    assert "Record of the meeting (PDF and JSON)…" not in [
        a.text() for a in paul.export_menu.actions()]
    with qtbot.waitSignal(olga.recordSaved, timeout=30_000) as saved:
        olga.save_record(tmp_path / "record.pdf", mine=False)
    assert [p.name for p in saved.args[0]] == ["record.pdf", "record.json"]
    assert (tmp_path / "record.pdf").read_bytes().startswith(b"%PDF")
    assert '"attendees"' in (tmp_path / "record.json").read_text(encoding="utf-8")
    with qtbot.waitSignal(paul.recordSaved, timeout=30_000) as saved:
        paul.save_record(tmp_path / "mine.pdf", mine=True)
    assert [p.name for p in saved.args[0]] == ["mine.pdf"]


def test_a_restart_during_a_secret_vote_asks_everyone_to_vote_again(qtbot, open_viewer,
                                                                     seeded_server):
    live, seeded = seeded_server
    olga, paul = open_viewer("olga"), open_viewer("paul")
    olga.show_side(olga.votes)
    dialog = olga.votes.new_vote()
    dialog.question.setText("役員選任")
    dialog.secret.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: "yes" in paul.votes.ballot_buttons, timeout=10_000)
    paul.votes.ballot_buttons["yes"].click()
    qtbot.waitUntil(lambda: not paul.votes.ballot_buttons, timeout=10_000)
    assert paul.votes.my_ballot.text() == "Your ballot was counted (secret vote)."
    qtbot.waitUntil(lambda: olga.votes.status.text() == "Open · 1 of 3 voted", timeout=10_000)

    live.restart()  # (the ballot was only in the server's memory)
    qtbot.waitUntil(lambda: set(paul.votes.ballot_buttons) == {"yes", "no", "abstain"},
                    timeout=20_000)
    assert paul.votes.my_ballot.text() == "Server restarted: please vote again."
    assert "were lost" in paul.votes.my_ballot.toolTip()
    paul.votes.ballot_buttons["no"].click()
    qtbot.waitUntil(lambda: not paul.votes.ballot_buttons, timeout=10_000)
    assert paul.votes.my_ballot.text() == "Your ballot was counted (secret vote)."
    # (the chair closes from a connection of its own: a desktop client that is still
    # reconnecting answers a chair's command "offline" and drops it, the outbox's business)
    chair = live.peer("olga")
    assert chair.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]
    vote_id = paul.votes.current_vote_id()
    qtbot.waitUntil(lambda: chair.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})[
        "data"]["votes"][0]["voted"] == 1, timeout=10_000)
    assert chair.call("vote:close", {"meeting_id": seeded.meeting_id, "vote_id": vote_id})["ok"]
    qtbot.waitUntil(lambda: paul.votes.status.text() == "Rejected (1 of 3 voted)",
                    timeout=10_000)
