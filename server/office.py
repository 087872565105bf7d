"""Office documents (Word, Excel, PowerPoint, OpenDocument) turned into PDF by LibreOffice.

Staff write their materials in Office; the meeting shows PDF. LibreOffice runs headless, each
conversion in a profile of its own that is thrown away, on a copy of the upload without links
to outside it and with no zip bomb (`server/office_package.py`), in a sandbox that sees only its
scratch folder, under memory and CPU limits (`server/office_sandbox.py`), within a time limit
after which its whole process group is killed. Each organizer's uploads convert one at a time,
beside at most one other organizer's: one organizer's stuck file holds nobody else's. The
original is kept for download beside the PDF.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import signal
import tempfile
import time
import zipfile
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from meeting.core.formats import OFFICE_SUFFIXES, is_office
from meeting.core.protocol import ErrorCode, ProtocolError
from server.office_package import without_outside_links
from server.office_sandbox import limits, sandboxed

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
PARALLEL_CONVERSIONS = 2
"""LibreOffice instances at once (each under its memory limit), every one for a different
organizer: another organizer's upload waits at most for one conversion's time limit."""

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


def font_environment(work: Path, japanese_font: bytes) -> dict[str, str]:
    """The environment for LibreOffice: a fontconfig that adds PyMuPDF's Japanese font (Droid
    Sans Fallback, the one the client and the browser viewer fall back on too; read by the PDF
    pool, so PyMuPDF never loads in the server). Installed Japanese fonts such as Debian's
    fonts-noto-cjk still come first where they cover a glyph."""
    fonts, cache = work / "fonts", work / "fontcache"
    fonts.mkdir()
    cache.mkdir()
    if japanese_font:
        (fonts / "DroidSansFallback.ttf").write_bytes(japanese_font)
    config = work / "fonts.conf"
    config.write_text(FONT_CONFIG.format(fonts=fonts, cache=cache), encoding="utf-8")
    return {**os.environ, "HOME": str(work), "FONTCONFIG_FILE": str(config)}


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@dataclass
class OfficeConverter:
    seconds: float = CONVERT_SECONDS
    parallel: int = PARALLEL_CONVERSIONS
    japanese_font: Callable[[], Awaitable[bytes]] | None = None
    """Where the fallback Japanese font comes from (the server's PDF pool); None: the
    system's fonts only."""
    runs: list[tuple[float, float]] = field(default_factory=list)
    """(start, end) of every conversion, in order."""
    last_folder: Path | None = None
    """The scratch folder of the latest conversion (gone once it is over, whatever the end)."""
    _slots: asyncio.Semaphore | None = field(default=None, repr=False)
    _queues: defaultdict[str, asyncio.Lock] = field(
        default_factory=lambda: defaultdict(asyncio.Lock), repr=False)
    """One queue per organizer: their uploads convert in turn, and take one slot at most."""

    async def convert(self, source: Path, suffix: str, owner: str = "") -> Path:
        """A PDF made from `source` (in a temporary folder the caller deletes with
        `converted.parent.parent`); refusals as ProtocolError. `owner`: who uploaded it."""
        program = find_soffice()
        if program is None:
            raise ProtocolError(ErrorCode.BAD_DOCUMENT, INSTALL_HINT)
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.parallel)
        async with self._queues[owner], self._slots:
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
            removed = await asyncio.to_thread(without_outside_links, source, document, suffix)
            if removed:
                log.info("%d links to outside the document removed before converting it",
                         removed)
            font = await self.japanese_font() if self.japanese_font else b""
            profile = work / "profile"
            (work / "tmp").mkdir()
            process = await asyncio.create_subprocess_exec(
                *sandboxed(work, program), program, "--headless", "--norestore",
                "--nolockcheck", "--nodefault",
                f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf",
                "--outdir", str(work / "out"), str(document),
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
                start_new_session=True,  # its own process group, to kill it whole
                preexec_fn=limits,
                env={**font_environment(work, font), "TMPDIR": str(work / "tmp")})
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
                raise ProtocolError(
                    ErrorCode.BAD_DOCUMENT,
                    "LibreOffice could not convert this document to PDF (it may be damaged, "
                    "or need more memory or time than a conversion may take).")
            return converted
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


async def from_office(converter: OfficeConverter, blobs, incoming: Path, filename: str,
                      owner: str = "") -> tuple[Path, str, tuple[str, str] | None]:
    """For an Office upload: keep the original (by hash), convert it, and hand back the PDF as
    a new incoming file with its name and (original hash, original name). Anything else passes
    through unchanged. The incoming original is removed in every case."""
    from server.ingest import clean_filename
    from server.store.blobs import sha256_of

    if not is_office_name(filename):
        return incoming, filename, None
    try:
        suffix = check_office_file(incoming, filename)
        converted = await converter.convert(incoming, suffix, owner)
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
