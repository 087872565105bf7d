"""Tab goes as one reads: rows from the top, left to right in a row."""

from meeting.core.reading_order import reading_order


def test_toolbars_then_the_side_panel_and_the_page_beside_it():
    boxes = [
        (300, 0, 40, 36),     # 0: second button of the top bar
        (0, 0, 40, 36),       # 1: first button of the top bar
        (0, 40, 60, 30),      # 2: the ink bar under it (a shorter button)
        (900, 90, 300, 700),  # 3: the side panel, right
        (0, 92, 880, 690),    # 4: the page, a little lower but the same row
        (0, 790, 1200, 10),   # 5: the thumbnails
    ]
    assert reading_order(boxes) == [1, 0, 2, 4, 3, 5]


def test_nothing_to_order_and_one_box():
    assert reading_order([]) == []
    assert reading_order([(5, 5, 1, 1)]) == [0]
