"""The signed PDF in a standard reader's engine: Poppler (Evince, Okular, pdfsig) verifies each
signature and, with the organization's root trusted, trusts the signer."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from server.signing.produce import produce_signed_pdfs

pytestmark = pytest.mark.slow


@pytest.fixture
def poppler():
    if not (shutil.which("pdfsig") and shutil.which("certutil")):
        message = ("Poppler's pdfsig or NSS's certutil is not installed (Debian: poppler-utils "
                   "libnss3-tools; .ci/run installs them)")
        if os.environ.get("MEETING_REQUIRE_POPPLER") == "1":
            pytest.fail(message)
        pytest.skip(message)


def pdfsig(path, nss) -> list[str]:
    done = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(path)], capture_output=True,
                          text=True, timeout=60, check=False)
    return [line.strip() for line in done.stdout.splitlines()]


def test_poppler_verifies_and_trusts_every_signature(poppler, authority, circulation, tmp_path):
    path = produce_signed_pdfs(authority, circulation, tmp_path / "out")[0]
    nss = tmp_path / "nss"
    nss.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True,
                   timeout=60)
    subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "organization", "-t", "C,C,C",
                    "-i", str(authority.folder / "root.pem")], check=True, timeout=60)
    lines = pdfsig(path, nss)
    assert [line for line in lines if line.startswith("- Signature Field Name")] == [
        "- Signature Field Name: Approval1", "- Signature Field Name: Approval2",
        "- Signature Field Name: Approval3"]
    assert lines.count("- Signature Validation: Signature is Valid.") == 3
    assert lines.count("- Certificate Validation: Certificate is Trusted.") == 3
    assert "- Signer Certificate Common Name: 鈴木 一郎" in lines

    forged = tmp_path / "forged.pdf"
    data = bytearray(path.read_bytes())
    at = data.index(b"/MediaBox")
    data[at + 1:at + 2] = b"N"
    forged.write_bytes(bytes(data))
    assert "- Signature Validation: Signature is Valid." not in pdfsig(forged, nss)
