"""The order the keyboard visits things in: as a page is read, row by row from the top, left to
right within a row. Decided on boxes, so any window (or its future layout) gets a sensible Tab
order without anyone keeping a list by hand."""

from __future__ import annotations

from collections.abc import Sequence

Box = tuple[float, float, float, float]
"""x, y, width, height."""


def reading_order(boxes: Sequence[Box]) -> list[int]:
    """Indices of `boxes` in reading order. A row starts at the highest box left; every box
    starting above that one's middle is in its row (a tall side panel and the page beside it
    are one row; a toolbar under another is the next)."""
    left = sorted(range(len(boxes)), key=lambda i: (boxes[i][1], boxes[i][0]))
    order: list[int] = []
    while left:
        first = boxes[left[0]]
        middle = first[1] + first[3] / 2
        row = [i for i in left if boxes[i][1] < middle]
        order.extend(sorted(row, key=lambda i: (boxes[i][0], boxes[i][1])))
        left = [i for i in left if i not in row]
    return order
