"""Does the brief's summary fit its first PDF page, week after week? The fullest first pages.

    python scripts/brief_page_fit.py [--from 2024-W01] [--to 2025-W52] [--top 5]

Renders the PDF of every ISO week in the range, in English and French, from the committed data/ (charts left
out: they are in the annex, so page 1 is the same without them; about a second a PDF). For each it finds the
page the Annex starts on (2 when the summary fits page 1) and how far down page 1 the summary's last line
comes. Prints the weeks whose summary overflows and the fullest first pages, the ones to test
(tests/test_brief_onepage.py, FULLEST). Exits 1 when a summary overflows. Needs pypdfium2.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdfium2 as pdfium  # noqa: E402

from brief import render  # noqa: E402
from brief.compute import IsoWeek, compute_brief  # noqa: E402
from collectors import DATA_DIR, incident_types, load_coverage, load_coverage_table, load_incidents  # noqa: E402

# A 4x1 white PNG: the charts' place in the annex, without starting kaleido.
BLANK_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAQAAAABCAIAAAB7QOjdAAAADklEQVR4nGP4//8/DAYAKdwH+e1X4yIAAAAASUVORK5CYII=")
GENERATED = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)


def weeks(first: IsoWeek, last: IsoWeek) -> list[IsoWeek]:
    out, week = [], first
    while week.start <= last.start:
        out.append(week)
        week = IsoWeek.containing(week.start + dt.timedelta(days=7))
    return out


def page_fit(pdf_bytes: bytes, annex_heading: str) -> tuple[int, float]:
    """(the page the annex starts on, 1-based; how much of page 1's height lies above its last letter)."""
    pdf = pdfium.PdfDocument(pdf_bytes)
    annex = next((i + 1 for i in range(len(pdf))
                  if pdf[i].get_textpage().get_text_range().lstrip().startswith(annex_heading)), 0)
    text = pdf[0].get_textpage()
    lowest = min((text.get_charbox(i)[1] for i in range(text.count_chars())
                  if text.get_text_range(i, 1).isalnum()), default=0.0)
    height = pdf[0].get_height()
    return annex, round((height - lowest) / height, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="first", default="2024-W01")
    parser.add_argument("--to", dest="last", default="2025-W52")
    parser.add_argument("--top", type=int, default=5, help="fullest first pages listed (default: %(default)s)")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    render.chart_image = lambda fig, fmt, template="plotly": BLANK_PNG  # type: ignore[assignment]
    incidents = incident_types.for_counting(load_incidents(args.data_dir))
    coverage, table = load_coverage(args.data_dir), load_coverage_table(args.data_dir)
    results = []
    for week in weeks(IsoWeek.parse(args.first), IsoWeek.parse(args.last)):
        brief = compute_brief(incidents, coverage, str(week), table)
        for lang in ("en", "fr"):
            doc = render.document(brief, lang)
            annex, fill = page_fit(render.to_pdf(doc, GENERATED), doc.annex_heading)
            results.append((fill, str(week), lang, annex, len(brief.notable), len(brief.caveats)))
    overflow = [r for r in results if r[3] != 2]
    for _fill, week, lang, annex, notable, caveats in overflow:
        print(f"OVERFLOW {week} {lang}: the annex starts on page {annex} ({notable} notable, {caveats} caveats)")
    print(f"{len(results)} PDFs, {len(overflow)} whose summary does not fit page 1. Fullest first pages:")
    for lang in ("en", "fr"):
        for fill, week, _, annex, notable, caveats in sorted((r for r in results if r[2] == lang), reverse=True)[:args.top]:
            print(f"  {week} {lang}: last line at {fill:.1%} of the page height, annex on page {annex}, "
                  f"{notable} notable, {caveats} caveats")
    return 1 if overflow else 0


if __name__ == "__main__":
    sys.exit(main())
