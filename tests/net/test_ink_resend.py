"""After a lost batch, the stroke outbox resends from the point the server says it holds (the
`count` field of its `conflict` answer), against the real server, over a link that loses one
reply and one message."""

from __future__ import annotations

from meeting.core.annotations import Layer, StrokePoints, Tool
from meeting.core.ink import InkOutbox


def test_a_lost_batch_is_resent_from_the_servers_count(seeded_server):
    live, seeded = seeded_server
    olga = live.peer("olga")
    olga.call("meeting:join", {"meeting_id": seeded.meeting_id})
    fates = iter(["reply lost", "message lost"])  # then everything arrives
    offsets: list[int] = []

    def lossy_link(message, on_reply) -> None:
        fate = next(fates, "delivered")
        if fate == "message lost":
            return
        reply = olga.call(str(message.event), message.payload())
        if isinstance(message, StrokePoints):
            offsets.append(message.offset)
        if fate == "delivered":
            on_reply(reply)

    outbox = InkOutbox(seeded.meeting_id, lossy_link)
    stroke = outbox.start(document_id=seeded.documents[0], page=0, layer=Layer.SHARED,
                          tool=Tool.PEN, color="#1a73e8", width=2, point=(0, 0))
    for x in (1, 2):
        outbox.add_point(stroke.id, (x, x))
    outbox.flush()  # points 1-2: lost on the way
    outbox.add_point(stroke.id, (3, 3))
    outbox.flush()  # point 3: "conflict, count 1"; points 1-3 again
    outbox.finish(stroke.id)

    assert offsets == [3, 1]  # (not from 0: the server holds the first point)
    assert outbox.in_flight() == []
    marks = olga.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]["annotations"]
    assert [m["points"] for m in marks if m["id"] == stroke.id] == [
        [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]]
