"""A revised document keeps its marks: on the real server, with PDFs the test writes itself."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import requests

from tests.helpers.live import login
from tests.server.test_annotations import begin, drain, joined

LINES = ["Budget overview for the fiscal year", "Revenue rises two percent",
         "Prefectural debt falls again", "Childcare support widened to all towns"]


def write_pdf(path: Path, pages: list[list[str]], top: float = 100) -> Path:
    document = pymupdf.open()
    for lines in pages:
        page = document.new_page(width=595, height=842)
        for index, text in enumerate(lines):
            page.insert_text((72, top + 30 * index), text, fontsize=12)
    document.save(path)
    document.close()
    return path


def upload(live, meeting_id: int, path: Path) -> dict:
    response = requests.post(f"{live.url}/api/meetings/{meeting_id}/documents",
                             params={"filename": path.name}, data=path.read_bytes(),
                             headers={"Authorization": f"Bearer {login(live.url, 'olga')}"},
                             timeout=60)
    return response.json()["data"]


def revise(live, meeting_id: int, document_id: int, path: Path, who: str = "olga"):
    return requests.post(
        f"{live.url}/api/meetings/{meeting_id}/documents/{document_id}/revision",
        params={"filename": path.name}, data=path.read_bytes(),
        headers={"Authorization": f"Bearer {login(live.url, who)}"}, timeout=60)


def words_at(path: Path, page: int, text: str) -> pymupdf.Rect:
    with pymupdf.open(path) as document:
        return document[page].search_for(text)[0]


def test_marks_follow_their_words_into_the_revised_version(seeded_server, tmp_path):
    live, seeded = seeded_server
    m = seeded.meeting_id
    original = write_pdf(tmp_path / "report.pdf", [LINES[:2], LINES[2:], ["Closing remarks"]])
    document = upload(live, m, original)
    olga, paul, pia = joined(live, seeded, "olga", "paul", "pia")
    d = document["id"]
    assert olga.call("page:set", {"meeting_id": m, "document_id": d, "page": 1})["ok"]

    # Shared: a highlight over "Revenue rises" on page 1; a mark on page 2's "debt";
    # paul's private note on the last page, which the revision removes.
    revenue = words_at(original, 0, "Revenue rises")
    debt = words_at(original, 1, "debt")
    on_revenue, _ = begin(olga, m, d, points=[(revenue.x0, revenue.y1), (revenue.x1, revenue.y1)])
    on_debt, _ = begin(olga, m, d, page=1, points=[(debt.x0, debt.y1), (debt.x1, debt.y1)])
    private, _ = begin(paul, m, d, page=2, layer="private", points=[(72, 90), (160, 90)])
    olgas, _ = begin(olga, m, d, page=2, layer="private", points=[(72, 95), (160, 95)])
    for stroke in (on_revenue, on_debt):
        olga.call("annotation:end", {"meeting_id": m, "id": stroke, "count": 2})

    # The correction: a new first page, a line inserted above "Revenue", the last page gone.
    revised = write_pdf(tmp_path / "report-v2.pdf", [
        ["Errata: figures corrected on 12 March"],
        [LINES[0], "A sentence added in the correction round", LINES[1]],
        LINES[2:]])
    response = revise(live, m, d, revised)
    assert response.status_code == 200, response.text
    result = response.json()["data"]
    # olga hears of the room's marks and of her own note, never of paul's (ids or count)
    assert result["placed"] == 2 and result["unplaced"] == [olgas]
    assert result["document"]["pages"] == 3 and result["document"]["id"] == d

    for peer in (paul, pia):
        (notice,) = drain(peer, 1, "document:revised")
        assert notice["document"]["sha256"] == result["document"]["sha256"]
        assert notice["placed"] == 2 and notice["unplaced"] == 0  # the room's marks only
    snapshot = paul.call("meeting:snapshot", {"meeting_id": m})["data"]
    assert snapshot["state"]["page"] == 2  # the room stays on "its" page, now page 3
    marks = {a["id"]: a for a in snapshot["annotations"] if a["document_id"] == d}
    new_revenue = words_at(revised, 1, "Revenue rises")
    assert marks[on_revenue]["page"] == 1
    (x, y) = marks[on_revenue]["points"][0]
    assert abs(x - new_revenue.x0) < 0.5 and abs(y - new_revenue.y1) < 0.5  # moved with them
    assert abs(new_revenue.y1 - revenue.y1) > 20  # (and they did move)
    assert marks[on_debt]["page"] == 2 and marks[on_debt]["points"] == [
        [debt.x0, debt.y1], [debt.x1, debt.y1]]  # unchanged page: not moved at all
    assert marks[private]["unplaced"] and "page" in marks[private]["unplaced"]
    # Only paul learns of his note; pia never sees it, placed or not.
    assert private not in {a["id"] for a in pia.call(
        "meeting:snapshot", {"meeting_id": m})["data"]["annotations"]}

    live.restart()  # and all of it is kept
    again = live.peer("paul").call("meeting:join", {"meeting_id": m})["data"]
    assert {a["id"]: a for a in again["annotations"] if a["document_id"] == d} == marks


def test_only_organizers_revise_and_bad_files_change_nothing(seeded_server, tmp_path):
    live, seeded = seeded_server
    m, d = seeded.meeting_id, seeded.documents[0]
    good = write_pdf(tmp_path / "v2.pdf", [LINES])
    assert revise(live, m, d, good, who="paul").json()["error"]["code"] == "forbidden"
    assert revise(live, m, 999, good).json()["error"]["code"] == "not_found"
    broken = tmp_path / "not.pdf"
    broken.write_bytes(b"this is not a pdf")
    before = live.peer("pia").call("meeting:join", {"meeting_id": m})["data"]
    response = revise(live, m, d, broken)
    assert response.status_code == 400 and response.json()["error"]["code"] == "bad_document"
    after = live.peer("pia").call("meeting:join", {"meeting_id": m})["data"]
    presence = {"people": None, "presence_version": None}  # (pia joined twice)
    assert {**after, **presence} == {**before, **presence}
