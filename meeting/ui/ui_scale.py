"""Large print: everything on screen (text, buttons, the page's toolbars) drawn larger, from
100 % to 200 %. Qt takes the scale only before the application starts, so it is read from the
settings first thing and applies from the next start."""

from __future__ import annotations

import os
from collections.abc import MutableMapping

UI_SCALES = (100, 125, 150, 175, 200)
"""The sizes offered, in percent."""
DEFAULT_SCALE = 100


def fitted(percent: int) -> int:
    """A kept value as one of the sizes offered (the nearest; nonsense gives 100 %)."""
    if not isinstance(percent, int) or not UI_SCALES[0] <= percent <= UI_SCALES[-1]:
        return DEFAULT_SCALE
    return min(UI_SCALES, key=lambda step: abs(step - percent))


def apply_before_start(percent: int, environ: MutableMapping[str, str] = os.environ) -> float:
    """Have Qt draw everything at `percent` (before QApplication exists). A scale the user set
    in the environment themselves is theirs and stays. Returns the factor in force."""
    if "QT_SCALE_FACTOR" in environ:
        return float(environ["QT_SCALE_FACTOR"] or 1)
    factor = fitted(percent) / 100
    if factor != 1:
        environ["QT_SCALE_FACTOR"] = f"{factor:g}"
    return factor
