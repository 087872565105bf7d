"""The organization's signing authority: a root certificate the server keeps, and each user's
signing certificate, issued by it the first time that user's approval is signed.

Everything lives in the data folder's `pki/`:

    pki/authority.json           organization, where the passphrase is, the TSA (not secret)
    pki/root.pem                 the root certificate (give it to PDF readers to trust)
    pki/root-key.pem             its private key, PKCS#8 encrypted with the passphrase
    pki/users/NAME.pem           NAME's certificate, then their key encrypted the same way
    pki/passphrase               the passphrase (0600), unless `--passphrase-file` put it elsewhere

Keys are decrypted only in memory, in the signing worker, for the signature that needs them;
they never leave the server and are never written in the clear. The passphrase decides how
much that protects: kept beside the keys (the default) it protects a copy of the keys taken
without it (a backup of `pki/*.pem`); kept outside the data folder (`--passphrase-file` on a
secrets mount) a copy of the whole data folder is not enough either. See docs/signing.md.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from meeting.core.schema import ErrorCode, ProtocolError

PKI_FOLDER = "pki"
ROOT_YEARS = 20
USER_YEARS = 3
CURVE = ec.SECP256R1()
"""ECDSA P-256 with SHA-256: what PAdES baseline and every current PDF reader accept."""


class SigningError(ProtocolError):
    """Signing cannot go ahead (no authority, an expired certificate…): nothing is signed."""

    def __init__(self, message: str) -> None:
        super().__init__(ErrorCode.CONFLICT, message)


@dataclass(frozen=True)
class Credentials:
    """One signer's certificate and key (decrypted, in memory only) with the chain above it."""

    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey
    root: x509.Certificate


