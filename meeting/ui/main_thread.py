"""The one door back to the GUI thread, for results that arrive on worker threads.

Widgets may only be touched from the GUI thread; `run_on_main` queues a callable there. A
result can outlive the widget that asked for it (a window closed while its page renders): give
that widget as `owner`, and the callable is dropped if the widget is gone by then.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal


class _Invoker(QObject):
    invoke = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self.invoke.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def _run(function: Callable[[], Any], owner: QObject | None) -> None:
        if owner is None or shiboken6.isValid(owner):
            function()


_invoker: _Invoker | None = None


def install() -> None:
    """Create the invoker on the GUI thread (call once, after the QApplication exists)."""
    global _invoker
    if _invoker is None:
        _invoker = _Invoker()
        _invoker.moveToThread(QCoreApplication.instance().thread())


def run_on_main(function: Callable[[], Any], owner: QObject | None = None) -> None:
    assert _invoker is not None, "meeting.ui.main_thread.install() was not called"
    _invoker.invoke.emit(function, owner)


def when_done(future: Future, on_result: Callable[[Any], None],
              on_error: Callable[[Exception], None], owner: QObject | None = None) -> None:
    """Call `on_result` or `on_error` on the GUI thread once the future finishes."""

    def finished(done: Future) -> None:
        if done.cancelled():
            return
        error = done.exception()
        if error is not None:
            run_on_main(lambda: on_error(error), owner)
        else:
            result = done.result()
            run_on_main(lambda: on_result(result), owner)

    future.add_done_callback(finished)


def in_background(name: str, function: Callable[..., Any], *args: Any) -> Future:
    """Run a one-off job (a sign-in, a hash) on a thread of its own that ends with it. A pool
    kept at module level would keep an idle thread for the rest of the process."""
    future: Future = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(function(*args))
        except Exception as error:
            future.set_exception(error)

    threading.Thread(target=run, name=name, daemon=True).start()
    return future
