"""The signed PDF of a three-step route, checked with pyHanko and read back with PyMuPDF."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pymupdf
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from meeting.core.messages import localize
from server.signing.authority import SigningError
from server.signing.pades import asn1_certificate
from server.signing.produce import produce_signed_pdfs
from server.signing.validate import ChangedAfter, validate_signed_pdf
from tests.helpers.tsa import local_tsa


def test_every_signature_intact_in_order_and_only_annotations_after_each(
        authority, circulation, tmp_path):
    started = time.perf_counter()
    paths = produce_signed_pdfs(authority, circulation, tmp_path / "out")
    took = time.perf_counter() - started
    print(f"last approval to the signed PDFs of 3 documents: {took:.2f} s")
    assert [p.name for p in paths] == [f"{i:02d}-{d.title}.pdf" for i, d in
                                       enumerate(circulation.documents, start=1)]
    for path in paths:
        states = validate_signed_pdf(path, authority.trust_roots())
        assert [s.field for s in states] == ["Approval1", "Approval2", "Approval3"]
        assert [s.signer for s in states] == ["山田 太郎", "佐藤 花子", "鈴木 一郎"]
        assert [s.role for s in states] == ["課長", "合議", "部長（高橋 部長 代理）"]
        assert all(s.valid and s.intact and s.trusted for s in states), states
        assert [s.changed_after for s in states] == [
            ChangedAfter.ANNOTATIONS, ChangedAfter.ANNOTATIONS, ChangedAfter.NOTHING]
        assert [s.certifying for s in states] == [True, False, False]
        times = [s.time for s in states]
        assert times == sorted(times)


def test_pyhanko_itself_sees_annotations_only_and_its_default_policy_would_not(
        authority, circulation, tmp_path):
    """Why `AnnotationAdditionRule` exists: pyHanko's default analysis calls a stamp added
    after a signature an unexplained change (so without the rule every earlier signature
    would read invalid); with it, the level is exactly 'annotations'."""
    from server.signing.diff_policy import ANNOTATIONS_POLICY

    path = produce_signed_pdfs(authority, circulation, tmp_path / "out")[0]
    context = ValidationContext(trust_roots=[asn1_certificate(authority.root_certificate)])
    with path.open("rb") as file:
        first = PdfFileReader(file).embedded_signatures[0]
        ours = validate_pdf_signature(first, context, diff_policy=ANNOTATIONS_POLICY)
        default = validate_pdf_signature(first, context, diff_policy=DEFAULT_DIFF_POLICY)
    assert ours.bottom_line and ours.modification_level is ModificationLevel.ANNOTATIONS
    assert ours.docmdp_ok
    assert not default.bottom_line and default.modification_level is ModificationLevel.OTHER


def test_stamps_comments_and_history_read_back_with_pymupdf(authority, circulation, tmp_path):
    paths = produce_signed_pdfs(authority, circulation, tmp_path / "out")
    with pymupdf.open(paths[0]) as document:
        first = document[0]
        annots = [(a.type[1], a.info["title"], a.info["content"]) for a in first.annots()
                  if a.type[1] != "Widget"]
        stamps = [a for a in annots if a[0] == "Stamp"]
        assert [s[1] for s in stamps] == ["山田 太郎", "佐藤 花子", "鈴木 一郎"]
        assert "承認 鈴木 一郎（高橋 部長 代理） 総務部 部長" in stamps[2][2]
        comments = [a for a in annots if a[0] == "Highlight"]
        assert [c[2] for c in comments] == ["確認 1", "確認 2", "確認 3"]
        placed = next(a for a in first.annots() if a.info["title"] == "佐藤 花子"
                      and a.type[1] == "Stamp")
        assert tuple(round(v) for v in placed.rect) == (300, 400, 360, 460)
        history = document[-1].get_text()
        assert "決裁履歴" in history and "承認します 3" in history and "起案" in history
        assert "承認（第3段）" in history
        attached = json.loads(document.embfile_get("history.json"))
    written = json.loads((tmp_path / "out" / "history.json").read_text(encoding="utf-8"))
    assert attached == written
    assert [e["action"] for e in written["history"]] == ["started", "approved", "approved",
                                                         "approved"]
    assert written["signatures"][2]["on_behalf_of"] == "高橋 部長"
    with pymupdf.open(paths[1]) as document:  # the placed stamp went on document 1 only
        stamps = [a.info["title"] for a in document[0].annots() if a.type[1] == "Stamp"]
        assert stamps == ["山田 太郎", "鈴木 一郎"]


def test_a_tampered_file_is_reported_invalid(authority, circulation, tmp_path):
    path = produce_signed_pdfs(authority, circulation, tmp_path / "out")[0]
    data = bytearray(path.read_bytes())
    at = data.index(b"/MediaBox")  # inside the first signature's byte range
    data[at + 1:at + 2] = b"N"
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(bytes(data))
    states = validate_signed_pdf(forged, authority.trust_roots())
    assert not any(s.valid for s in states)
    assert not any(s.intact for s in states)


def test_content_changed_after_signing_is_not_an_annotation(authority, circulation, tmp_path):
    path = produce_signed_pdfs(authority, circulation, tmp_path / "out")[0]
    with pymupdf.open(path) as document:
        document[0].insert_text((72, 700), "追記された本文", fontname="japan")
        document.saveIncr()
    states = validate_signed_pdf(path, authority.trust_roots())
    assert all(s.intact for s in states)  # the signed bytes are still there…
    assert [s.changed_after for s in states] == [ChangedAfter.OTHER] * 3
    assert not any(s.valid for s in states)  # …but what follows them is not allowed


def test_a_signature_of_another_authority_is_not_trusted(authority, circulation, tmp_path):
    from server.signing.authority import SigningAuthority

    path = produce_signed_pdfs(authority, circulation, tmp_path / "out")[0]
    stranger = SigningAuthority.init(tmp_path / "other", "別の組織")
    states = validate_signed_pdf(path, stranger.trust_roots())
    assert all(s.intact and not s.trusted and not s.valid for s in states)


def test_an_expired_certificate_is_refused_with_a_clear_message(
        authority, circulation, tmp_path):
    long_ago = datetime.now(UTC) - timedelta(days=30)
    authority.issue("kana", "佐藤 花子", "企画課", now=long_ago, days=10)
    out = tmp_path / "out"
    with pytest.raises(SigningError) as raised:
        produce_signed_pdfs(authority, circulation, out)
    message = raised.value.message
    assert "signing certificate of kana expired on" in message
    assert "meeting-server pki renew kana" in message
    assert "有効期限" in localize(message, "ja")
    assert not out.exists()  # nothing was written


def test_a_time_stamping_service_stamps_every_signature(authority, circulation, tmp_path):
    one = replace(circulation, documents=circulation.documents[:1])
    with local_tsa() as tsa:
        stamped = authority.set_tsa(tsa.url, tsa.root_pem)
        path = produce_signed_pdfs(stamped, one, tmp_path / "out")[0]
        assert tsa.requests == 2 * 3  # pyHanko asks once to size the space, once to sign
    states = validate_signed_pdf(path, stamped.trust_roots())
    assert all(s.valid and s.timestamped for s in states), states


def test_keys_are_encrypted_at_rest(authority, circulation, tmp_path):
    produce_signed_pdfs(authority, replace(circulation, documents=circulation.documents[:1]),
                        tmp_path / "out")
    keys = [authority.folder / "root-key.pem", *sorted(authority.folder.glob("users/*.pem"))]
    assert len(keys) == 4  # the root's and three users'
    for key in keys:
        assert b"-----BEGIN ENCRYPTED PRIVATE KEY-----" in key.read_bytes()
        assert b"-----BEGIN PRIVATE KEY-----" not in key.read_bytes()
        assert key.stat().st_mode & 0o077 == 0
    assert authority.passphrase_file.stat().st_mode & 0o077 == 0


def test_a_new_name_gets_a_new_certificate_and_the_same_name_keeps_its_own(
        authority, circulation, tmp_path):
    one = replace(circulation, documents=circulation.documents[:1])
    produce_signed_pdfs(authority, one, tmp_path / "first")
    before = {user: authority.certificate_of(user) for user in ("chief", "kana")}
    renamed = replace(one, approvals=(replace(one.approvals[0], display_name="山田 太郎（新）"),
                                      *one.approvals[1:]))
    path = produce_signed_pdfs(authority, renamed, tmp_path / "second")[0]
    after = {user: authority.certificate_of(user) for user in ("chief", "kana")}
    assert after["chief"] != before["chief"]
    assert after["kana"] == before["kana"]
    assert validate_signed_pdf(path, authority.trust_roots())[0].signer == "山田 太郎（新）"