@dataclass(frozen=True)
class SigningAuthority:
    """The authority's files and settings; plain data, so it crosses into the signing worker.

    The passphrase is read from its file when a key is needed, not held here."""

    folder: Path
    organization: str
    passphrase_file: Path
    tsa_url: str | None = None
    """An RFC 3161 time-stamping service; None: signatures carry the server's clock only."""

    # ---- creating and opening

    @classmethod
    def init(cls, data_dir: Path, organization: str, passphrase_file: Path | None = None,
             tsa_url: str | None = None, now: datetime | None = None) -> SigningAuthority:
        """Create the root certificate and its key (`meeting-server pki init`)."""
        folder = Path(data_dir) / PKI_FOLDER
        if (folder / "root.pem").exists():
            raise SigningError(f"A signing authority already exists in {folder}.")
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if passphrase_file is None:
            passphrase_file = folder / "passphrase"
            _write_private(passphrase_file, secrets.token_urlsafe(32).encode() + b"\n")
        authority = cls(folder, organization, Path(passphrase_file).absolute(), tsa_url)
        passphrase = authority._passphrase()
        now = now or datetime.now(UTC)
        key = ec.generate_private_key(CURVE)
        name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
                          x509.NameAttribute(NameOID.COMMON_NAME,
                                             f"{organization} signing authority")])
        root = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(now - timedelta(minutes=5))
                .not_valid_after(now + timedelta(days=365 * ROOT_YEARS))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(_key_usage(sign_certificates=True), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                               critical=False)
                .sign(key, hashes.SHA256()))
        _write_private(folder / "root-key.pem", _encrypted(key, passphrase))
        (folder / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
        authority.save_settings()
        return authority

    @classmethod
    def open(cls, data_dir: Path) -> SigningAuthority:
        folder = Path(data_dir) / PKI_FOLDER
        try:
            settings = json.loads((folder / "authority.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SigningError(
                "The server has no signing authority yet; the administrator creates it with "
                "meeting-server pki init.") from None
        return cls(folder, settings["organization"], Path(settings["passphrase_file"]),
                   settings.get("tsa_url"))

    @classmethod
    def exists(cls, data_dir: Path) -> bool:
        return (Path(data_dir) / PKI_FOLDER / "authority.json").exists()

    def save_settings(self) -> None:
        settings = {"organization": self.organization,
                    "passphrase_file": str(self.passphrase_file), "tsa_url": self.tsa_url}
        (self.folder / "authority.json").write_text(
            json.dumps(settings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    # ---- certificates

    @property
    def root_certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate((self.folder / "root.pem").read_bytes())

    def root_pem(self) -> bytes:
        return (self.folder / "root.pem").read_bytes()

    def trust_roots(self) -> list[x509.Certificate]:
        """What a signature of this server is checked against: its root, and the
        time-stamping service's root when one was given (`pki tsa URL --tsa-root FILE`)."""
        roots = [self.root_certificate]
        tsa_root = self.folder / "tsa-root.pem"
        if tsa_root.exists():
            roots += x509.load_pem_x509_certificates(tsa_root.read_bytes())
        return roots

    def set_tsa(self, url: str | None, root_pem: bytes | None = None) -> SigningAuthority:
        """Use (or, with None, stop using) an RFC 3161 time-stamping service."""
        tsa_root = self.folder / "tsa-root.pem"
        if root_pem is not None:
            x509.load_pem_x509_certificates(root_pem)  # refuse what is not a certificate
            tsa_root.write_bytes(root_pem)
        elif url is None:
            tsa_root.unlink(missing_ok=True)
        changed = replace(self, tsa_url=url)
        changed.save_settings()
        return changed

    def credentials(self, user: str, display_name: str, section: str,
                    now: datetime | None = None) -> Credentials:
        """`user`'s certificate and key, issued on first need (and again when their name or
        section changed, so a signature never names someone by an old name); refused once it
        has expired (an approval is never signed with a certificate no longer valid)."""
        now = now or datetime.now(UTC)
        root = self.root_certificate
        if root.not_valid_after_utc <= now:
            raise SigningError(
                f"The signing authority's certificate expired on "
                f"{root.not_valid_after_utc:%Y-%m-%d}; nothing was signed.")
        passphrase = self._passphrase()
        certificate = self.certificate_of(user)
        if certificate is None or _names(certificate) != (display_name or user, section):
            self.issue(user, display_name, section, now)
        certificate, key = self._load(user, passphrase)
        if certificate.not_valid_after_utc <= now:
            raise SigningError(
                f"The signing certificate of {user} expired on "
                f"{certificate.not_valid_after_utc:%Y-%m-%d}; nothing was signed. The "
                f"administrator renews it with meeting-server pki renew {user}.")
        return Credentials(certificate, key, root)

    def issue(self, user: str, display_name: str, section: str,
              now: datetime | None = None, days: int = 365 * USER_YEARS) -> x509.Certificate:
        """Issue (or renew) `user`'s certificate with a new key."""
        now = now or datetime.now(UTC)
        passphrase = self._passphrase()
        root_key = serialization.load_pem_private_key(
            (self.folder / "root-key.pem").read_bytes(), passphrase)
        if not isinstance(root_key, ec.EllipticCurvePrivateKey):  # pragma: no cover
            raise SigningError("The signing authority's key is not one this server made.")
        root = self.root_certificate
        key = ec.generate_private_key(CURVE)
        attributes = [x509.NameAttribute(NameOID.ORGANIZATION_NAME, self.organization)]
        if section:
            attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, section))
        attributes += [x509.NameAttribute(NameOID.USER_ID, user),
                       x509.NameAttribute(NameOID.COMMON_NAME, display_name or user)]
        certificate = (
            x509.CertificateBuilder().subject_name(x509.Name(attributes))
            .issuer_name(root.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(min(now + timedelta(days=days), root.not_valid_after_utc))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_key_usage(sign_certificates=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                root_key.public_key()), critical=False)
            .sign(root_key, hashes.SHA256()))
        # Certificate and key in one file, replaced at once: two signings issuing for the same
        # user at the same time leave one consistent pair, never one's key with the other's
        # certificate.
        path = self._user_path(user)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        _write_private(temporary, certificate.public_bytes(serialization.Encoding.PEM)
                       + _encrypted(key, passphrase))
        temporary.replace(path)
        return certificate

    def certificate_of(self, user: str) -> x509.Certificate | None:
        path = self._user_path(user)
        if not path.exists():
            return None
        return x509.load_pem_x509_certificate(path.read_bytes())

    def _load(self, user: str, passphrase: bytes
              ) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
        data = self._user_path(user).read_bytes()
        certificate = x509.load_pem_x509_certificate(data)
        key = serialization.load_pem_private_key(
            data[data.index(b"-----BEGIN ENCRYPTED PRIVATE KEY-----"):], passphrase)
        if not isinstance(key, ec.EllipticCurvePrivateKey):  # pragma: no cover - we wrote it
            raise SigningError(f"The signing key of {user} is not one this server made.")
        return certificate, key

    def _user_path(self, user: str) -> Path:
        if not re.fullmatch(r"[\w.@-]{1,64}", user) or user.startswith("."):
            raise SigningError(f"{user!r} is not a user name.")
        return self.folder / "users" / f"{user}.pem"

    def _passphrase(self) -> bytes:
        try:
            passphrase = self.passphrase_file.read_bytes().strip()
        except OSError:
            raise SigningError(
                f"The signing keys' passphrase file {self.passphrase_file} cannot be read; "
                f"nothing was signed.") from None
        if not passphrase:
            raise SigningError(f"The passphrase file {self.passphrase_file} is empty.")
        return passphrase


def _key_usage(sign_certificates: bool) -> x509.KeyUsage:
    """A signer's key: digital signature and non-repudiation (content commitment), which
    PAdES validators (pyHanko's default) ask of a document signature."""
    return x509.KeyUsage(
        digital_signature=not sign_certificates, content_commitment=not sign_certificates,
        key_encipherment=False, data_encipherment=False, key_agreement=False,
        key_cert_sign=sign_certificates, crl_sign=sign_certificates, encipher_only=False,
        decipher_only=False)


def _encrypted(key: ec.EllipticCurvePrivateKey, passphrase: bytes) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.BestAvailableEncryption(passphrase))


def _write_private(path: Path, data: bytes) -> None:
    """Write a file only its owner reads, created so from the start (never world-readable)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def _names(certificate: x509.Certificate) -> tuple[str, str]:
    """The holder's name and section as the certificate says them."""
    def value(oid: x509.ObjectIdentifier) -> str:
        found = certificate.subject.get_attributes_for_oid(oid)
        return str(found[0].value) if found else ""
    return value(NameOID.COMMON_NAME), value(NameOID.ORGANIZATIONAL_UNIT_NAME)
