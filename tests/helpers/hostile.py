"""A hostile page built on the spot: a valid one-page PDF whose drawing takes as long as asked.

Each form XObject draws the next one twice, so a page `depth` forms deep draws 2**depth copies
of a large filled shape: every check an upload goes through passes (it opens, has one page,
bounds fine), and only drawing it is slow: about 2 s at 4096 px for depth 4 on a loaded 2-core
machine, doubling with each level; depth 20 does not end in any time anyone would wait.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

LEAF = b"0 0 1 rg 0 0 m 500 700 l 10 700 l f 1 0 0 RG 0.5 w 0 0 m 595 842 l S"
FORM = "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842]{resources} >>"


def slow_pdf(path: Path, depth: int) -> Path:
    document = pymupdf.open()
    page = document.new_page(width=595, height=842)
    forms = [document.get_new_xref() for _ in range(depth + 1)]
    for level, xref in enumerate(forms):
        if level == depth:
            document.update_object(xref, FORM.format(resources=""))
            document.update_stream(xref, LEAF)
        else:
            resources = f" /Resources << /XObject << /X {forms[level + 1]} 0 R >> >>"
            document.update_object(xref, FORM.format(resources=resources))
            document.update_stream(xref, b"q /X Do Q q 1 0 0 1 1 0 cm /X Do Q")
    document.xref_set_key(page.xref, "Resources", f"<< /XObject << /X {forms[0]} 0 R >> >>")
    contents = document.get_new_xref()
    document.update_object(contents, "<< >>")
    document.update_stream(contents, b"/X Do")
    document.xref_set_key(page.xref, "Contents", f"{contents} 0 R")
    document.save(path)
    document.close()
    return path
