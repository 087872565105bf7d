"""Office uploads: how long LibreOffice takes to turn a small Word file and a small
OpenDocument text into PDF through the server's converter (a fresh throw-away profile each
time, as for a real upload), against merely starting LibreOffice (`soffice --version`) in the
same run. Prints medians and the ratio.

    .venv/bin/python bench/office.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.office import OfficeConverter, find_soffice
from server.pdf_jobs import PdfJobs
from tests.helpers.office_files import write_docx, write_odt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    program = find_soffice()
    if program is None:
        print("LibreOffice is not installed (Debian: libreoffice-core libreoffice-writer)")
        return 1
    folder = Path(tempfile.mkdtemp())
    paragraphs = [f"第{n}項 会議資料の本文 / paragraph {n} of the briefing" for n in range(40)]
    files = {".docx": write_docx(folder / "a.docx", paragraphs),
             ".odt": write_odt(folder / "a.odt", paragraphs)}
    pdf_jobs = PdfJobs(workers=1)
    converter = OfficeConverter(japanese_font=pdf_jobs.japanese_font)
    start_times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        subprocess.run([program, "--version"], capture_output=True, check=True)
        start_times.append(time.perf_counter() - began)
    baseline = statistics.median(start_times)
    print(f"soffice --version (start only): median {baseline * 1000:.0f} ms "
          f"over {args.runs} runs")
    for suffix, source in files.items():
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            pdf = asyncio.run(converter.convert(source, suffix))
            times.append(time.perf_counter() - began)
            shutil.rmtree(pdf.parent.parent, ignore_errors=True)
        median = statistics.median(times)
        print(f"{suffix} (40 paragraphs, Japanese) to PDF: median {median * 1000:.0f} ms, "
              f"worst {max(times) * 1000:.0f} ms; {median / baseline:.1f}x the start alone")
    shutil.rmtree(folder, ignore_errors=True)
    pdf_jobs.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
