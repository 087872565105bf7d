"""The second pane: follow the presenter's second document, or open and browse your own."""

from __future__ import annotations

from meeting.core.beside import BesideModel
from meeting.core.following import Position
from meeting.core.protocol import MeetingSummary, PagePosition, Snapshot
from meeting.core.sync import MeetingSync
from tests.core.test_sync import doc, state


def meeting(user: str, beside: tuple[int, int] | None = None) -> tuple[BesideModel, MeetingSync]:
    sync = MeetingSync(7)
    sync.apply_snapshot(Snapshot(
        meeting=MeetingSummary(id=7, title="m", documents=2, presenter="olga"),
        state=shows(1, beside), documents=(doc(1), doc(2, pages=8)), members=()))
    model = BesideModel(user)
    model.update(sync.view)
    return model, sync


def shows(seq: int, beside: tuple[int, int] | None, locked: bool = False,
          presenter: str = "olga"):
    return state(seq, presenter=presenter).model_copy(update={
        "beside": PagePosition(document_id=beside[0], page=beside[1]) if beside else None,
        "locked": locked})


def change(model: BesideModel, sync: MeetingSync, new_state) -> None:
    sync.apply(new_state)
    model.update(sync.view)


def test_a_follower_shows_the_presenters_second_document_while_it_is_open():
    model, sync = meeting("paul")
    assert model.shown is None  # closed: the presenter shows one document
    change(model, sync, shows(2, (2, 3)))
    assert model.shown == Position(2, 3) and not model.off_presenter
    change(model, sync, shows(3, None))
    assert model.shown is None


def test_a_participant_browses_beside_on_their_own_and_comes_back():
    model, sync = meeting("paul", beside=(2, 3))
    assert model.go_to(model.step(+2)) == (False, None)  # nothing goes to the server
    assert model.shown == Position(2, 5) and model.off_presenter
    change(model, sync, shows(2, (2, 4)))
    assert model.shown == Position(2, 5)
    model.follow_presenter()
    assert model.shown == Position(2, 4)
    model.go_to(None)  # closed it: the presenter's stays closed for them until they come back
    assert model.shown is None and model.off_presenter


def test_a_participant_may_open_one_when_the_presenter_shows_none():
    model, _ = meeting("paul")
    model.go_to(Position(2, 99))
    assert model.shown == Position(2, 7) and not model.off_presenter


def test_the_presenter_opens_turns_and_closes_it_for_the_room():
    model, sync = meeting("olga")
    assert model.go_to(Position(2, 1)) == (True, Position(2, 1))
    assert model.shown == Position(2, 1)  # at once, before the echo
    change(model, sync, shows(2, (2, 1)))
    assert model.go_to(Position(2, 1)) == (False, Position(2, 1))  # no change, nothing sent
    assert model.go_to(None) == (True, None)
    assert model.shown is None
    assert model.go_to(Position(42, 0)) == (False, None)  # no such document


def test_held_followers_follow_the_second_pane_too():
    model, sync = meeting("paul", beside=(2, 3))
    model.go_to(Position(1, 0))
    change(model, sync, shows(2, (2, 3), locked=True))
    assert model.shown == Position(2, 3)
    assert model.go_to(Position(2, 0)) == (False, None) and model.shown == Position(2, 3)


def test_a_new_presenter_takes_over_the_rooms_second_pane():
    model, sync = meeting("paul", beside=(2, 3))
    model.go_to(Position(1, 2))
    change(model, sync, shows(2, (2, 3), presenter="paul"))
    assert model.is_presenter and model.shown == Position(2, 3)
