"""Approval (決裁) on the real server with real Socket.IO clients: a three-step route with a
合議 step (2 of 3), a send-back to step one and a revision whose marks follow their words, a
pull-back, a delegate, the inbox and its notices, who sees what, bad input, the audit log."""

from __future__ import annotations

import pytest
import requests

from server.context import ServerContext
from server.store.audit import AuditLog
from tests.helpers.approval import (
    LINES,
    THREE_STEPS,
    approval_server,
    changes,
    drafted,
    japanese_client,
    ok,
    refused,
    revise,
    started,
    upload,
    words_at,
    write_pdf,
)
from tests.helpers.live import Peer, login


@pytest.fixture
def live(tmp_path, approval_template):
    server = approval_server(tmp_path, approval_template)
    yield server
    server.stop()


@pytest.fixture
def pdfs(tmp_path):
    return [write_pdf(tmp_path / "申請書.pdf", [LINES[:2], LINES[2:]]),
            write_pdf(tmp_path / "見積書.pdf", [["Quotation for 12 desks", "Total 480,000 yen"]]),
            write_pdf(tmp_path / "仕様書.pdf", [["Specification", "Desks of steel, grey"]])]


def marker(peer: Peer, container: int, document: int, rect, page: int = 0,
           text: str = "") -> str:
    """A check point: the marker along the words in `rect` (it snaps in the app; here the
    points are on the words), and a typed note beside it with the comment."""
    mark_id = f"check-{peer.sio.sid}-{rect.x0:.0f}-{rect.y0:.0f}"
    base = {"meeting_id": container, "document_id": document, "page": page, "layer": "shared"}
    ok(peer.call("annotation:put", {
        **base, "id": mark_id, "tool": "marker", "color": "#fbbc04", "width": 12,
        "points": [[rect.x0, (rect.y0 + rect.y1) / 2], [rect.x1, (rect.y0 + rect.y1) / 2]]}))
    if text:
        ok(peer.call("annotation:put", {**base, "id": f"{mark_id}-note", "tool": "text",
                                        "color": "#d93025", "width": 10,
                                        "points": [[rect.x1 + 8, rect.y0]], "text": text}))
    return mark_id


