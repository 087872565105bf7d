"""Payloads for fuzzing every client event: near the schema (the event's own field names, the
real meeting's id now and then) so that they get past the first check and probe the handlers,
with any JSON value in the fields."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from meeting.core.protocol import CLIENT_PAYLOADS, ErrorCode, Event

KNOWN_CODES = {str(code) for code in ErrorCode} - {str(ErrorCode.INTERNAL)}
"""What a refusal may say: anything but "internal_error" (a bug)."""

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**63, max_value=2**63)
    | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=6),
    max_leaves=20)


near_values = (st.integers(min_value=-1, max_value=10) | st.booleans()
               | st.sampled_from(["", "olga", "paul", "dora", "otto", "shared", "private",
                                  "marker", "rect", "white", "room", "javascript:x",
                                  "https://x.jp/", "#fff", "予算"])
               | st.lists(st.floats(min_value=-10, max_value=2000), max_size=5))
"""Values of the right kind and around the edges (ids 0 and -1, other users, other names)."""


def valid_payloads(meeting_id: int, document_id: int) -> dict[Event, Any]:
    """One well-formed payload per client event (the schema's own example; it may still be
    refused for who sends it or what the meeting holds)."""
    m, d = meeting_id, document_id
    stroke = {"meeting_id": m, "id": "fuzz-stroke", "document_id": d, "page": 0,
              "layer": "shared", "tool": "pen", "color": "#1a73e8", "width": 2,
              "points": [[10.0, 10.0], [20.0, 15.0]]}
    return {
        Event.MEETINGS_LIST: None,
        Event.MEETING_JOIN: {"meeting_id": m},
        Event.MEETING_LEAVE: {"meeting_id": m},
        Event.MEETING_SNAPSHOT: {"meeting_id": m},
        Event.PAGE_SET: {"meeting_id": m, "document_id": d, "page": 1},
        Event.PRESENTER_SET: {"meeting_id": m, "user": "olga"},
        Event.MEETING_SETTINGS: {"meeting_id": m, "participants_draw": True},
        Event.DISPLAY_BLANK: {"meeting_id": m, "blank": "black"},
        Event.FOLLOWERS_LOCK: {"meeting_id": m, "locked": False},
        Event.VIEW_ZOOM: {"meeting_id": m, "region": [10.0, 10.0, 200.0, 300.0]},
        Event.BESIDE_SET: {"meeting_id": m, "document_id": d, "page": 0},
        Event.AGENDA_SET: {"meeting_id": m, "items": [{"title": "議題 1", "document_id": d,
                                                       "page": 0}]},
        Event.AGENDA_GO: {"meeting_id": m, "item_id": 1},
        Event.PRESENCE_SET: {"meeting_id": m, "following": True, "place": "browser"},
        Event.MEMBER_REMOVE: {"meeting_id": m, "user": "pia"},
        Event.MEETING_LINK: {"meeting_id": m, "url": "https://meet.example.jp/j/1"},
        Event.MEETING_PROTECT: {"meeting_id": m, "watermark": True, "removal": "none",
                                "expires_at": 0},
        Event.MEETING_END: {"meeting_id": m},
        Event.VOTE_OPEN: {"meeting_id": m, "title": "賛否", "kind": "choice",
                          "options": ["A案", "B案"], "secret": True, "quorum": 2,
                          "majority": "simple"},
        Event.VOTE_CAST: {"meeting_id": m, "vote_id": 1, "choice": "yes"},
        Event.VOTE_CLOSE: {"meeting_id": m, "vote_id": 1},
        Event.VOTE_REOPEN: {"meeting_id": m, "vote_id": 1},
        Event.MEETING_REOPEN: {"meeting_id": m},
        Event.AUDIT_EXPORT: {"meeting_id": m, "document_ids": [d], "layers": ["shared"]},
        Event.ANNOTATION_BEGIN: stroke,
        Event.ANNOTATION_POINTS: {"meeting_id": m, "id": "fuzz-stroke", "offset": 2,
                                  "points": [[30.0, 20.0]]},
        Event.ANNOTATION_END: {"meeting_id": m, "id": "fuzz-stroke", "count": 3},
        Event.ANNOTATION_PUT: {**stroke, "id": "fuzz-note", "layer": "private", "tool": "text",
                               "points": [[40.0, 40.0]], "text": "メモ"},
        Event.ANNOTATION_DELETE: {"meeting_id": m, "ids": ["fuzz-note"]},
        Event.ANNOTATION_SHARE: {"meeting_id": m, "id": "fuzz-note"},
        Event.PAGE_CLEAR: {"meeting_id": m, "document_id": d, "page": 0},
        Event.LASER_MOVE: {"meeting_id": m, "document_id": d, "page": 0,
                           "point": [100.0, 100.0]},
        **approval_payloads(d),
    }


def approval_payloads(document_id: int) -> dict[Event, Any]:
    """Circulation 1 (the first one drafted, if any), with this document."""
    route = [{"kind": "approve", "members": ["olga", "pia"], "need": 1, "label": "課長"},
             {"kind": "read", "members": ["paul"]}]
    stamp = {"document_id": document_id, "page": 0,
             "rect": {"x0": 10.0, "y0": 10.0, "x1": 60.0, "y1": 60.0}}
    return {
        Event.APPROVAL_DRAFT: {"title": "決裁"},
        Event.APPROVAL_START: {"id": 1, "title": "決裁", "document_ids": [document_id],
                               "route": route, "comment": ""},
        Event.APPROVAL_LIST: None,
        Event.APPROVAL_OPEN: {"id": 1},
        Event.APPROVAL_APPROVE: {"id": 1, "stamp": stamp, "comment": "可",
                                 "on_behalf_of": "olga"},
        Event.APPROVAL_SEND_BACK: {"id": 1, "to_step": None, "comment": "再考"},
        Event.APPROVAL_PULL_BACK: {"id": 1},
        Event.APPROVAL_TEMPLATES: None,
        Event.APPROVAL_TEMPLATE_SAVE: {"name": "いつもの", "route": route, "section": "総務課"},
        Event.APPROVAL_TEMPLATE_DELETE: {"id": 1},
        Event.APPROVAL_DELEGATES_SET: {"delegates": ["pia"]},
        Event.APPROVAL_SIGNATURES: {"id": 1},
    }


def mutated(valid: Any) -> st.SearchStrategy[Any]:
    """The valid payload as it is, or with one field replaced by any JSON, one removed, one
    unknown added, or the whole payload replaced."""
    if not isinstance(valid, dict) or not valid:
        return st.just(valid) | json_values
    keys = sorted(valid)
    replaced = st.tuples(st.sampled_from(keys), json_values | near_values).map(
        lambda change: {**valid, change[0]: change[1]})
    removed = st.sampled_from(keys).map(
        lambda key: {k: v for k, v in valid.items() if k != key})
    added = st.tuples(st.text(max_size=10), json_values).map(
        lambda extra: {**valid, extra[0]: extra[1]})
    return st.one_of(st.just(valid), st.just(valid), replaced, replaced, removed, added,
                     json_values)


def payloads(event: Event, meeting_id: int, document_ids: list[int]) -> st.SearchStrategy[Any]:
    return st.sampled_from(document_ids).flatmap(
        lambda document: mutated(valid_payloads(meeting_id, document)[event]))


def events_and_payloads(meeting_id: int, document_ids: list[int]):
    return st.sampled_from(sorted(CLIENT_PAYLOADS)).flatmap(
        lambda event: st.tuples(st.just(event), payloads(event, meeting_id, document_ids)))


def check_reply(event: Event, payload: Any, reply: Any) -> None:
    """Every answer is the documented envelope; a refusal names a known code, never a bug."""
    assert isinstance(reply, dict) and isinstance(reply.get("ok"), bool), (event, payload, reply)
    if not reply["ok"]:
        error = reply["error"]
        assert error["code"] in KNOWN_CODES, (event, payload, reply)
        assert isinstance(error["message"], str) and error["message"], (event, payload, reply)
