"""The browser viewer draws one's private notes (the server sends them to their owner there too)
with the same look as the app: the style each layer adds is the core's, exported to the viewer
(web/viewer/protocol.generated.js)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pymupdf

from meeting.core.annotations import Layer
from meeting.core.export_js import constants
from meeting.core.mark_layers import PRIVATE_TINT, style_of
from server.web_viewer import viewer_files
from tests.server.test_annotations import joined
from tests.web.test_browser_viewer import (  # noqa: F401 (browser: the fixture)
    browser,
    screenshot_after_paint,
    sign_in_and_join,
    wait_for,
)

OVERLAY = viewer_files().page / "overlay.js"  # as the server serves it (a wheel's copy too)


def test_the_browser_viewer_takes_each_layers_look_from_the_core():
    exported = constants()["LAYER_STYLE"]
    assert exported == {str(layer): asdict(style_of(layer)) for layer in Layer}
    overlay = OVERLAY.read_text(encoding="utf-8")
    assert "LAYER_STYLE" in overlay.split("protocol.generated.js")[0]  # imported, not copied
    assert PRIVATE_TINT not in overlay


def violet_pixels(png: Path) -> int:
    pixmap = pymupdf.Pixmap(str(png))
    samples, n = pixmap.samples, pixmap.n
    return sum(1 for i in range(0, len(samples), n * 2)  # blue and red above green: violet
               if samples[i + 2] - samples[i + 1] > 20 and samples[i] - samples[i + 1] > 12)


def test_a_private_note_in_the_browser_is_tinted(seeded_server, browser, tmp_path):  # noqa: F811
    live, seeded = seeded_server
    m, document = seeded.meeting_id, seeded.documents[1]
    olga, paul = joined(live, seeded, "olga", "paul")
    olga.call("page:set", {"meeting_id": m, "document_id": document, "page": 0})
    sign_in_and_join(browser, live.url)
    wait_for(browser, lambda s: s["documentId"] == document and s["imageShown"])
    mark = {"meeting_id": m, "document_id": document, "page": 0, "tool": "rect",
            "color": "#d93025", "width": 3, "points": [[80, 120], [400, 260]]}
    assert olga.call("annotation:put", {**mark, "id": "room-box-0001", "layer": "shared"})["ok"]
    wait_for(browser, lambda s: any(m["id"] == "room-box-0001" for m in s["marks"]))
    room = tmp_path / "room.png"
    screenshot_after_paint(browser, room)
    assert paul.call("annotation:put", {**mark, "id": "own-note-0001", "layer": "private",
                                        "points": [[80, 320], [400, 460]]})["ok"]
    wait_for(browser, lambda s: any(m["id"] == "own-note-0001" for m in s["marks"]))
    both = tmp_path / "both.png"
    screenshot_after_paint(browser, both)
    assert violet_pixels(room) < 20  # the room's box: as drawn
    assert violet_pixels(both) > violet_pixels(room) + 100  # one's own: tinted
