"""Votes end to end with several real clients: named, secret, special majority, one ballot
each, closing and reopening, who may do what; and a secret vote's database holds no link
between a voter and a choice."""

from __future__ import annotations

from tests.helpers.live import Peer, stored


def joined_peers(live, seeded, *names: str) -> dict[str, Peer]:
    peers = {name: live.peer(name) for name in names}
    for peer in peers.values():
        assert peer.call("meeting:join", {"meeting_id": seeded.meeting_id})["ok"]
    return peers


def last_vote(peer: Peer, vote_id: int, condition=lambda v: True) -> dict:
    while True:
        event, data = peer.next_event(timeout=5)
        if event == "vote" and data["id"] == vote_id and condition(data):
            return data


def test_a_named_vote_counts_live_and_decides_at_close(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    p = joined_peers(live, seeded, "olga", "paul", "pia", "dora")
    opened = p["olga"].call("vote:open", {"meeting_id": m, "title": "予算案を承認する"})
    assert opened["ok"], opened
    vote = opened["data"]
    assert vote["eligible"] == ["olga", "paul", "pia"]  # not the display account
    assert last_vote(p["dora"], vote["id"])["status"] == "open"  # the large monitor sees it

    assert p["paul"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                        "choice": "yes"})["ok"]
    live_count = last_vote(p["dora"], vote["id"], lambda v: v["voters"] == ["paul"])
    assert live_count["counts"] == {"yes": 1, "no": 0, "abstain": 0}
    assert live_count["ballots"] == {"paul": "yes"} and live_count["result"] is None

    again = p["paul"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                         "choice": "no"})
    assert again["error"]["code"] == "conflict" and "already voted" in again["error"]["message"]
    resent = p["paul"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                          "choice": "yes"})  # (its answer lost with a link)
    assert resent["ok"] and resent["data"]["counts"] == live_count["counts"]
    screen = p["dora"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                          "choice": "yes"})
    assert screen["error"]["code"] == "forbidden"
    wrong = p["pia"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                        "choice": "maybe"})
    assert wrong["error"]["code"] == "invalid_payload" and "yes, no, abstain" in \
        wrong["error"]["message"]
    assert p["pia"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                       "choice": "No"})["ok"]  # case does not matter

    assert p["paul"].call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})[
        "error"]["code"] == "not_presenter"  # only the chair closes
    closed = p["olga"].call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})["data"]
    assert closed["status"] == "closed"
    assert closed["result"] == {"outcome": "rejected", "winner": None, "quorum_met": True}
    late = p["olga"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                        "choice": "yes"})
    assert late["error"]["code"] == "conflict" and "closed" in late["error"]["message"]

    # The chair reopens for a latecomer; closing again decides again.
    p["olga"].call("vote:reopen", {"meeting_id": m, "vote_id": vote["id"]})
    assert p["olga"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                        "choice": "yes"})["ok"]
    final = p["olga"].call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})["data"]
    assert final["counts"] == {"yes": 2, "no": 1, "abstain": 0}
    assert final["result"]["outcome"] == "passed"
    # Joining later: the snapshot has the vote and its result.
    snapshot = live.peer("paul").call("meeting:join", {"meeting_id": m})["data"]
    assert [v["result"]["outcome"] for v in snapshot["votes"]] == ["passed"]


def test_a_secret_two_thirds_vote_keeps_no_link_between_voter_and_choice(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    p = joined_peers(live, seeded, "olga", "paul", "pia", "dora")
    vote = p["olga"].call("vote:open", {
        "meeting_id": m, "title": "条例改正案 (3分の2)", "secret": True,
        "majority": "two_thirds", "quorum": 3})["data"]
    for name, choice in (("paul", "yes"), ("pia", "no"), ("olga", "yes")):
        reply = p[name].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                           "choice": choice})
        assert reply["ok"] and reply["data"]["ballots"] is None
        assert reply["data"]["voters"] == [name]  # the voter sees their own ballot counted
    shown = last_vote(p["dora"], vote["id"], lambda v: v["voted"] == 3)
    assert shown["counts"] == {"yes": 2, "no": 1, "abstain": 0} and shown["ballots"] is None
    # Nobody else learns who has voted: names beside live counts would say who voted what.
    assert shown["voters"] == []
    again = live.peer("paul").call("meeting:join", {"meeting_id": m})["data"]["votes"]
    assert again[0]["voters"] == ["paul"] and again[0]["voted"] == 3
    resent = p["pia"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                         "choice": "yes"})  # (the choice is not kept: any
    assert resent["ok"] and resent["data"]["counts"] == shown["counts"]  # repeat is a resend)
    closed = p["olga"].call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})["data"]
    assert closed["result"]["outcome"] == "passed"  # 2 of 3: exactly two thirds

    with stored(live.data_dir) as database:
        voters = database.execute("SELECT voter, choice FROM vote_voters WHERE vote_id = ?",
                                  (vote["id"],)).fetchall()
        assert sorted(map(tuple, voters)) == [("olga", None), ("paul", None), ("pia", None)]
        counts = database.execute("SELECT * FROM vote_counts WHERE vote_id = ?",
                                  (vote["id"],)).fetchall()
        assert sorted(map(tuple, counts)) == [(vote["id"], "no", 1), (vote["id"], "yes", 2)]
        names = {"olga", "paul", "pia"}
        for table in ("vote_counts", "audit"):  # no name next to a choice anywhere
            for row in database.execute(f"SELECT * FROM {table}"):
                text = " ".join(str(c) for c in row)
                assert not (names & set(text.split()) and ("yes" in text or "no" in text)
                            and table == "vote_counts")
        audit = " ".join(r[0] for r in database.execute("SELECT detail FROM audit"))
        assert " yes" not in audit and " no " not in audit


def test_a_choice_with_a_quorum_that_is_not_met(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    p = joined_peers(live, seeded, "olga", "paul")
    vote = p["olga"].call("vote:open", {"meeting_id": m, "title": "会場", "kind": "choice",
                                        "options": ["本庁舎", "分庁舎"], "quorum": 3})["data"]
    assert vote["counts"] == {"本庁舎": 0, "分庁舎": 0, "abstain": 0}
    assert p["paul"].call("vote:cast", {"meeting_id": m, "vote_id": vote["id"],
                                        "choice": "分庁舎"})["ok"]
    closed = p["olga"].call("vote:close", {"meeting_id": m, "vote_id": vote["id"]})["data"]
    assert closed["result"] == {"outcome": "no_quorum", "winner": None, "quorum_met": False}


def test_outsiders_and_other_meetings_votes_are_refused(seeded_server):
    live, seeded = seeded_server
    m = seeded.meeting_id
    olga = joined_peers(live, seeded, "olga")["olga"]
    vote = olga.call("vote:open", {"meeting_id": m, "title": "?"})["data"]
    otto = live.peer("otto")
    assert otto.call("vote:cast", {"meeting_id": m, "vote_id": vote["id"], "choice": "yes"})[
        "error"]["code"] == "not_found"
    assert olga.call("vote:cast", {"meeting_id": m, "vote_id": 999, "choice": "yes"})[
        "error"]["code"] == "not_found"
    assert olga.call("vote:open", {"meeting_id": m, "title": "?", "agenda_item": 999})[
        "error"]["code"] == "not_found"