def test_three_steps_gougi_send_back_revision_and_a_delegate(live, pdfs, tmp_path):
    paul, chief, a1, a2, a3, director, deputy, otto = (
        live.peer(n) for n in ("paul", "chief", "a1", "a2", "a3", "director", "deputy", "otto"))
    circulation, container, documents = started(live, paul, pdfs)
    for peer in (paul, chief, a1, a2, a3, director):
        (notice,) = changes(peer, circulation)
        assert notice["status"] == "circulating" and notice["waiting_for"] == ["chief"]
    assert otto.no_event()
    inbox = ok(chief.call("approval:list"))
    assert [c["id"] for c in inbox["waiting"]] == [circulation]
    assert [c["id"] for c in ok(paul.call("approval:list"))["sent"]] == [circulation]
    assert [c["id"] for c in ok(director.call("approval:list"))["others"]] == [circulation]

    # The chief opens all three documents, marks a check point with a comment, and stamps.
    opened = ok(chief.call("approval:open", {"id": circulation}))
    assert [d["id"] for d in opened["documents"]] == documents
    assert opened["may"] == ["approve", "send_back"]
    assert [s["need"] for s in opened["route"]] == [1, 2, 1]
    ok(chief.call("meeting:join", {"meeting_id": container}))
    revenue = words_at(pdfs[0], 0, "Revenue rises")
    check = marker(chief, container, documents[0], revenue, text="2% の根拠は？")
    stamp = {"document_id": documents[0], "page": 0,
             "rect": {"x0": 450.0, "y0": 40.0, "x1": 510.0, "y1": 100.0}}
    after = ok(chief.call("approval:approve", {"id": circulation, "stamp": stamp,
                                                "comment": "確認しました"}))
    assert after["summary"]["step"] == 1 and after["route"][0]["done_by"] == ["chief"]
    assert sorted(after["summary"]["waiting_for"]) == ["a1", "a2", "a3"]

    # 合議: two of three are enough; the third is no longer asked.
    ok(a2.call("approval:approve", {"id": circulation}))
    assert ok(a1.call("approval:open", {"id": circulation}))["summary"]["step"] == 1
    ok(a1.call("approval:approve", {"id": circulation, "comment": "異議なし"}))
    assert refused(a3.call("approval:approve", {"id": circulation}), "forbidden") == \
        "It is not your turn: this circulation waits for director."

    # The director sends it back to step one; the chief back to the drafter.
    back = ok(director.call("approval:send_back", {"id": circulation, "to_step": 0,
                                                    "comment": "見積を再確認"}))
    assert back["summary"]["step"] == 0 and [s["done_by"] for s in back["route"]] == [[], [], []]
    returned = ok(chief.call("approval:send_back", {"id": circulation, "to_step": None,
                                                     "comment": "数字を直してください"}))
    assert returned["summary"]["status"] == "returned"
    assert returned["summary"]["waiting_for"] == ["paul"]
    assert ok(paul.call("approval:open", {"id": circulation}))["may"] == ["start", "revise"]

    # The drafter revises the first document: a line added above "Revenue"; the chief's check
    # point follows its words.
    revised = write_pdf(tmp_path / "申請書-2.pdf", [
        [LINES[0], "A sentence added in the correction round", LINES[1]], LINES[2:]])
    response = revise(live, container, documents[0], revised)
    assert response.status_code == 200, response.text
    assert response.json()["data"]["placed"] == 2  # (the marker and its note)
    moved = next(a for a in ok(chief.call("meeting:snapshot", {"meeting_id": container}))[
        "annotations"] if a["id"] == check)
    now = words_at(revised, 0, "Revenue rises")
    assert abs(moved["points"][0][1] - (now.y0 + now.y1) / 2) < 3
    assert moved["unplaced"] is None

    # Again along the route; the director is away: the deputy acts for them.
    refused(deputy.call("approval:open", {"id": circulation}), "not_found")
    ok(director.call("approval:delegates_set", {"delegates": ["deputy"]}))
    assert ok(deputy.call("approval:open", {"id": circulation}))["may"] == []
    ok(paul.call("approval:start", {"id": circulation, "title": "備品購入について（修正）",
                                    "document_ids": documents, "route": THREE_STEPS}))
    ok(chief.call("approval:approve", {"id": circulation, "stamp": stamp}))
    ok(a3.call("approval:approve", {"id": circulation}))
    ok(a1.call("approval:approve", {"id": circulation}))
    waiting = ok(deputy.call("approval:list"))["waiting"]
    assert [c["id"] for c in waiting] == [circulation]
    seen = ok(deputy.call("approval:open", {"id": circulation}))
    assert seen["may"] == ["approve", "send_back"] and seen["on_behalf_of"] == ["director"]
    refused(deputy.call("approval:approve", {"id": circulation}), "forbidden")  # as themselves
    done = ok(deputy.call("approval:approve", {"id": circulation, "on_behalf_of": "director",
                                                "comment": "部長不在のため代理で決裁"}))
    assert done["summary"]["status"] == "approved"
    last = done["history"][-1]
    assert (last["action"], last["user"], last["on_behalf_of"]) == ("approved", "deputy",
                                                                     "director")
    assert [(e["action"], e["user"]) for e in done["history"]] == [
        ("started", "paul"), ("approved", "chief"), ("approved", "a2"), ("approved", "a1"),
        ("sent_back", "director"), ("sent_back", "chief"), ("revised", "paul"),
        ("started", "paul"), ("approved", "chief"), ("approved", "a3"), ("approved", "a1"),
        ("approved", "deputy")]
    assert [c["id"] for c in ok(director.call("approval:list"))["done"]] == [circulation]
    refused(director.call("approval:approve", {"id": circulation}), "conflict")
    told = changes(deputy, circulation, 5)  # started again, three approvals, their own
    assert [c["status"] for c in told] == ["circulating"] * 4 + ["approved"]

    # The director is back and names nobody: the deputy no longer reads it, nor its pages.
    ok(director.call("approval:delegates_set", {"delegates": []}))
    refused(deputy.call("approval:open", {"id": circulation}), "not_found")
    refused(deputy.call("meeting:join", {"meeting_id": container}), "not_found")

    # Every action is in the audit log, the delegate with whom they stood in for.
    context = ServerContext.open(live.data_dir)
    try:
        rows = [(e.user, e.action) for e in AuditLog(context.store).query(
            meeting_id=container) if e.action.startswith("approval_")]
        detail = [e.detail for e in AuditLog(context.store).query(
            user="deputy", action="approval_approved")]
    finally:
        context.close()
    assert ("paul", "approval_started") in rows and ("paul", "approval_revised") in rows
    assert rows.count(("director", "approval_sent_back")) == 1
    assert detail == [f"circulation {circulation}, step 3, for director: 部長不在のため代理で決裁"]


