"""Content-addressed document files: each stored under the SHA-256 of its bytes.

A file is written under a temporary name and renamed into place, so a crash never leaves a
half-written file under a real hash; the same bytes uploaded twice are stored once.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from server.store.private import FOLDER_MODE, private_folder

_HASH = re.compile(r"^[0-9a-f]{64}$")


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.incoming = root / "incoming"
        private_folder(root)
        private_folder(self.incoming)

    def path(self, sha256: str) -> Path:
        if not _HASH.match(sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def new_incoming(self) -> Path:
        """A fresh temporary file on the same file system as the store (so rename is atomic)."""
        handle, name = tempfile.mkstemp(dir=self.incoming, suffix=".part")
        os.close(handle)
        return Path(name)

    def commit(self, incoming: Path, sha256: str) -> Path:
        """Move a checked incoming file into place under its hash."""
        target = self.path(sha256)
        target.parent.mkdir(mode=FOLDER_MODE, exist_ok=True)
        if target.exists():
            incoming.unlink()
        else:
            with open(incoming, "rb") as f:
                os.fsync(f.fileno())
            os.replace(incoming, target)
        return target


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
