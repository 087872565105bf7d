"""The room's marks and one's private notes: a style each, and a switch for each."""

from __future__ import annotations

from meeting.core.annotations import SHAPES, AnnotationData, Layer, Tool
from meeting.core.mark_layers import STYLES, LayerVisibility, dashed, style_of

INK = ("#202124", "#d93025", "#1a73e8", "#188038", "#fbbc04")
"""The ink colours of meeting.ui.ink_tools (the core tests run without Qt)."""


def mark(layer: Layer, tool: Tool = Tool.PEN) -> AnnotationData:
    return AnnotationData(id=f"{layer}-{tool}-mark", owner="paul", document_id=1, page=0,
                          layer=layer, tool=tool, color="#d93025", width=2,
                          points=((1, 1), (5, 5)), complete=True)


def test_the_two_layers_look_different_whatever_the_colour():
    shared, private = style_of(Layer.SHARED), style_of(Layer.PRIVATE)
    assert shared != private
    assert shared.halo is None and not shared.dashed and shared.note_fill is None
    assert private.halo and private.halo_px > 0 and private.halo_opacity > 0
    assert private.halo.lower() not in INK  # a tint no ink has
    assert private.note_fill and private.note_border and private.badge
    assert set(STYLES) == set(Layer)


def test_private_shapes_dash_and_handwriting_stays_whole():
    for tool in SHAPES:
        assert dashed(Layer.PRIVATE, tool) and not dashed(Layer.SHARED, tool)
    for tool in (Tool.PEN, Tool.MARKER, Tool.TEXT):
        assert not dashed(Layer.PRIVATE, tool)


def test_hiding_a_layer_hides_its_marks_and_drawing_on_it_shows_it_again():
    marks = [mark(Layer.SHARED), mark(Layer.PRIVATE), mark(Layer.SHARED, Tool.RECT)]
    everything = LayerVisibility()
    assert everything.visible(marks) == marks
    no_notes = everything.with_layer(Layer.PRIVATE, False)
    assert not no_notes.shows(Layer.PRIVATE) and no_notes.shows(Layer.SHARED)
    assert [m.layer for m in no_notes.visible(marks)] == [Layer.SHARED, Layer.SHARED]
    nothing = no_notes.with_layer(Layer.SHARED, False)
    assert nothing.visible(marks) == []
    assert nothing.drawing_on(Layer.PRIVATE).visible(marks) == [marks[1]]
    assert nothing.with_layer(Layer.SHARED, True).with_layer(Layer.PRIVATE, True) == everything
