"""Getting a meeting document ready to show: download (or cache), then its page layout, off
the GUI thread. Shared by the viewer and the display window."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from meeting.core.protocol import DocumentInfo
from meeting.net.session import MeetingSession
from meeting.render.worker import DocumentLayout, RenderWorker
from meeting.ui.main_thread import run_on_main, when_done

RETRY_S = 10.0
"""A document that failed is tried again on the next refresh after this long (not at once,
which would repeat the same error on every change of the meeting)."""


class DocumentLoader(QObject):
    started = Signal(object)
    """Loading a document began (DocumentInfo)."""
    ready = Signal(object)
    """A document's layout is known (DocumentInfo): show it."""
    failed = Signal(object, str)
    """A document could not be fetched or opened (DocumentInfo, message for people)."""

    def __init__(self, session: MeetingSession, worker: RenderWorker,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._worker = worker
        self._layouts: dict[str, DocumentLayout] = {}
        self._loading: set[str] = set()
        self._failed_at: dict[str, float] = {}

    def layout(self, document: DocumentInfo) -> DocumentLayout | None:
        """The layout if known; otherwise start loading (once) and say `ready` later."""
        layout = self._layouts.get(document.sha256)
        recently_failed = time.monotonic() - self._failed_at.get(document.sha256, -1e9) < RETRY_S
        if layout is None and document.sha256 not in self._loading and not recently_failed:
            self._load(document)
        return layout

    def _load(self, document: DocumentInfo) -> None:
        self._loading.add(document.sha256)
        self.started.emit(document)

        def downloaded(path: Path) -> None:
            self._worker.layout(
                str(path), lambda result: run_on_main(lambda: laid_out(result), self))

        def laid_out(result: DocumentLayout | Exception) -> None:
            if isinstance(result, Exception):
                failed(result)
                return
            self._loading.discard(document.sha256)
            self._layouts[document.sha256] = result
            self.ready.emit(document)

        def failed(error: Exception) -> None:
            self._loading.discard(document.sha256)
            self._failed_at[document.sha256] = time.monotonic()
            self.failed.emit(document, getattr(error, "message", str(error)))

        when_done(self._session.fetch_document(document), downloaded, failed, self)
