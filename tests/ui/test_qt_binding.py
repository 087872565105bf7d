"""The Qt binding itself: a slot run from a signal must not leak or drop references.

PySide6 6.12.0 dropped a reference to the slot's result (None) and to the signal's return
value (a bool) on every emission; within a few thousand emissions the interpreter aborts.
The client emits signals all day long (every render, every broadcast), so a binding with that
fault must not be installed: pyproject.toml excludes it, and this test catches the next one.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

EMISSIONS = 300
"""Enough to see a leak of one reference per emission, far too few to exhaust one."""


class Emitter(QObject):
    nothing = Signal()
    number = Signal(int)


def references_lost(emit) -> dict[str, int]:
    before = {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
              "False": sys.getrefcount(False)}
    for _ in range(EMISSIONS):
        emit()
    after = {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
             "False": sys.getrefcount(False)}
    return {name: before[name] - after[name] for name in before
            if abs(before[name] - after[name]) >= EMISSIONS // 2}


def test_signals_into_python_slots_keep_every_reference(qapp):
    emitter = Emitter()
    emitter.nothing.connect(lambda: None)
    emitter.number.connect(lambda value: None)
    action = QAction("x")
    action.triggered.connect(lambda _=False, extra=1: None)  # our menus' pattern
    assert references_lost(emitter.nothing.emit) == {}
    assert references_lost(lambda: emitter.number.emit(1)) == {}
    assert references_lost(action.trigger) == {}