def test_pull_back_before_the_next_step_acts(live, pdfs):
    paul, chief, a1 = (live.peer(n) for n in ("paul", "chief", "a1"))
    circulation, _, _ = started(live, paul, pdfs[:1])
    pulled = ok(paul.call("approval:pull_back", {"id": circulation}))
    assert pulled["summary"]["status"] == "returned"
    ok(paul.call("approval:start", {"id": circulation, "title": "再回付", "document_ids":
                                    pulled["documents"][0:1] and [pulled["documents"][0]["id"]],
                                    "route": THREE_STEPS}))
    ok(chief.call("approval:approve", {"id": circulation}))
    assert "pull_back" in ok(chief.call("approval:open", {"id": circulation}))["may"]
    back = ok(chief.call("approval:pull_back", {"id": circulation}))
    assert back["summary"]["step"] == 0 and back["history"][-1]["action"] == "pulled_back"
    ok(chief.call("approval:approve", {"id": circulation}))
    ok(a1.call("approval:approve", {"id": circulation}))
    assert refused(chief.call("approval:pull_back", {"id": circulation}), "conflict") == \
        "The next step has already acted: it can no longer be pulled back."
    refused(paul.call("approval:pull_back", {"id": circulation}), "forbidden")


def test_nobody_off_the_route_sees_a_circulation(live, pdfs):
    paul, otto, admin, olga, chief = (live.peer(n) for n in ("paul", "otto", "admin", "olga",
                                                             "chief"))
    circulation, container, documents = drafted(live, paul, pdfs[:1])
    refused(chief.call("approval:open", {"id": circulation}), "not_found")  # a draft: paul's
    ok(paul.call("approval:start", {"id": circulation, "title": "t", "document_ids": documents,
                                    "route": [{"members": ["chief"]}]}))
    missing = refused(otto.call("approval:open", {"id": 999}), "not_found")
    for outsider in (otto, admin, olga):
        assert refused(outsider.call("approval:open", {"id": circulation}),
                       "not_found") == missing.replace("999", str(circulation))
        refused(outsider.call("meeting:join", {"meeting_id": container}), "not_found")
        refused(outsider.call("approval:signatures", {"id": circulation}), "not_found")
        assert container not in [m["id"] for m in ok(outsider.call("meetings:list"))]
        inbox = ok(outsider.call("approval:list"))
        assert all(inbox[k] == [] for k in ("waiting", "sent", "done", "others"))
    assert container not in [m["id"] for m in ok(paul.call("meetings:list"))]
    sha = ok(chief.call("approval:open", {"id": circulation}))["documents"][0]["sha256"]
    for name, status in (("otto", 404), ("admin", 404), ("chief", 200)):
        token = {"Authorization": f"Bearer {login(live.url, name)}"}
        assert requests.get(f"{live.url}/api/documents/{sha}", headers=token,
                            timeout=10).status_code == status
        assert requests.get(f"{live.url}/api/meetings/{container}/documents/{documents[0]}/"
                            f"pages/0?width=256", headers=token, timeout=30
                            ).status_code == status
    # An organizer on the route still cannot run the container as a meeting.
    assert upload(live, container, pdfs[1], who="chief").status_code == 403
    assert upload(live, container, pdfs[1], who="olga").status_code == 404


