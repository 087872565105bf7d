"""Each signature of a signed PDF, as the app shows it: valid or not, who, as what, when, and
what changed in the file after it (nothing, only later signatures, annotations, or more)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from cryptography import x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from server.signing.authority import SigningAuthority
from server.signing.diff_policy import ANNOTATIONS_POLICY
from server.signing.pades import asn1_certificate


class ChangedAfter(StrEnum):
    NOTHING = "nothing"
    """The file ends with this signature."""
    SIGNATURES = "signatures"
    """Only later signatures (and their fields) were added."""
    ANNOTATIONS = "annotations"
    """Later annotations (stamps, comments) and signatures: what a certification allows."""
    OTHER = "other"
    """Anything else: content, pages or fonts changed after signing."""


@dataclass(frozen=True)
class SignatureState:
    field: str
    valid: bool
    """Intact, made by a certificate of the trusted authority, and nothing changed after it
    that its document's certification forbids."""
    intact: bool
    """The signed bytes are unchanged."""
    trusted: bool
    """The signer's certificate chains to a trusted root and was valid when it signed."""
    signer: str
    """The certificate's holder (its common name)."""
    role: str
    """The signature's reason: what the signer signed as."""
    time: datetime | None
    """The time-stamping service's time when there is one, else the signer's clock."""
    timestamped: bool
    changed_after: ChangedAfter
    certifying: bool
    """The first signature: it certifies the document (annotations allowed after it)."""


_LEVELS = {ModificationLevel.NONE: ChangedAfter.NOTHING,
           ModificationLevel.LTA_UPDATES: ChangedAfter.SIGNATURES,
           ModificationLevel.FORM_FILLING: ChangedAfter.SIGNATURES,
           ModificationLevel.ANNOTATIONS: ChangedAfter.ANNOTATIONS}


def validate_signed_pdf(path: Path, trust_roots: Sequence[x509.Certificate] = ()
                        ) -> list[SignatureState]:
    """Every signature of the PDF in signing order, checked against `trust_roots` (the
    organization's root: `SigningAuthority.root_certificate`)."""
    context = ValidationContext(trust_roots=[asn1_certificate(c) for c in trust_roots],
                                allow_fetching=False)
    states = []
    with path.open("rb") as file:
        reader = PdfFileReader(file, strict=False)
        for signature in reader.embedded_signatures:
            status = validate_pdf_signature(signature, context, diff_policy=ANNOTATIONS_POLICY)
            level = status.modification_level
            changed = _LEVELS.get(level, ChangedAfter.OTHER) if level else ChangedAfter.OTHER
            timestamp = status.timestamp_validity
            states.append(SignatureState(
                field=signature.field_name,
                valid=bool(status.bottom_line),
                intact=bool(status.intact),
                trusted=bool(status.trusted),
                signer=_common_name(status.signing_cert),
                role=str(signature.sig_object.get("/Reason", "")),
                time=timestamp.timestamp if timestamp else status.signer_reported_dt,
                timestamped=timestamp is not None,
                changed_after=changed,
                certifying=signature.docmdp_level is not None,
            ))
    return states


def _common_name(certificate) -> str:
    try:
        return str(certificate.subject.native.get("common_name", ""))
    except (AttributeError, ValueError):
        return ""


def signature_states(authority: SigningAuthority, documents: Sequence[tuple[int, Path]]
                     ) -> list[tuple[int, list[SignatureState]]]:
    """Each signed document's signatures, checked against the authority's roots; a document
    with no signed file yet is left out."""
    roots = authority.trust_roots()
    return [(document_id, validate_signed_pdf(path, roots))
            for document_id, path in documents if path.exists()]
