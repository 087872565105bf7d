"""Follow the presenter or browse: the decisions the viewer window delegates to the core."""

from __future__ import annotations

from meeting.core.following import FollowModel, Position
from meeting.core.sync import MeetingSync, MeetingView
from tests.core.test_sync import doc, snapshot, state


def model_for(user: str, page: int = 0) -> tuple[FollowModel, MeetingSync]:
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(1, page=page))
    model = FollowModel(user)
    model.update(sync.view)
    return model, sync


def test_participant_follows_the_presenter():
    model, sync = model_for("paul", page=2)
    assert model.following and model.shown == Position(1, 2)
    sync.apply(state(2, page=3))
    model.update(sync.view)
    assert model.shown == Position(1, 3) and not model.off_presenter


def test_participant_turning_a_page_starts_browsing_and_can_come_back():
    model, sync = model_for("paul", page=2)
    assert model.go_to(model.step(+1)) is None  # nothing is sent for a participant
    assert not model.following and model.off_presenter
    assert model.shown == Position(1, 3)
    sync.apply(state(2, page=0))
    model.update(sync.view)
    assert model.shown == Position(1, 3)  # stays where they browse
    model.follow_presenter()
    assert model.shown == Position(1, 0) and not model.off_presenter


def test_presenter_turn_is_shown_at_once_and_sent():
    model, sync = model_for("olga", page=0)
    assert model.is_presenter
    assert model.go_to(Position(1, 1)) == Position(1, 1)
    assert model.shown == Position(1, 1)  # before the server's echo
    sync.apply(state(2, page=1))
    model.update(sync.view)
    assert model.shown == Position(1, 1) and not model.off_presenter


def test_positions_are_clamped_to_the_document():
    model, _ = model_for("olga", page=0)
    assert model.step(-1) == Position(1, 0)
    assert model.go_to(Position(1, 99)) == Position(1, 4)
    assert model.go_to(Position(42, 0)) is None


def test_new_presenter_starts_from_the_rooms_page():
    model, sync = model_for("paul", page=2)
    model.go_to(Position(1, 4))
    sync.apply(state(2, page=2, presenter="paul"))
    model.update(sync.view)
    assert model.is_presenter and model.shown == Position(1, 2)


def test_no_presenter_page_shows_first_document():
    sync = MeetingSync(7)
    snap = snapshot(1).model_copy(update={"state": state(1, document_id=None, presenter=None),
                                          "documents": (doc(3),)})
    sync.apply_snapshot(snap)
    model = FollowModel("paul")
    model.update(sync.view)
    assert model.shown == Position(3, 0) and not model.off_presenter


def make_view(presenter: str, document_id: int, page: int, **room) -> MeetingView:
    base = snapshot(1, page=page)
    room_state = base.state.model_copy(update={"presenter": presenter,
                                               "document_id": document_id, **room})
    return MeetingView(base.model_copy(update={"state": room_state}))


def test_a_held_follower_cannot_browse_until_released():
    view = make_view(presenter="olga", document_id=1, page=2)
    model = FollowModel("paul")
    model.update(view)
    model.go_to(Position(1, 4))
    assert model.shown == Position(1, 4) and not model.following
    held = make_view(presenter="olga", document_id=1, page=2, locked=True)
    model.update(held)
    assert model.held and model.following and model.shown == Position(1, 2)
    assert model.go_to(Position(1, 4)) is None and model.shown == Position(1, 2)
    model.update(make_view(presenter="olga", document_id=1, page=2))  # released
    model.go_to(Position(1, 3))
    assert model.shown == Position(1, 3)


def test_followers_see_the_rooms_zoom_only_on_the_rooms_page():
    zoomed = make_view(presenter="olga", document_id=1, page=2, zoom=(10, 20, 110, 90))
    follower, presenter = FollowModel("paul"), FollowModel("olga")
    for model in (follower, presenter):
        model.update(zoomed)
    assert follower.zoom == (10, 20, 110, 90)
    assert presenter.zoom is None  # the presenter zooms their own view themselves
    follower.go_to(Position(1, 3))
    assert follower.zoom is None