@pytest.mark.parametrize(("route", "message", "japanese"), [
    ([], "The route has no steps: add at least one person to approve.",
     "回付ルートに段階がありません。承認者を 1 人以上追加してください。"),
    ([{"members": ["chief"]}, {"members": []}],
     "Step 2 of the route has nobody: add at least one person.",
     "回付ルートの第 2 段階に誰もいません。1 人以上追加してください。"),
    ([{"members": ["a1", "a2"], "need": 3}], "Step 1 needs 3 people but has 2.",
     "第 1 段階には 3 人の承認が必要ですが、2 人しかいません。"),
    ([{"members": ["dora"]}], "dora is a display account and cannot approve.",
     "dora は表示用アカウントのため承認できません。"),
])
def test_a_bad_route_is_refused_in_both_languages_and_nothing_is_stored(live, pdfs, route,
                                                                        message, japanese):
    paul = live.peer("paul")
    circulation, _, documents = drafted(live, paul, pdfs[:1])
    payload = {"id": circulation, "title": "t", "document_ids": documents, "route": route}
    assert refused(paul.call("approval:start", payload), "invalid_payload") == message
    client = japanese_client(live, "paul")
    try:
        assert refused(client.call("approval:start", payload), "invalid_payload") == japanese
    finally:
        client.disconnect()
    opened = ok(paul.call("approval:open", {"id": circulation}))
    assert opened["summary"]["status"] == "draft" and opened["history"] == []


def test_out_of_turn_twice_and_a_revision_that_cannot_be_placed(live, pdfs, tmp_path):
    paul, chief, a1, a2, director = (live.peer(n) for n in ("paul", "chief", "a1", "a2",
                                                             "director"))
    circulation, container, documents = started(live, paul, pdfs[:1])
    refused(director.call("approval:approve", {"id": circulation}), "forbidden")
    refused(director.call("approval:send_back", {"id": circulation}), "forbidden")
    refused(paul.call("approval:approve", {"id": circulation}), "forbidden")
    refused(chief.call("approval:approve", {"id": circulation, "on_behalf_of": "director"}),
            "forbidden")
    refused(chief.call("approval:approve", {"id": circulation, "stamp": {
        "document_id": documents[0], "page": 5,
        "rect": {"x0": 1.0, "y0": 1.0, "x1": 50.0, "y1": 50.0}}}), "invalid_payload")
    refused(chief.call("approval:send_back", {"id": circulation, "to_step": 0}),
            "invalid_payload")
    ok(chief.call("meeting:join", {"meeting_id": container}))
    marker(chief, container, documents[0], words_at(pdfs[0], 1, "debt"), page=1)
    ok(chief.call("approval:approve", {"id": circulation}))
    ok(a1.call("approval:approve", {"id": circulation}))
    assert refused(a1.call("approval:approve", {"id": circulation}), "conflict") == \
        "You have already acted at this step."
    refused(a1.call("approval:send_back", {"id": circulation}), "conflict")  # (approved)
    ok(a2.call("approval:send_back", {"id": circulation, "to_step": None}))
    # A revision without the words the chief marked cannot keep the mark: refused, unchanged.
    before = ok(paul.call("approval:open", {"id": circulation}))
    response = revise(live, container, documents[0],
                      write_pdf(tmp_path / "v2.pdf", [LINES[:2]]))
    assert response.status_code == 409
    assert response.json()["error"]["message"].startswith("1 marks could not be placed")
    after = ok(paul.call("approval:open", {"id": circulation}))
    assert after["documents"] == before["documents"] and after["history"] == before["history"]
    # Only the drafter revises, and only while it is back with them.
    assert revise(live, container, documents[0], pdfs[1], who="chief").status_code == 403
    # Someone's private note on words a revision removes does not stop it (kept, flagged).
    ok(director.call("meeting:join", {"meeting_id": container}))
    revenue = words_at(pdfs[0], 0, "Revenue rises")
    ok(director.call("annotation:put", {
        "meeting_id": container, "id": "private-on-revenue", "document_id": documents[0],
        "page": 0, "layer": "private", "tool": "pen", "color": "#1a73e8", "width": 2,
        "points": [[revenue.x0, revenue.y1], [revenue.x1, revenue.y1]]}))
    response = revise(live, container, documents[0],
                      write_pdf(tmp_path / "v3.pdf", [[LINES[0]], LINES[2:]]))
    assert response.status_code == 200, response.text
    assert response.json()["data"]["unplaced"] == []  # (others' notes are theirs to know)
    notes = ok(director.call("meeting:snapshot", {"meeting_id": container}))["annotations"]
    assert next(a for a in notes if a["id"] == "private-on-revenue")["unplaced"]


