"""The two layers of marks told apart: how each looks, and which of them the user shows.

The room's marks (the shared layer) are drawn as they were made; one's private notes carry a
tint of their own (a soft band under each stroke, dashed shapes, typed notes on a pale slip with
a small lock), whatever colour they were drawn in, so nobody takes a private note for something
the room sees. The screens (Qt, the browser viewer) only apply what is decided here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from meeting.core.annotations import SHAPES, Layer, Tool

PRIVATE_TINT = "#8e24aa"
"""A violet none of the ink colours is (black, red, blue, green, yellow): "only you see this"."""


@dataclass(frozen=True)
class LayerStyle:
    """What a layer adds to a mark's own colour and width."""

    halo: str | None = None
    """Colour of a soft band drawn under each stroke, or None."""
    halo_opacity: float = 0.0
    halo_px: float = 0.0
    """How far the band reaches beyond the stroke on each side, in screen pixels (the same at
    any zoom: it tells the layer, it is not part of the mark)."""
    dashed: bool = False
    """Lines, arrows and boxes drawn dashed."""
    note_fill: str | None = None
    """The slip behind a typed note, or None for the bare text."""
    note_border: str | None = None
    """A dashed frame round a typed note, or None."""
    badge: bool = False
    """A small lock at a typed note's corner."""


STYLES: dict[Layer, LayerStyle] = {
    Layer.SHARED: LayerStyle(),
    Layer.PRIVATE: LayerStyle(halo=PRIVATE_TINT, halo_opacity=0.28, halo_px=3.0, dashed=True,
                              note_fill="#fbf3ff", note_border=PRIVATE_TINT, badge=True),
}


def style_of(layer: Layer) -> LayerStyle:
    return STYLES[layer]


def dashed(layer: Layer, tool: Tool) -> bool:
    """Freehand strokes stay whole (a dashed handwriting is hard to read); shapes dash."""
    return style_of(layer).dashed and tool in SHAPES


class Layered(Protocol):
    @property
    def layer(self) -> Layer: ...


Mark = TypeVar("Mark", bound=Layered)


@dataclass(frozen=True)
class LayerVisibility:
    """Which layers the user shows on their screen (per device; never told to the server)."""

    shown: frozenset[Layer] = frozenset(Layer)
    hidden_owners: frozenset[str] = frozenset()
    """People whose marks are hidden (an approval's review shows each approver's marks as a
    layer of its own); marks without an owner (one's strokes under way) are always shown."""

    def shows(self, layer: Layer) -> bool:
        return layer in self.shown

    def with_layer(self, layer: Layer, shown: bool) -> LayerVisibility:
        return replace(self, shown=self.shown | {layer} if shown else self.shown - {layer})

    def with_owner(self, owner: str, shown: bool) -> LayerVisibility:
        hidden = self.hidden_owners - {owner} if shown else self.hidden_owners | {owner}
        return replace(self, hidden_owners=hidden)

    def drawing_on(self, layer: Layer) -> LayerVisibility:
        """Drawing on a hidden layer shows it again: nobody should draw blind."""
        return self.with_layer(layer, True)

    def visible(self, marks: Iterable[Mark]) -> list[Mark]:
        """The marks to draw, and the only ones the eraser and selection may reach."""
        return [mark for mark in marks if mark.layer in self.shown
                and getattr(mark, "owner", None) not in self.hidden_owners]
