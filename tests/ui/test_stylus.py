"""A stylus draws with its pressure (tablet events synthesized as Qt would deliver them)."""

from __future__ import annotations

import pymupdf
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from meeting.core.annotations import AnnotationData
from meeting.pdf.notes_pdf import ExportPart, export_document
from meeting.ui.ink_tools import Mode
from tests.ui.conftest import annotations

STYLUS = QPointingDevice(
    "test stylus", 4242, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
    QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2)


def tablet(widget, kind: QEvent.Type, position: QPoint, pressure: float) -> bool:
    point = QPointF(position)
    button = Qt.MouseButton.LeftButton
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else button
    event = QTabletEvent(kind, STYLUS, point, QPointF(widget.mapToGlobal(position)), pressure,
                         0, 0, 0, 0, 0, Qt.KeyboardModifier.NoModifier, button, buttons)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_pressure_reaches_the_room_and_shapes_the_line(qtbot, open_viewer, tmp_path):
    presenter, follower = open_viewer("olga"), open_viewer("paul")
    presenter.ink_toolbar.set_mode(Mode.PEN)
    viewport = presenter.page_view.viewport()
    start = viewport.rect().center() - QPoint(100, 0)
    assert tablet(viewport, QEvent.Type.TabletPress, start, 0.1)
    for step in range(1, 11):
        tablet(viewport, QEvent.Type.TabletMove, start + QPoint(step * 20, 0), 0.1 + step * 0.09)
    tablet(viewport, QEvent.Type.TabletRelease, start + QPoint(200, 0), 0.0)

    def arrived() -> None:
        marks = [a for a in annotations(follower) if a.complete]
        assert len(marks) == 1 and len(marks[0].pressure) == len(marks[0].points) == 11

    qtbot.waitUntil(arrived, timeout=10_000)
    (stroke,) = annotations(follower)
    assert stroke.pressure[0] == 0.1 and abs(stroke.pressure[-1] - 1.0) < 1e-9
    assert list(stroke.pressure) == sorted(stroke.pressure)  # pressed harder and harder

    # light at the start, heavy at the end, on the follower's screen
    qtbot.waitUntil(lambda: [len(s.pressure) for s in follower.page_view.strokes] == [11],
                    timeout=10_000)
    for _ in range(8):  # close up, where a line's width is many pixels
        follower.page_view.zoom_in()
    scale = follower.page_view.current_scale()
    image = follower.page_view.canvas.grab().toImage()

    def thickness(x: float, y: float) -> int:
        column = round(x * scale)
        colors = [image.pixelColor(column, round(y * scale) + dy) for dy in range(-25, 26)]
        return sum(1 for c in colors if c.red() > 180 and c.green() < 110 and c.blue() < 110)

    (x0, y0), (x1, y1) = stroke.points[1], stroke.points[-2]
    assert thickness(x1, y1) > thickness(x0, y0)

    out = tmp_path / "pressed.pdf"
    mark = AnnotationData.model_validate(stroke.model_dump())
    document = presenter.session.view(presenter.meeting_id).document(stroke.document_id)
    source = presenter.session.fetch_document(document).result(timeout=10)
    export_document(ExportPart(source, "t", [mark]), out)
    with pymupdf.open(out) as pdf:
        page = pdf[stroke.page]
        (ink,) = page.annots()
        mean = sum(stroke.pressure) / len(stroke.pressure)
        assert abs(ink.border["width"] - stroke.width * mean) < 0.01
