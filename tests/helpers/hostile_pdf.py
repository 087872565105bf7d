"""A PDF page that takes MuPDF as long as we like to draw: form XObjects nested `depth` deep,
each drawing the one below it `fan_out` times, so the bottom path is filled fan_out**depth
times (the "billion laughs" of PDF). Page 2 is an ordinary page, to show the rest still works."""

from __future__ import annotations

from pathlib import Path

import pymupdf

PATH = b"0 0 m " + b" ".join(
    f"{i % 7 * 9} {i * 3 % 11 * 9} {i % 5 * 13} {i % 3 * 17} {i * 4 % 9} {i % 8 * 11} c".encode()
    for i in range(40)) + b" h f"


def write_hostile_pdf(out: Path, depth: int = 7, fan_out: int = 8) -> Path:
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    below = None
    for _ in range(depth + 1):
        xref = document.get_new_xref()
        if below is None:
            body, resources = PATH, "<<>>"
        else:
            body = b" ".join(f"q 0.9 0 0 0.9 {i * 7} {i * 5} cm /X Do Q".encode()
                             for i in range(fan_out))
            resources = f"<</XObject <</X {below} 0 R>>>>"
        document.update_object(xref, f"<</Type/XObject/Subtype/Form/BBox[0 0 595 842]"
                                     f"/Resources {resources}>>")
        document.update_stream(xref, body)
        below = xref
    document.xref_set_key(page.xref, "Resources", f"<</XObject <</X {below} 0 R>>>>")
    contents = document.get_new_xref()
    document.update_object(contents, "<<>>")
    document.update_stream(contents, b"q /X Do Q")
    document.xref_set_key(page.xref, "Contents", f"{contents} 0 R")
    second = document.new_page(width=595, height=842)
    second.insert_text((72, 72), "an ordinary page", fontsize=24)
    document.save(out)
    document.close()
    return out
