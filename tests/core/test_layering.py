"""The core and the server must not import Qt: the server runs headless and the core is shared."""

from __future__ import annotations

import subprocess
import sys

QT_FREE = ["meeting.core.protocol", "meeting.core.sync", "meeting.core.following",
           "meeting.net.session", "meeting.net.api", "meeting.net.credentials", "server.app",
           "server.cli"]


def test_core_net_and_server_import_no_qt():
    code = (
        "import sys, importlib\n"
        f"for name in {QT_FREE!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\nsys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
