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


def test_nothing_of_a_stroke_goes_between_a_disconnect_and_the_rejoins_answer(seeded_server):
    """The link drops while a stroke is drawn, and the drawing goes on. The next connection
    knows nothing of the old one: a batch sent on it before the rejoin is answered (and the
    stroke begun again) would find no stroke and the stroke would be dropped. So the outbox
    sends nothing until `reconnected`, then the whole stroke."""
    live, seeded = seeded_server
    olga = live.peer("olga")
    olga.call("meeting:join", {"meeting_id": seeded.meeting_id})
    sent: list[str] = []
    link_up = True

    def link(message, on_reply) -> None:
        sent.append(str(message.event))
        if link_up:
            on_reply(olga.call(str(message.event), message.payload()))
        # (down: lost on the way, no answer, as on a dead socket)

    outbox = InkOutbox(seeded.meeting_id, link)
    stroke = outbox.start(document_id=seeded.documents[0], page=0, layer=Layer.SHARED,
                          tool=Tool.PEN, color="#1a73e8", width=2, point=(0, 0))
    outbox.add_point(stroke.id, (1, 1))
    outbox.flush()
    link_up = False
    outbox.add_point(stroke.id, (2, 2))
    outbox.flush()  # (into the dead socket, before the drop is noticed)
    outbox.disconnected()
    before = len(sent)
    for x in range(3, 30):
        outbox.add_point(stroke.id, (x, x))
        outbox.flush()
    outbox.finish(stroke.id)
    assert len(sent) == before  # drawn, not sent

    link_up = True  # (a new connection: the session rejoined, and the join was answered)
    outbox.reconnected()
    assert sent[before] == "annotation:begin" and sent[-1] == "annotation:end"
    assert outbox.in_flight() == []
    marks = olga.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]["annotations"]
    [mark] = [m for m in marks if m["id"] == stroke.id]
    assert mark["complete"] and mark["points"] == [[float(x), float(x)] for x in range(30)]
