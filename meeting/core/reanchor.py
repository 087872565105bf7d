"""Moving annotations to a revised version of their document, so corrections keep the notes.

Pages of the old version are matched to pages of the new one by their words (or, for pages
without text such as scans, by a tiny grey thumbnail of how they look), in order, allowing pages
to be inserted and removed. On a matched page whose words did not change, a mark stays where
it is. Where the text moved, the mark follows the words it was drawn on. What cannot be placed
(its page was removed, or its words were) is reported with the reason, never dropped.

Plain Python: the server extracts the words with PyMuPDF in a child process and calls this.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from meeting.core.annotations import AnnotationData, bounds
from meeting.core.words import Word

PAGE_MATCH = 0.5
"""Least similarity for two pages to count as the same page."""
ANCHOR_MARGIN = 6.0
"""Words within this many points of a mark's outline are what the mark is about."""
NEAR_WORDS = 3
NEAR_REACH = 90.0
"""A mark in a margin follows the nearest few words within this reach."""
UNCHANGED_TOLERANCE = 0.5


@dataclass(frozen=True)
class PageText:
    width: float
    height: float
    words: tuple[Word, ...]
    look: tuple[int, ...] = ()
    """A tiny greyscale thumbnail (0–255 each), for telling textless pages apart."""


@dataclass(frozen=True)
class Placement:
    annotation_id: str
    page: int | None
    """The page in the new version, or None when the mark could not be placed."""
    points: tuple[tuple[float, float], ...]
    reason: str = ""
    """Why it could not be placed ("page removed", "words removed"); empty when placed."""


# --- pages ------------------------------------------------------------------------------------

def page_similarity(old: PageText, new: PageText, old_bag: Counter | None = None,
                    new_bag: Counter | None = None) -> float:
    """1.0 for the same page, 0.0 for unrelated ones (bags: the pages' word counts, if known)."""
    if old.words and new.words:
        a = old_bag if old_bag is not None else Counter(w.text for w in old.words)
        b = new_bag if new_bag is not None else Counter(w.text for w in new.words)
        return 2 * sum((a & b).values()) / (len(old.words) + len(new.words))
    if old.words or new.words:
        return 0.0
    if old.look and len(old.look) == len(new.look):
        return 1 - sum(abs(x - y) for x, y in zip(old.look, new.look, strict=True)) / (
            255 * len(old.look))
    same_size = (round(old.width), round(old.height)) == (round(new.width), round(new.height))
    return 1.0 if same_size else 0.0


def match_pages(old: Sequence[PageText], new: Sequence[PageText]) -> dict[int, int]:
    """Old page index -> new page index, keeping the order (an alignment, as a diff makes)."""
    rows, cols = len(old), len(new)
    old_bags = [Counter(w.text for w in page.words) for page in old]
    new_bags = [Counter(w.text for w in page.words) for page in new]
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    take = [[False] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            skip = max(score[i + 1][j], score[i][j + 1])
            similarity = page_similarity(old[i], new[j], old_bags[i], new_bags[j])
            if similarity >= PAGE_MATCH:
                # a hair of preference for the same position decides between equal pages
                pair = score[i + 1][j + 1] + similarity + (1e-6 if i == j else 0.0)
                if pair > skip:
                    score[i][j], take[i][j] = pair, True
                    continue
            score[i][j] = skip
    matches, i, j = {}, 0, 0
    while i < rows and j < cols:
        if take[i][j]:
            matches[i] = j
            i, j = i + 1, j + 1
        elif score[i + 1][j] >= score[i][j + 1]:
            i += 1
        else:
            j += 1
    return matches


# --- marks ------------------------------------------------------------------------------------

def reanchor(old: Sequence[PageText], new: Sequence[PageText],
             annotations: Sequence[AnnotationData],
             pages: dict[int, int] | None = None) -> list[Placement]:
    """Where each mark goes in the new version (`pages`: match_pages' answer, if known)."""
    pages = match_pages(old, new) if pages is None else pages
    word_maps: dict[int, dict[int, int]] = {}
    placements = []
    for annotation in annotations:
        target = pages.get(annotation.page)
        if target is None or not annotation.points:
            placements.append(Placement(annotation.id, None, annotation.points,
                                        "its page is not in the new version"))
            continue
        before, after = old[annotation.page], new[target]
        if unchanged(before, after):
            placements.append(Placement(annotation.id, target, annotation.points))
            continue
        if annotation.page not in word_maps:
            word_maps[annotation.page] = map_words(before.words, after.words)
        placements.append(_follow_words(annotation, target, before, after,
                                        word_maps[annotation.page]))
    return placements


def unchanged(old: PageText, new: PageText) -> bool:
    if abs(old.width - new.width) > UNCHANGED_TOLERANCE or abs(
            old.height - new.height) > UNCHANGED_TOLERANCE or len(old.words) != len(new.words):
        return False
    return all(a.text == b.text and max(abs(a.x0 - b.x0), abs(a.y0 - b.y0), abs(a.x1 - b.x1),
                                        abs(a.y1 - b.y1)) <= UNCHANGED_TOLERANCE
               for a, b in zip(old.words, new.words, strict=True))


def map_words(old: Sequence[Word], new: Sequence[Word]) -> dict[int, int]:
    """Old word index -> new word index for the words the two versions share, in order."""
    matcher = SequenceMatcher(None, [w.text for w in old], [w.text for w in new],
                              autojunk=False)
    mapping = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapping[block.a + k] = block.b + k
    return mapping


def _follow_words(annotation: AnnotationData, target: int, old: PageText, new: PageText,
                  mapping: dict[int, int]) -> Placement:
    anchors = anchor_words(annotation, old.words)
    if not anchors:  # a mark in an empty area: keep its place, scaled to the new page size
        sx, sy = new.width / old.width, new.height / old.height
        return Placement(annotation.id, target,
                         tuple((x * sx, y * sy) for x, y in annotation.points))
    moves = [(new.words[mapping[i]].center[0] - old.words[i].center[0],
              new.words[mapping[i]].center[1] - old.words[i].center[1])
             for i in anchors if i in mapping]
    if not moves or len(moves) * 2 < len(anchors):
        return Placement(annotation.id, None, annotation.points,
                         "the words it marked are no longer on the page")
    dx = statistics.median(m[0] for m in moves)
    dy = statistics.median(m[1] for m in moves)
    points = tuple((x + dx, y + dy) for x, y in annotation.points)
    x0, y0, x1, y1 = bounds(points, 0)
    if x1 < 0 or y1 < 0 or x0 > new.width or y0 > new.height:
        return Placement(annotation.id, None, annotation.points,
                         "its words moved off the page")
    return Placement(annotation.id, target, points)


def anchor_words(annotation: AnnotationData, words: Sequence[Word]) -> list[int]:
    """The words a mark is about: those under it, else the nearest few around it."""
    x0, y0, x1, y1 = bounds(annotation.points, annotation.width)
    x0, y0, x1, y1 = x0 - ANCHOR_MARGIN, y0 - ANCHOR_MARGIN, x1 + ANCHOR_MARGIN, y1 + ANCHOR_MARGIN
    under = [i for i, w in enumerate(words) if w.x0 <= x1 and w.x1 >= x0 and w.y0 <= y1
             and w.y1 >= y0]
    if under:
        return under
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    distances = sorted((max(w.x0 - cx, 0, cx - w.x1) ** 2 + max(w.y0 - cy, 0, cy - w.y1) ** 2,
                        i) for i, w in enumerate(words))
    return [i for d, i in distances[:NEAR_WORDS] if d <= NEAR_REACH ** 2]
