"""Synthetic incident datasets (10k, 100k, 1M rows) in the tidy schema, learned from the committed data.

Each synthetic row starts from a real report drawn at random (a bootstrap), so the joint distributions the
dashboard aggregates stay real: the mix of sources (HHS filings, leak-site claims, press), the growth over
2009-2025 (and the dip the HHS archive lag leaves in 2023-24), states and countries, attack and organisation
types, breach locations, the archive / under-investigation split and the attack mix drifting towards
ransomware over time. On top of it:

- the dates move by a whole number of weeks (up to 4 either way), so weekdays stay realistic (Fridays
  peak), never past the export that first held the report;
- the organisation name is the first words of one real name and the last words of another (many distinct
  names, as a million real reports would have);
- individuals_affected: where the source gives a count, a real one times a log-normal jitter (heavy tail
  kept), ~3% of HHS rows the placeholder (exactly 500 or 501, flagged) and a few missing; sources that
  give no count (press, claims) keep none;
- about 0.1% of rows are marked removed by the source;
- record_id / incident_id: distinct 12-hex ids (a bijective scramble of the row number); every report is
  its own incident (no cross-source links).

Deterministic for a given (size, seed). Written the way the collectors write data/ (collectors.store), so
`load_incidents(data_dir)` and the dashboard (OBSERVATORY_DATA_DIR) read it like the real thing.

    python bench/synthetic.py 100k /tmp/observatory-100k      # writes incidents.csv + sources.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from collectors import DATA_DIR, load_incidents, schema  # noqa: E402 (after the sys.path entry)
from collectors.store import Store  # noqa: E402

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
SEED = 20251231
PLACEHOLDER_SHARE = 0.03
MISSING_COUNT_SHARE = 0.0005
REMOVED_SHARE = 0.001
MAX_SHIFT_WEEKS = 4
# Bijective on [0, 2**48): odd multipliers are invertible modulo a power of two.
_ID_SPACE = 1 << 48
_RECORD_MULT, _RECORD_ADD = 0x9E3779B97F4B & (_ID_SPACE - 1) | 1, 0x5DEECE66D
_INCIDENT_MULT, _INCIDENT_ADD = 0xC2B2AE3D27D5 | 1, 0x165667B19E37


def parse_size(text: str) -> int:
    """'10k' -> 10000, '1m' -> 1000000, '2500' -> 2500."""
    text = text.strip().lower()
    if text in SIZES:
        return SIZES[text]
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if factor > 1 else text) * factor)


def size_label(n: int) -> str:
    """10000 -> '10k', 1000000 -> '1M'."""
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1_000 and n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


def _hex_ids(n: int, mult: int, add: int, prefix: str) -> np.ndarray:
    values = (np.arange(n, dtype=np.uint64) * np.uint64(mult) + np.uint64(add)) & np.uint64(_ID_SPACE - 1)
    return [f"{prefix}{v:012x}" for v in values.tolist()]


def _names(real: pd.Series, rng: np.random.Generator, n: int) -> list[str]:
    words = [name.split() for name in real.unique()]
    first = rng.integers(0, len(words), n)
    second = rng.integers(0, len(words), n)
    cut_a = rng.random(n)
    cut_b = rng.random(n)
    out = []
    for i, j, a, b in zip(first.tolist(), second.tolist(), cut_a.tolist(), cut_b.tolist()):
        head, tail = words[i], words[j]
        k = max(1, int(len(head) * a))
        m = min(len(tail) - 1, int(len(tail) * b))
        out.append(" ".join(head[:k] + tail[m:]) if len(tail) > 1 else " ".join(head[:k]))
    return out


def synthetic_incidents(n: int, seed: int = SEED, real: pd.DataFrame | None = None) -> pd.DataFrame:
    """n synthetic reports in the tidy schema (coerced and validated)."""
    real = load_incidents(DATA_DIR) if real is None else real
    real = real.loc[~real["is_removed_by_source"]].reset_index(drop=True)
    rng = np.random.default_rng(seed)
    frame = real.iloc[rng.integers(0, len(real), n)].reset_index(drop=True)

    shift = pd.to_timedelta(rng.integers(-MAX_SHIFT_WEEKS, MAX_SHIFT_WEEKS + 1, n) * 7, unit="D")
    dates = (frame["reported_date"] + shift).clip(lower=real["reported_date"].min())
    moved = dates <= frame["first_seen_at"]  # never reported after the export that first held it
    frame["reported_date"] = dates.where(moved, frame["reported_date"])
    frame["incident_date"] = (frame["incident_date"] + shift).where(moved, frame["incident_date"])

    # Counts: rows whose source gives none (press, leak-site claims) keep none; the others get a real
    # count with jitter, ~3% of them the HHS placeholder (500 or 501) and a few none at all.
    counts = real["individuals_affected"]
    true_counts = counts.loc[~real["is_placeholder_count"] & counts.notna()].to_numpy(dtype="float64")
    drawn = true_counts[rng.integers(0, len(true_counts), n)] * np.exp(rng.normal(0.0, 0.3, n))
    drawn = np.maximum(np.rint(drawn), 502).astype("int64")  # 500 and 501 are the placeholder values
    counted = frame["individuals_affected"].notna().to_numpy()
    placeholder = counted & (frame["source"] == "hhs_ocr").to_numpy() & (rng.random(n) < PLACEHOLDER_SHARE)
    drawn[placeholder] = np.where(rng.random(int(placeholder.sum())) < 0.6, 500, 501)
    missing = ~counted | (~placeholder & (rng.random(n) < MISSING_COUNT_SHARE))
    frame["individuals_affected"] = pd.Series(pd.array(drawn, dtype="Int64")).mask(missing)
    frame["is_placeholder_count"] = placeholder
    frame["is_removed_by_source"] = rng.random(n) < REMOVED_SHARE

    frame["organization"] = _names(real["organization"], rng, n)
    ids = _hex_ids(n, _RECORD_MULT, _RECORD_ADD, "")
    frame["record_id"] = [f"{source}:{hex_id}" for source, hex_id in zip(frame["source"].tolist(), ids)]
    frame["incident_id"] = _hex_ids(n, _INCIDENT_MULT, _INCIDENT_ADD, "inc:")
    return schema.validate(schema.coerce(frame), f"synthetic {size_label(n)}")


def synthetic_sources(n: int, real_dir: Path = DATA_DIR) -> dict:
    """data/sources.json of the committed dataset (same exports, so the same coverage), rows scaled."""
    sources = json.loads((real_dir / "sources.json").read_text(encoding="utf-8"))
    total = sum(e["rows"] for e in sources["exports"]) or 1
    for export in sources["exports"]:
        export["rows"] = round(export["rows"] * n / total)
        export["origin"] = f"synthetic-{size_label(n)}:{export['origin']}"
    return {"exports": sources["exports"], "runs": {}}


def write_data_dir(n: int, data_dir: Path, seed: int = SEED) -> Path:
    """Write incidents.csv + sources.json for n synthetic rows into data_dir (through collectors.store)."""
    store = Store(Path(data_dir))
    frame = synthetic_incidents(n, seed)
    with store.locked():
        store.write(frame, synthetic_sources(n))
    return store.data_dir


def _fingerprint(seed: int) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update((DATA_DIR / "incidents.csv").read_bytes())
    digest.update(str(seed).encode())
    return digest.hexdigest()[:10]


def cached_data_dir(n: int, seed: int = SEED, root: Path | None = None) -> Path:
    """A data folder for n synthetic rows in the temp dir, written once per (generator, committed data, seed)."""
    root = Path(root or Path(tempfile.gettempdir()) / "observatory-bench")
    data_dir = root / f"synthetic-{size_label(n)}-{_fingerprint(seed)}"
    if not (data_dir / "incidents.csv").exists() or not (data_dir / "sources.json").exists():
        write_data_dir(n, data_dir, seed)
    return data_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="10k, 100k, 1m or a number of rows")
    parser.add_argument("data_dir", type=Path, nargs="?", help="where to write (default: a cached temp folder)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    n = parse_size(args.size)
    path = write_data_dir(n, args.data_dir, args.seed) if args.data_dir else cached_data_dir(n, args.seed)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
