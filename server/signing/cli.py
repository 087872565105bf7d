"""`meeting-server pki …`: the signing authority, from the command line.

    meeting-server --data-dir DIR pki init --organization NAME [--passphrase-file FILE]
                                           [--tsa URL [--tsa-root ROOT.pem]]
    meeting-server --data-dir DIR pki show
    meeting-server --data-dir DIR pki tsa (URL [--tsa-root ROOT.pem] | --remove)
    meeting-server --data-dir DIR pki renew USER [--name NAME] [--section SECTION]
    meeting-server --data-dir DIR pki validate FILE.pdf
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

from server.signing.authority import SigningAuthority, SigningError


def add_pki_parser(commands: argparse._SubParsersAction) -> None:
    pki = commands.add_parser(
        "pki", help="the signing authority for approvals (issue 17)").add_subparsers(
        dest="action", required=True)
    init = pki.add_parser("init", help="create the organization's signing authority")
    init.add_argument("--organization", required=True, help="the name in every certificate")
    init.add_argument("--passphrase-file", type=Path,
                      help="the file holding the keys' passphrase, kept outside the data "
                           "folder (e.g. a secrets mount); default: a new one in DIR/pki")
    _tsa_arguments(init)
    pki.add_parser("show", help="the authority, its time-stamping service and certificates")
    tsa = pki.add_parser("tsa", help="set or remove the RFC 3161 time-stamping service")
    tsa.add_argument("url", nargs="?")
    tsa.add_argument("--tsa-root", type=Path, help="the service's root certificate (PEM)")
    tsa.add_argument("--remove", action="store_true")
    renew = pki.add_parser("renew", help="issue a user a new certificate and key")
    renew.add_argument("user")
    renew.add_argument("--name", help="the name in it (default: the one in the old one)")
    renew.add_argument("--section", help="the section in it (default: as before)")
    validate = pki.add_parser("validate", help="check each signature of a signed PDF")
    validate.add_argument("file", type=Path)


def _tsa_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tsa", metavar="URL",
                        help="an RFC 3161 time-stamping service to stamp every signature")
    parser.add_argument("--tsa-root", type=Path, help="that service's root certificate (PEM)")


def pki_command(args: argparse.Namespace, data_dir: Path) -> int:
    if args.action == "init":
        authority = SigningAuthority.init(data_dir, args.organization, args.passphrase_file,
                                          args.tsa)
        if args.tsa_root:
            authority.set_tsa(args.tsa, args.tsa_root.read_bytes())
        _show(authority)
        return 0
    authority = SigningAuthority.open(data_dir)
    if args.action == "show":
        _show(authority)
    elif args.action == "tsa":
        if args.remove == bool(args.url):
            raise SigningError("Give either a URL or --remove.")
        authority.set_tsa(None if args.remove else args.url,
                          args.tsa_root.read_bytes() if args.tsa_root else None)
    elif args.action == "renew":
        old = authority.certificate_of(args.user)
        name = args.name or (_attribute(old, NameOID.COMMON_NAME) if old else args.user)
        section = (args.section if args.section is not None
                   else _attribute(old, NameOID.ORGANIZATIONAL_UNIT_NAME) if old else "")
        certificate = authority.issue(args.user, name, section)
        print(f"{args.user}\tvalid until {certificate.not_valid_after_utc:%Y-%m-%d}")
    elif args.action == "validate":
        from server.signing.validate import validate_signed_pdf

        states = validate_signed_pdf(args.file, authority.trust_roots())
        for state in states:
            print(f"{state.field}\t{'valid' if state.valid else 'INVALID'}\t{state.signer}\t"
                  f"{state.role}\t{state.time:%Y-%m-%d %H:%M:%S %Z}\t"
                  f"{'timestamped' if state.timestamped else 'signer clock'}\t"
                  f"changed after: {state.changed_after}")
        return 0 if states and all(s.valid for s in states) else 1
    return 0


def _show(authority: SigningAuthority) -> None:
    root = authority.root_certificate
    print(f"organization\t{authority.organization}")
    print(f"root\t{authority.folder / 'root.pem'}\tvalid until "
          f"{root.not_valid_after_utc:%Y-%m-%d}\tSHA-256 {root.fingerprint(hashes.SHA256()).hex()}")
    print(f"passphrase\t{authority.passphrase_file}")
    print(f"time-stamping\t{authority.tsa_url or '-'}")
    for path in sorted((authority.folder / "users").glob("*.pem")):
        certificate = authority.certificate_of(path.stem)
        if certificate is not None:
            print(f"user\t{path.stem}\t{_attribute(certificate, NameOID.COMMON_NAME)}\t"
                  f"valid until {certificate.not_valid_after_utc:%Y-%m-%d}")


def _attribute(certificate, oid) -> str:
    values = certificate.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""
