"""Office documents (Word, Excel, PowerPoint, OpenDocument) turned into PDF by LibreOffice.

Staff write their materials in Office; the meeting shows PDF. LibreOffice runs headless, one
conversion at a time (it is heavy, and two instances fight over a profile), each in a profile
of its own that is thrown away, within a time limit after which its whole process group is
killed. The original is kept for download beside the PDF.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from meeting.core.formats import OFFICE_SUFFIXES, is_office
from meeting.core.protocol import ErrorCode, ProtocolError

log = logging.getLogger("meeting.server.office")

OOXML = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}
"""Office Open XML: a zip whose parts live under these folders."""
OPENDOCUMENT = {".odt": "application/vnd.oasis.opendocument.text",
                ".ods": "application/vnd.oasis.opendocument.spreadsheet",
                ".odp": "application/vnd.oasis.opendocument.presentation"}
LEGACY = {".doc", ".xls", ".ppt"}
"""Office 97–2003: an OLE2 compound file."""
OLE2_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
assert frozenset({*OOXML, *OPENDOCUMENT, *LEGACY}) == OFFICE_SUFFIXES  # (the clients' list)

MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".doc": "application/msword", ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint", **OPENDOCUMENT,
}

CONVERT_SECONDS = 120.0
"""A long report converts in seconds; minutes means LibreOffice is stuck on the file."""

INSTALL_HINT = ("LibreOffice is not installed on the server, so Office files cannot be "
                "converted. Ask the administrator to install it (on Debian or Ubuntu: apt "
                "install libreoffice-core libreoffice-writer libreoffice-calc "
                "libreoffice-impress), or upload the document as a PDF.")


def is_office_name(filename: str) -> bool:
    return is_office(filename)


def check_office_file(path: Path, filename: str) -> str:
    """The suffix, once the content is what the name says (a renamed file is refused)."""
    suffix = Path(filename).suffix.lower()
    kind = {**dict.fromkeys(OOXML, "Office"), **dict.fromkeys(OPENDOCUMENT, "OpenDocument"),
            **dict.fromkeys(LEGACY, "Office 97–2003")}.get(suffix, "Office")
    wrong = ProtocolError(ErrorCode.BAD_DOCUMENT,
                          f"The file is named {suffix} but is not an {kind} document.")
    if suffix in LEGACY:
        with open(path, "rb") as file:
            if file.read(8) != OLE2_MAGIC:
                raise wrong
        return suffix
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if suffix in OOXML:
                if "[Content_Types].xml" not in names or not any(
                        n.startswith(OOXML[suffix]) for n in names):
                    raise wrong
            elif archive.read("mimetype").decode("ascii", "replace").strip() != \
                    OPENDOCUMENT[suffix]:
                raise wrong
    except (zipfile.BadZipFile, KeyError, OSError):
        raise wrong from None
    return suffix


FONT_CONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""
"""The system's fonts, plus a folder with a Japanese font: a server without one would
otherwise print Japanese as empty boxes into the PDF (its text layer would still be right,
which is why only looking at the page shows it)."""


def font_environment(work: Path) -> dict[str, str]:
    """The environment for LibreOffice: a fontconfig that adds PyMuPDF's Japanese font (Droid
    Sans Fallback, the one the client and the browser viewer fall back on too). Installed
    Japanese fonts such as Debian's fonts-noto-cjk still come first where they cover a glyph."""
    import pymupdf

    fonts, cache = work / "fonts", work / "fontcache"
    fonts.mkdir()
    cache.mkdir()
    (fonts / "DroidSansFallback.ttf").write_bytes(pymupdf.Font("japan").buffer)
    config = work / "fonts.conf"
    config.write_text(FONT_CONFIG.format(fonts=fonts, cache=cache), encoding="utf-8")
    return {**os.environ, "HOME": str(work), "FONTCONFIG_FILE": str(config)}


