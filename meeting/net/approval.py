"""Approval (決裁) over the session's connection: each request a future of its reply's model.

Qt-free, like the rest of `meeting.net`: the widgets wait on the futures with `when_done`.
Documents go into a circulation through the meeting upload path, on its container
(`CirculationSummary.meeting_id`); its marks through the meeting's annotation events.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from meeting.core import messages
from meeting.core.approval_protocol import (
    ApprovalApprove,
    ApprovalDelegatesSet,
    ApprovalDraft,
    ApprovalInbox,
    ApprovalList,
    ApprovalOpen,
    ApprovalPullBack,
    ApprovalSendBack,
    ApprovalSignatures,
    ApprovalStart,
    ApprovalTemplates,
    ApprovalTemplateSave,
    CirculationData,
    DocumentSignatures,
    TemplateData,
)
from meeting.core.protocol import DocumentInfo, Message, ProtocolError, parse
from meeting.net.api import Progress
from meeting.net.connection import Reply
from meeting.net.session import MeetingSession, RequestError

Answer = TypeVar("Answer")


class ApprovalClient:
    def __init__(self, session: MeetingSession) -> None:
        self.session = session

    def inbox(self) -> Future[ApprovalInbox]:
        return self._ask(ApprovalList, {}, ApprovalInbox.model_validate)

    def open(self, circulation_id: int) -> Future[CirculationData]:
        return self._ask(ApprovalOpen, {"id": circulation_id}, CirculationData.model_validate)

    def draft(self, title: str) -> Future[CirculationData]:
        """A new circulation to upload documents into (only its drafter sees it so far)."""
        return self._ask(ApprovalDraft, {"title": title}, CirculationData.model_validate)

    def upload(self, circulation: CirculationData, path: Path,
               progress: Progress | None = None) -> Future[DocumentInfo]:
        return self.session.upload(circulation.summary.meeting_id, path, progress)

    def start(self, circulation_id: int, title: str, document_ids: list[int],
              route: list[dict[str, Any]], comment: str = "") -> Future[CirculationData]:
        return self._ask(ApprovalStart, {"id": circulation_id, "title": title,
                                         "document_ids": document_ids, "route": route,
                                         "comment": comment}, CirculationData.model_validate)

    def approve(self, circulation_id: int, stamp: dict[str, Any] | None, comment: str = "",
                on_behalf_of: str | None = None) -> Future[CirculationData]:
        """`stamp`: {document_id, page, rect: {x0, y0, x1, y1}}, or None for the stamp
        column."""
        return self._ask(ApprovalApprove, {"id": circulation_id, "stamp": stamp,
                                           "comment": comment, "on_behalf_of": on_behalf_of},
                         CirculationData.model_validate)

    def send_back(self, circulation_id: int, to_step: int | None, comment: str,
                  on_behalf_of: str | None = None) -> Future[CirculationData]:
        return self._ask(ApprovalSendBack, {"id": circulation_id, "to_step": to_step,
                                            "comment": comment, "on_behalf_of": on_behalf_of},
                         CirculationData.model_validate)

    def pull_back(self, circulation_id: int) -> Future[CirculationData]:
        return self._ask(ApprovalPullBack, {"id": circulation_id},
                         CirculationData.model_validate)

    def templates(self) -> Future[list[TemplateData]]:
        return self._ask(ApprovalTemplates, {},
                         lambda data: [TemplateData.model_validate(t) for t in data])

    def save_template(self, name: str, route: list[dict[str, Any]]) -> Future[TemplateData]:
        return self._ask(ApprovalTemplateSave, {"name": name, "route": route},
                         TemplateData.model_validate)

    def set_delegates(self, names: list[str]) -> Future[Any]:
        """Who may act for this user while they are away (replaces the list)."""
        return self._ask(ApprovalDelegatesSet, {"delegates": names}, lambda data: data)

    def signatures(self, circulation_id: int) -> Future[list[DocumentSignatures]]:
        return self._ask(ApprovalSignatures, {"id": circulation_id},
                         lambda data: [DocumentSignatures.model_validate(d) for d in data])

    def revise(self, circulation: CirculationData, document_id: int, path: Path
               ) -> Future[dict]:
        """After a send-back: a revised document in place of one (its marks follow their
        words; the server refuses a revision that cannot keep them all)."""
        return self.session.revise(circulation.summary.meeting_id, document_id, path)

    def save_signed(self, circulation_id: int, document_id: int, out: Path) -> Future[Path]:
        """The signed PDF of an approved circulation's document, written whole at `out`."""
        def run() -> Path:
            data = self.session.api.fetch_signed(circulation_id, document_id)
            part = out.with_name(out.name + ".part")
            part.write_bytes(data)
            return part.replace(out)

        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="approval-save")
        try:
            return pool.submit(run)
        finally:
            pool.shutdown(wait=False)  # (its one thread ends with the download)

    def _ask(self, kind: type[Message], fields: dict[str, Any],
             read: Callable[[Any], Answer]) -> Future[Answer]:
        """Send the request; the future has the reply read by `read`, or a `RequestError` in
        the user's language (the schema's refusal here, the server's there)."""
        answer: Future[Answer] = Future()
        try:
            message = parse(kind, fields)
        except ProtocolError as error:
            answer.set_exception(RequestError(str(error.code), messages.localize(
                error.message, messages.client_language, str(error.code))))
            return answer

        def replied(reply: Reply) -> None:
            if not reply.get("ok"):
                error = reply.get("error") or {}
                answer.set_exception(RequestError(error.get("code", "error"),
                                                  error.get("message", "Request failed.")))
                return
            try:
                answer.set_result(read(reply.get("data")))
            except (ValidationError, TypeError) as error:
                answer.set_exception(RequestError("invalid_reply", str(error)))

        self.session.connection.request(message, replied)
        return answer


__all__ = ["ApprovalClient"]
