"""`PROGRAM --run-module MODULE ARGS…`: how a packaged (frozen) program, which has no `-m`,
runs one of its modules as a child process.

(The server's PyMuPDF work no longer runs in such children but in its PDF pool, see
server.pdf_jobs; the entry points keep honouring the option for whatever still starts one.)
"""

from __future__ import annotations

import sys

RUN_MODULE = "--run-module"


def child_command(module: str) -> list[str]:
    """The command that runs `module` as a child process (signing an approved circulation's
    documents does, `server.signing.produce`), packaged or not."""
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
