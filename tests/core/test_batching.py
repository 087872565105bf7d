"""The presenter's client sends fewer, larger batches as the room grows (the server's cost is
per delivery), and never so few that a stroke looks jerky."""

from __future__ import annotations

from meeting.core.ink import batch_interval_ms


def test_batches_grow_with_the_room_within_bounds():
    intervals = [batch_interval_ms(n) for n in (1, 50, 51, 150, 151, 1000)]
    assert intervals == sorted(intervals)
    assert intervals[0] == 25 and intervals[-1] <= 50  # at least 20 batches a second
    assert 200 * 1000 / batch_interval_ms(200) <= 4000  # deliveries a second for 200 people
