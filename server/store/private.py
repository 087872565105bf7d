"""The data folder is the server's alone: folders 0700 and files 0600, whatever the umask the
server was started with (a shell's 022 would leave notes, votes and password hashes readable by
every local user; systemd's UMask= is not always there).

SQLite makes its -wal and -shm files with the database file's own permissions, so a database
file created 0600 keeps its journal private too. Document files are written with mkstemp,
which makes them 0600.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger("meeting.server.store")

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> Path:
    """`path` made (with any missing parents) and closed to everyone but its owner."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    _restrict(path, FOLDER_MODE)
    return path


def private_database(path: Path) -> None:
    """The database file created 0600 before SQLite opens it, and one left readable by an
    older server (with its journal files) closed."""
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, FILE_MODE))
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists():
            _restrict(file, FILE_MODE)


def _restrict(path: Path, mode: int) -> None:
    if path.stat().st_mode & 0o777 == mode:
        return
    try:
        os.chmod(path, mode)
    except PermissionError:  # not ours (an administrator's folder): say so, and go on
        log.warning("cannot make %s private (mode %o): it is not the server user's; make it "
                    "so, or check who may read it", path, mode)
