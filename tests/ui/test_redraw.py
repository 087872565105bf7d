"""Only what changed is redrawn: a stroke batch leaves the follower's place alone, and the
documents list keeps its items while broadcasts arrive (issue 15, point 3)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from meeting.ui.ink_tools import Mode
from meeting.ui.page_view import ZoomMode
from tests.ui.conftest import annotations, draw, wait_for_page


def _shows_document(qtbot, window, document_id: int) -> None:
    """Wait until the window paints that document (not the one before while it loads)."""
    wait_for_page(qtbot, window, page=0, document_id=document_id)

    def laid_out() -> None:
        layout = window.loader.layout(window.follow.document(document_id))
        assert layout is not None and window.page_view.document_path == layout.path

    qtbot.waitUntil(laid_out, timeout=10_000)
    wait_for_page(qtbot, window, page=0, document_id=document_id)


def _presenter_draws(qtbot, presenter, follower, strokes: int = 2) -> None:
    """The presenter draws `strokes` lines for the room; wait until the follower has them."""
    before = len(annotations(follower))
    presenter.ink_toolbar.set_mode(Mode.PEN)
    viewport = presenter.page_view.viewport().rect()
    for index in range(strokes):
        offset = QPoint(0, 30 * index)
        draw(qtbot, presenter, viewport.center() - QPoint(120, 0) + offset,
             viewport.center() + QPoint(120, 20) + offset)
    qtbot.waitUntil(lambda: len([a for a in annotations(follower) if a.complete])
                    >= before + strokes, timeout=10_000)
    qtbot.wait(200)  # (the last batch's repaint)


def test_a_stroke_batch_leaves_the_followers_scroll_position(qtbot, open_viewer, seeded_server):
    _, seeded = seeded_server
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    _shows_document(qtbot, follower, seeded.documents[0])  # portrait: fit width scrolls
    follower.page_view.set_zoom_mode(ZoomMode.FIT_WIDTH)
    bar = follower.page_view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200)
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    assert scrolled > 0
    _presenter_draws(qtbot, presenter, follower)
    assert bar.value() == scrolled
    assert follower.page_view.zoom_mode is ZoomMode.FIT_WIDTH


def test_a_stroke_batch_leaves_the_thumbnail_strip(qtbot, open_viewer, seeded_server):
    _, seeded = seeded_server
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    presenter.documents.itemClicked.emit(presenter.documents.item(1))  # 6 pages
    _shows_document(qtbot, follower, seeded.documents[1])
    follower.show_thumbnails(True)  # (folded away by default)
    follower.resize(500, 700)  # a strip narrower than its thumbnails
    strip = follower.thumbnails.horizontalScrollBar()
    qtbot.waitUntil(lambda: strip.maximum() > 0)
    strip.setValue(strip.maximum())  # looking at the last pages
    looked = strip.value()
    _presenter_draws(qtbot, presenter, follower)
    assert strip.value() == looked


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # (a popup)
def test_the_documents_menu_keeps_working_while_broadcasts_arrive(qtbot, open_viewer):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    list_ = follower.documents
    item = list_.item(1)
    position = list_.visualItemRect(item).center()
    seq = follower.session.view(follower.meeting_id).seq
    errors: list[BaseException] = []

    def while_open() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        presenter.step(+1)  # a broadcast arrives while the menu is open
        presenter.documents.itemClicked.emit(presenter.documents.item(2))
        qtbot.waitUntil(lambda: follower.session.view(follower.meeting_id).seq >= seq + 2)
        qtbot.wait(200)  # (and the window has taken it in)
        beside = next(a for a in menu.actions() if a.text() == "Open beside the page")
        menu.setActiveAction(beside)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    def run() -> None:
        try:
            while_open()
        except BaseException as error:
            errors.append(error)
            QApplication.activePopupWidget().close()

    QTimer.singleShot(300, run)
    hook, caught = sys.excepthook, []
    sys.excepthook = lambda *info: caught.append(info[1])
    try:
        follower.documents._menu(position)  # (the side panel's documents list)
    finally:
        sys.excepthook = hook
    assert not errors and not caught, (errors, caught)
    qtbot.waitUntil(lambda: follower.beside.shown is not None
                    and follower.beside.shown.document_id == item.data(Qt.ItemDataRole.UserRole)
                    if _alive(item) else False, timeout=5000)


def _alive(item) -> bool:
    try:
        item.text()
    except RuntimeError:
        return False
    return True
