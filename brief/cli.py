"""`python -m collectors brief`: read the dataset, compute the week's brief, write it in one format."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from brief.compute import compute_brief
from brief.render import render


def parse_generated_at(text: str | None) -> dt.datetime:
    """An ISO time (UTC when no offset is given); now when None."""
    if not text:
        return dt.datetime.now(dt.UTC)
    when = dt.datetime.fromisoformat(text)
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def write_brief(data_dir: Path, week: str | None, lang: str, fmt: str, out: Path,
                generated_at: str | None = None) -> int:
    from collectors import incident_types, load_coverage, load_coverage_table, load_incidents

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
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(content)
    tmp.replace(out)
    print(f"brief for {brief.week} ({lang}, {fmt}): {brief.counts.reports:,} reports -> {out}", file=sys.stderr)
    return 0
