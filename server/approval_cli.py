"""`meeting-server approval list|export`: circulations from the command line."""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
from datetime import datetime

from meeting.core.approval_protocol import CirculationStatus
from server.approval_events import ApprovalEvents
from server.approval_signing import sign, signed_path
from server.context import ServerContext
from server.store.approvals import StoredCirculation
from server.store.audit import Action
from server.store.repository import StoreError

COMMAND_LINE = "(command line)"


def approval_command(args: argparse.Namespace, context: ServerContext) -> int:
    events = ApprovalEvents(context)
    if args.action == "list":
        for circulation in events.approvals.all():
            summary = circulation.summary()
            step = "-" if summary.step is None else f"step {summary.step + 1}"
            print(f"{summary.id}\t{summary.title}\t{summary.drafter}\t{summary.status}\t{step}"
                  f"\t{', '.join(summary.waiting_for) or '-'}\t"
                  f"{datetime.fromtimestamp(summary.since):%Y-%m-%d %H:%M}")
        return 0
    found = events.approvals.get(args.id)
    if found is None:
        raise StoreError(f"no circulation {args.id}")
    circulation = found
    if circulation.summary().status is not CirculationStatus.APPROVED:
        raise StoreError(f"circulation {args.id} is not approved yet "
                         f"({circulation.summary().status})")
    if circulation.signed_at is None:
        asyncio.run(sign(context, circulation.id, _quietly))
        circulation = events.approvals.require(args.id)
        if circulation.signed_at is None:
            raise StoreError("it could not be signed: see the log above "
                             "(meeting-server pki init creates the signing authority)")
    for number, document_id in enumerate(circulation.document_ids, start=1):
        out = args.out if number == 1 else args.out.with_name(
            f"{args.out.stem}-{number}{args.out.suffix}")
        shutil.copyfile(signed_path(context, circulation.id, document_id), out)
        print(out)
    history = args.out.with_suffix(".history.json")
    history.write_text(json.dumps(_history(events, circulation), ensure_ascii=False, indent=2)
                       + "\n", encoding="utf-8")
    print(history)
    context.audit.record(COMMAND_LINE, Action.APPROVAL_DOWNLOADED, circulation.meeting_id,
                         detail=f"circulation {circulation.id}: exported to {args.out}")
    return 0


def _history(events: ApprovalEvents, circulation: StoredCirculation) -> dict:
    from meeting.core.approval_protocol import CirculationData

    return CirculationData(
        summary=circulation.summary(), route=circulation.rules.step_data(),
        documents=tuple(events.store.documents(circulation.meeting_id)),
        history=tuple(circulation.rules.history),
        signed=circulation.signed_at is not None).payload()


async def _quietly(_: StoredCirculation) -> None:
    """(nobody to tell from the command line)"""
