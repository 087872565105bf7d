"""The protocol's constants as a JavaScript module, for the browser viewer.

The viewer is plain JavaScript served as it is (nothing is built), so it cannot import the
Python core; instead this writes the core's names and numbers into
`web/viewer/protocol.generated.js`, which the viewer imports. The file is committed;
`tests/core/test_export_js.py` fails when it no longer matches the core. After changing the
protocol: `python -m meeting.core.export_js`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Any

from meeting.core.annotations import FREEHAND, SHAPES, TOOL_OPACITY, Layer, Tool
from meeting.core.approval_protocol import ActionKind, CirculationStatus, Permission, StepKind
from meeting.core.laser import IDLE_HIDE_MS
from meeting.core.mark_layers import style_of
from meeting.core.presence import Place
from meeting.core.protocol import (
    MANAGER_ROLES,
    PAGE_WIDTH_MAX,
    PAGE_WIDTH_MIN,
    PAGE_WIDTH_STEP,
    PROTOCOL_VERSION,
    ErrorCode,
    Event,
    Role,
)
from meeting.core.votes import ABSTAIN, NO, YES, Outcome, VoteKind, VoteStatus

TARGET = Path(__file__).resolve().parents[2] / "web" / "viewer" / "protocol.generated.js"
"""Where the module goes in the source tree."""

HEADER = """\
// Generated from meeting/core by `python -m meeting.core.export_js`: do not edit.
// The protocol's names and numbers (docs/protocol.md), for the browser viewer.
"""


def _names(enum: type[StrEnum]) -> dict[str, str]:
    return {member.name: member.value for member in enum}


def constants() -> dict[str, Any]:
    """Every constant the viewer takes from the core, by its JavaScript name."""
    return {
        "PROTOCOL_VERSION": PROTOCOL_VERSION,
        "EVENT": _names(Event),
        "ERROR": _names(ErrorCode),
        "ROLE": _names(Role),
        "MANAGER_ROLES": sorted(MANAGER_ROLES),
        "PLACE": _names(Place),
        "LAYER": _names(Layer),
        "LAYER_STYLE": {str(layer): asdict(style_of(layer)) for layer in Layer},
        "TOOL": _names(Tool),
        "TOOL_OPACITY": {str(tool): opacity for tool, opacity in TOOL_OPACITY.items()},
        "SHAPES": sorted(SHAPES),
        "FREEHAND": sorted(FREEHAND),
        "PAGE_WIDTH_STEP": PAGE_WIDTH_STEP,
        "PAGE_WIDTH_MIN": PAGE_WIDTH_MIN,
        "PAGE_WIDTH_MAX": PAGE_WIDTH_MAX,
        "LASER_IDLE_MS": IDLE_HIDE_MS,
        "VOTE_KIND": _names(VoteKind),
        "VOTE_STATUS": _names(VoteStatus),
        "VOTE_OUTCOME": _names(Outcome),
        "YES_NO_CHOICES": [YES, NO, ABSTAIN],
        "ABSTAIN": ABSTAIN,
        "CIRCULATION_STATUS": _names(CirculationStatus),
        "APPROVAL_ACTION": _names(ActionKind),
        "APPROVAL_MAY": _names(Permission),
        "STEP_KIND": _names(StepKind),
    }


def render() -> str:
    lines = [HEADER]
    for name, value in constants().items():
        text = json.dumps(value, ensure_ascii=False, indent=2)
        frozen = f"Object.freeze({text})" if isinstance(value, dict | list) else text
        lines.append(f"export const {name} = {frozen};\n")
    return "".join(lines)


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else TARGET
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
