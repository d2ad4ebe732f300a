"""`python -m brief`: read the dataset, compute the week's brief, write it in one format (atomically)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from brief.compute import compute_brief, default_week
from brief.render import render
from collectors import DATA_DIR, incident_types, load_coverage, load_coverage_table, load_incidents
from collectors.files import write_atomic


def parse_generated_at(text: str | None) -> dt.datetime:
    """An ISO time (UTC when no offset is given); now when None."""
    if not text:
        return dt.datetime.now(dt.UTC)
    when = dt.datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m brief",
                                     description="The weekly brief for policymakers as HTML, Markdown or PDF.")
    parser.add_argument("--week", help="ISO week, e.g. 2025-W50 (default: the latest complete week of the data)")
    parser.add_argument("--lang", choices=("en", "fr"), default="en", help="language (default: %(default)s)")
    parser.add_argument("--format", dest="fmt", choices=("html", "md", "pdf"), default="html",
                        help="html (self-contained, prints well), md (for email) or pdf (default: %(default)s)")
    parser.add_argument("--out", type=Path, help="file to write ('-' for standard output, html/md)")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="dataset folder (default: %(default)s)")
    parser.add_argument("--generated-at", help="ISO time printed as 'generated at' (default: now, UTC)")
    parser.add_argument("--print-week", action="store_true",
                        help="print the week the brief covers by default (e.g. 2025-W50) and write nothing")
    args = parser.parse_args(argv)
    if args.print_week:
        return print_default_week(args.data_dir)
    if args.out is None:
        parser.error("the following arguments are required: --out")
    return write_brief(args.data_dir, args.week, args.lang, args.fmt, args.out, args.generated_at)


def print_default_week(data_dir: Path) -> int:
    """The latest complete week (compute.default_week), as the weekly run names its folder of briefs."""
    week = default_week(incident_types.for_counting(load_incidents(data_dir)), load_coverage(data_dir),
                        load_coverage_table(data_dir))
    if week is None:
        print("error: the dataset is empty: there is no week to brief on", file=sys.stderr)
        return 1
    print(week)
    return 0


def write_brief(data_dir: Path, week: str | None, lang: str, fmt: str, out: Path,
                generated_at: str | None = None) -> int:
    try:
        # Counted as the dashboard counts: by the incident's attack type (collectors/incident_types.py).
        brief = compute_brief(incident_types.for_counting(load_incidents(data_dir)), load_coverage(data_dir), week,
                              load_coverage_table(data_dir))
        content = render(brief, lang, fmt, parse_generated_at(generated_at))
    except (ValueError, RuntimeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if str(out) == "-":
        if fmt == "pdf":
            print("error: a PDF needs --out FILE", file=sys.stderr)
            return 1
        sys.stdout.buffer.write(content)
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, content)  # a reader of the file never sees half a brief
    print(f"brief for {brief.week} ({lang}, {fmt}): {brief.counts.reports:,} reports -> {out}", file=sys.stderr)
    return 0