def test_templates_fixed_for_a_section(live, pdfs):
    olga, paul, chief = (live.peer(n) for n in ("olga", "paul", "chief"))
    mine = ok(paul.call("approval:template_save", {"name": "いつもの", "route": THREE_STEPS}))
    assert mine["owner"] == "paul" and mine["section"] is None
    refused(paul.call("approval:template_save", {"name": "課の", "route": THREE_STEPS,
                                                 "section": "総務課"}), "forbidden")
    fixed = ok(olga.call("approval:template_save", {
        "name": "総務課の決裁", "section": "総務課",
        "route": [{"members": ["chief"]}, {"members": ["director"]}]}))
    assert {t["id"] for t in ok(paul.call("approval:templates"))} == {mine["id"], fixed["id"]}
    assert [t["id"] for t in ok(chief.call("approval:templates"))] == [fixed["id"]]
    circulation, _, documents = drafted(live, paul, pdfs[:1])
    message = refused(paul.call("approval:start", {
        "id": circulation, "title": "t", "document_ids": documents, "route": THREE_STEPS}),
        "forbidden")
    assert message == "Your section must use one of its routes: 総務課の決裁."
    ok(paul.call("approval:start", {"id": circulation, "title": "t", "document_ids": documents,
                                    "route": fixed["route"]}))
    refused(paul.call("approval:template_delete", {"id": fixed["id"]}), "forbidden")
    ok(olga.call("approval:template_delete", {"id": fixed["id"]}))
    ok(paul.call("approval:template_delete", {"id": mine["id"]}))
    assert ok(paul.call("approval:templates")) == []


def test_check_points_are_drawn_only_while_it_is_ones_turn(live, pdfs):
    paul, chief, director = (live.peer(n) for n in ("paul", "chief", "director"))
    circulation, container, documents = started(live, paul, pdfs[:1])
    for peer in (paul, chief, director):
        ok(peer.call("meeting:join", {"meeting_id": container}))
    rect = words_at(pdfs[0], 0, "Revenue rises")
    assert refused(director.call("annotation:put", {
        "meeting_id": container, "id": "too-early", "document_id": documents[0], "page": 0,
        "layer": "shared", "tool": "marker", "color": "#fbbc04", "width": 12,
        "points": [[rect.x0, rect.y1], [rect.x1, rect.y1]]}), "forbidden") == \
        "You can mark check points only while it is your turn."
    ok(director.call("annotation:put", {  # a private note is anyone's own, any time
        "meeting_id": container, "id": "own-note", "document_id": documents[0], "page": 0,
        "layer": "private", "tool": "text", "color": "#1a73e8", "width": 10,
        "points": [[72.0, 300.0]], "text": "後で確認"}))
    mark = marker(chief, container, documents[0], rect)
    ok(chief.call("approval:approve", {"id": circulation}))
    # What the chief decided on stays: no more changes to their check points.
    refused(chief.call("annotation:delete", {"meeting_id": container, "ids": [mark]}),
            "forbidden")
    refused(paul.call("annotation:delete", {"meeting_id": container, "ids": [mark]}),
            "not_presenter")


def test_where_it_stands_survives_a_restart(live, pdfs):
    paul, chief = live.peer("paul"), live.peer("chief")
    circulation, _, _ = started(live, paul, pdfs[:1])
    ok(chief.call("approval:approve", {"id": circulation, "comment": "確認"}))
    before = ok(chief.call("approval:open", {"id": circulation}))
    live.restart()
    after = ok(live.peer("chief").call("approval:open", {"id": circulation}))
    assert after == before and after["summary"]["step"] == 1
    ok(live.peer("a1").call("approval:approve", {"id": circulation}))
