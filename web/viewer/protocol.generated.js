// Generated from meeting/core by `python -m meeting.core.export_js`: do not edit.
// The protocol's names and numbers (docs/protocol.md), for the browser viewer.
export const PROTOCOL_VERSION = 1;
export const EVENT = Object.freeze({
  "MEETINGS_LIST": "meetings:list",
  "MEETING_JOIN": "meeting:join",
  "MEETING_LEAVE": "meeting:leave",
  "MEETING_SNAPSHOT": "meeting:snapshot",
  "PAGE_SET": "page:set",
  "PRESENTER_SET": "presenter:set",
  "MEETING_SETTINGS": "meeting:settings",
  "DISPLAY_BLANK": "display:blank",
  "FOLLOWERS_LOCK": "followers:lock",
  "VIEW_ZOOM": "view:zoom",
  "AGENDA_SET": "agenda:set",
  "AGENDA_GO": "agenda:go",
  "PRESENCE_SET": "presence:set",
  "MEMBER_REMOVE": "member:remove",
  "MEETING_LINK": "meeting:link",
  "MEETING_PROTECT": "meeting:protect",
  "MEETING_END": "meeting:end",
  "MEETING_REOPEN": "meeting:reopen",
  "VOTE_OPEN": "vote:open",
  "VOTE_CAST": "vote:cast",
  "VOTE_CLOSE": "vote:close",
  "VOTE_REOPEN": "vote:reopen",
  "AUDIT_EXPORT": "audit:export",
  "BESIDE_SET": "beside:set",
  "ANNOTATION_BEGIN": "annotation:begin",
  "ANNOTATION_POINTS": "annotation:points",
  "ANNOTATION_END": "annotation:end",
  "ANNOTATION_PUT": "annotation:put",
  "ANNOTATION_DELETE": "annotation:delete",
  "ANNOTATION_SHARE": "annotation:share",
  "PAGE_CLEAR": "page:clear",
  "LASER_MOVE": "laser:move",
  "APPROVAL_DRAFT": "approval:draft",
  "APPROVAL_START": "approval:start",
  "APPROVAL_LIST": "approval:list",
  "APPROVAL_OPEN": "approval:open",
  "APPROVAL_APPROVE": "approval:approve",
  "APPROVAL_SEND_BACK": "approval:send_back",
  "APPROVAL_PULL_BACK": "approval:pull_back",
  "APPROVAL_TEMPLATES": "approval:templates",
  "APPROVAL_TEMPLATE_SAVE": "approval:template_save",
  "APPROVAL_TEMPLATE_DELETE": "approval:template_delete",
  "APPROVAL_DELEGATES_SET": "approval:delegates_set",
  "APPROVAL_SIGNATURES": "approval:signatures",
  "MEETING_STATE": "meeting:state",
  "DOCUMENT_ADDED": "document:added",
  "DOCUMENT_REVISED": "document:revised",
  "ANNOTATION": "annotation",
  "LASER": "laser",
  "AGENDA": "agenda",
  "PRESENCE": "presence",
  "MEMBER_REMOVED": "member:removed",
  "VOTE": "vote",
  "APPROVAL_CHANGED": "approval:changed"
});
export const ERROR = Object.freeze({
  "INVALID_PAYLOAD": "invalid_payload",
  "UNAUTHENTICATED": "unauthenticated",
  "PROTOCOL_MISMATCH": "protocol_mismatch",
  "FORBIDDEN": "forbidden",
  "NOT_FOUND": "not_found",
  "NOT_JOINED": "not_joined",
  "NOT_PRESENTER": "not_presenter",
  "BAD_DOCUMENT": "bad_document",
  "CONFLICT": "conflict",
  "TOO_LARGE": "too_large",
  "RATE_LIMITED": "rate_limited",
  "STORAGE_FULL": "storage_full",
  "STORAGE_READ_ONLY": "storage_read_only",
  "MATERIALS_REMOVED": "materials_removed",
  "INTERNAL": "internal_error"
});
export const ROLE = Object.freeze({
  "ADMIN": "admin",
  "ORGANIZER": "organizer",
  "PARTICIPANT": "participant",
  "DISPLAY": "display"
});
export const MANAGER_ROLES = Object.freeze([
  "admin",
  "organizer"
]);
export const PLACE = Object.freeze({
  "ROOM": "room",
  "REMOTE": "remote",
  "BROWSER": "browser"
});
export const LAYER = Object.freeze({
  "SHARED": "shared",
  "PRIVATE": "private"
});
export const LAYER_STYLE = Object.freeze({
  "shared": {
    "halo": null,
    "halo_opacity": 0.0,
    "halo_px": 0.0,
    "dashed": false,
    "note_fill": null,
    "note_border": null,
    "badge": false
  },
  "private": {
    "halo": "#8e24aa",
    "halo_opacity": 0.28,
    "halo_px": 3.0,
    "dashed": true,
    "note_fill": "#fbf3ff",
    "note_border": "#8e24aa",
    "badge": true
  }
});
export const TOOL = Object.freeze({
  "PEN": "pen",
  "MARKER": "marker",
  "LINE": "line",
  "ARROW": "arrow",
  "RECT": "rect",
  "TEXT": "text"
});
export const TOOL_OPACITY = Object.freeze({
  "pen": 1.0,
  "marker": 0.35,
  "line": 1.0,
  "arrow": 1.0,
  "rect": 1.0,
  "text": 1.0
});
export const SHAPES = Object.freeze([
  "arrow",
  "line",
  "rect"
]);
export const FREEHAND = Object.freeze([
  "marker",
  "pen"
]);
export const PAGE_WIDTH_STEP = 128;
export const PAGE_WIDTH_MIN = 128;
export const PAGE_WIDTH_MAX = 4096;
export const LASER_IDLE_MS = 4000;
export const VOTE_KIND = Object.freeze({
  "YES_NO": "yes_no",
  "CHOICE": "choice"
});
export const VOTE_STATUS = Object.freeze({
  "OPEN": "open",
  "CLOSED": "closed"
});
export const VOTE_OUTCOME = Object.freeze({
  "PASSED": "passed",
  "REJECTED": "rejected",
  "CHOSEN": "chosen",
  "TIE": "tie",
  "NO_QUORUM": "no_quorum"
});
export const YES_NO_CHOICES = Object.freeze([
  "yes",
  "no",
  "abstain"
]);
export const ABSTAIN = "abstain";
export const CIRCULATION_STATUS = Object.freeze({
  "DRAFT": "draft",
  "CIRCULATING": "circulating",
  "RETURNED": "returned",
  "APPROVED": "approved"
});
export const APPROVAL_ACTION = Object.freeze({
  "STARTED": "started",
  "APPROVED": "approved",
  "READ": "read",
  "SENT_BACK": "sent_back",
  "PULLED_BACK": "pulled_back",
  "REVISED": "revised",
  "SIGNED": "signed"
});
export const APPROVAL_MAY = Object.freeze({
  "START": "start",
  "REVISE": "revise",
  "APPROVE": "approve",
  "READ": "read",
  "SEND_BACK": "send_back",
  "PULL_BACK": "pull_back"
});
export const STEP_KIND = Object.freeze({
  "APPROVE": "approve",
  "READ": "read"
});
