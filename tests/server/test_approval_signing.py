"""The server's side of signing: an approval whose certificate expired is refused before
anything is stored (in both languages), and `meeting-server approval export` writes the
signed PDFs, signing a circulation approved before the authority existed."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from server.signing.authority import SigningAuthority
from server.signing.validate import validate_signed_pdf
from tests.helpers.approval import (
    LINES,
    approval_server,
    japanese_client,
    ok,
    refused,
    started,
    write_pdf,
)

pytestmark = pytest.mark.slow

ROUTE = [{"members": ["chief"], "label": "課長"}, {"members": ["director"], "label": "部長"}]


@pytest.fixture
def live(tmp_path, approval_template):
    server = approval_server(tmp_path, approval_template)
    yield server
    server.stop()


def test_an_expired_certificate_is_refused_and_nothing_is_stored(live, tmp_path):
    authority = SigningAuthority.init(live.data_dir, "テスト市役所")
    long_ago = datetime.now(UTC) - timedelta(days=400)
    authority.issue("chief", "Chief 様", "総務課", now=long_ago, days=30)
    paul, chief = live.peer("paul"), live.peer("chief")
    circulation, _, _ = started(live, paul, [write_pdf(tmp_path / "a.pdf", [LINES])], ROUTE)
    before = ok(chief.call("approval:open", {"id": circulation}))
    expired = f"{long_ago + timedelta(days=30):%Y-%m-%d}"
    assert refused(chief.call("approval:approve", {"id": circulation}), "forbidden") == (
        f"Your signing certificate expired on {expired}, so nothing was stored: ask the "
        "administrator to renew it.")
    client = japanese_client(live, "chief")
    try:
        message = refused(client.call("approval:approve", {"id": circulation}), "forbidden")
    finally:
        client.disconnect()
    assert message == (f"あなたの署名用証明書は {expired} に有効期限が切れたため、何も保存して"
                       "いません。管理者に更新を依頼してください。")
    after = ok(chief.call("approval:open", {"id": circulation}))
    assert after["history"] == before["history"] and after["summary"]["step"] == 0
    # Sending back signs nothing: it is still possible.
    ok(chief.call("approval:send_back", {"id": circulation, "comment": "証明書の更新待ち"}))


def test_export_signs_what_was_approved_before_the_authority_existed(live, tmp_path):
    paul, chief, director = (live.peer(n) for n in ("paul", "chief", "director"))
    pdfs = [write_pdf(tmp_path / "申請書.pdf", [LINES]),
            write_pdf(tmp_path / "見積書.pdf", [["Quotation for 12 desks"]])]
    circulation, _, documents = started(live, paul, pdfs, ROUTE)
    ok(chief.call("approval:approve", {"id": circulation}))
    done = ok(director.call("approval:approve", {"id": circulation}))
    assert done["summary"]["status"] == "approved" and not done["signed"]

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "server.cli", "--data-dir",
                               str(live.data_dir), *args], capture_output=True, text=True,
                              timeout=120)

    out = tmp_path / "out" / "決裁.pdf"
    out.parent.mkdir()
    refusal = run("approval", "export", str(circulation), str(out))
    assert refusal.returncode == 1 and "pki init" in refusal.stderr
    assert run("pki", "init", "--organization", "テスト市役所").returncode == 0
    exported = run("approval", "export", str(circulation), str(out))
    assert exported.returncode == 0, exported.stderr
    second = out.with_name("決裁-2.pdf")
    history = out.with_suffix(".history.json")
    assert exported.stdout.split() == [str(out), str(second), str(history)]
    roots = SigningAuthority.open(live.data_dir).trust_roots()
    for path in (out, second):
        checked = validate_signed_pdf(path, roots)
        assert len(checked) == 2 and all(s.valid for s in checked)
    saved = json.loads(history.read_text(encoding="utf-8"))
    assert [e["action"] for e in saved["history"]] == ["started", "approved", "approved",
                                                       "signed"]
    assert ok(paul.call("approval:open", {"id": circulation}))["signed"]
    listed = run("approval", "list").stdout.splitlines()
    assert listed[0].split("\t")[:4] == [str(circulation), "備品購入について", "paul",
                                         "approved"]
    assert [d["document_id"] for d in ok(paul.call("approval:signatures",
                                                   {"id": circulation}))] == documents


@pytest.mark.usefixtures("store_kind")  # (on both stores)
def test_a_users_section_and_stamp_name_from_the_command_line(tmp_path):
    from server.context import ServerContext

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "server.cli", "--data-dir",
                               str(tmp_path / "data"), *args], input=stdin,
                              capture_output=True, text=True, timeout=60)

    assert run("user", "add", "kim", "--role", "participant", "--password-stdin",
               "--section", "総務課", "--display-name", "金 課長",
               stdin="correct horse battery staple\n").returncode == 0
    assert run("user", "profile", "kim", "--section", "財政課").returncode == 0
    context = ServerContext.open(tmp_path / "data")
    try:
        assert context.store.profile("kim") == ("金 課長", "財政課")
    finally:
        context.close()
