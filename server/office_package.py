"""An Office upload made safe to hand to LibreOffice: a zip bomb refused before anything is
unpacked, and the package rewritten without links to anything outside it.

OOXML (.docx, .xlsx, .pptx) and OpenDocument files are zip archives. A small one can declare
gigabytes once unpacked (LibreOffice ran 120 s at about 5 GiB on a 1.3 MiB one), so the
archive's own sizes are checked first, nested archives too. Pictures, OLE objects, templates
and sections may be linked rather than embedded (`file:///…`, a path, another server):
LibreOffice follows such links while converting, which let an upload embed files of the server
(another meeting's stored document). The copy LibreOffice gets has those links removed; it also
runs where no other file is visible (`server/office_sandbox.py`), which covers the links this
does not know (Word fields, legacy .doc). Hyperlinks a reader clicks stay.
"""

from __future__ import annotations

import html
import io
import re
import shutil
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from meeting.core.protocol import ErrorCode, ProtocolError

MAX_UNPACKED_BYTES = 512 * 1024 * 1024
"""All parts together, unpacked (nested archives included): a 200 MiB deck of photographs
stays well under; a bomb declares gigabytes."""
MAX_PARTS = 20_000
MAX_RATIO = 200
"""Unpacked / packed for one large part: XML packs 10–50 times, a bomb about 1,000."""
RATIO_FROM_BYTES = 8 * 1024 * 1024
"""Parts smaller than this may pack as well as they like."""
MAX_NESTED_BYTES = 64 * 1024 * 1024
NESTING = 3
"""How deep archives inside the archive are looked into (an embedded workbook in a deck)."""
ZIP_MAGIC = b"PK\x03\x04"


_TAG = re.compile(r"<([A-Za-z_][\w.\-]*(?::[\w.\-]+)?)"  # a start tag: its name,
                  r"((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)"  # its attributes
                  r"(\s*/?)>")
_ATTRIBUTE = re.compile(r"(\s+)([^\s=/>]+)(\s*=\s*)(\"[^\"]*\"|'[^']*')")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*):")
HYPERLINK_TYPE = "/hyperlink"
"""An OOXML relationship type ending so is a link a reader clicks (nothing loads it)."""
ODF_LINKS = {"text:a", "draw:a"}
"""OpenDocument elements whose `xlink:href` is a hyperlink."""


def _bomb() -> ProtocolError:
    return ProtocolError(ErrorCode.BAD_DOCUMENT,
                         "This file unpacks to far more than its size (a \"zip bomb\"), so it "
                         "was not converted. Save it again from Office, or upload it as a PDF.")


def check_archive(path: Path) -> None:
    """Refuse a zip whose parts unpack to too much, before unpacking any."""
    with zipfile.ZipFile(path) as archive:
        _check_sizes(archive, depth=0, unpacked=0)


def _check_sizes(archive: zipfile.ZipFile, depth: int, unpacked: int) -> int:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise _bomb()
    for part in parts:
        unpacked += part.file_size
        ratio = part.file_size / max(1, part.compress_size)
        if unpacked > MAX_UNPACKED_BYTES or (part.file_size > RATIO_FROM_BYTES
                                             and ratio > MAX_RATIO):
            raise _bomb()
    if depth >= NESTING:
        return unpacked
    for part in parts:
        if part.file_size > MAX_NESTED_BYTES or part.is_dir():
            continue
        with archive.open(part) as stream:
            if stream.read(4) != ZIP_MAGIC:
                continue
        try:
            with zipfile.ZipFile(io.BytesIO(archive.read(part))) as nested:
                unpacked = _check_sizes(nested, depth + 1, unpacked)
        except zipfile.BadZipFile:
            continue
    return unpacked


