"""Which line the banner says: offline first, a presenter who left said at once."""

from __future__ import annotations

from dataclasses import replace

from meeting.core.room_state import PresenterWatch, RoomFacts, Standing, standing

FOLLOWING = RoomFacts(online=True, is_presenter=False, presenter="olga",
                      present=frozenset({"olga", "paul"}), has_shared_page=True,
                      off_presenter=False, held=False, has_document=True)


def test_following_browsing_held_presenting():
    assert standing(FOLLOWING) is Standing.FOLLOWING
    assert standing(replace(FOLLOWING, off_presenter=True)) is Standing.BROWSING
    assert standing(replace(FOLLOWING, held=True)) is Standing.HELD
    assert standing(replace(FOLLOWING, is_presenter=True)) is Standing.PRESENTING


def test_offline_replaces_every_other_line():
    for facts in (FOLLOWING, replace(FOLLOWING, off_presenter=True),
                  replace(FOLLOWING, is_presenter=True), replace(FOLLOWING, present=frozenset())):
        assert standing(replace(facts, online=False)) is Standing.OFFLINE


def test_a_presenter_who_left_or_no_presenter_is_said():
    gone = replace(FOLLOWING, present=frozenset({"paul"}))
    assert standing(gone) is Standing.PRESENTER_AWAY
    assert standing(replace(gone, off_presenter=True)) is Standing.PRESENTER_AWAY
    assert standing(replace(FOLLOWING, presenter=None)) is Standing.PRESENTER_AWAY
    assert standing(replace(gone, has_document=False, has_shared_page=False)
                    ) is Standing.NO_MATERIAL


def test_the_presenter_coming_back_is_noticed_once():
    watch = PresenterWatch()
    gone = replace(FOLLOWING, present=frozenset({"paul"}))
    assert not watch.returned(FOLLOWING)
    assert not watch.returned(gone)
    assert not watch.returned(replace(gone, online=False))
    assert watch.returned(FOLLOWING)
    assert not watch.returned(FOLLOWING)


def test_a_presenter_not_yet_come_has_not_left():
    watch = PresenterWatch()
    not_yet = replace(FOLLOWING, present=frozenset({"paul"}))
    watch.returned(not_yet)
    assert not watch.has_left(not_yet)
    watch.returned(FOLLOWING)
    watch.returned(not_yet)
    assert watch.has_left(not_yet)
