"""Who may do what. Every check raises a ProtocolError with a message for the person refused.

The client's UI hides what a user may not do, but these checks are the guard.
"""

from __future__ import annotations

from meeting.core.protocol import MANAGER_ROLES, DocumentInfo, ErrorCode, ProtocolError, Role
from server.store.repository import Store, User

MANAGERS = MANAGER_ROLES


def require_visible_meeting(store: Store, user: User, meeting_id: int,
                            materials: bool = True) -> None:
    """The meeting exists and the user is invited (an admin sees every meeting, but not the
    container of a circulation they are not on: nobody else sees those), and, unless
    `materials` is False, its materials are still there for them: once removed (the meeting
    ended with a removal, or its access expired) only organizers and admins reach them.

    An outsider gets the same answer for a meeting that exists and one that does not.
    """
    if not (store.meeting_exists(meeting_id) and (
        (user.role is Role.ADMIN and not store.is_circulation(meeting_id))
        or store.is_member(meeting_id, user)
    )):
        raise ProtocolError(ErrorCode.NOT_FOUND,
                            f"No meeting {meeting_id} that you are invited to.")
    if materials and user.role not in MANAGERS and store.materials_removed(meeting_id):
        raise ProtocolError(ErrorCode.MATERIALS_REMOVED,
                            "This meeting has ended and its materials were removed; they are "
                            "no longer available on this or any device.")


def require_joined(joined: bool) -> None:
    """The connection joined the meeting (`ServerContext.joined`, asked on the loop)."""
    if not joined:
        raise ProtocolError(ErrorCode.NOT_JOINED, "Join the meeting first.")


def require_page(store: Store, meeting_id: int, document_id: int, page: int) -> DocumentInfo:
    """The page exists in a document of this meeting: that document."""
    document = store.document(meeting_id, document_id)
    if document is None or page >= document.pages:
        raise ProtocolError(ErrorCode.NOT_FOUND, "No such page in this meeting.")
    return document


def require_presenter(store: Store, user: User, meeting_id: int,
                      doing: str = "change the shared page") -> None:
    if store.meeting_state(meeting_id).presenter != user.name:
        raise ProtocolError(ErrorCode.NOT_PRESENTER, f"Only the presenter can {doing}.")


def require_may_draw_shared(store: Store, user: User, meeting_id: int) -> None:
    """The presenter draws for the room; everyone else only when the organizer allows it.
    In a circulation's container: whoever acts now (see `require_may_mark`)."""
    if store.is_circulation(meeting_id):
        require_may_mark(store, user, meeting_id)
        return
    state = store.meeting_state(meeting_id)
    if state.presenter == user.name or (state.participants_draw and user.role is not Role.DISPLAY):
        return
    raise ProtocolError(ErrorCode.NOT_PRESENTER,
                        "Only the presenter can draw for the room (unless the organizer lets "
                        "everyone).")


def require_drives_room(store: Store, user: User, meeting_id: int, doing: str) -> None:
    """The presenter drives what the room sees; an organizer of the meeting may step in."""
    require_a_meeting(store, meeting_id)
    if store.meeting_state(meeting_id).presenter == user.name or user.role in MANAGERS:
        return
    raise ProtocolError(ErrorCode.NOT_PRESENTER, f"Only the presenter can {doing}.")


def require_may_manage(store: Store, user: User, meeting_id: int) -> None:
    """Organizers (invited to the meeting) and admins manage material and roles."""
    require_visible_meeting(store, user, meeting_id)
    require_a_meeting(store, meeting_id)
    if user.role not in MANAGERS:
        raise ProtocolError(
            ErrorCode.FORBIDDEN, "Only an organizer of the meeting can do this."
        )


def require_a_meeting(store: Store, meeting_id: int) -> None:
    """A circulation's container is run by the approval rules, not by an organizer."""
    if store.is_circulation(meeting_id):
        raise ProtocolError(ErrorCode.FORBIDDEN,
                            "This is a circulation: it changes only through its approval "
                            "events.")


def require_may_mark(store: Store, user: User, meeting_id: int) -> None:
    """A circulation's check points (its shared layer) change only while it is the user's
    turn; a meeting's marks are not concerned (nothing to check)."""
    if not store.is_circulation(meeting_id):
        return
    from server.store.approvals import ApprovalStore

    approvals = ApprovalStore(store)
    circulation = approvals.of_container(meeting_id)
    assert circulation is not None  # (every container has its circulation)
    circulation.rules.check_marking(user.name, approvals.principals_of(user.name))


def require_may_change_documents(store: Store, user: User, meeting_id: int) -> None:
    """Who adds and revises documents: organizers of a meeting; the drafter of a circulation
    while it is with them (a draft, or sent back)."""
    if not store.is_circulation(meeting_id):
        require_may_manage(store, user, meeting_id)
        return
    from server.store.approvals import ApprovalStore

    require_visible_meeting(store, user, meeting_id)
    circulation = ApprovalStore(store).of_container(meeting_id)
    assert circulation is not None  # (every container has its circulation)
    circulation.rules.check_revise(user.name, 0.0, 0)


def require_may_set_presenter(store: Store, user: User, meeting_id: int, target: User) -> None:
    require_visible_meeting(store, user, meeting_id)
    require_a_meeting(store, meeting_id)
    current = store.meeting_state(meeting_id).presenter
    if user.role not in MANAGERS and current != user.name:
        raise ProtocolError(
            ErrorCode.FORBIDDEN, "Only an organizer or the current presenter can hand over."
        )
    if target.role is Role.DISPLAY:
        raise ProtocolError(ErrorCode.FORBIDDEN, "A display account cannot present.")
    if not store.is_member(meeting_id, target):
        raise ProtocolError(
            ErrorCode.NOT_FOUND, f"{target.name} is not invited to this meeting."
        )


def require_may_remove(store: Store, user: User, meeting_id: int, target: User) -> None:
    """Organizers remove people from their meetings; an organizer only an admin removes, and
    the presenter only after handing the role over (the meeting would be left without one)."""
    require_may_manage(store, user, meeting_id)
    if not store.is_member(meeting_id, target):
        raise ProtocolError(ErrorCode.NOT_FOUND, f"{target.name} is not in this meeting.")
    if target.name == user.name:
        raise ProtocolError(ErrorCode.FORBIDDEN, "You cannot remove yourself; leave instead.")
    if target.role in MANAGERS and user.role is not Role.ADMIN:
        raise ProtocolError(ErrorCode.FORBIDDEN, "Only an administrator can remove an organizer.")
    if store.meeting_state(meeting_id).presenter == target.name:
        raise ProtocolError(ErrorCode.CONFLICT,
                            f"{target.name} is presenting: hand the presenter role to someone "
                            "else first.")
