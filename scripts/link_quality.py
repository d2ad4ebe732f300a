"""Precision and recall of the cross-source linker on the hand-checked reference set.

    python scripts/link_quality.py [--dataset data/incidents.csv]

Reads the committed dataset (no network, no snapshots needed) and tests/fixtures/link_reference.csv, prints
the figures and every pair the linker gets wrong. Exits 1 when precision < 98% or recall < 90% (the targets).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from collectors.link_quality import evaluate, load_reference  # noqa: E402

PRECISION_TARGET, RECALL_TARGET = 0.98, 0.90


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=Path(__file__).resolve().parent.parent / "data" /
                        "incidents.csv")
    args = parser.parse_args(argv)
    frame = pd.read_csv(args.dataset, usecols=["record_id", "incident_id", "organization"], dtype=str)
    quality = evaluate(frame, load_reference())
    same = quality.true_links + quality.missed
    different = quality.false_links + quality.true_apart
    print(f"reference: {same} pairs of one attack, {different} look-alike pairs of different attacks, "
          f"{quality.unsure} unsure (not scored)")
    print(f"precision {quality.precision:.1%} ({quality.true_links} of {quality.true_links + quality.false_links}"
          f" links right; target {PRECISION_TARGET:.0%})")
    print(f"recall    {quality.recall:.1%} ({quality.true_links} of {same} pairs of one attack linked; "
          f"target {RECALL_TARGET:.0%})")
    for row in quality.wrong.itertuples():
        print(f"  {row.linker:6}  {row.a_organization}  |  {row.b_organization}  ({row.reason})")
    return 0 if quality.precision >= PRECISION_TARGET and quality.recall >= RECALL_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
