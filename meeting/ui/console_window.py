"""The presenter's console, on the presenter's own screen while the room watches the large
monitor: this page and the next with the room's marks on them, the agenda, the clock and the
time elapsed, who is here and following, and the controls, thumbnails and the meeting's
documents. It drives the presenter's viewer window, so there is one place that turns pages."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from meeting.core.annotations import Layer
from meeting.core.changes import touches_page, what_changed
from meeting.core.following import Position
from meeting.ui.agenda_panel import AgendaPanel
from meeting.ui.ink_painter import Drawable
from meeting.ui.keyboard_order import KeyboardOrder
from meeting.ui.page_view import PageView, ZoomMode
from meeting.ui.people_button import person_line
from meeting.ui.plain_label import PlainLabel
from meeting.ui.thumbnails import ThumbnailStrip

TICK_MS = 1000


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class ConsoleWindow(QWidget):
    def __init__(self, viewer, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.viewer = viewer
        self.keyboard = KeyboardOrder(self)
        self.setWindowTitle(self.tr("Presenter's console"))
        self._opened = time.monotonic()
        self._seen = None
        """The view last shown (see `core.changes`)."""
        self._item: int | None = None
        self._item_since = time.monotonic()

        self.current = PageView(viewer._worker)
        self.current.set_zoom_mode(ZoomMode.FIT_PAGE)
        self.next_page = PageView(viewer._worker)
        self.next_page.set_zoom_mode(ZoomMode.FIT_PAGE)
        self.next_page.setMaximumHeight(260)
        self.current.setAccessibleName(self.tr("This page"))
        self.next_page.setAccessibleName(self.tr("Next page"))
        self.current_label = PlainLabel()  # (a document's title)
        self.current_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.next_label = QLabel()
        self.clock_label = QLabel()
        self.clock_label.setStyleSheet("font-size: 34px; font-weight: bold;")
        self.clock_label.setToolTip(self.tr("The time now"))
        self.time_label = QLabel()
        self.time_label.setStyleSheet("font-size: 22px; font-family: monospace;")
        self.people = QListWidget()
        self.people.setAccessibleName(self.tr("Who is here"))
        self.people_label = QLabel()
        self.agenda = AgendaPanel(may_edit=False)
        self.agenda.itemChosen.connect(viewer.take_up)

        previous = QPushButton(self.tr("◀ Previous"))
        following = QPushButton(self.tr("Next ▶"))
        for button, delta in ((previous, -1), (following, +1)):
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _=False, d=delta: viewer.step(d))
        self.page_box = QSpinBox()
        self.page_box.setAccessibleName(self.tr("Page of the room"))
        self.page_box.setMinimumHeight(36)
        self.page_box.setPrefix(self.tr("Page "))
        self.page_box.editingFinished.connect(
            lambda: viewer.go_to_page(self.page_box.value() - 1))
        self.document_box = QComboBox()
        self.document_box.setMinimumHeight(36)
        self.document_box.setMinimumWidth(160)
        self.document_box.setToolTip(self.tr("Switch the room to another document"))
        self.document_box.activated.connect(self._switch_document)
        self.thumbnails = ThumbnailStrip(viewer._worker)
        self.thumbnails.pageClicked.connect(viewer.go_to_page)
        room = QPushButton(self.tr("Room"))
        room.setMinimumHeight(48)
        room.setMenu(viewer.room_menu)

        left = QVBoxLayout()
        left.addWidget(self.current_label)
        left.addWidget(self.current, 1)
        left.addWidget(self.thumbnails)
        controls = QHBoxLayout()
        for widget in (previous, following, self.page_box, self.document_box, room):
            controls.addWidget(widget)
        controls.setStretch(3, 1)
        left.addLayout(controls)
        right = QVBoxLayout()
        right.addWidget(self.clock_label)
        right.addWidget(self.time_label)
        right.addWidget(self.next_label)
        right.addWidget(self.next_page)
        right.addWidget(self.agenda, 1)
        right.addWidget(self.people_label)
        right.addWidget(self.people, 1)
        columns = QHBoxLayout(self)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        viewer.shownChanged.connect(self.refresh)
        # (methods, not lambdas: Qt drops these connections when the console goes)
        viewer.bridge.presenceChanged.connect(self._on_presence_changed)
        viewer.bridge.meetingChanged.connect(self._on_meeting_changed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._timer.start(TICK_MS)
        self.resize(1280, 800)
        self.refresh()

    def refresh(self) -> None:
        viewer, shown = self.viewer, self.viewer.follow.shown
        document = viewer.follow.document(shown.document_id) if shown else None
        layout = viewer.loader.layout(document) if document else None
        view = viewer.session.view(viewer.meeting_id)
        if view is not None:
            self.agenda.show_view(view)
            if view.state.agenda_item != self._item:
                self._item, self._item_since = view.state.agenda_item, time.monotonic()
        self._fill_documents(view, shown.document_id if shown else None)
        if layout is None:
            self.current.set_document(None)
            self.next_page.set_document(None)
            self.thumbnails.set_document(None)
            self.current_label.setText("—")
            self.next_label.setText("")
        else:
            self.current.set_document(layout, shown.page)
            self.thumbnails.set_document(layout)
            self.thumbnails.set_current_page(shown.page)
            self.current_label.setText(self.tr("“{0}” — page {1} of {2}").format(
                document.title, shown.page + 1, document.pages))
            self.page_box.setRange(1, document.pages)
            self.page_box.setValue(shown.page + 1)
            has_next = shown.page + 1 < document.pages
            self.next_page.set_document(layout if has_next else None, shown.page + 1)
            self.next_label.setText(self.tr("Next: page {0}").format(shown.page + 2)
                                    if has_next else self.tr("Last page"))
        self._show_marks(view, shown if layout is not None else None)
        self._show_people()
        self._tick()

    def _show_marks(self, view, shown: Position | None) -> None:
        """The room's marks (the shared layer) on this page and the next, as the room sees
        them."""
        for page_view, offset in ((self.current, 0), (self.next_page, 1)):
            marks = [] if view is None or shown is None else [
                Drawable.of(a) for a in view.annotations_on(shown.document_id,
                                                            shown.page + offset)
                if a.layer is Layer.SHARED]
            if marks != page_view.strokes:
                page_view.set_strokes(marks)

    def _on_presence_changed(self, _meeting_id: int) -> None:
        self._show_people()

    def _on_meeting_changed(self, _meeting_id: int, view) -> None:
        kinds = what_changed(self._seen, view)
        self._seen = view
        if touches_page(kinds):
            self.refresh()
        else:  # a stroke batch: the marks only
            shown = self.viewer.follow.shown
            self._show_marks(view, shown if self.current.document_path else None)

    def _fill_documents(self, view, current: int | None) -> None:
        documents = view.documents if view else ()
        self.document_box.blockSignals(True)
        self.document_box.clear()
        for document in documents:
            self.document_box.addItem(document.title, document.id)
        self.document_box.setCurrentIndex(self.document_box.findData(current))
        self.document_box.blockSignals(False)

    def _switch_document(self, index: int) -> None:
        document_id = self.document_box.itemData(index)
        shown = self.viewer.follow.shown
        if document_id is not None and (shown is None or shown.document_id != document_id):
            self.viewer.go_to(Position(document_id, self.viewer.last_page(document_id)))

    def closeEvent(self, event) -> None:
        self.thumbnails.close_jobs()
        super().closeEvent(event)

    def _tick(self) -> None:
        self.clock_label.setText(datetime.now().strftime("%H:%M"))
        text = self.tr("Elapsed {0}").format(clock(time.monotonic() - self._opened))
        if self._item is not None:
            text += self.tr("  ·  this item {0}").format(
                clock(time.monotonic() - self._item_since))
        self.time_label.setText(text)

    def _show_people(self) -> None:
        people = self.viewer.session.people(self.viewer.meeting_id)
        self.people.clear()
        for person in people:
            self.people.addItem(person_line(person))
        following = sum(1 for p in people if p.following)
        self.people_label.setText(self.tr("Here: {0} · following: {1}").format(
            len(people), following))
