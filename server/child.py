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


RUN_MODULE = "--run-module"
"""How a packaged (frozen) program runs one of its modules as a child: it has no `-m`."""


def child_command(module: str) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, RUN_MODULE, module]
    return [sys.executable, "-m", module]


def run_module_if_asked(argv: list[str]) -> None:
    """In a packaged program's entry point: `PROGRAM --run-module MODULE ARGS…` runs the module
    as `python -m` would, then exits."""
    if len(argv) > 2 and argv[1] == RUN_MODULE:
        import runpy

        sys.argv = [argv[2], *argv[3:]]
        runpy.run_module(argv[2], run_name="__main__", alter_sys=True)
        sys.exit(0)


async def run_child(module: str, *paths: Path, timeout: float) -> dict:
    process = await asyncio.create_subprocess_exec(
        *child_command(module), *map(str, paths),
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
