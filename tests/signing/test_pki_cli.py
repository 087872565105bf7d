"""`meeting-server pki …`: init (once), show, time-stamping, renew, validate."""

from __future__ import annotations

import pytest

from server.cli import main
from server.signing.authority import SigningAuthority, SigningError
from server.signing.produce import produce_signed_pdfs


def test_init_once_then_renew_and_validate(tmp_path, capsys, circulation):
    data = tmp_path / "data"
    secret = tmp_path / "secrets" / "pki-passphrase"
    secret.parent.mkdir()
    secret.write_text("a passphrase kept apart from the data\n")
    assert main(["--data-dir", str(data), "pki", "init", "--organization", "テスト市役所",
                 "--passphrase-file", str(secret)]) == 0
    assert "organization\tテスト市役所" in capsys.readouterr().out
    assert not (data / "pki" / "passphrase").exists()  # the secret stays where it was put
    assert main(["--data-dir", str(data), "pki", "init", "--organization", "X"]) == 1
    assert "already exists" in capsys.readouterr().err

    authority = SigningAuthority.open(data)
    assert authority.passphrase_file == secret
    paths = produce_signed_pdfs(authority, circulation, tmp_path / "out")
    assert main(["--data-dir", str(data), "pki", "validate", str(paths[0])]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:3] for line in lines] == [
        ["Approval1", "valid", "山田 太郎"], ["Approval2", "valid", "佐藤 花子"],
        ["Approval3", "valid", "鈴木 一郎"]]

    before = authority.certificate_of("kana")
    assert main(["--data-dir", str(data), "pki", "renew", "kana"]) == 0
    after = authority.certificate_of("kana")
    assert before is not None and after is not None
    assert after.serial_number != before.serial_number and after.subject == before.subject

    assert main(["--data-dir", str(data), "pki", "tsa", "http://127.0.0.1:9/tsa"]) == 0
    assert SigningAuthority.open(data).tsa_url == "http://127.0.0.1:9/tsa"
    assert main(["--data-dir", str(data), "pki", "tsa", "--remove"]) == 0
    assert SigningAuthority.open(data).tsa_url is None


def test_without_an_authority_it_says_how_to_make_one(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "pki", "show"]) == 1
    assert "meeting-server pki init" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["../root", ".hidden", "a/b"])
def test_a_user_name_cannot_reach_outside_the_users_folder(authority, name):
    with pytest.raises(SigningError, match="is not a user name"):
        authority.issue(name, "x", "")
