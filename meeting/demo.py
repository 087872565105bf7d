"""`meeting demo`: a local meeting with an embedded server, sample material, and two windows.

The presenter's window (left) and a participant's (right) are real clients of a real server on
localhost; turning the presenter's page turns the participant's. With `--screenshot OUT.png` it
runs headless: turns the presenter's page once, waits until the participant shows it, saves one
image of both windows, and exits 0 (or non-zero if the participant never showed the page).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from meeting import paths
from meeting.core.protocol import Role, UserInfo

log = logging.getLogger("meeting.demo")

MEETING_TITLE = "第1回 経営会議 / Executive Meeting No. 1"
PRESENTER = ("sato", Role.ORGANIZER)
PARTICIPANT = ("tanaka", Role.PARTICIPANT)
SCREENSHOT_TIMEOUT = 30.0
DEFAULT_SIZE = (960, 720)


@dataclass(frozen=True)
class DemoAccount:
    user: UserInfo
    token: str
    password: str


@dataclass(frozen=True)
class DemoSetup:
    meeting_id: int
    presenter: DemoAccount
    participant: DemoAccount


DEMO_PLACE = "本庁舎 3階 大会議室"


def prepare(data_dir: Path) -> DemoSetup:
    """Accounts, the sample meeting and its documents; reused when the folder has them already.

    Passwords are new on every run (printed for signing in from another client); the two windows
    get session tokens directly, so the demo needs no typing.
    """
    from server.context import ServerContext
    from server.ingest import ingest

    context = ServerContext.open(data_dir)
    try:
        store = context.store
        accounts = {}
        for name, role in (PRESENTER, PARTICIPANT):
            password = secrets.token_urlsafe(9)
            user = store.user_by_name(name)
            if user is None:
                user = store.add_user(name, role, password)
            else:
                store.set_password(name, password)
            token, _ = store.create_session(user)
            accounts[name] = DemoAccount(user.info(), token, password)
        meetings = [m for m in store.all_meetings() if m.title == MEETING_TITLE]
        meeting_id = meetings[0].id if meetings else store.create_meeting(
            MEETING_TITLE, starts_at=time.time() // 60 * 60, place=DEMO_PLACE)
        for name in accounts:
            store.invite(meeting_id, store.require_user(name))
        if store.meeting_state(meeting_id).presenter != PRESENTER[0]:
            store.set_presenter(meeting_id, store.require_user(PRESENTER[0]))
        if not store.documents(meeting_id):
            added = []
            for pdf in paths.sample_pdfs():
                incoming = context.blobs.new_incoming()
                shutil.copyfile(pdf, incoming)
                added.append(asyncio.run(ingest(
                    context, meeting_id, incoming, filename=pdf.name, title=None,
                    added_by=store.require_user(PRESENTER[0]))))
            store.set_page(meeting_id, added[min(1, len(added) - 1)].id, 0)  # the briefing
        return DemoSetup(meeting_id, accounts[PRESENTER[0]], accounts[PARTICIPANT[0]])
    finally:
        context.close()


def run(data_dir: Path | None = None, screenshot: Path | None = None,
        size: tuple[int, int] = DEFAULT_SIZE) -> int:
    """A demo in `data_dir`, kept; without one, in a fresh folder removed at exit (a second demo
    would otherwise open with the first one's votes, uploads and agenda). `size`: each window's,
    side by side (presenter left, participant right)."""
    if not paths.sample_pdfs():
        raise SystemExit("sample material missing: the package is incomplete (reinstall it)")
    if data_dir is None:
        with tempfile.TemporaryDirectory(prefix="meeting-demo-") as fresh:
            return _run(Path(fresh), screenshot, size)
    return _run(data_dir, screenshot, size)


def _run(data_dir: Path, screenshot: Path | None, size: tuple[int, int]) -> int:
    setup = prepare(data_dir)

    from server.embedded import EmbeddedServer

    server = EmbeddedServer(data_dir)
    url = server.start()
    print(f"Demo server: {url}  (data in {data_dir})")
    print(f"Browser viewer: {url}/viewer/")
    for account in (setup.presenter, setup.participant):
        print(f"  sign in from another client as {account.user.name} / {account.password}")
    try:
        return _show_windows(url, setup, data_dir, screenshot, size)
    finally:
        server.stop()


def _show_windows(url: str, setup: DemoSetup, data_dir: Path, screenshot: Path | None,
                  size: tuple[int, int]) -> int:
    from meeting.core.collector import freeze_startup_objects
    from meeting.ui.runtime import ClientRuntime
    from meeting.ui.viewer_window import ViewerWindow

    runtime = ClientRuntime.start(data_dir / "client-cache")
    windows = []
    sessions = []
    for index, account in enumerate((setup.presenter, setup.participant)):
        session, bridge = runtime.open_session(url, account.token, account.user)
        window = ViewerWindow(session, bridge, runtime.worker, setup.meeting_id)
        window.resize(*size)
        window.move(index * (size[0] + 10), 40)
        window.show()
        windows.append(window)
        sessions.append(session)
    freeze_startup_objects()  # (meeting/core/collector.py: no full-collection stall mid-meeting)
    try:
        if screenshot is None:
            from PySide6.QtCore import QTimer

            from meeting.ui.terminal_signals import quit_on_terminal_signals

            with quit_on_terminal_signals(runtime.app):
                QTimer.singleShot(0, lambda: print(  # (once the windows are up and listening)
                    "Close the windows, or press Ctrl+C here, to end the demo.", flush=True))
                return runtime.app.exec()
        code = _screenshot(runtime.app, windows[0], windows[1], screenshot)
        _say_who_drew(runtime.worker)
        return code
    finally:
        for window in windows:
            window.close()
        for session in sessions:
            session.close()
        runtime.close()


def _screenshot(app, presenter, participant, out: Path) -> int:
    """Turn the presenter's page once; save both windows when the participant shows it."""
    from PySide6.QtCore import QEventLoop, QTimer

    def wait_until(condition, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if condition() or
                              time.monotonic() > deadline else None)
        timer.start(10)
        loop.exec()
        timer.stop()
        return condition()

    shown = {}
    participant.page_view.pageShown.connect(lambda path, page: shown.update(at=time.perf_counter(),
                                                                              page=page))

    def settled(window) -> bool:
        view = window.page_view
        return (window.follow.shown is not None and view.document_path is not None
                and view.painted == (view.document_path, window.follow.shown.page))

    if not wait_until(lambda: settled(presenter) and settled(participant), SCREENSHOT_TIMEOUT):
        print("the meeting did not load in time")
        return 2
    document = presenter.follow.document(presenter.follow.shown.document_id)
    current = presenter.follow.shown.page
    target = current + 1 if current + 1 < document.pages else 0
    shown.clear()
    started = time.perf_counter()
    presenter.go_to_page(target)
    if not wait_until(lambda: shown.get("page") == target and settled(participant)
                      and settled(presenter), SCREENSHOT_TIMEOUT):
        print(f"the participant never showed page {target + 1}")
        return 1
    print(f"participant showed page {target + 1} {1000 * (shown['at'] - started):.1f} ms after "
          "the presenter turned it")
    if not _mark_a_line(presenter, participant, wait_until):
        print("the participant never received the presenter's mark")
        return 1
    app.processEvents()
    for name, window in (("presenter", presenter), ("participant", participant)):
        view = window.page_view
        share = view.width() * view.height() / (window.width() * window.height())
        print(f"{name}: the page view is {view.width()}×{view.height()}, {share:.1%} of the "
              f"{window.width()}×{window.height()} window")
    _save_side_by_side([presenter, participant], out)
    print(f"saved {out}")
    return 0


def _say_who_drew(worker) -> None:
    """For the packaged app's smoke test: the pages came from worker processes (this one
    never loads PyMuPDF), started as they are in the frozen program."""
    import sys

    pids = worker.worker_pids()
    print(f"{worker.pages_drawn} pages drawn by render worker processes "
          f"{', '.join(map(str, pids)) or 'none'} (started by {worker.start_method}); "
          f"PyMuPDF in this process: {'yes' if 'pymupdf' in sys.modules else 'no'}")


def _mark_a_line(presenter, participant, wait_until) -> bool:
    """The presenter runs the marker along a line of the page, as a user would (it snaps to
    the printed words)."""
    from meeting.ui.ink_tools import COLORS, Mode

    shown = presenter.follow.shown
    presenter.ink_toolbar.set_mode(Mode.MARKER)
    presenter.ink_toolbar.set_color(COLORS[-1])  # a yellow highlighter
    ink = presenter.ink
    wait_until(lambda: bool(ink.words_on_shown_page()), 5.0)
    words = ink.words_on_shown_page()
    target = next((w for w in words if "歳入" in w.text), words[0] if words else None)
    if target is None:
        left, right, y = 60.0, 300.0, 96.0
    else:
        (left, y), right = target.center, target.x1 + 200
    ink.press(left, y)
    for step in range(1, 21):
        ink.move(left + (right - left) * step / 20, y + step * 0.3)
    ink.release()
    presenter.ink_toolbar.set_mode(Mode.BROWSE)

    def arrived() -> bool:
        view = participant.session.view(participant.meeting_id)
        return view is not None and any(
            a.complete for a in view.annotations_on(shown.document_id, shown.page))

    return wait_until(arrived, SCREENSHOT_TIMEOUT)


def _save_side_by_side(windows, out: Path) -> None:
    from PySide6.QtGui import QColor, QImage, QPainter

    grabs = [window.grab().toImage() for window in windows]
    gap = 16
    image = QImage(sum(g.width() for g in grabs) + gap * (len(grabs) + 1),
                   max(g.height() for g in grabs) + 2 * gap, QImage.Format.Format_RGB32)
    image.fill(QColor("#2b3038"))
    painter = QPainter(image)
    x = gap
    for grab in grabs:
        painter.drawImage(x, gap, grab)
        x += grab.width() + gap
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise OSError(f"could not write {out}")
