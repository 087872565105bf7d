"""The presenter turns the room's pages on the large monitor itself; nobody else can."""

from __future__ import annotations

from meeting.core.display_control import click_step, display_turn
from meeting.core.following import Position
from meeting.core.sync import MeetingSync
from tests.core.test_sync import snapshot, state


def view_at(page: int):
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3, page=page))  # document 1 has 5 pages, olga presents
    return sync.view


def test_the_presenter_turns_within_the_document():
    assert display_turn(view_at(0), "olga", +1) == Position(1, 1)
    assert display_turn(view_at(2), "olga", -1) == Position(1, 1)
    assert display_turn(view_at(0), "olga", -1) is None  # already on the first page
    assert display_turn(view_at(4), "olga", +1) is None


def test_nobody_else_turns_and_no_page_no_turn():
    assert display_turn(view_at(0), "paul", +1) is None
    assert display_turn(None, "olga", +1) is None
    sync = MeetingSync(7)
    sync.apply_snapshot(snapshot(3).model_copy(update={"state": state(3, document_id=None)}))
    assert display_turn(sync.view, "olga", +1) is None


def test_a_click_on_the_left_third_goes_back():
    assert click_step(0.1) == -1
    assert click_step(0.5) == +1 and click_step(0.95) == +1
