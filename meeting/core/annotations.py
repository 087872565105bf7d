"""Annotations: ink strokes on a page, in PDF page coordinates, shared with the room or private.

Coordinates are PDF points in the page as shown (rotation applied, origin top-left), the same
space the renderer uses, so a mark lands on the same word at any zoom and on any screen. Ids are
made by the client, so a stroke can be resent after a network drop without being stored twice.
"""

from __future__ import annotations

from enum import StrEnum
from itertools import pairwise
from typing import Annotated

from pydantic import Field, model_validator

from meeting.core.schema import Data, Event, Id, Message, PageIndex

MAX_POINTS = 10_000
"""Points in one stroke."""
MAX_BATCH = 500
"""Points in one message."""
COORDINATE_LIMIT = 100_000.0


class Layer(StrEnum):
    SHARED = "shared"
    """Drawn by the presenter; everyone in the meeting sees it, live."""
    PRIVATE = "private"
    """Only its owner ever receives it, on any of their devices."""


class Tool(StrEnum):
    PEN = "pen"
    MARKER = "marker"
    """Wide and translucent, like a highlighter on paper."""
    LINE = "line"
    ARROW = "arrow"
    """A line with an arrowhead at its second point."""
    RECT = "rect"
    """A rectangle outline between two corner points."""
    TEXT = "text"
    """A typed note: `points` is its top-left corner, `width` its font size, `text` the note."""


FREEHAND = frozenset({Tool.PEN, Tool.MARKER})
"""Drawn live, point by point (`annotation:begin` / `points` / `end`)."""
SHAPES = frozenset({Tool.LINE, Tool.ARROW, Tool.RECT})
"""Two points, sent whole with `annotation:put`."""
TOOL_OPACITY = {Tool.PEN: 1.0, Tool.MARKER: 0.35, Tool.LINE: 1.0, Tool.ARROW: 1.0,
                Tool.RECT: 1.0, Tool.TEXT: 1.0}
MAX_TEXT = 2000

# Enums arrive as their string values; strict mode alone would want Python enum members.
LayerName = Annotated[Layer, Field(strict=False)]
ToolName = Annotated[Tool, Field(strict=False)]
AnnotationId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{8,64}$")]
Coordinate = Annotated[float, Field(ge=-COORDINATE_LIMIT, le=COORDINATE_LIMIT,
                                    allow_inf_nan=False)]
Point = Annotated[list[Coordinate], Field(min_length=2, max_length=2)]
Color = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]
Width = Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)]
Pressure = Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)]
"""How hard the stylus pressed at a point (0–1]: the line is that fraction of `width` there."""


def _pressure_fits(points: list, pressure: list) -> None:
    if pressure and len(pressure) != len(points):
        raise ValueError("pressure has one value per point, or is left out")


class StrokeStart(Message):
    """`annotation:begin`: a stroke starts (with its first points, if any)."""

    event = Event.ANNOTATION_BEGIN

    meeting_id: Id
    id: AnnotationId
    document_id: Id
    page: PageIndex
    layer: LayerName
    tool: ToolName
    color: Color
    width: Width
    points: Annotated[list[Point], Field(max_length=MAX_BATCH, default_factory=list)]
    pressure: Annotated[list[Pressure], Field(max_length=MAX_BATCH, default_factory=list)]

    @model_validator(mode="after")
    def _freehand_only(self) -> StrokeStart:
        _pressure_fits(self.points, self.pressure)
        if self.tool not in FREEHAND:
            raise ValueError(f"only pen and marker strokes are drawn live; send a "
                             f"{self.tool} whole with annotation:put")
        return self


class StrokePoints(Message):
    """`annotation:points`: more points of a stroke; `offset` is the index of the first one."""

    event = Event.ANNOTATION_POINTS

    meeting_id: Id
    id: AnnotationId
    offset: Annotated[int, Field(ge=0, le=MAX_POINTS)]
    points: Annotated[list[Point], Field(min_length=1, max_length=MAX_BATCH)]
    pressure: Annotated[list[Pressure], Field(max_length=MAX_BATCH, default_factory=list)]

    @model_validator(mode="after")
    def _pressure_per_point(self) -> StrokePoints:
        _pressure_fits(self.points, self.pressure)
        return self


class StrokeEnd(Message):
    """`annotation:end`: the pen is up; `count` is how many points the stroke has in all."""

    event = Event.ANNOTATION_END

    meeting_id: Id
    id: AnnotationId
    count: Annotated[int, Field(ge=1, le=MAX_POINTS)]


class AnnotationPut(Message):
    """`annotation:put`: a whole finished stroke at once (undo of a delete, a resend)."""

    event = Event.ANNOTATION_PUT

    meeting_id: Id
    id: AnnotationId
    document_id: Id
    page: PageIndex
    layer: LayerName
    tool: ToolName
    color: Color
    width: Width
    points: Annotated[list[Point], Field(min_length=1, max_length=MAX_POINTS)]
    text: Annotated[str, Field(max_length=MAX_TEXT)] = ""
    pressure: Annotated[list[Pressure], Field(max_length=MAX_POINTS, default_factory=list)]

    @model_validator(mode="after")
    def _fits_its_tool(self) -> AnnotationPut:
        _pressure_fits(self.points, self.pressure)
        if self.pressure and self.tool not in FREEHAND:
            raise ValueError("only pen and marker strokes carry pressure")
        if self.tool in SHAPES and len(self.points) != 2:
            raise ValueError(f"a {self.tool} has exactly two points")
        if self.tool is Tool.TEXT and (len(self.points) != 1 or not self.text.strip()):
            raise ValueError("a text note has one point and some text")
        if self.tool is not Tool.TEXT and self.text:
            raise ValueError("only a text note carries text")
        return self


