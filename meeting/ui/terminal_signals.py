"""Ctrl+C in the terminal, or a service manager's SIGTERM, quits the app as closing its windows
does (and the demo removes its folder). Qt's event loop runs in C++, where Python's signal
handlers wait until the interpreter next runs: a short timer gives it that chance."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTimer

SIGNALS = (signal.SIGINT, signal.SIGTERM)
CHANCE_MS = 200
"""How often Python may run a pending handler: a quit within a fifth of a second."""


@contextmanager
def quit_on_terminal_signals(app: QCoreApplication) -> Iterator[None]:
    # exit(), not quit(): quit() first asks every window to close, and the presenter's asks
    # whether to hand over; a terminal's Ctrl+C means stop now (the session still leaves).
    previous = {each: signal.signal(each, lambda *_: app.exit(0)) for each in SIGNALS}
    timer = QTimer()
    timer.timeout.connect(lambda: None)  # (only to return to the interpreter now and then)
    timer.start(CHANCE_MS)
    try:
        yield
    finally:
        timer.stop()
        for each, handler in previous.items():
            signal.signal(each, handler)
