"""Downloaded documents, kept by SHA-256: a second join downloads nothing.

A file is checked against its hash before it enters the cache, and a cached file is trusted only
under its own hash's name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path

_HASH = re.compile(r"^[0-9a-f]{64}$")


class HashMismatchError(Exception):
    """The bytes received are not the document asked for."""


class DocumentCache:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if not _HASH.match(sha256):
            raise ValueError("not a SHA-256 hex digest")
        return self.root / f"{sha256}.pdf"

    def get(self, sha256: str) -> Path | None:
        path = self.path(sha256)
        if not path.is_file():
            return None
        with contextlib.suppress(OSError):  # "recently used", for `prune`
            os.utime(path)
        return path

    def prune(self, limit_bytes: int, keep: set[str]) -> int:
        """Remove the least recently used documents until the cache fits in `limit_bytes`,
        never one in `keep` (meetings kept for offline reading). Returns how many went."""
        files = [(p.stat().st_mtime, p.stat().st_size, p) for p in self.root.glob("*.pdf")
                 if p.is_file()]
        total = sum(size for _, size, _ in files)
        removed = 0
        for _, size, path in sorted(files):
            if total <= limit_bytes:
                break
            if path.stem in keep:
                continue
            path.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed

    def verify(self, sha256: str) -> bool | None:
        """Hash the cached file again: True when it is exactly the document with this SHA-256,
        None when it is not here; a file that changed on disk is deleted (False), so the next
        open downloads the real one."""
        path = self.get(sha256)
        if path is None:
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as file:
            for chunk in iter(lambda: file.read(1 << 20), b""):
                digest.update(chunk)
        if digest.hexdigest() == sha256:
            return True
        path.unlink(missing_ok=True)
        return False

    def remove(self, sha256: str) -> bool:
        """Delete the cached copy (its materials were removed); False when it was not here."""
        path = self.get(sha256)
        if path is None:
            return False
        path.unlink(missing_ok=True)
        return True

    def writer(self, sha256: str) -> CacheWriter:
        return CacheWriter(self, sha256)


class CacheWriter:
    """Receives a download in chunks; `commit` checks the hash and moves the file into place."""

    def __init__(self, cache: DocumentCache, sha256: str) -> None:
        self.target = cache.path(sha256)
        self.sha256 = sha256
        handle, name = tempfile.mkstemp(dir=cache.root, suffix=".part")
        self._file = os.fdopen(handle, "wb")
        self._temp = Path(name)
        self._digest = hashlib.sha256()

    def write(self, chunk: bytes) -> None:
        self._digest.update(chunk)
        self._file.write(chunk)

    def commit(self) -> Path:
        self._file.close()
        if self._digest.hexdigest() != self.sha256:
            self._temp.unlink(missing_ok=True)
            raise HashMismatchError(f"download of {self.sha256[:12]}… does not match its hash")
        os.replace(self._temp, self.target)
        return self.target

    def abort(self) -> None:
        self._file.close()
        self._temp.unlink(missing_ok=True)
