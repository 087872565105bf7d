"""Signing through the real server: the last approval of a three-step route (a 合議 of 2 of 3)
signs the three documents in the background; everyone on the route is told, reads each
signature's state and downloads a signed PDF that pyHanko verifies."""

from __future__ import annotations

import shutil
import time

import pytest
import requests

from server.signing.authority import SigningAuthority
from server.signing.validate import ChangedAfter, validate_signed_pdf
from tests.helpers.approval import (
    LINES,
    add_route_people,
    approval_server,
    changes,
    ok,
    started,
    words_at,
    write_pdf,
)
from tests.helpers.live import login

pytestmark = pytest.mark.slow


@pytest.fixture
def live(tmp_path, seeded_template):
    template, _ = seeded_template
    folder = tmp_path / "template"
    shutil.copytree(template, folder)
    add_route_people(folder)
    SigningAuthority.init(folder, "テスト市役所")
    server = approval_server(tmp_path, folder)
    yield server
    server.stop()


def test_the_last_approval_signs_every_document(live, tmp_path):
    pdfs = [write_pdf(tmp_path / "申請書.pdf", [LINES[:2], LINES[2:]]),
            write_pdf(tmp_path / "見積書.pdf", [["Quotation for 12 desks", "Total 480,000 yen"]]),
            write_pdf(tmp_path / "仕様書.pdf", [["Specification", "Desks of steel, grey"]])]
    paul, chief, a1, a2, director = (live.peer(n) for n in ("paul", "chief", "a1", "a2",
                                                            "director"))
    circulation, container, documents = started(live, paul, pdfs)
    ok(chief.call("meeting:join", {"meeting_id": container}))
    revenue = words_at(pdfs[0], 0, "Revenue rises")
    base = {"meeting_id": container, "document_id": documents[0], "page": 0, "layer": "shared"}
    middle = (revenue.y0 + revenue.y1) / 2
    ok(chief.call("annotation:put", {**base, "id": "check-revenue", "tool": "marker",
                                     "color": "#fbbc04", "width": 12,
                                     "points": [[revenue.x0, middle], [revenue.x1, middle]]}))
    ok(chief.call("annotation:put", {**base, "id": "check-revenue-note", "tool": "text",
                                     "color": "#d93025", "width": 10,
                                     "points": [[revenue.x1 + 8, revenue.y0]],
                                     "text": "2% の根拠は？"}))
    stamp = {"document_id": documents[0], "page": 0,
             "rect": {"x0": 450.0, "y0": 40.0, "x1": 510.0, "y1": 100.0}}
    ok(chief.call("approval:approve", {"id": circulation, "stamp": stamp, "comment": "確認"}))
    ok(a2.call("approval:approve", {"id": circulation}))
    ok(a1.call("approval:approve", {"id": circulation, "comment": "異議なし"}))
    changes(paul, circulation, 4)  # started, and the three approvals so far
    started_at = time.perf_counter()
    done = ok(director.call("approval:approve", {"id": circulation, "comment": "決裁"}))
    assert done["summary"]["status"] == "approved"
    changes(paul, circulation, 2)  # approved, then signed
    took = time.perf_counter() - started_at
    print(f"last approval to the signed PDFs of 3 documents, through the server: {took:.2f} s")
    assert ok(paul.call("approval:open", {"id": circulation}))["signed"]

    states = ok(paul.call("approval:signatures", {"id": circulation}))
    assert [d["document_id"] for d in states] == documents
    for document in states:
        signatures = document["signatures"]
        assert [s["signer"] for s in signatures] == ["Chief 様", "A2 様", "A1 様", "Director 様"]
        assert [s["role"] for s in signatures] == ["課長", "合議", "合議", "部長"]
        assert all(s["valid"] and s["intact"] for s in signatures), signatures
        assert [s["changed_after"] for s in signatures] == ["annotations"] * 3 + [""]

    response = requests.get(
        f"{live.url}/api/approvals/{circulation}/documents/{documents[0]}/signed.pdf",
        headers={"Authorization": f"Bearer {login(live.url, 'a3')}"}, timeout=30)
    assert response.status_code == 200
    downloaded = tmp_path / "signed.pdf"
    downloaded.write_bytes(response.content)
    authority = SigningAuthority.open(live.data_dir)
    checked = validate_signed_pdf(downloaded, authority.trust_roots())
    assert [s.changed_after for s in checked] == [ChangedAfter.ANNOTATIONS] * 3 + [
        ChangedAfter.NOTHING]
    assert all(s.valid for s in checked)
