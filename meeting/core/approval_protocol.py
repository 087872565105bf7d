"""The wire side of approval (決裁): what a client sends to circulate documents along a route,
and what the server answers and announces.

A circulation owns a meeting-like container (a `meetings` row of kind "circulation", never in
the meeting list) whose members are the people on its route: documents by hash, uploads, page
images, marks that snap, private layers, revisions whose marks follow their words and the audit
log all work on it unchanged, through `meeting_id`. The rules (whose turn, what each action
does) are in `meeting.core.approval`; `docs/protocol.md` describes these messages.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from meeting.core import annotations as ann
from meeting.core.documents import DocumentInfo
from meeting.core.schema import Data, Event, Id, Message, PageIndex, UserName

MAX_STEPS = 20
MAX_STEP_MEMBERS = 30
MAX_DOCUMENTS = 50
MAX_DELEGATES = 10

Title = Annotated[str, Field(min_length=1, max_length=300)]
Comment = Annotated[str, Field(max_length=4000)]
SectionName = Annotated[str, Field(min_length=1, max_length=100)]


class StepKind(StrEnum):
    APPROVE = "approve"
    """The step's people approve (stamp, signature) or send back."""
    READ = "read"
    """回覧: the step's people only read and confirm they have; no stamp, no send-back."""


class CirculationStatus(StrEnum):
    DRAFT = "draft"
    """Created, documents being uploaded; only the drafter sees it."""
    CIRCULATING = "circulating"
    """On its way along the route: `step` says whose turn it is."""
    RETURNED = "returned"
    """Sent back (or pulled back) to the drafter, who may revise documents and start it again."""
    APPROVED = "approved"
    """Every step acted; the signed PDFs are made (see `signed`)."""


class ActionKind(StrEnum):
    """What a history entry records."""

    STARTED = "started"
    APPROVED = "approved"
    READ = "read"
    SENT_BACK = "sent_back"
    PULLED_BACK = "pulled_back"
    REVISED = "revised"
    SIGNED = "signed"


class Permission(StrEnum):
    """What the viewer of a circulation may do now (`CirculationData.may`)."""

    START = "start"
    REVISE = "revise"
    APPROVE = "approve"
    READ = "read"
    SEND_BACK = "send_back"
    PULL_BACK = "pull_back"


class RouteStep(Message):
    """One step of a route: one person, a 合議 group (all, or any `need` of them), or 回覧."""

    kind: Annotated[StepKind, Field(strict=False)] = StepKind.APPROVE
    members: Annotated[list[UserName], Field(max_length=MAX_STEP_MEMBERS)]
    """Who acts at this step (an empty list is refused with a message saying which step)."""
    need: Annotated[int, Field(ge=1, le=MAX_STEP_MEMBERS)] | None = None
    """How many of `members` must act for the step to be done; None: all of them."""
    label: Annotated[str, Field(max_length=50)] = ""
    """What the step's people sign as (課長, 合議, 部長…): the signature's role."""


Route = Annotated[list[RouteStep], Field(max_length=MAX_STEPS)]
"""Steps in order (an empty route is refused with a message for people)."""


class Rect(Message):
    """A rectangle in PDF page coordinates (points, origin top-left, y down, as marks)."""

    x0: ann.Coordinate
    y0: ann.Coordinate
    x1: ann.Coordinate
    y1: ann.Coordinate

    @model_validator(mode="after")
    def _a_real_rectangle(self) -> Rect:
        if self.x1 - self.x0 < 1 or self.y1 - self.y0 < 1:
            raise ValueError("a rectangle has x1 > x0 and y1 > y0")
        return self


class StampPlacement(Message):
    """Where the approver put their stamp (日付印)."""

    document_id: Id
    page: PageIndex
    rect: Rect


# --- client -> server ----------------------------------------------------------------------


class ApprovalDraft(Message):
    """`approval:draft`: a new circulation to put documents in (the upload path of meetings,
    on its `meeting_id`); only the drafter sees it until `approval:start`."""

    event = Event.APPROVAL_DRAFT

    title: Title


class ApprovalStart(Message):
    """`approval:start`: send the draft (or a returned circulation, again) along its route."""

    event = Event.APPROVAL_START

    id: Id
    title: Title
    document_ids: Annotated[list[Id], Field(min_length=1, max_length=MAX_DOCUMENTS)]
    """Documents of the circulation's container, in the order shown."""
    route: Route
    comment: Comment = ""


class ApprovalList(Message):
    """`approval:list`: the inbox (no fields)."""

    event = Event.APPROVAL_LIST

    payload_optional = True


class ApprovalRef(Message):
    id: Id


class ApprovalOpen(ApprovalRef):
    """`approval:open`: everything about one circulation."""

    event = Event.APPROVAL_OPEN


class ApprovalApprove(ApprovalRef):
    """`approval:approve`: approve (an approval step) or confirm having read (回覧)."""

    event = Event.APPROVAL_APPROVE

    stamp: StampPlacement | None = None
    """Where the stamp goes; None: in the stamp column of the first page. Ignored for 回覧."""
    comment: Comment = ""
    on_behalf_of: UserName | None = None
    """Acting as delegate for this person of the step (who named the sender their delegate)."""


