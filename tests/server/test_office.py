"""Office uploads converted by the real LibreOffice (Debian's, installed by .ci/run): the PDF
is the document and renders, the original downloads byte for byte, a renamed file is refused,
without LibreOffice the refusal says what to install, a stuck conversion is stopped, and two
uploads convert one after the other."""

from __future__ import annotations

import os
import threading

import pymupdf
import pytest
import requests

from server import office
from server.http_routes import CONTEXT
from tests.helpers.live import login
from tests.helpers.office_files import write_docx, write_odt
from tests.server.test_upload import upload

HAVE_LIBREOFFICE = office.find_soffice() is not None


@pytest.fixture
def libreoffice():
    if not HAVE_LIBREOFFICE:
        message = ("LibreOffice is not installed (Debian: libreoffice-core libreoffice-writer; "
                   ".ci/run installs them)")
        if os.environ.get("MEETING_REQUIRE_LIBREOFFICE") == "1":
            pytest.fail(message)
        pytest.skip(message)


def test_a_word_file_becomes_a_pdf_document_and_keeps_its_original(seeded_server, libreoffice,
                                                                    tmp_path):
    live, seeded = seeded_server
    token = login(live.url, "olga")
    docx = write_docx(tmp_path / "予算資料.docx", ["令和8年度 会議資料", "Budget briefing"])
    answer = upload(live.url, token, seeded.meeting_id, docx.name, docx.read_bytes())
    assert answer.status_code == 201, answer.text
    document = answer.json()["data"]
    assert document["filename"] == "予算資料.pdf"
    assert document["original_filename"] == "予算資料.docx" and document["pages"] == 1

    pdf = requests.get(f"{live.url}/api/documents/{document['sha256']}",
                       headers={"Authorization": f"Bearer {token}"}, timeout=30)
    with pymupdf.open("pdf", pdf.content) as shown:
        text = shown[0].get_text()
        # (LibreOffice spaces Latin digits from Japanese text, as Word does)
        assert "令和8年度会議資料" in text.replace(" ", "") and "Budget briefing" in text
        # Drawn with a font that has Japanese glyphs (a server without one printed boxes; the
        # text layer above was right all the same).
        spans = [span for block in shown[0].get_text("rawdict")["blocks"]
                 for line in block.get("lines", []) for span in line["spans"]]
        japanese = [span["font"] for span in spans
                    if any("\u3040" <= c["c"] <= "\u9fff" for c in span["chars"])]
        assert japanese and not [f for f in japanese if "DejaVu" in f], japanese
    original = requests.get(
        f"{live.url}/api/meetings/{seeded.meeting_id}/documents/{document['id']}/original",
        headers={"Authorization": f"Bearer {login(live.url, 'paul')}"}, timeout=30)
    assert original.status_code == 200 and original.content == docx.read_bytes()
    assert original.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert "%E4%BA%88%E7%AE%97" in original.headers["Content-Disposition"]  # 予算, encoded


def test_opendocument_and_a_renamed_file(seeded_server, libreoffice, tmp_path):
    live, seeded = seeded_server
    token = login(live.url, "olga")
    odt = write_odt(tmp_path / "minutes.odt", ["議事録 / Minutes"])
    answer = upload(live.url, token, seeded.meeting_id, odt.name, odt.read_bytes())
    assert answer.status_code == 201, answer.text
    renamed = upload(live.url, token, seeded.meeting_id, "slides.pptx", b"just some text")
    assert renamed.status_code == 400
    assert "not an Office document" in renamed.json()["error"]["message"]
    docx_as_xlsx = upload(live.url, token, seeded.meeting_id, "sheet.xlsx",
                          write_docx(tmp_path / "x.docx", ["x"]).read_bytes())
    assert docx_as_xlsx.status_code == 400
    context = live.server._runner.app[CONTEXT]
    assert not list(context.blobs.incoming.iterdir())  # nothing half-stored


def test_without_libreoffice_the_refusal_says_what_to_install(seeded_server, tmp_path,
                                                               monkeypatch):
    live, seeded = seeded_server
    # The server looks LibreOffice up on PATH for each upload: a PATH without it is a server
    # without it (no program is faked).
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    docx = write_docx(tmp_path / "a.docx", ["a"])
    answer = upload(live.url, login(live.url, "olga"), seeded.meeting_id, "a.docx",
                    docx.read_bytes())
    assert answer.status_code == 400
    message = answer.json()["error"]["message"]
    assert "LibreOffice is not installed" in message and "libreoffice-writer" in message


def test_a_stuck_conversion_is_stopped_and_two_uploads_convert_in_turn(seeded_server,
                                                                      libreoffice, tmp_path):
    live, seeded = seeded_server
    token = login(live.url, "olga")
    converter = live.server._runner.app[CONTEXT].office
    docx = write_docx(tmp_path / "a.docx", ["一つ目"])
    converter.seconds = 0.05  # no LibreOffice starts this fast
    answer = upload(live.url, token, seeded.meeting_id, "a.docx", docx.read_bytes())
    assert answer.status_code == 400 and "was stopped" in answer.json()["error"]["message"]
    assert converter.last_folder is not None and not converter.last_folder.exists()

    converter.seconds = office.CONVERT_SECONDS
    converter.runs.clear()
    answers = []

    def send(name: str) -> None:
        body = write_docx(tmp_path / name, [name]).read_bytes()
        answers.append(upload(live.url, token, seeded.meeting_id, name, body))

    threads = [threading.Thread(target=send, args=(f"doc-{n}.docx",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert [a.status_code for a in answers] == [201, 201]
    first, second = sorted(converter.runs)
    assert len(converter.runs) == 2 and first[1] <= second[0]  # one at a time


def test_a_document_libreoffice_cannot_open_is_refused(seeded_server, libreoffice, tmp_path):
    """(A case from the Office helper's branch.) Named and zipped as Word, but its text is
    garbage: refused with a reason, nothing stored."""
    import zipfile

    live, seeded = seeded_server
    good = write_docx(tmp_path / "good.docx", ["x"])
    broken = tmp_path / "壊れた.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for name in ("[Content_Types].xml", "_rels/.rels"):
            target.writestr(name, source.read(name))
        target.writestr("word/document.xml", b"<w:document xmlns:w='x'><w:body>" + b"\0\xff" * 9)
    answer = upload(live.url, login(live.url, "olga"), seeded.meeting_id, broken.name,
                    broken.read_bytes())
    assert answer.status_code == 400, answer.text
    assert "could not convert" in answer.json()["error"]["message"]
    assert list((live.data_dir / "documents" / "incoming").iterdir()) == []


def test_a_linked_picture_is_not_fetched_while_converting(seeded_server, libreoffice,
                                                          tmp_path):
    """An uploaded file must not make the server call addresses of its choosing (inside the
    organization): LibreOffice runs without a network. Without that, it fetched the link."""
    import http.server

    from server.office_sandbox import isolation
    from tests.helpers.office_files import write_docx_linking_a_picture

    if isolation() == "none":
        pytest.skip("this system allows no network namespace (unshare)")
    asked = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    inside = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=inside.serve_forever, daemon=True).start()
    try:
        live, seeded = seeded_server
        docx = write_docx_linking_a_picture(
            tmp_path / "linked.docx", f"http://127.0.0.1:{inside.server_port}/internal.png")
        answer = upload(live.url, login(live.url, "olga"), seeded.meeting_id, docx.name,
                        docx.read_bytes())
        assert answer.status_code == 201, answer.text
        assert asked == []
    finally:
        inside.shutdown()
