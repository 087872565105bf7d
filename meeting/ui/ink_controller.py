"""Drawing on the page: turns pen input into strokes, erasing and undo into server requests.

The stroke under the pen is drawn from the local outbox at once; what others drew (and the
server's copy of ours) comes from the meeting view. Points go to the server in batches every
few milliseconds rather than one message each.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QToolButton

from meeting.core.annotations import (
    SHAPES,
    AnnotationData,
    Layer,
    Tool,
    bounds,
    distance_to_stroke,
    outline,
    text_box,
)
from meeting.core.following import FollowModel
from meeting.core.ink import History, InkAction, batch_interval_ms
from meeting.core.mark_layers import LayerVisibility
from meeting.core.protocol import Role
from meeting.core.words import MarkerSnap, Word, snap_at
from meeting.net.session import MeetingSession
from meeting.ui.ink_painter import Drawable, note_font_px
from meeting.ui.ink_tools import MARKER_WIDTH, TEXT_SIZE, InkToolbar, Mode
from meeting.ui.laser import LaserSender
from meeting.ui.main_thread import run_on_main, when_done
from meeting.ui.mark_layers_menu import MarkLayersMenu, load_visibility, save_visibility
from meeting.ui.note_editor import NoteEditor
from meeting.ui.page_view import PageView

MANAGERS = {Role.ADMIN, Role.ORGANIZER}
ERASER_REACH_PX = 8
SNAP_REACH_PX = 10
"""How near a word the marker must go down to snap to its line."""
WORD_PAGES = 16
log = logging.getLogger("meeting.ui.ink")
MIN_SHAPE_PX = 4
"""A shape dragged shorter than this is a slip, not a shape."""


class InkController(QObject):
    layersChanged = Signal(object)
    """The layers shown changed (a LayerVisibility)."""

    def __init__(self, session: MeetingSession, meeting_id: int, follow: FollowModel,
                 page_view: PageView, toolbar: InkToolbar,
                 read_words: Callable[[str, int], Future] | None = None,
                 settings: QSettings | None = None) -> None:
        """`settings`: where this device keeps which layers it shows (None: not kept)."""
        super().__init__(page_view)
        self._settings = settings
        self.visibility = load_visibility(settings)
        self.layers_menu = MarkLayersMenu(self.visibility, toolbar)
        self.layers_menu.changed.connect(self.set_visibility)
        self._note: NoteEditor | None = None
        self._note_at_point: tuple[int, int, float, float] | None = None
        """Where the note being typed goes: document, page, x, y (page points)."""
        self._note_editing: AnnotationData | None = None
        """The typed note being changed in place (hidden meanwhile), or None for a new one."""
        self._note_just_closed = False
        self._read_words = read_words
        self._words: dict[tuple[str, int], list[Word]] = {}
        """Words of the pages shown, for the marker to snap to (read off the GUI thread)."""
        self._snap: MarkerSnap | None = None
        self._snap_x = 0.0
        self.session = session
        self.meeting_id = meeting_id
        self.follow = follow
        self.page_view = page_view
        self.toolbar = toolbar
        self.outbox = session.ink(meeting_id)
        self.history = History()
        self._stroke_id: str | None = None
        self._hidden: set[str] = set()
        self.laser = LaserSender(session, meeting_id, follow, page_view)
        self._selected: str | None = None
        self._drag_from: tuple[float, float] | None = None
        self._drag_by = (0.0, 0.0)
        self._moving: dict[str, AnnotationData] = {}
        """Marks moved or made whole by this user, shown until the server's copy arrives."""
        self._shape: tuple[Tool, tuple[float, float], tuple[float, float]] | None = None
        """The shape being dragged out: its tool, start and current end."""
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(batch_interval_ms(0))
        self._flush_timer.timeout.connect(self.outbox.flush)
        toolbar.modeChanged.connect(self._mode_changed)
        toolbar.undoRequested.connect(lambda: self._perform(self.history.undo()))
        toolbar.redoRequested.connect(lambda: self._perform(self.history.redo()))
        toolbar.clearRequested.connect(self.clear_page)
        toolbar.deleteRequested.connect(self.delete_selected)
        toolbar.shareRequested.connect(self.share_selected)
        toolbar.everyoneDrawsToggled.connect(
            lambda allowed: session.set_participants_draw(meeting_id, allowed))
        page_view.inkPressed.connect(self.press)
        page_view.inkMoved.connect(self.move)
        page_view.inkReleased.connect(self.release)
        page_view.zoomChanged.connect(self._place_note)
        page_view.viewport().installEventFilter(self)  # a resized window rescales the page
        self._add_layers_menu(toolbar)
        self.refresh()

    def _add_layers_menu(self, toolbar: InkToolbar) -> None:
        """Beside "For the room": the layer one draws on, then which layers one sees."""
        actions = toolbar.actions()
        after = actions.index(toolbar.share_action) + 1 if toolbar.share_action in actions else -1
        before = actions[after] if 0 < after < len(actions) else None
        toolbar.insertAction(before, self.layers_menu.menuAction())
        button = toolbar.widgetForAction(self.layers_menu.menuAction())
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def set_visibility(self, visibility: LayerVisibility) -> None:
        """Show or hide layers on this device (kept for the next time)."""
        self.visibility = visibility
        self.layers_menu.set_visibility(visibility)
        save_visibility(self._settings, visibility)
        self.refresh()
        self.layersChanged.emit(visibility)

    def follow_layers(self, leader: InkController) -> None:
        """Show the layers another view of the window shows (the document beside the page)."""
        self.set_visibility(leader.visibility)
        leader.layersChanged.connect(self.set_visibility)

    def _draws_on(self, layer: Layer) -> None:
        if not self.visibility.shows(layer):
            self.set_visibility(self.visibility.drawing_on(layer))

    # --- pen input ---------------------------------------------------------------------------

    def press(self, x: float, y: float, pressure: float = -1.0) -> None:
        """The pen went down (pressure -1: the device reports none)."""
        shown = self.follow.shown
        mode = self.toolbar.mode
        if shown is None:
            return
        if mode is Mode.ERASER:
            self.erase_at(x, y)
            return
        if mode is Mode.LASER:
            self.laser.point(x, y)
            return
        if mode is Mode.SELECT:
            self.select_at(x, y)
            return
        if mode.tool is None:
            return
        if mode.tool is Tool.TEXT:
            self.write_note(x, y)
            return
        self._draws_on(self.toolbar.layer)
        if mode.tool in SHAPES:
            self._shape = (mode.tool, (x, y), (x, y))
            self.refresh()
            return
        width = MARKER_WIDTH if mode is Mode.MARKER else self.toolbar.pen_width
        self._snap = self._snap_for(x, y) if mode is Mode.MARKER else None
        if self._snap is not None:  # like a highlighter along the printed line
            width, (x, y), self._snap_x = self._snap.width, self._snap.start(x), x
        stroke = self.outbox.start(
            document_id=shown.document_id, page=shown.page, layer=self.toolbar.layer,
            tool=mode.tool, color=self.toolbar.color, width=width, point=(x, y),
            pressure=pressure if pressure > 0 and mode is Mode.PEN else None)
        self._stroke_id = stroke.id
        self.refresh()

    def move(self, x: float, y: float, pressure: float = -1.0) -> None:
        if self.toolbar.mode is Mode.ERASER:
            self.erase_at(x, y)
        elif self.toolbar.mode is Mode.LASER:
            self.laser.point(x, y)
        elif self._shape is not None:
            self._shape = (self._shape[0], self._shape[1], (x, y))
            self.refresh()
        elif self.toolbar.mode is Mode.SELECT and self._drag_from is not None:
            self._drag_by = (x - self._drag_from[0], y - self._drag_from[1])
            self.refresh()
        elif self._stroke_id is not None:
            if self._snap is not None:
                self._snap_x = x
                x, y = self._snap.follow(x)
            self.outbox.add_point(self._stroke_id, (x, y), pressure if pressure > 0 else None)
            if not self._flush_timer.isActive():
                people = sum(p.devices for p in self.session.people(self.meeting_id))
                self._flush_timer.start(batch_interval_ms(people))
            self.refresh()

    def release(self) -> None:
        if self.toolbar.mode is Mode.LASER:
            self.laser.hide()
        if self.toolbar.mode is Mode.SELECT:
            self._drop_selection()
        if self._shape is not None:
            tool, start, end = self._shape
            self._shape = None
            if max(abs(end[0] - start[0]), abs(end[1] - start[1])) * \
                    self.page_view.current_scale() >= MIN_SHAPE_PX:
                self._add(tool, (start, end))
            self.refresh()
        if self._stroke_id is None:
            return
        if self._snap is not None:
            self.outbox.add_point(self._stroke_id, self._snap.finish(self._snap_x))
            self._snap = None
        stroke = next((s for s in self.outbox.in_flight() if s.id == self._stroke_id), None)
        self.outbox.finish(self._stroke_id)
        self._stroke_id = None
        if stroke is not None:
            self.history.record(InkAction(added=(stroke.as_data(self.session.user.name),)))
        self.refresh()

    def write_note(self, x: float, y: float) -> None:
        """A typed note at (x, y), typed on the page itself; a tap on one of one's notes
        changes it there. A tap while a note is open only closes it."""
        shown = self.follow.shown
        if shown is None or self._note_just_closed:
            return
        if self._note is not None:
            self._note.commit()
            return
        existing = self._note_under(x, y)
        if existing is not None:
            x, y = existing.points[0]
        layer = existing.layer if existing else self.toolbar.layer
        self._draws_on(layer)
        self._note_editing = existing
        self._note_at_point = (shown.document_id, shown.page, x, y)
        self._note = NoteEditor(self.page_view.canvas, QPoint(), 12,
                                existing.color if existing else self.toolbar.color, layer,
                                existing.text if existing else "")
        self._note.committed.connect(self._note_written)
        self._note.cancelled.connect(lambda: self._note_closed())
        self._place_note()
        self._note.show()
        self._note.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    @property
    def note_editor(self) -> NoteEditor | None:
        """The note being typed on the page, if one is."""
        return self._note

    def _place_note(self) -> None:
        """Keep the open note's editor on its point, at the note's size, whatever the zoom."""
        if self._note is None or self._note_at_point is None:
            return
        _, _, x, y = self._note_at_point
        scale = self.page_view.current_scale()
        x0, y0, _, _ = self.page_view.extent()
        size = self._note_editing.width if self._note_editing else TEXT_SIZE
        font = self._note.font()
        font.setPixelSize(note_font_px(size, scale))
        self._note.setFont(font)
        self._note.move(QPoint(round((x - x0) * scale), round((y - y0) * scale)) - QPoint(1, 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._note is not None:
            QTimer.singleShot(0, self._place_note)  # once the page has its new size
        return False

    def _note_under(self, x: float, y: float) -> AnnotationData | None:
        """The most recent of one's typed notes (shown, changeable) under the point."""
        notes = [a for a in self.visibility.visible(self._page_annotations())
                 if a.tool is Tool.TEXT and a.points and self._may_erase(a)
                 and a.id not in self._hidden]
        for note in reversed(notes):
            x0, y0, x1, y1 = text_box(note.text, note.width, *note.points[0])
            if x0 <= x <= x1 and y0 <= y <= y1:
                return note
        return None

    def _note_written(self, text: str) -> None:
        old, where = self._note_editing, self._note_at_point
        self._note_closed(by_tap=self._note is not None and self._note.left_by_focus)
        if where is None:
            return
        document_id, page, x, y = where
        if old is None:
            if text:
                self._add(Tool.TEXT, ((x, y),), text, (document_id, page))
            return
        if text == old.text:
            return
        changed = old.model_copy(update={"id": uuid.uuid4().hex, "text": text})
        action = InkAction(removed=(old,), added=(changed,) if text else ())
        self._hidden.add(old.id)
        if text:
            self._moving[changed.id] = changed
        self.history.record(action)
        self.session.perform(self.meeting_id, action)
        self.refresh()

    def _note_closed(self, by_tap: bool = False) -> None:
        """The editor went (kept or cancelled): the page has the focus back; a tap that closed
        it is not taken for a new note."""
        self._note, self._note_editing, self._note_at_point = None, None, None
        if by_tap:
            self._note_just_closed = True
            QTimer.singleShot(0, lambda: setattr(self, "_note_just_closed", False))
        if self.page_view.isVisible():
            self.page_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()

    def _add(self, tool: Tool, points: tuple[tuple[float, float], ...], text: str = "",
             where: tuple[int, int] | None = None) -> None:
        """A mark made whole (a shape, a note): shown at once, sent with annotation:put.
        `where`: its document and page, when not the one shown now (a note typed while the
        presenter turned the page goes where it was begun)."""
        shown = self.follow.shown
        if shown is None and where is None:
            return
        document_id, page = where or (shown.document_id, shown.page)
        width = TEXT_SIZE if tool is Tool.TEXT else self.toolbar.pen_width
        mark = AnnotationData(id=uuid.uuid4().hex, owner=self.session.user.name,
                              document_id=document_id, page=page,
                              layer=self.toolbar.layer, tool=tool, color=self.toolbar.color,
                              width=width, points=points, complete=True, text=text)
        action = InkAction(added=(mark,))
        self._moving[mark.id] = mark
        self.history.record(action)
        self.session.perform(self.meeting_id, action)
        self.refresh()

    def erase_at(self, x: float, y: float) -> None:
        """Remove, whole, the strokes under the eraser that this user may remove."""
        reach = ERASER_REACH_PX / self.page_view.current_scale()
        hits = tuple(a for a in self.visibility.visible(self._page_annotations())
                     if self._may_erase(a)
                     and distance_to_stroke((x, y), outline(a)) <= reach + a.width / 2)
        if hits:
            self._hidden.update(a.id for a in hits)
            action = InkAction(removed=hits)
            self.history.record(action)
            self.session.perform(self.meeting_id, action)
            self.refresh()

    def select_at(self, x: float, y: float) -> None:
        """Pick the most recent mark under the pointer that this user may change."""
        reach = ERASER_REACH_PX / self.page_view.current_scale()
        hits = [a for a in self.visibility.visible(self._page_annotations())
                if self._may_erase(a) and a.id not in self._hidden
                and distance_to_stroke((x, y), outline(a)) <= reach + a.width / 2]
        self._selected = hits[-1].id if hits else None
        self._drag_from = (x, y) if hits else None
        self._drag_by = (0.0, 0.0)
        self.refresh()

    def selected(self) -> AnnotationData | None:
        return next((a for a in [*self._page_annotations(), *self._moving.values()]
                     if a.id == self._selected), None)

    def _drop_selection(self) -> None:
        """A drag ends: the mark moves (a new mark in its place, so undo puts the old back)."""
        dx, dy = self._drag_by
        self._drag_from, self._drag_by = None, (0.0, 0.0)
        old = self.selected()
        if old is None or max(abs(dx), abs(dy)) < 0.5:
            self.refresh()
            return
        moved = old.model_copy(update={
            "id": uuid.uuid4().hex, "owner": self.session.user.name,
            "points": tuple((px + dx, py + dy) for px, py in old.points)})
        action = InkAction(removed=(old,), added=(moved,))
        self._hidden.add(old.id)
        self._moving[moved.id] = moved
        self.history.record(action)
        self.session.perform(self.meeting_id, action)
        self._selected = moved.id
        self.refresh()

    def delete_selected(self) -> None:
        old = self.selected()
        if old is not None:
            action = InkAction(removed=(old,))
            self._hidden.add(old.id)
            self.history.record(action)
            self.session.perform(self.meeting_id, action)
            self._selected = None
            self.refresh()

    def share_selected(self) -> None:
        note = self.selected()
        if note is not None and note.layer is Layer.PRIVATE:
            self.session.share_annotation(self.meeting_id, note.id)

    def clear_page(self) -> None:
        """Wipe the page's shared layer. Recorded at once with what we know is there (our own
        unfinished strokes as we have them), so an undo right after always undoes the clear;
        the server's reply adds what we had not heard of yet."""
        shown = self.follow.shown
        if shown is None:
            return
        known = {a.id: a for a in self._page_annotations() if a.layer is Layer.SHARED}
        for stroke in self.outbox.in_flight():
            if (stroke.document_id, stroke.page, stroke.layer) == (
                    shown.document_id, shown.page, Layer.SHARED):
                known[stroke.id] = stroke.as_data(self.session.user.name)
        if not known:
            return
        action = InkAction(removed=tuple(known.values()))
        self._hidden.update(known)
        self.history.record(action)

        def cleared(removed: list[AnnotationData]) -> None:
            unheard = tuple(a for a in removed if a.id not in known)
            if unheard:
                run_on_main(lambda: self.history.replace(
                    action, InkAction(removed=action.removed + unheard)))

        self.session.clear_page(self.meeting_id, shown.document_id, shown.page, cleared)
        self.refresh()

    # --- showing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the marks of the shown page: the meeting's, then ours still in flight."""
        shown = self.follow.shown
        drawables: dict[str, Drawable] = {}
        selection = None
        if self._note_at_point is not None and (
                shown is None or self._note_at_point[:2] != (shown.document_id, shown.page)):
            self._note.commit()  # the page went (the presenter turned it): kept where begun
        if shown is not None:
            on_page = self._page_annotations()
            present = {a.id for a in on_page}
            self._hidden &= present  # the server confirmed those deletions
            self._moving = {i: a for i, a in self._moving.items() if i not in present
                            and (a.document_id, a.page) == (shown.document_id, shown.page)}
            editing = self._note_editing.id if self._note_editing else None
            for annotation in self.visibility.visible([*on_page, *self._moving.values()]):
                if annotation.id in self._hidden or annotation.id == editing:
                    continue
                points = annotation.points
                if annotation.id == self._selected:
                    dx, dy = self._drag_by
                    points = tuple((x + dx, y + dy) for x, y in points)
                    selection = bounds(outline(annotation.model_copy(
                        update={"points": points})), annotation.width)
                drawables[annotation.id] = Drawable(annotation.tool, annotation.color,
                                                    annotation.width, points, annotation.text,
                                                    annotation.pressure, annotation.layer)
            if self._shape is not None:
                tool, start, end = self._shape
                drawables["shape"] = Drawable(tool, self.toolbar.color, self.toolbar.pen_width,
                                              (start, end), layer=self.toolbar.layer)
            for stroke in self.visibility.visible(self.outbox.in_flight()):
                if (stroke.document_id, stroke.page) == (shown.document_id, shown.page):
                    drawables[stroke.id] = Drawable(stroke.tool, stroke.color, stroke.width,
                                                    tuple(stroke.points), "",
                                                    tuple(stroke.pressure), stroke.layer)
        if selection is None:
            self._selected = None
        self.page_view.set_strokes(list(drawables.values()))
        self.page_view.set_selection(selection)
        self._read_page_words()
        view = self.session.view(self.meeting_id)
        everyone = bool(view and view.state.participants_draw)
        may_share = self.follow.is_presenter or everyone
        self.toolbar.set_permissions(self.follow.is_presenter, may_share,
                                     self.session.user.role in MANAGERS, everyone)
        chosen = self.selected()
        self.toolbar.set_selection(chosen.layer if chosen else None, may_share)
        self.toolbar.set_history(self.history.can_undo, self.history.can_redo)

    # --- internals ---------------------------------------------------------------------------

    def words_on_shown_page(self) -> list[Word]:
        """The shown page's words, once read (empty until then, or on a page without text)."""
        return list(self._words.get(self._page_key(), []))

    def _page_key(self) -> tuple[str, int] | None:
        """The page the page view shows (its document and page agree, unlike the follow model
        and the view for the moment a new document is still loading)."""
        path = self.page_view.document_path
        return None if path is None else (path, self.page_view.page)

    def _snap_for(self, x: float, y: float) -> MarkerSnap | None:
        if not self.toolbar.snap_action.isChecked():
            return None
        words = self._words.get(self._page_key())
        reach = SNAP_REACH_PX / self.page_view.current_scale()
        return snap_at(words, x, y, reach) if words else None

    def _read_page_words(self) -> None:
        """Have the words of the shown page ready before the marker goes down."""
        key = self._page_key()
        if self._read_words is None or key is None or key in self._words:
            return
        self._words[key] = []  # asked for: not again
        if len(self._words) > WORD_PAGES:
            del self._words[next(iter(self._words))]
        when_done(self._read_words(*key),
                  lambda words: self._words.__setitem__(key, words),
                  lambda error: log.info("no words for %s: %s", key, error))

    def _page_annotations(self) -> list[AnnotationData]:
        shown = self.follow.shown
        view = self.session.view(self.meeting_id)
        if shown is None or view is None:
            return []
        return view.annotations_on(shown.document_id, shown.page)

    def _may_erase(self, annotation: AnnotationData) -> bool:
        """Own marks, and the room's when presenting (the server checks it again)."""
        if annotation.owner == self.session.user.name:
            return True
        return annotation.layer is Layer.SHARED and self.follow.is_presenter

    def _perform(self, action: InkAction | None) -> None:
        if action is not None:
            self._hidden.update(a.id for a in action.removed)
            self.session.perform(self.meeting_id, action)
            self.refresh()

    def _mode_changed(self, mode: Mode) -> None:
        if self._note is not None:
            self._note.commit()  # another tool taken up: the note is done
        self._selected = None
        self.refresh()
        if self.page_view.laser is not None:
            self.laser.hide()
        self.page_view.ink_mode = mode is not Mode.BROWSE
        cursor = Qt.CursorShape.ArrowCursor if mode is Mode.BROWSE else Qt.CursorShape.CrossCursor
        self.page_view.viewport().setCursor(cursor)