def without_outside_links(source: Path, target: Path, suffix: str) -> int:
    """Copy the package to `target` with every link to outside it removed (legacy files,
    which are no zip, are copied as they are); returns how many were removed."""
    if not zipfile.is_zipfile(source):
        shutil.copyfile(source, target)
        return 0
    try:
        check_archive(source)
        return _copy_without_links(source, target, suffix.startswith(".od"))
    except (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError, zlib.error,
            OSError) as error:  # (encrypted, an unknown compression, damaged)
        raise ProtocolError(ErrorCode.BAD_DOCUMENT,
                            "This file could not be read as an Office document.") from error


def _copy_without_links(source: Path, target: Path, opendocument: bool) -> int:
    removed = 0
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as copy:
        for part in archive.infolist():
            if not part.filename.endswith((".xml", ".rels")):
                with archive.open(part) as read, copy.open(part, "w") as write:
                    shutil.copyfileobj(read, write, 1024 * 1024)  # (sizes checked: bounded)
                continue
            data = archive.read(part)
            if part.filename.endswith(".rels"):
                data, count = _strip_relationships(data)
                removed += count
            data, count = _empty_links(data, _odf_outside if opendocument else _file_url)
            copy.writestr(part, data)  # (same name, date and compression as the original)
            removed += count
    return removed


def _value(quoted: str) -> str:
    return html.unescape(quoted[1:-1])


def _is_outside(value: str) -> bool:
    """A link that leaves the package: any URL, an absolute path, a UNC path, or ../ out."""
    value = value.strip()
    return bool(_SCHEME.match(value)) or value.startswith(("/", "\\")) or value.startswith("..")


def _file_url(element: str, attribute: str, value: str) -> bool:
    """Any attribute naming a `file:` address (VML's `o:href`, a linked image's `src`),
    whatever element carries it: nothing on the server's disks is the document's."""
    scheme = _SCHEME.match(value)
    return scheme is not None and scheme.group(1).lower() == "file"


def _odf_outside(element: str, attribute: str, value: str) -> bool:
    """OpenDocument: an `xlink:href` outside the package (an image, object, section or table
    source), unless it is a hyperlink's."""
    return _file_url(element, attribute, value) or (
        element not in ODF_LINKS and attribute.rsplit(":", 1)[-1] == "href"
        and _is_outside(value))


def _empty_links(data: bytes, outside: Callable[[str, str, str], bool]) -> tuple[bytes, int]:
    """Every attribute `outside` picks emptied, in every start tag."""
    text = data.decode("utf-8", "replace")
    removed = 0

    def tag(match: re.Match[str]) -> str:
        element = match.group(1)

        def attribute(a: re.Match[str]) -> str:
            nonlocal removed
            if outside(element, a.group(2), _value(a.group(4))):
                removed += 1
                return f'{a.group(1)}{a.group(2)}{a.group(3)}""'
            return a.group(0)

        return f"<{element}{_ATTRIBUTE.sub(attribute, match.group(2))}{match.group(3)}>"

    text = _TAG.sub(tag, text)
    return (text.encode("utf-8"), removed) if removed else (data, 0)


def _strip_relationships(data: bytes) -> tuple[bytes, int]:
    """OOXML: external relationships (a linked picture, OLE object, template, frame) go; an
    external hyperlink stays."""
    text = data.decode("utf-8", "replace")
    removed = 0

    def keep_or_drop(match: re.Match[str]) -> str:
        nonlocal removed
        if match.group(1).rsplit(":", 1)[-1] != "Relationship":
            return match.group(0)
        attributes = {name.rsplit(":", 1)[-1]: _value(value) for _, name, _, value
                      in _ATTRIBUTE.findall(match.group(2))}
        external = attributes.get("TargetMode", "").strip().lower() == "external" or bool(
            _SCHEME.match(attributes.get("Target", "")))
        if not external or attributes.get("Type", "").endswith(HYPERLINK_TYPE):
            return match.group(0)
        removed += 1
        return ""

    text = _TAG.sub(keep_or_drop, text)
    return (text.encode("utf-8"), removed) if removed else (data, 0)
