"""Precision and recall of the press healthcare classifier on hand-labelled random samples.

    python scripts/classifier_quality.py [--snapshot PATH]

tests/fixtures/press_health_samples.csv holds three random samples of ransomware.live's press index, each item
labelled by hand (healthcare victim or not): sample 1 was drawn first, and the rules of December 2026 were
written from its misses; sample 2 was labelled independently, before those rules were known to the labeller, and
a few more rules were written from its errors; sample 3 was drawn and labelled after every rule change, so it is
the honest measure. Reads the press snapshot from ../shared (it is not in the repository).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from collectors.classifier_quality import SAMPLES, evaluate  # noqa: E402
from collectors.sources import ransomware_live  # noqa: E402

DEFAULT_SNAPSHOT = (Path(__file__).resolve().parent.parent.parent / "shared" / "snapshots" / "ransomware-live" /
                    "pro_press_all_2025-08-28_anggipradana.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", type=Path, default=DEFAULT_SNAPSHOT)
    args = parser.parse_args(argv)
    if not args.snapshot.exists():
        print(f"error: the press snapshot {args.snapshot} is not here (it lives in ../shared, not in the "
              "repository)", file=sys.stderr)
        return 2
    items = json.loads(args.snapshot.read_bytes())["results"]
    verdicts = ransomware_live.press_healthcare(items)
    for sample, role in SAMPLES.items():
        q = evaluate(items, verdicts, sample)
        print(f"sample {sample} ({role}): {q.labelled} items, {q.healthcare} healthcare, {q.unsure} unsure | "
              f"precision {q.precision:.1%} ({q.true_positives} of {q.true_positives + q.false_positives}) | "
              f"recall {q.recall:.1%} ({q.true_positives} of {q.true_positives + q.missed})")
        for victim, label in q.wrong:
            print(f"    {'missed' if label else 'wrongly kept'}: {victim}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
