"""Where LibreOffice converts: a world with nothing in it but the system's programs and the
conversion's own scratch folder, no network, and limits on memory, CPU time and file size.

An Office file may link pictures and objects by `file://` address or path, and LibreOffice
follows such links while converting: the server's own files, another meeting's stored
documents, were embedded in the PDF. `server/office_package.py` removes the links it knows;
this is what holds for the rest. With unprivileged user namespaces (`unshare`, util-linux,
always on Debian) LibreOffice runs in a mount namespace whose root is an empty tmpfs holding
only /usr, the few files of /etc it reads (fonts, the loader's cache, its own settings, user
names), /dev/null and the like, a /proc of its own process namespace, and the scratch folder
at its own path: no data folder, no /home, no other /tmp folder exists there. It also has an
empty network namespace (no way out, not even loopback). Where the system forbids namespaces
the server falls back to what it allows, once, with a warning (see docs/security.md).
"""

from __future__ import annotations

import logging
import os
import resource
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

log = logging.getLogger("meeting.server.office")

MEMORY_BYTES = 2 * 1024 ** 3
"""Address space for LibreOffice (RLIMIT_AS): a long report with pictures needs a few hundred
MiB; a zip bomb that slipped through took 5 GiB."""
CPU_SECONDS = 120
"""CPU time (RLIMIT_CPU), as the conversion's time limit."""
FILE_BYTES = 1024 ** 3
"""The largest file it may write (RLIMIT_FSIZE): the PDF, its profile."""

ETC = ("fonts", "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "libreoffice", "passwd", "group",
       "nsswitch.conf", "localtime", "alternatives")
"""What LibreOffice reads of /etc (not the rest: certificates, the server's settings)."""
TOP = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")
"""Links into /usr on a merged-/usr system (Debian 12), folders of their own before."""
CACHES = ("/var/cache/fontconfig",)
"""The system's font cache: without it fontconfig reads every font again at each conversion."""
DEVICES = ("null", "zero", "random", "urandom")
ROOT_FOLDER = "sandbox-root"
"""In the scratch folder: where the empty root is mounted."""

NAMESPACES = ["--map-root-user", "--net", "--mount", "--pid", "--fork", "--kill-child"]


def limits() -> None:
    """In the child before it runs LibreOffice (preexec_fn): what one conversion may use."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_BYTES, FILE_BYTES))


def _script() -> str:
    """The shell commands, run as root of the new namespaces, that build the root and enter it
    ($1 the empty root's mount point, $2 the scratch folder, then the program)."""
    lines = ['set -e', 'root=$1; work=$2; shift 2',
             'mount -t tmpfs -o mode=0755,size=16m sandbox "$root"',
             'mkdir -p "$root/usr" "$root/etc" "$root/dev" "$root/proc" "$root/tmp" '
             '"$root$work"',
             'mount --rbind /usr "$root/usr"']
    for name in TOP:
        host = Path("/") / name
        if host.is_symlink():
            lines.append(f'ln -s {shlex.quote(os.readlink(host))} "$root/{name}"')
        elif host.is_dir():
            lines.append(f'mkdir "$root/{name}"; mount --rbind /{name} "$root/{name}"')
    for name in ETC:
        host = Path("/etc") / name
        if host.is_dir():
            lines.append(f'mkdir "$root/etc/{name}"; mount --rbind /etc/{name} '
                         f'"$root/etc/{name}"')
        elif host.exists():
            lines.append(f'touch "$root/etc/{name}"; mount --bind /etc/{name} '
                         f'"$root/etc/{name}"')
    for folder in CACHES:
        if Path(folder).is_dir():
            lines.append(f'mkdir -p "$root{folder}"; mount --rbind {folder} "$root{folder}"')
    for name in DEVICES:
        lines.append(f'touch "$root/dev/{name}"; mount --bind /dev/{name} "$root/dev/{name}"')
    lines += ['mount -t proc proc "$root/proc"',
              'mount --bind "$work" "$root$work"',
              'exec chroot "$root" "$@"']
    return "\n".join(lines)


def _prefix(unshare: str, work: Path) -> list[str]:
    root = work / ROOT_FOLDER
    root.mkdir(exist_ok=True)
    return [unshare, *NAMESPACES, "--", "/bin/sh", "-c", _script(), "sandbox", str(root),
            str(work)]


def _works(command: Callable[[Path], list[str]]) -> bool:
    work = Path(tempfile.mkdtemp(prefix="meeting-office-probe-"))
    try:
        done = subprocess.run([*command(work), "/bin/true"], capture_output=True, timeout=20)
        return done.returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        shutil.rmtree(work, ignore_errors=True)


@cache
def isolation() -> str:
    """What this system allows: "files" (nothing but the scratch folder, no network),
    "network" (no network only) or "none"; decided once, with a warning if not "files"."""
    unshare = shutil.which("unshare")
    if unshare and _works(lambda work: _prefix(unshare, work)):
        return "files"
    if unshare and _works(lambda work: [unshare, "--map-root-user", "--net", "--"]):
        log.warning("LibreOffice will see the server's files while converting (links in an "
                    "Office file to them are removed first): this system does not allow the "
                    "sandbox (unshare --mount --pid, with a /proc of its own)")
        return "network"
    log.warning("LibreOffice will convert Office files with the server's network access and "
                "files: this system does not allow namespaces (unshare)")
    return "none"


def sandboxed(work: Path, program: str) -> list[str]:
    """The prefix that runs `program` in the sandbox for the scratch folder `work`."""
    unshare = shutil.which("unshare") or "unshare"
    kind = isolation()
    if kind == "files" and not Path(program).resolve().is_relative_to("/usr"):
        log.warning("%s is outside /usr, where the sandbox cannot show it: LibreOffice runs "
                    "with the server's files", program)
        kind = "network"
    if kind == "files":
        return _prefix(unshare, work)
    if kind == "network":
        return [unshare, "--map-root-user", "--net", "--"]
    return []
