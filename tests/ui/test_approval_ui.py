"""The approval client on a real server: the inbox and its notice, starting a circulation from
the dialog, the review window over three documents (marker check point with its comment, the
stamp placed, approve), send back and pull back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from meeting.core import messages
from meeting.core.annotations import Layer, Tool
from meeting.core.approval_protocol import CirculationStatus
from meeting.core.approval_route import DraftStep, RouteDraft
from meeting.net.api import ServerApi
from meeting.net.approval import ApprovalClient
from meeting.ui.approval.hub import ApprovalHub
from meeting.ui.approval.inbox_window import InboxWindow
from meeting.ui.approval.review_window import ReviewWindow
from meeting.ui.approval.start_dialog import StartDialog
from server.context import ServerContext
from tests.helpers.live import PASSWORD
from tests.ui.conftest import delete_now
from tests.ui.test_login_and_app import client_app, settings  # noqa: F401 - fixtures
from tests.ui.test_login_and_app import signed_in as app_signed_in

ROUTE = [{"kind": "approve", "members": ["paul"], "need": None},
         {"kind": "approve", "members": ["pia", "otto", "admin"], "need": 2}]


@pytest.fixture
def signed_in(runtime, seeded_server):
    """Sessions by user name, each with its bridge (closed at the end)."""
    live, _ = seeded_server
    sessions = {}
    windows = []

    def session_of(name: str):
        if name not in sessions:
            login = ServerApi(live.url).login(name, PASSWORD)
            sessions[name] = runtime.open_session(live.url, login.token, login.user)
        return sessions[name]

    session_of.windows = windows
    yield session_of
    for window in windows:
        window.close()
    delete_now(windows)
    for session, _ in sessions.values():
        session.close()


def wait_online(qtbot, session) -> None:
    qtbot.waitUntil(lambda: session.online, timeout=10_000)


def circulate(qtbot, signed_in, sample_pdfs, route=ROUTE):
    """olga drafts, uploads the three sample documents and starts it along the route."""
    session, _ = signed_in("olga")
    wait_online(qtbot, session)
    client = ApprovalClient(session)
    draft = client.draft("備品購入の件").result(timeout=10)
    ids = [client.upload(draft, pdf).result(timeout=60).id for pdf in sample_pdfs]
    return client.start(draft.summary.id, "備品購入の件", ids, route, "ご確認ください"
                        ).result(timeout=10)


def open_review(qtbot, signed_in, runtime, name: str, circulation_id: int) -> ReviewWindow:
    session, bridge = signed_in(name)
    wait_online(qtbot, session)
    circulation = ApprovalClient(session).open(circulation_id).result(timeout=10)
    window = ReviewWindow(session, bridge, runtime.worker, circulation)
    signed_in.windows.append(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.main.page_view.painted is not None, timeout=15_000)
    return window


def test_the_inbox_counts_what_waits_and_tells_once_when_one_arrives(
        qtbot, signed_in, sample_pdfs):
    session, bridge = signed_in("paul")
    wait_online(qtbot, session)
    hub = ApprovalHub(session, bridge)
    qtbot.waitUntil(lambda: hub.inbox is not None, timeout=10_000)
    assert hub.counts.waiting == 0
    inbox = InboxWindow(hub)
    signed_in.windows.append(inbox)
    arrivals = []
    hub.arrived.connect(arrivals.append)
    started = circulate(qtbot, signed_in, sample_pdfs)
    qtbot.waitUntil(lambda: hub.counts.waiting == 1, timeout=10_000)  # (approval:changed)
    assert [s.id for s in arrivals] == [started.summary.id]
    assert inbox.tabs.tabText(0) == "Waiting for me (1)"
    row = inbox.lists["waiting"].item(0).text()
    assert row.startswith("備品購入の件\nStep 1 · waiting for paul · since ")
    assert row.endswith("from olga · 3 documents")
    opened = []
    inbox.openRequested.connect(opened.append)
    qtbot.mouseClick(inbox.open_button, Qt.MouseButton.LeftButton)
    assert opened == [started.summary.id]
    hub.refresh()  # the same inbox again: nothing new to announce
    qtbot.wait(300)
    assert len(arrivals) == 1


def test_the_start_dialog_sends_documents_along_a_route_it_checked(
        qtbot, signed_in, sample_pdfs, monkeypatch):
    session, _ = signed_in("olga")
    wait_online(qtbot, session)
    dialog = StartDialog(ApprovalClient(session))
    signed_in.windows.append(dialog)
    dialog.add_files([*sample_pdfs, sample_pdfs[0].with_suffix(".txt")])  # (not a document)
    assert dialog.documents.count() == 3
    dialog.title.setText("出張報告")
    assert not dialog.send_button.isEnabled()  # step 1 has nobody
    assert "Step 1 of the route has nobody" in dialog.route.problem.text()
    monkeypatch.setattr(messages, "client_language", "ja")  # the server's words, in Japanese
    assert dialog.route.problem_text() == (
        "回付ルートの第 1 段階に誰もいません。1 人以上追加してください。")
    dialog.route.set_draft(RouteDraft((DraftStep(members=("paul",)),
                                       DraftStep(members=("pia", "otto", "admin"), need=2))))
    assert dialog.send_button.isEnabled() and dialog.route.problem.isHidden()
    with qtbot.waitSignal(dialog.started, timeout=60_000) as sent:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    circulation = sent.args[0]
    assert circulation.summary.status is CirculationStatus.CIRCULATING
    assert [d.filename for d in circulation.documents] == [p.name for p in sample_pdfs]
    assert [(s.members, s.need) for s in circulation.route] == [
        (("paul",), 1), (("pia", "otto", "admin"), 2)]


def test_reviewing_three_documents_marking_a_check_point_stamping_and_approving(
        qtbot, signed_in, runtime, seeded_server, sample_pdfs):
    live, _ = seeded_server
    context = ServerContext.open(live.data_dir)  # (WAL: beside the running server)
    try:
        context.store.set_profile("paul", "総務課", "山田")
    finally:
        context.close()
    started = circulate(qtbot, signed_in, sample_pdfs)
    window = open_review(qtbot, signed_in, runtime, "paul", started.summary.id)
    face = window.decision.preview.face  # the stamp reads as the signed PDF will draw it
    assert (face.section, face.name) == ("総務課", "山田")
    assert window.first_page_s is not None
    assert [d.id for d in window.binder.documents] == [d.id for d in started.documents]
    assert window.binder.total_pages == sum(d.pages for d in started.documents)
    assert window.stage.text() == "Step 1 of 2 · waiting for paul"
    # the third document's first page: the binder turns across documents
    third = started.documents[2]
    window.main.chooser.setCurrentIndex(2)
    window.main.chooser.activated.emit(2)
    assert window.main.shown.document_id == third.id
    qtbot.waitUntil(lambda: window.main.page_view.painted is not None, timeout=10_000)
    window.main.step(-1)  # back into the second document's last page
    assert window.main.shown.document_id == started.documents[1].id
    window.main.step(+1)
    qtbot.waitUntil(lambda: window.main.page_view.painted is not None, timeout=10_000)
    # a marker stroke across the page (the mouse, as a finger), then its comment
    viewport = window.main.page_view.viewport()
    start, end = QPoint(200, 300), QPoint(420, 300)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 11):
        qtbot.mouseMove(viewport, start + (end - start) * (i / 10))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    editor = window.main.ink.note_editor
    assert editor is not None  # opened below the stroke
    editor.setPlainText("単価の根拠を添付してください")
    editor.commit()
    # (the marker and its note are two puts: the note may come a moment after the marker)
    qtbot.waitUntil(lambda: [p.comment for p in window.check_points.points]
                    == ["単価の根拠を添付してください"], timeout=10_000)
    point = window.check_points.points[0]
    assert (point.document_id, point.owner) == (third.id, "paul")
    view = window.session.view(window.meeting_id)
    kept = {a.tool: a for a in view.snapshot.annotations}
    assert kept[Tool.MARKER].layer is Layer.SHARED  # the approvers after paul see it
    assert kept[Tool.TEXT].color == "#d93025" and kept[Tool.MARKER].color == "#fbbc04"
    assert window.ink_toolbar.mode.value == "marker"  # back to the marker for the next one
    # the list jumps to it from another document
    window.main.go_to(window.binder.first())
    window.check_points.chosen.emit(point)
    assert window.main.shown.document_id == third.id
    # the stamp where paul taps
    qtbot.mouseClick(window.decision.place_button, Qt.MouseButton.LeftButton)
    assert window.main.page_view.ink_mode
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(300, 500))
    assert not window.decision.place_button.isChecked()
    assert window.ink_toolbar.mode.value == "marker"  # the marker back in hand
    document_id, page, rect = window.stamp.at
    assert (document_id, page) == (third.id, 0)
    assert window.stamp.placed.isVisible()
    assert round(rect[2] - rect[0]) == 54
    window.decision.comment.setText("確認しました")
    with qtbot.waitSignal(window.decided, timeout=10_000) as decided:
        qtbot.mouseClick(window.decision.approve_button, Qt.MouseButton.LeftButton)
    after = decided.args[0]
    assert after.summary.step == 1 and set(after.summary.waiting_for) == {"pia", "otto", "admin"}
    approved = after.history[-1]
    assert (approved.user, approved.action) == ("paul", "approved")
    assert approved.comment == "確認しました"
    assert approved.stamp.document_id == third.id
    assert (approved.stamp.rect.x0, approved.stamp.rect.y1) == pytest.approx((rect[0], rect[3]))
    assert not window.decision.approve_button.isEnabled()  # paul's step is done
    assert not window.ink_toolbar.share_action.isChecked()  # marks now his own notes
    assert window.decision.pull_back_button.isVisible()  # until the next step acts


def test_sending_back_to_the_drafter_and_pulling_back(qtbot, signed_in, runtime,
                                                       sample_pdfs):
    started = circulate(qtbot, signed_in, sample_pdfs)
    paul_session, _ = signed_in("paul")
    wait_online(qtbot, paul_session)
    ApprovalClient(paul_session).approve(started.summary.id, None).result(timeout=10)
    paul = open_review(qtbot, signed_in, runtime, "paul", started.summary.id)
    with qtbot.waitSignal(paul.decided, timeout=10_000) as pulled:
        qtbot.mouseClick(paul.decision.pull_back_button, Qt.MouseButton.LeftButton)
    assert pulled.args[0].summary.waiting_for == ("paul",)  # back at paul's own step
    ApprovalClient(paul_session).approve(started.summary.id, None).result(timeout=10)
    pia = open_review(qtbot, signed_in, runtime, "pia", started.summary.id)
    assert pia.decision.send_back_button.isVisible()
    dialog = pia.ask_send_back()
    assert [dialog.to.itemText(i) for i in range(dialog.to.count())] == [
        "The drafter (olga)", "Step 1: paul"]
    dialog.reason.setPlainText("見積書が古い")
    with qtbot.waitSignal(pia.decided, timeout=10_000) as sent_back:
        dialog.send_button.click()
    after = sent_back.args[0]
    assert after.summary.status is CirculationStatus.RETURNED
    assert after.history[-1].comment == "見積書が古い"
    assert pia.stage.text() == "Returned to the drafter, olga."


def test_the_meeting_list_counts_approvals_and_a_notice_opens_the_new_one(
        qtbot, client_app, signed_in, seeded_server, sample_pdfs):  # noqa: F811
    live, _ = seeded_server
    app = app_signed_in(qtbot, client_app, live.url, "paul")
    meetings = app.meetings
    qtbot.waitUntil(lambda: app.approvals.hub.inbox is not None, timeout=10_000)
    assert meetings.approvals_button.text() == "Approvals"
    assert meetings.approval_notice.isHidden()
    started = circulate(qtbot, signed_in, sample_pdfs)
    qtbot.waitUntil(lambda: meetings.approvals_button.text() == "Approvals (1 waiting)",
                    timeout=10_000)
    assert meetings.approval_notice.isVisible()
    assert meetings.approval_notice.label.text() == "For your approval: “備品購入の件” from olga"
    qtbot.mouseClick(meetings.approval_notice.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: started.summary.id in app.approvals.reviews, timeout=10_000)
    review = app.approvals.reviews[started.summary.id]
    qtbot.waitUntil(lambda: review.first_page_s is not None, timeout=15_000)
    assert meetings.approval_notice.isHidden()
    qtbot.mouseClick(meetings.approvals_button, Qt.MouseButton.LeftButton)
    assert app.approvals.inbox.isVisible()


def test_zooming_a_large_page_keeps_the_place_one_was_looking_at(
        qtbot, signed_in, runtime, sample_pdfs):
    started = circulate(qtbot, signed_in, sample_pdfs)
    window = open_review(qtbot, signed_in, runtime, "paul", started.summary.id)
    view = window.main.page_view
    window.zoom_keeping_place(2.0)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 3)
    middle = QPointF(view.viewport().width() / 2, view.viewport().height() / 2)
    before = view.page_point(middle)
    percent = view.zoom_percent()
    qtbot.mouseClick(window.toolbar_button(window.zoom_in_action), Qt.MouseButton.LeftButton)
    assert view.zoom_percent() > percent
    assert view.page_point(middle) == pytest.approx(before, abs=1.0)
    qtbot.waitUntil(lambda: view.painted == (view.document_path, view.page), timeout=10_000)


def test_a_delegate_acts_for_an_absent_approver_recorded_as_such(
        qtbot, signed_in, runtime, sample_pdfs):
    paul_session, _ = signed_in("paul")
    wait_online(qtbot, paul_session)
    hub = ApprovalHub(paul_session, signed_in("paul")[1])
    inbox = InboxWindow(hub)
    signed_in.windows.append(inbox)
    inbox.set_delegates("pia、")  # paul names pia his delegate while he is away
    # (its own line: the inbox arriving meanwhile once wiped it from the status line)
    qtbot.waitUntil(lambda: inbox.notice.text() == "Delegates: pia", timeout=10_000)
    started = circulate(qtbot, signed_in, sample_pdfs)
    pia = open_review(qtbot, signed_in, runtime, "pia", started.summary.id)
    choices = [pia.decision.on_behalf.itemText(i) for i in range(pia.decision.on_behalf.count())]
    assert choices == ["For paul, as their delegate"]  # (pia is not on step 1 herself)
    assert pia.decision.on_behalf.isVisible() and pia.decision.approve_button.isEnabled()
    with qtbot.waitSignal(pia.decided, timeout=10_000) as decided:
        qtbot.mouseClick(pia.decision.approve_button, Qt.MouseButton.LeftButton)
    entry = decided.args[0].history[-1]
    assert (entry.user, entry.on_behalf_of, entry.action) == ("pia", "paul", "approved")


def test_the_drafter_revises_a_returned_document_and_sends_it_again(
        qtbot, signed_in, runtime, sample_pdfs):
    started = circulate(qtbot, signed_in, sample_pdfs)
    paul_session, _ = signed_in("paul")
    wait_online(qtbot, paul_session)
    ApprovalClient(paul_session).send_back(started.summary.id, None, "差し替えを").result(10)
    olga = open_review(qtbot, signed_in, runtime, "olga", started.summary.id)
    decision = olga.decision
    assert decision.revise_button.isVisible() and decision.send_again_button.isVisible()
    assert not decision.approve_button.isVisible()
    first = started.documents[0]
    olga.main.go_to(olga.binder.first())
    olga.revise(first.id, sample_pdfs[1])  # (another file: six pages for two)
    qtbot.waitUntil(lambda: olga.binder.documents[0].pages != first.pages, timeout=30_000)
    assert olga.main.documents[first.id].sha256 != first.sha256
    assert olga.main.chooser.count() == 3
    with qtbot.waitSignal(olga.decided, timeout=10_000) as sent:
        qtbot.mouseClick(decision.send_again_button, Qt.MouseButton.LeftButton)
    again = sent.args[0]
    assert again.summary.status is CirculationStatus.CIRCULATING
    assert again.summary.waiting_for == ("paul",)
    assert [a.action for a in again.history][-3:] == ["sent_back", "revised", "started"]


@pytest.mark.slow
def test_the_last_approval_signs_and_the_review_shows_each_signatures_state(
        qtbot, signed_in, runtime, seeded_server, sample_pdfs, tmp_path):
    import time

    import pymupdf

    from server.signing.authority import SigningAuthority

    live, _ = seeded_server
    SigningAuthority.init(live.data_dir, "テスト市役所")
    started = circulate(qtbot, signed_in, sample_pdfs[:2],
                        [{"kind": "approve", "members": ["paul"], "label": "課長"}])
    window = open_review(qtbot, signed_in, runtime, "paul", started.summary.id)
    assert window.decision.signatures_button.isHidden()
    with qtbot.waitSignal(window.decided, timeout=10_000):
        qtbot.mouseClick(window.decision.approve_button, Qt.MouseButton.LeftButton)
    approved_at = time.perf_counter()
    qtbot.waitUntil(lambda: window.circulation.signed, timeout=120_000)  # (approval:changed)
    window.signing_s = time.perf_counter() - approved_at
    assert window.decision.signatures_button.isVisible()
    assert window.stage.text() == "Approved: every step has acted."
    dialog = window.show_signatures()
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 2, timeout=60_000)
    first = dialog.tree.topLevelItem(0)
    assert first.text(0) == started.documents[0].title and first.childCount() == 1
    signature = first.child(0)
    assert (signature.text(1), signature.text(3)) == ("課長", "✓ Valid")
    out = tmp_path / "signed.pdf"
    dialog.save(started.documents[0].id, out)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved:"), timeout=30_000)
    with pymupdf.open(out) as pdf:
        assert pdf.is_pdf and any(page.first_annot is not None for page in pdf)
    print(f"\nlast approval to signed PDF: {window.signing_s:.2f} s")


def test_every_approval_control_has_a_name_and_a_finger_sized_target_in_touch_mode(
        qtbot, qapp, signed_in, runtime, sample_pdfs):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    from meeting.ui.accessibility import unnamed_controls
    from meeting.ui.base import touch

    touch.apply(qapp, True)
    started = circulate(qtbot, signed_in, sample_pdfs)
    window = open_review(qtbot, signed_in, runtime, "paul", started.summary.id)
    window.resize(960, 720)  # the narrowest the review is made for
    window.show_beside(True)
    session, bridge = signed_in("paul")
    inbox = InboxWindow(ApprovalHub(session, bridge))
    dialog = StartDialog(ApprovalClient(session))
    sent_back = window.ask_send_back()
    for widget in (inbox, dialog):
        signed_in.windows.append(widget)
        widget.show()
    qtbot.wait(200)
    for root in (window, inbox, dialog, sent_back):
        assert unnamed_controls(root) == [], type(root).__name__
    small = [f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''!r} {w.height()}"
             for root in (window.decision, window.main, inbox, dialog, sent_back)
             for kind in (QAbstractButton, QComboBox, QLineEdit) for w in root.findChildren(kind)
             if w.isVisibleTo(root) and w.height() < touch.TARGET - 4]
    assert small == []
    assert window.width() <= 960  # (nothing forces the window wider)
    sent_back.reject()


def test_a_saved_route_template_fills_the_route_of_a_new_circulation(qtbot, signed_in):
    session, _ = signed_in("olga")
    wait_online(qtbot, session)
    client = ApprovalClient(session)
    saved = client.save_template("課長→合議", ROUTE).result(timeout=10)
    dialog = StartDialog(client)
    signed_in.windows.append(dialog)
    qtbot.waitUntil(lambda: dialog.template.count() == 2, timeout=10_000)
    assert dialog.template.itemText(1) == "課長→合議"
    dialog.template.setCurrentIndex(1)
    dialog.template.activated.emit(1)
    assert dialog.route.draft.payload() == [
        {"kind": "approve", "members": ["paul"], "need": None, "label": ""},
        {"kind": "approve", "members": ["pia", "otto", "admin"], "need": 2, "label": ""}]
    assert dialog.route.rows.count() == 2 * 8 and saved.owner == "olga"
