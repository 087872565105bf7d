"""Running an export for the viewer: fetch the documents, then write the PDF on the render
worker (the one owner of PyMuPDF), behind any page the user is waiting for."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from concurrent.futures import wait as wait_for_all
from datetime import datetime
from pathlib import Path

from meeting.core.watermark import watermark_text
from meeting.export.plan import ExportChoice, documents_to_export, marks_for
from meeting.net.session import MeetingSession
from meeting.pdf.export_parts import ExportPart, ExportResult
from meeting.render.worker import (
    BACKGROUND_PRIORITY,
    EXPORT_MEETING,
    EXPORT_TIME_LIMIT,
    RenderWorker,
)


class NothingToExport(Exception):
    pass


def export_in_background(session: MeetingSession, worker: RenderWorker, meeting_id: int,
                         choice: ExportChoice, shown_document_id: int | None, out: Path
                         ) -> Future[ExportResult]:
    view = session.view(meeting_id)
    documents = documents_to_export(view, choice, shown_document_id) if view else []
    result: Future[ExportResult] = Future()
    if not documents:
        result.set_exception(NothingToExport("This meeting has no documents yet."))
        return result
    downloads = [session.fetch_document(document) for document in documents]

    def when_downloaded() -> None:
        wait_for_all(downloads)
        try:
            parts = [ExportPart(download.result(), document.title,
                                marks_for(view, document.id, choice, session.user.name))
                     for document, download in zip(documents, downloads, strict=True)]
        except Exception as error:  # a download failed: say so, like any export error
            result.set_exception(error)
            return
        watermark = (watermark_text(session.user.name, datetime.now())
                     if view.state.watermark else None)
        written = worker.call(EXPORT_MEETING, parts, out, watermark,
                              priority=BACKGROUND_PRIORITY, time_limit=EXPORT_TIME_LIMIT)

        def reported(done: Future) -> None:
            if done.exception() is None:  # for the meeting's audit log
                session.report_export(meeting_id, [d.id for d in documents],
                                      sorted(str(layer) for layer in choice.layers))
            _copy(done, result)

        written.add_done_callback(reported)

    threading.Thread(target=when_downloaded, name="meeting-export", daemon=True).start()
    return result


def _copy(source: Future, target: Future) -> None:
    error = source.exception()
    if error is not None:
        target.set_exception(error)
    else:
        target.set_result(source.result())
