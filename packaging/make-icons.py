"""Render the project's icon (resources/icons/paperless-meeting.svg) to the PNG sizes desktops
want, and a Windows .ico, with PyMuPDF (already a dependency). The .ico container is written
here: a header and a directory around PNG images, as Windows Vista and later read it.

    .venv/bin/python packaging/make-icons.py
"""

from __future__ import annotations

import struct
from pathlib import Path

import pymupdf

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


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


def main() -> None:
    images = {size: render(size) for size in SIZES}
    for size, png in images.items():
        (ICONS / f"paperless-meeting-{size}.png").write_bytes(png)
    (ICONS / "paperless-meeting.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    print(f"wrote {len(images)} PNGs and an .ico to {ICONS}")


if __name__ == "__main__":
    main()
