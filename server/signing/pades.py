"""One PAdES signature on a PDF with pyHanko: the signer's certificate from the authority,
the role as the signature's reason, the first one certifying with annotations allowed after it.
"""

from __future__ import annotations

import io
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

from server.signing.authority import Credentials

TSA_TIMEOUT = 10
"""Seconds to wait for the time-stamping service before the signing fails (and is retried)."""


def asn1_certificate(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _signer(credentials: Credentials) -> signers.SimpleSigner:
    key = asn1_keys.PrivateKeyInfo.load(credentials.key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))  # in memory only, for this one signature
    return signers.SimpleSigner(
        signing_cert=asn1_certificate(credentials.certificate), signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([asn1_certificate(credentials.root)]))


def sign_step(path: Path, credentials: Credentials, field_name: str, signer_name: str,
              reason: str, location: str, certify: bool, tsa_url: str | None) -> None:
    """Sign the PDF at `path` in place (an incremental update). `certify`: the first
    signature, a certification that allows only annotations (and signatures) after it."""
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, name=signer_name, reason=reason, location=location or None,
        certify=certify, docmdp_permissions=fields.MDPPerm.ANNOTATE,
        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256")
    timestamper = HTTPTimeStamper(tsa_url, timeout=TSA_TIMEOUT) if tsa_url else None
    output = io.BytesIO()
    with path.open("rb") as source:
        writer = IncrementalPdfFileWriter(source, strict=False)
        signers.sign_pdf(writer, meta, _signer(credentials), timestamper=timestamper,
                         output=output)
    temporary = path.with_name(path.name + ".sig")
    temporary.write_bytes(output.getvalue())
    temporary.replace(path)
