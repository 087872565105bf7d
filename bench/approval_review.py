"""Approval (issue 17): the time from opening a three-document circulation to its first page
on screen, and from the last approval to the signed PDFs; with --screenshots, the inbox and
the review window in Japanese at tablet, laptop and narrow sizes.

    QT_QPA_PLATFORM=offscreen python bench/approval_review.py [--runs 5] [--screenshots DIR]

A seeded server on loopback with the route people of the tests (tests/helpers/approval.py);
the drafter circulates the three sample documents; the chief's client asks `approval:open`
and opens the review window: the clock runs from the request to the main page painted sharp,
with the client's document cache emptied before each run (download, layout and render each
time). Signing: a one-step route over the same documents approved by the chief, the clock
from the approval's reply to the server saying the circulation is signed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from meeting.core import messages
from meeting.net.api import ServerApi
from meeting.net.approval import ApprovalClient
from meeting.ui import main_thread
from meeting.ui.approval.hub import ApprovalHub
from meeting.ui.approval.inbox_window import InboxWindow
from meeting.ui.approval.review_window import ReviewWindow
from meeting.ui.base import touch
from meeting.ui.runtime import ClientRuntime
from server.signing.authority import SigningAuthority
from tests.helpers.approval import add_route_people, started
from tests.helpers.live import PASSWORD, SAMPLES, LiveServer, seed

SIZES = (("tablet", (1280, 800), True), ("laptop", (1440, 900), False),
         ("narrow", (960, 720), True))


def spin(app: QApplication, seconds: float, done=lambda: False) -> None:
    end = time.time() + seconds
    while time.time() < end and not done():
        app.processEvents()
        time.sleep(0.005)


def open_review(app, session, bridge, runtime, client, circulation_id, size):
    began = time.perf_counter()
    circulation = client.open(circulation_id).result(10)
    window = ReviewWindow(session, bridge, runtime.worker, circulation)
    window.resize(*size)
    window.show()
    spin(app, 30, lambda: window.main.page_view.painted is not None)
    return window, time.perf_counter() - began


def mark_a_check_point(app, window: ReviewWindow) -> None:
    """A marker stroke over a printed line of the budget's second page, and its comment."""
    window.main.go_to(window.binder.at(4))
    spin(app, 5, lambda: window.main.page_view.painted is not None)
    spin(app, 1)
    words = window.main.ink.words_on_shown_page()
    word = next((w for w in words if w.text.startswith("Priorities")), None)
    y = (word.y0 + word.y1) / 2 if word else 200
    x = word.x0 + 1 if word else 80
    view = window.main.page_view
    view.inkPressed.emit(x, y, -1.0)
    for step in range(1, 22):
        view.inkMoved.emit(x + step * 6, y, -1.0)
    view.inkReleased.emit()
    spin(app, 0.3)
    if window.main.ink.note_editor is not None:
        window.main.ink.note_editor.setPlainText("単価の根拠（見積書）を添付してください")
        window.main.ink.note_editor.commit()
    spin(app, 3, lambda: bool(window.check_points.points))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--screenshots", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="approval-bench-"))
    samples = sorted(SAMPLES.glob("*.pdf"))
    seed(folder / "server", samples)
    add_route_people(folder / "server")
    live = LiveServer(folder / "server").start()
    messages.client_language = "ja"
    runtime = ClientRuntime.start(folder / "cache", language="ja")
    main_thread.install()
    app = QApplication.instance()
    paul = live.peer("paul")
    login = ServerApi(live.url).login("chief", PASSWORD)
    session, bridge = runtime.open_session(live.url, login.token, login.user)
    try:
        spin(app, 10, lambda: session.online)
        client = ApprovalClient(session)
        first, _, _ = started(live, paul, samples, title="備品購入について（令和8年度 第2四半期）")
        seconds = []
        for _ in range(args.runs):
            shutil.rmtree(runtime.cache_dir, ignore_errors=True)
            runtime.cache_dir.mkdir(parents=True)
            window, took = open_review(app, session, bridge, runtime, client, first,
                                       SIZES[0][1])
            seconds.append(took)
            window.close()
            window.deleteLater()
            spin(app, 0.3)
        print(f"3 documents ({sum(1 for _ in samples)} files, "
              f"{sum(d.pages for d in client.open(first).result(10).documents)} pages): "
              f"approval:open to the first page sharp, median {statistics.median(seconds):.2f} s"
              f" (min {min(seconds):.2f}, max {max(seconds):.2f}, {args.runs} runs, cache "
              "emptied each time)")
        if args.screenshots:
            shoot(app, args.screenshots, live, paul, samples, session, bridge, runtime, client,
                  first)
        SigningAuthority.init(live.data_dir, "ベンチ市役所")
        one_step = [{"members": ["chief"], "label": "課長"}]
        signed, _, _ = started(live, paul, samples, one_step, title="署名の計測")
        client.approve(signed, None).result(30)
        began = time.perf_counter()
        while not client.open(signed).result(10).signed and time.perf_counter() - began < 300:
            time.sleep(0.05)
        print(f"last approval to the signed PDFs (3 documents, 1 signature): "
              f"{time.perf_counter() - began:.2f} s")
    finally:
        session.close()
        runtime.close()
        live.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def shoot(app, out: Path, live, paul, samples, session, bridge, runtime, client, first) -> None:
    out.mkdir(parents=True, exist_ok=True)
    started(live, paul, samples[:2], title="出張報告：県庁との協議")
    third, _, _ = started(live, paul, samples[1:], title="研修会開催の伺い")
    client.approve(third, None, "了承").result(10)
    hub = ApprovalHub(session, bridge)
    hub.refresh()
    spin(app, 10, lambda: hub.inbox is not None and len(hub.inbox.waiting) == 2)
    for label, size, touching in SIZES:
        touch.apply(app, touching)
        inbox = InboxWindow(hub)
        inbox.resize(min(size[0], 900), min(size[1], 640))
        inbox.show()
        spin(app, 1)
        inbox.grab().save(str(out / f"approval-inbox-{label}.png"))
        inbox.close()
        inbox.deleteLater()
        window, _ = open_review(app, session, bridge, runtime, client, first, size)
        if label == "tablet":
            mark_a_check_point(app, window)
        window.show_beside(True)
        window.second.go_to(window.binder.at(window.binder.total_pages))
        spin(app, 3)
        window.grab().save(str(out / f"approval-review-{label}.png"))
        window.close()
        window.deleteLater()
        spin(app, 0.5)
    touch.apply(app, False)


if __name__ == "__main__":
    sys.exit(main())
