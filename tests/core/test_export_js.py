"""The browser viewer takes the protocol's names and numbers from the core, through a generated
module, and names none of them by hand."""

from __future__ import annotations

import re
from pathlib import Path

from meeting.core.export_js import TARGET, render

VIEWER = Path(__file__).resolve().parents[2] / "web" / "viewer"
HAND_WRITTEN = sorted(p for p in VIEWER.glob("*.js") if p != TARGET)


def test_the_committed_module_matches_the_core():
    assert TARGET.read_text(encoding="utf-8") == render(), (
        "web/viewer/protocol.generated.js is stale: run python -m meeting.core.export_js")


def test_every_viewer_module_that_speaks_the_protocol_imports_it():
    importing = {p.name for p in HAND_WRITTEN
                 if 'from "./protocol.generated.js"' in p.read_text(encoding="utf-8")}
    assert {"viewer.js", "overlay.js", "votes.js"} <= importing


def test_the_viewer_spells_no_event_version_or_constant_by_hand():
    from meeting.core.annotations import TOOL_OPACITY
    from meeting.core.protocol import PAGE_WIDTH_STEP

    found = []
    for path in HAND_WRITTEN:
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {m.group(0)}" for m in re.finditer(
            r"""(socket\.(on|emit|emitWithAck)\(\s*["'](?!connect|disconnect)[^"']+["']"""
            r"""|protocol:\s*\d|code\s*===\s*["'][a-z_]+["']|\.tool\s*===\s*["']"""
            r"""|\bstatus\s*===\s*["']|\bkind\s*===\s*["'](yes_no|choice)["'])""", text)]
        numbers = {str(PAGE_WIDTH_STEP)} | {str(v) for v in TOOL_OPACITY.values() if v != 1}
        found += [f"{path.name}: {n}" for n in numbers if re.search(rf"\b{re.escape(n)}\b", text)]
    assert found == []
