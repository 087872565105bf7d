"""Running PyMuPDF on a file in a child process with a time limit.

A hostile or broken PDF can make MuPDF spin or crash; neither may take the server with it. The
child is a module run with `python -m MODULE FILE...` that prints one JSON line.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path


class ChildFailed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        """"timeout" or "crashed"."""


async def run_child(module: str, *paths: Path, timeout: float) -> dict:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", module, *map(str, paths),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        out, _ = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise ChildFailed("timeout") from None
    try:
        return json.loads(out.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise ChildFailed("crashed") from None
