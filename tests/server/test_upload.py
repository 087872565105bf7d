"""Adding material: every upload checked, what cannot be shown refused, the rest announced."""

from __future__ import annotations

import hashlib

import pytest
import requests

from tests.helpers.live import login

REFUSED = {
    "pdfjs__poppler-85140-0.pdf": "damaged",
    "pdfjs__Pages-tree-refs.pdf": "damaged",
    "pdfjs__bug1020226.pdf": "no pages",
    "pdfjs__issue3371.pdf": "password",
    "pypdf__libreoffice-writer-password.pdf": "password",
}


def upload(url: str, token: str, meeting_id: int, name: str, body: bytes) -> requests.Response:
    return requests.post(
        f"{url}/api/meetings/{meeting_id}/documents", params={"filename": name}, data=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/pdf"},
        timeout=60,
    )


def test_every_corpus_file_is_accepted_or_clearly_refused(seeded_server, corpus):
    live, seeded = seeded_server
    token = login(live.url, "olga")
    follower = live.peer("paul")
    start = follower.call("meeting:join", {"meeting_id": seeded.meeting_id})["data"]
    seq = start["state"]["seq"]
    accepted = []
    for pdf in sorted(corpus.glob("*.pdf")):
        response = upload(live.url, token, seeded.meeting_id, pdf.name, pdf.read_bytes())
        if pdf.name in REFUSED:
            assert response.status_code == 400, pdf.name
            error = response.json()["error"]
            assert error["code"] == "bad_document"
            assert REFUSED[pdf.name] in error["message"], error
            continue
        assert response.status_code == 201, (pdf.name, response.text)
        document = response.json()["data"]
        assert document["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
        assert document["filename"] == pdf.name
        accepted.append(document)
        event, data = follower.next_event()
        seq += 1
        assert event == "document:added"
        assert data["seq"] == seq and data["document"] == document
    assert len(accepted) == len(list(corpus.glob("*.pdf"))) - len(REFUSED)
    # Nothing half-stored: no incoming leftovers; the meeting lists exactly what was accepted.
    assert list((live.data_dir / "documents" / "incoming").iterdir()) == []
    after = follower.call("meeting:snapshot", {"meeting_id": seeded.meeting_id})["data"]
    assert after["documents"][len(start["documents"]):] == accepted
    assert requests.get(f"{live.url}/health", timeout=5).status_code == 200


def test_uploaded_document_downloads_by_hash(seeded_server, sample_pdfs):
    live, seeded = seeded_server
    token = login(live.url, "olga")
    body = sample_pdfs[0].read_bytes()
    document = upload(live.url, token, seeded.meeting_id, "again.pdf", body).json()["data"]
    response = requests.get(f"{live.url}/api/documents/{document['sha256']}", timeout=10,
                            headers={"Authorization": f"Bearer {login(live.url, 'paul')}"})
    assert response.status_code == 200
    assert response.content == body
    assert response.headers["Content-Type"] == "application/pdf"


@pytest.mark.parametrize(
    ("user", "status", "code"), [("paul", 403, "forbidden"), ("otto", 404, "not_found")]
)
def test_only_organizers_of_the_meeting_add_material(seeded_server, sample_pdfs, user, status,
                                                      code):
    live, seeded = seeded_server
    response = upload(live.url, login(live.url, user), seeded.meeting_id, "x.pdf",
                      sample_pdfs[0].read_bytes())
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_not_a_pdf_is_refused(seeded_server):
    live, seeded = seeded_server
    response = upload(live.url, login(live.url, "olga"), seeded.meeting_id, "notes.txt",
                      "議事録のメモ".encode())
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "The file is not a PDF document."


def test_path_in_filename_is_dropped(seeded_server, sample_pdfs):
    live, seeded = seeded_server
    response = upload(live.url, login(live.url, "olga"), seeded.meeting_id,
                      "../../etc/資料.pdf", sample_pdfs[0].read_bytes())
    assert response.json()["data"]["filename"] == "資料.pdf"


def test_title_from_request_else_pdf_metadata_else_filename(seeded_server, sample_pdfs, tmp_path):
    import pymupdf

    live, seeded = seeded_server
    token = login(live.url, "olga")
    body = sample_pdfs[0].read_bytes()
    given = requests.post(
        f"{live.url}/api/meetings/{seeded.meeting_id}/documents",
        params={"filename": "a.pdf", "title": "第2回 資料"}, data=body, timeout=30,
        headers={"Authorization": f"Bearer {token}"})
    assert given.json()["data"]["title"] == "第2回 資料"
    from_metadata = upload(live.url, token, seeded.meeting_id, "a.pdf", body)
    assert from_metadata.json()["data"]["title"] == pymupdf.open(sample_pdfs[0]).metadata["title"]
    untitled = pymupdf.open()
    untitled.new_page()
    from_name = upload(live.url, token, seeded.meeting_id, "議事録.pdf", untitled.tobytes())
    assert from_name.json()["data"]["title"] == "議事録"