class ApprovalSendBack(ApprovalRef):
    """`approval:send_back` (差し戻し)."""

    event = Event.APPROVAL_SEND_BACK

    to_step: Annotated[int, Field(ge=0, le=MAX_STEPS)] | None = None
    """An earlier step's index (from 0); None: back to the drafter."""
    comment: Comment = ""
    on_behalf_of: UserName | None = None


class ApprovalPullBack(ApprovalRef):
    """`approval:pull_back` (引戻し): the one whose action sent it on takes it back, before
    the next step acted."""

    event = Event.APPROVAL_PULL_BACK


class ApprovalTemplates(Message):
    """`approval:templates`: the route templates the sender may use (no fields)."""

    event = Event.APPROVAL_TEMPLATES

    payload_optional = True


class ApprovalTemplateSave(Message):
    """`approval:template_save`: save a route as a template (replace one with `id`). With a
    `section` (organizers and admins only) it is fixed for that section: its people must
    start circulations along one of their section's fixed routes."""

    event = Event.APPROVAL_TEMPLATE_SAVE

    id: Id | None = None
    name: Annotated[str, Field(min_length=1, max_length=100)]
    route: Route
    section: SectionName | None = None


class ApprovalTemplateDelete(Message):
    event = Event.APPROVAL_TEMPLATE_DELETE

    id: Id


class ApprovalDelegatesSet(Message):
    """`approval:delegates_set`: who may act for the sender while they are away (replaces)."""

    event = Event.APPROVAL_DELEGATES_SET

    delegates: Annotated[list[UserName], Field(max_length=MAX_DELEGATES)]


class ApprovalSignatures(ApprovalRef):
    """`approval:signatures`: the state of every signature of the signed documents."""

    event = Event.APPROVAL_SIGNATURES


# --- server -> client ----------------------------------------------------------------------


class StepData(Data):
    index: int
    kind: StepKind
    members: tuple[str, ...]
    need: int
    """How many must act (all the members when the route said null)."""
    done_by: tuple[str, ...] = ()
    """Members whose action counts at this step in the current round."""
    label: str = ""


class HistoryEntry(Data):
    at: float
    action: ActionKind
    user: str
    """Who did it (the delegate, when acting for someone)."""
    on_behalf_of: str | None = None
    step: int | None = None
    """The step acted at (None: the drafter)."""
    to_step: int | None = None
    """Where a send-back or pull-back put it (None: the drafter)."""
    comment: str = ""
    document_id: int | None = None
    """The document revised (`revised`)."""
    stamp: StampPlacement | None = None


class CirculationSummary(Data):
    """One line of the inbox, and what `approval:changed` carries."""

    event = Event.APPROVAL_CHANGED

    id: int
    meeting_id: int
    title: str
    drafter: str
    status: CirculationStatus
    step: int | None
    """The current step's index (None unless circulating)."""
    waiting_for: tuple[str, ...]
    """Whose turn it is: the current step's members who have not acted (the drafter, when
    returned or a draft)."""
    since: float
    """When it reached where it stands."""
    documents: int
    updated_at: float


class ApprovalInbox(Data):
    """The reply of `approval:list`."""

    waiting: tuple[CirculationSummary, ...]
    """Where the user (or someone who named them delegate) must act now."""
    sent: tuple[CirculationSummary, ...]
    """Started by the user and not yet approved (drafts and returned ones included)."""
    done: tuple[CirculationSummary, ...]
    """Approved, where the user is the drafter or on the route."""
    others: tuple[CirculationSummary, ...] = ()
    """On the route, neither the user's turn nor done (passed, or still to come)."""


class CirculationData(Data):
    """The reply of `approval:open`, `approval:start` and every decision."""

    summary: CirculationSummary
    route: tuple[StepData, ...]
    documents: tuple[DocumentInfo, ...]
    history: tuple[HistoryEntry, ...]
    may: tuple[Permission, ...] = ()
    """What the viewer may do now: "approve", "read", "send_back", "pull_back", "start",
    "revise"."""
    on_behalf_of: tuple[str, ...] = ()
    """The people of the current step the viewer may act for (as their delegate)."""
    signed: bool = False
    """The signed PDFs exist (`GET /api/approvals/{id}/documents/{document_id}/signed.pdf`)."""
    stamp_name: str = ""
    """The name on the viewer's own date stamp (their display name), for its preview."""
    stamp_section: str = ""
    """The section (課) on the viewer's own stamp; empty if they have none."""


class TemplateData(Data):
    id: int
    name: str
    owner: str
    section: str | None
    """Set: fixed for that section by an organizer or admin."""
    route: tuple[RouteStep, ...]


class SignatureState(Data):
    signer: str
    role: str
    at: float | None
    valid: bool
    intact: bool
    """The signed bytes are unchanged."""
    changed_after: str = ""
    """What was added after this signature (e.g. "annotations"), empty if nothing."""


class DocumentSignatures(Data):
    document_id: int
    title: str
    signatures: tuple[SignatureState, ...]


APPROVAL_CLIENT_MESSAGES: tuple[type[Message], ...] = (
    ApprovalDraft, ApprovalStart, ApprovalList, ApprovalOpen, ApprovalApprove, ApprovalSendBack,
    ApprovalPullBack, ApprovalTemplates, ApprovalTemplateSave, ApprovalTemplateDelete,
    ApprovalDelegatesSet, ApprovalSignatures,
)
APPROVAL_SERVER_MESSAGES: tuple[type[Data], ...] = (CirculationSummary,)