class AnnotationDelete(Message):
    event = Event.ANNOTATION_DELETE

    meeting_id: Id
    ids: Annotated[list[AnnotationId], Field(min_length=1, max_length=MAX_BATCH)]


class AnnotationShare(Message):
    """`annotation:share`: one of my private notes becomes a shared mark the room sees."""

    event = Event.ANNOTATION_SHARE

    meeting_id: Id
    id: AnnotationId


class PageClear(Message):
    event = Event.PAGE_CLEAR

    meeting_id: Id
    document_id: Id
    page: PageIndex


# --- server -> client ----------------------------------------------------------------------


class AnnotationData(Data):
    id: str
    owner: str
    document_id: int
    page: int
    layer: Layer
    tool: Tool
    color: str
    width: float
    points: tuple[tuple[float, float], ...]
    complete: bool
    text: str = ""
    pressure: tuple[float, ...] = ()
    """Per point, when a stylus reported it; empty for an even line."""
    unplaced: str | None = None
    """Set when a revised version of the document has no place for this mark: why. `page`
    and `points` are then where it was in the version it was drawn on."""


class AnnotationChange(Data):
    """Every annotation broadcast. `seq` is the meeting's sequence number for shared-layer
    changes, None for private ones (sent to their owner only)."""

    event = Event.ANNOTATION

    meeting_id: int
    seq: int | None
    kind: str
    """"begin" (annotation), "points" (id, offset, points), "end" (id), "put" (annotation),
    "delete" (ids)."""
    annotation: AnnotationData | None = None
    id: str | None = None
    offset: int | None = None
    points: tuple[tuple[float, float], ...] = ()
    pressure: tuple[float, ...] = ()
    ids: tuple[str, ...] = ()


def apply_change(annotations: dict[str, AnnotationData], change: AnnotationChange) -> None:
    """Apply one change to a dictionary of annotations by id (in place)."""
    if change.kind in ("begin", "put") and change.annotation is not None:
        annotations[change.annotation.id] = change.annotation
    elif change.kind == "points" and change.id in annotations:
        current = annotations[change.id]
        have = len(current.points)
        if change.offset is not None and change.offset <= have:
            skip = have - change.offset
            fresh = change.points[skip:]
            update: dict = {"points": current.points + tuple(fresh)}
            if current.pressure or change.pressure:
                update["pressure"] = join_pressure(current.pressure, len(current.points),
                                                   change.pressure[skip:], len(fresh))
            annotations[change.id] = current.model_copy(update=update)
    elif change.kind == "end" and change.id in annotations:
        annotations[change.id] = annotations[change.id].model_copy(update={"complete": True})
    elif change.kind == "delete":
        for annotation_id in change.ids:
            annotations.pop(annotation_id, None)


def join_pressure(first: tuple[float, ...] | list[float], first_count: int,
                  second: tuple[float, ...] | list[float], second_count: int
                  ) -> tuple[float, ...]:
    """Pressure of two runs of points, either of which may have none (full pressure then)."""
    return (tuple(first) or (1.0,) * first_count) + (tuple(second) or (1.0,) * second_count)


def bounds(points: tuple[tuple[float, float], ...], width: float) -> tuple[float, float, float,
                                                                             float]:
    """The rectangle (x0, y0, x1, y1) a stroke covers, its width included."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    half = width / 2
    return (min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half)


def outline(annotation: AnnotationData) -> tuple[tuple[float, float], ...]:
    """The polyline a mark covers, for hit tests (eraser, select) and bounds."""
    points = annotation.points
    if annotation.tool is Tool.RECT and len(points) == 2:
        (x0, y0), (x1, y1) = points
        return ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))
    if annotation.tool is Tool.TEXT and points:
        x0, y0 = points[0]
        x1, y1 = text_box(annotation.text, annotation.width, x0, y0)[2:]
        return ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0), (x1, y1))
    return points


def text_box(text: str, size: float, x: float, y: float) -> tuple[float, float, float, float]:
    """Roughly where a text note's lines reach: wide characters (Japanese) take a full em,
    others about half. Close enough to hit and to frame; the renderer measures exactly."""
    lines = text.split("\n") or [""]
    widest = max(sum(1.0 if ord(c) > 0x2E7F else 0.55 for c in line) for line in lines)
    return (x, y, x + max(widest, 1) * size, y + len(lines) * size * 1.35)


def distance_to_stroke(point: tuple[float, float], stroke: tuple[tuple[float, float], ...]
                       ) -> float:
    """Shortest distance from a point to the polyline of a stroke (for the eraser)."""
    px, py = point
    if len(stroke) == 1:
        return ((stroke[0][0] - px) ** 2 + (stroke[0][1] - py) ** 2) ** 0.5
    best = float("inf")
    for (ax, ay), (bx, by) in pairwise(stroke):
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
        cx, cy = ax + t * dx, ay + t * dy
        best = min(best, ((cx - px) ** 2 + (cy - py) ** 2) ** 0.5)
    return best
