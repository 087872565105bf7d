"""Where the approver's date stamp goes: where they tap on the main page, or the stamp column.

"Put my stamp on the page" rests the pen; the next tap places the stamp there (kept whole on
the page) and the tool one had comes back. Until then, and after "In the stamp column", the
stamp is shown in this step's slot of the first page's stamp column, where the signing puts it
when the approval names no place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt

from meeting.core.approval_binder import Binder
from meeting.core.approval_protocol import CirculationData
from meeting.core.approval_stamp import Rect, StampFace, column_slot, placed_at
from meeting.core.following import Position
from meeting.ui.approval.decision_bar import DecisionBar
from meeting.ui.approval.review_pane import ReviewPane
from meeting.ui.approval.stamp import PlacedStamp
from meeting.ui.document_loader import DocumentLoader
from meeting.ui.ink_tools import InkToolbar, Mode


class StampPlacement(QObject):
    def __init__(self, pane: ReviewPane, toolbar: InkToolbar, decision: DecisionBar,
                 loader: DocumentLoader, face: StampFace,
                 circulation: Callable[[], CirculationData], binder: Callable[[], Binder]
                 ) -> None:
        super().__init__(pane)
        self.pane = pane
        self.toolbar = toolbar
        self.decision = decision
        self.loader = loader
        self._circulation = circulation
        self._binder = binder
        self.at: tuple[int, int, Rect] | None = None
        """Where the approver put the stamp (document, page, rectangle); None: the column."""
        self.placed = PlacedStamp(pane.page_view, face)
        self._mode_before = Mode.MARKER
        decision.placeStampToggled.connect(self._placing)
        decision.columnRequested.connect(self.in_column)
        pane.page_view.inkPressed.connect(self._pressed)
        pane.moved.connect(self.placed.follow)
        loader.ready.connect(self._document_ready)

    def _placing(self, placing: bool) -> None:
        view = self.pane.page_view
        if placing:
            self._mode_before = self.toolbar.mode
            self.toolbar.set_mode(Mode.BROWSE)
            view.ink_mode = True  # (the tap comes as a pen press, in page points)
            view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            self.decision.set_where(self.tr("Tap the page where your stamp goes."))
        else:  # placed (or given up): the tool one had (its cursor and pen) comes back
            view.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            self.toolbar.set_mode(self._mode_before)

    def _pressed(self, x: float, y: float, _pressure: float) -> None:
        shown = self.pane.shown
        if self.decision.place_button.isChecked() and shown is not None:
            self.put(shown.document_id, shown.page, (x, y))
            self.decision.place_button.setChecked(False)

    def put(self, document_id: int, page: int, point: tuple[float, float]) -> None:
        """The stamp centred on that point of the page shown (kept whole on it)."""
        rect = placed_at(point, self.pane.page_view.page_size())
        self.at = (document_id, page, rect)
        self.placed.place(self.pane.page_view.document_path, page, rect)
        place = self._binder().page(Position(document_id, page))
        self.decision.set_where(self.tr("Your stamp: document {0}, page {1}.").format(
            place.document_index + 1, page + 1))

    def in_column(self) -> None:
        """The stamp in the first page's stamp column, in this step's slot."""
        self.at = None
        circulation = self._circulation()
        first = circulation.documents[0] if circulation.documents else None
        layout = self.loader.layout(first) if first is not None else None
        if layout is not None:
            rect = column_slot(circulation.summary.step or 0, layout.page_sizes[0])
            self.placed.place(layout.path, 0, rect)
        else:
            self.placed.place(None, 0, None)
        self.decision.set_where(self.tr("Your stamp: in the stamp column of the first page."))

    def _document_ready(self, _document: Any) -> None:
        if self.at is None:  # (the column's place is known once the first page is)
            self.in_column()

    def payload(self) -> dict[str, Any] | None:
        """The stamp as `approval:approve` carries it (None: the stamp column)."""
        if self.at is None:
            return None
        document_id, page, (x0, y0, x1, y1) = self.at
        return {"document_id": document_id, "page": page,
                "rect": {"x0": x0, "y0": y0, "x1": x1, "y1": y1}}
