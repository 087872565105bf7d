"""Reading a copy of a data folder as someone who found it would: the database file, then
every commit in its write-ahead log replayed in order, each state opened as a database of its
own. A secret ballot is traced when one state differs from the one before by voters who all
chose the same thing."""

from __future__ import annotations

import shutil
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

WAL_HEADER, FRAME_HEADER = 32, 24
DATABASE = "meeting.sqlite3"


def copy_data_folder(data_dir: Path, to: Path) -> Path:
    """The database, its log and its index, as a backup or a thief would copy them."""
    to.mkdir(parents=True)
    for suffix in ("", "-wal", "-shm"):
        source = data_dir / f"{DATABASE}{suffix}"
        if source.exists():
            shutil.copyfile(source, to / source.name)
    return to


def states(folder: Path) -> Iterator[bytes]:
    """The database file's bytes, then as they are after each commit in the log."""
    image = bytearray((folder / DATABASE).read_bytes())
    yield bytes(image)
    wal = folder / f"{DATABASE}-wal"
    log = wal.read_bytes() if wal.exists() else b""
    if len(log) < WAL_HEADER:
        return
    page_size = struct.unpack(">I", log[8:12])[0]
    salts = log[16:24]
    offset = WAL_HEADER
    while offset + FRAME_HEADER + page_size <= len(log):
        page, commit_size = struct.unpack(">II", log[offset:offset + 8])
        if log[offset + 8:offset + 16] != salts:
            break  # (frames of an earlier log, overwritten in part)
        data = log[offset + FRAME_HEADER:offset + FRAME_HEADER + page_size]
        start = (page - 1) * page_size
        if len(image) < start + page_size:
            image.extend(bytes(start + page_size - len(image)))
        image[start:start + page_size] = data
        if commit_size:
            del image[commit_size * page_size:]
            yield bytes(image)
        offset += FRAME_HEADER + page_size


@dataclass(frozen=True)
class Ballots:
    voters: frozenset[str]
    counts: tuple[tuple[str, int], ...]


def ballots_in(image: bytes, vote_id: int, scratch: Path) -> Ballots:
    path = scratch / "state.sqlite3"
    path.write_bytes(image)
    with closing(sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True)) as db:
        try:
            voters = frozenset(r[0] for r in db.execute(
                "SELECT voter FROM vote_voters WHERE vote_id = ?", (vote_id,)))
            counts = tuple(sorted(db.execute(
                "SELECT choice, count FROM vote_counts WHERE vote_id = ? AND count > 0",
                (vote_id,))))
        except sqlite3.DatabaseError:  # (an image cut mid-write: nothing to read in it)
            return Ballots(frozenset(), ())
    return Ballots(voters, counts)


def history(folder: Path, vote_id: int, scratch: Path) -> list[Ballots]:
    """The vote's voters and counts in every state the copy holds, oldest first."""
    return [ballots_in(image, vote_id, scratch) for image in states(folder)]


def traced_ballots(folder: Path, vote_id: int, scratch: Path) -> dict[str, str]:
    """Voter → choice for every ballot the copy gives away: voters added in one step while
    only one choice's count grew (by as many)."""
    traced: dict[str, str] = {}
    steps = history(folder, vote_id, scratch)
    for before, after in pairwise(steps):
        added = after.voters - before.voters
        was = dict(before.counts)
        grew = {c: n - was.get(c, 0) for c, n in after.counts if n > was.get(c, 0)}
        if added and len(grew) == 1 and sum(grew.values()) == len(added):
            traced.update(dict.fromkeys(added, next(iter(grew))))
    return traced
