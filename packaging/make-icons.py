"""Render the project's icon (meeting/resources/icons/paperless-meeting.svg) to the PNG sizes
desktops want, a Windows .ico and a macOS .icns, with PyMuPDF (already a dependency). Both
containers are written here around PNG images: the .ico a header and a directory, as Windows
Vista and later read it; the .icns a list of (type, length, PNG), as macOS 10.8 and later read it.

    .venv/bin/python packaging/make-icons.py
"""

from __future__ import annotations

import struct
from pathlib import Path

import pymupdf

ICONS = Path(__file__).resolve().parents[1] / "meeting" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {  # the .icns entry types holding a PNG, by its side in pixels (@2x: twice)
    16: (b"icp4",), 32: (b"icp5", b"ic11"), 64: (b"icp6", b"ic12"), 128: (b"ic07",),
    256: (b"ic08", b"ic13"), 512: (b"ic09", b"ic14"), 1024: (b"ic10",),
}


def render(size: int) -> bytes:
    with pymupdf.open("svg", (ICONS / "paperless-meeting.svg").read_bytes()) as svg:
        page = svg[0]
        zoom = size / page.rect.width
        pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=True)
        return pixmap.tobytes("png")


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    directory, data = b"", b""
    offset = 6 + 16 * len(images)
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png),
                                 offset + len(data))
        data += png
    return header + directory + data


def icns(images: dict[int, bytes]) -> bytes:
    """Big-endian throughout: b"icns", the file's length, then per entry its type, its length
    with this 8-byte header, and the PNG."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size]
                    for size, kinds in ICNS_TYPES.items() for kind in kinds)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> None:
    images = {size: render(size) for size in SIZES}
    for size, png in images.items():
        (ICONS / f"paperless-meeting-{size}.png").write_bytes(png)
    (ICONS / "paperless-meeting.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    images[1024] = render(1024)  # the .icns alone wants 512 px @2x
    (ICONS / "paperless-meeting.icns").write_bytes(icns(images))
    print(f"wrote {len(SIZES)} PNGs, an .ico and an .icns to {ICONS}")


if __name__ == "__main__":
    main()
