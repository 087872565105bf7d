"""Is a `meeting demo --screenshot` image a real picture of the meeting, not a blank window?

    python packaging/check_screenshot.py OUT.png

Exit 0 when it is. The demo saves both windows side by side on a dark backdrop: a good image
is wide, has white page paper in it (the rendered PDFs) and plenty that is not white (window
chrome, text, the backdrop). A window that never painted comes out one flat color.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pymupdf

MIN_SIZE = (1500, 600)
MIN_WHITE_SHARE = 0.10  # the two pages take far more than this
MIN_OTHER_SHARE = 0.10
MIN_COLORS = 50  # anti-aliased text and a page image give thousands


@dataclass(frozen=True)
class Verdict:
    width: int
    height: int
    white: int
    non_white: int
    colors: int

    @property
    def problems(self) -> list[str]:
        pixels = self.width * self.height
        found = []
        if self.width < MIN_SIZE[0] or self.height < MIN_SIZE[1]:
            found.append(f"only {self.width}×{self.height} px")
        if self.white < MIN_WHITE_SHARE * pixels:
            found.append(f"hardly any white page paper ({self.white} px)")
        if self.non_white < MIN_OTHER_SHARE * pixels:
            found.append(f"almost all white ({self.non_white} px not white)")
        if self.colors < MIN_COLORS:
            found.append(f"only {self.colors} colors: nothing was drawn")
        return found


def examine(png: Path) -> Verdict:
    pixmap = pymupdf.Pixmap(str(png))
    if pixmap.alpha:
        pixmap = pymupdf.Pixmap(pixmap, 0)  # drop alpha: colors are compared as RGB
    counts = pixmap.color_count(colors=True)
    white = counts.get(b"\xff" * pixmap.n, 0)
    total = pixmap.width * pixmap.height
    return Verdict(pixmap.width, pixmap.height, white, total - white, len(counts))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    verdict = examine(Path(argv[0]))
    print(f"{argv[0]}: {verdict.width}×{verdict.height} px, {verdict.non_white} not white, "
          f"{verdict.white} white, {verdict.colors} colors")
    for problem in verdict.problems:
        print(f"  blank? {problem}", file=sys.stderr)
    return 1 if verdict.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