@cache
def network_cut() -> list[str]:
    """A prefix that runs LibreOffice without any network: a document may link pictures on
    the web, and LibreOffice fetches them while converting, so an uploaded file could make
    the server call addresses inside the organization. An empty network namespace of its own
    (`unshare`, an unprivileged user namespace) has no way out, not even to loopback. Where
    the system forbids that, [] and a warning: then run the server with systemd's
    PrivateNetwork or a firewall for it (docs/deploy.md)."""
    program = shutil.which("unshare")
    if program:
        command = [program, "--map-root-user", "--net", "--"]
        try:
            done = subprocess.run([*command, "true"], capture_output=True, timeout=10)
            if done.returncode == 0:
                return command
        except (OSError, subprocess.SubprocessError):
            pass
    log.warning("LibreOffice will convert Office files with the server's network access: "
                "this system does not allow a network namespace (unshare)")
    return []


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@dataclass
class OfficeConverter:
    seconds: float = CONVERT_SECONDS
    lock: asyncio.Lock | None = None
    runs: list[tuple[float, float]] = field(default_factory=list)
    """(start, end) of every conversion, in order: to show they never overlap."""
    last_folder: Path | None = None
    """The scratch folder of the latest conversion (gone once it is over, whatever the end)."""

    async def convert(self, source: Path, suffix: str) -> Path:
        """A PDF made from `source` (in a temporary folder the caller deletes with
        `converted.parent`); refusals as ProtocolError."""
        program = find_soffice()
        if program is None:
            raise ProtocolError(ErrorCode.BAD_DOCUMENT, INSTALL_HINT)
        if self.lock is None:
            self.lock = asyncio.Lock()
        async with self.lock:
            started = time.monotonic()
            try:
                return await self._run(program, source, suffix)
            finally:
                self.runs.append((started, time.monotonic()))

    async def _run(self, program: str, source: Path, suffix: str) -> Path:
        work = Path(tempfile.mkdtemp(prefix="meeting-office-"))
        self.last_folder = work
        try:
            document = work / f"document{suffix}"  # LibreOffice picks its filter by the name
            shutil.copyfile(source, document)
            profile = work / "profile"
            process = await asyncio.create_subprocess_exec(
                *network_cut(), program, "--headless", "--norestore", "--nolockcheck",
                "--nodefault",
                f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                "--outdir", str(work / "out"), str(document),
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
                start_new_session=True,  # its own process group, to kill it whole
                env=font_environment(work))
            try:
                output, _ = await asyncio.wait_for(process.communicate(), self.seconds)
            except TimeoutError:
                _kill_group(process.pid)
                await process.wait()
                raise ProtocolError(
                    ErrorCode.BAD_DOCUMENT,
                    f"Converting the document took longer than {self.seconds:.0f} s and was "
                    "stopped; it may be damaged, or too large: save it as PDF and upload "
                    "that.") from None
            finally:
                _kill_group(process.pid)  # (helpers it may have left behind)
            converted = work / "out" / "document.pdf"
            if process.returncode != 0 or not converted.is_file():
                log.warning("LibreOffice failed (%s): %s", process.returncode,
                            output.decode(errors="replace")[-500:])
                raise ProtocolError(ErrorCode.BAD_DOCUMENT,
                                    "LibreOffice could not convert this document to PDF.")
            return converted
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


async def from_office(converter: OfficeConverter, blobs, incoming: Path, filename: str
                      ) -> tuple[Path, str, tuple[str, str] | None]:
    """For an Office upload: keep the original (by hash), convert it, and hand back the PDF as
    a new incoming file with its name and (original hash, original name). Anything else passes
    through unchanged. The incoming original is removed in every case."""
    from server.ingest import clean_filename
    from server.store.blobs import sha256_of

    if not is_office_name(filename):
        return incoming, filename, None
    try:
        suffix = check_office_file(incoming, filename)
        converted = await converter.convert(incoming, suffix)
        try:
            pdf = blobs.new_incoming()
            shutil.copyfile(converted, pdf)
        finally:
            shutil.rmtree(converted.parent.parent, ignore_errors=True)
        original_sha256 = await asyncio.to_thread(sha256_of, incoming)  # (off the loop, as
        await asyncio.to_thread(blobs.commit, incoming, original_sha256)  # in server.ingest)
    finally:
        if incoming.exists():
            incoming.unlink()
    name = clean_filename(filename)
    return pdf, f"{Path(name).stem}.pdf", (original_sha256, name)
