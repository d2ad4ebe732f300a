"""Command line: python -m collectors update | ingest | status | build. The weekly brief is `python -m brief`."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from collectors import DATA_DIR, cipher, health, http, registry, runner
from collectors.errors import CollectorError
from collectors.files import write_atomic
from collectors.raw import RawExport
from collectors.store import Store

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m collectors", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="dataset folder (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)

    update = commands.add_parser("update", help="fetch the live sources and merge what they return")
    update.add_argument("--source", action="append", choices=sorted(registry.SOURCES),
                        help="only this source (repeatable); default: all")
    update.add_argument("--summary-file", type=Path, metavar="PATH",
                        help="write what changed on disk in one line, e.g. '12 added, 3 revised' (an empty file "
                             "when nothing did), for a commit message; written whether or not a source failed")

    ingest = commands.add_parser("ingest", help="merge export files saved by hand (e.g. from the HHS portal)")
    ingest.add_argument("source", choices=sorted(registry.SOURCES))
    ingest.add_argument("files", nargs="+", type=Path)
    ingest.add_argument("--list", dest="list_kind", help="which list the files are (HHS: under_investigation or "
                                                         "archive); default: detected from the contents")
    ingest.add_argument("--as-of", type=pd.Timestamp, help="date the files were exported (default: the newest "
                                                           "report date in each file)")
    ingest.add_argument("--fresh", action="store_true", help="drop this source's rows first (a full rebuild)")

    commands.add_parser("status", help="rows, freshness, coverage and last live update of each source")

    build = commands.add_parser("build", help="rebuild the committed dataset from the shared source snapshots")
    build.add_argument("--snapshots", type=Path, default=DATA_DIR.parent.parent / "shared" / "snapshots",
                       help="folder of the snapshots (default: %(default)s)")

    # The brief moved out of the collectors (which never import what is downstream of them): `python -m brief`.
    # The old sub-command takes any arguments (no option starts with NUL) and says where the brief went.
    commands.add_parser("brief", help="moved: run `python -m brief` (same options)", add_help=False,
                        prefix_chars="\0").add_argument("rest", nargs=argparse.REMAINDER)

    args = parser.parse_args(argv)
    if args.command == "brief":
        print("the brief is its own command now: python -m brief --week 2025-W31 --lang fr --format md --out FILE "
              "(python -m brief --help)", file=sys.stderr)
        return 2
    store = Store(args.data_dir)
    try:
        if args.command == "update":
            return _update(store, args)
        if args.command == "ingest":
            return _ingest(store, args)
        if args.command == "build":
            return _build(store, args.snapshots)
        return _status(store)
    except CollectorError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


def _ingest(store: Store, args) -> int:
    exports = []
    for path in args.files:
        try:
            content = path.read_bytes()
        except OSError as err:
            raise CollectorError(args.source, f"cannot read {path}: {err.strerror}") from None
        exports.append(RawExport(args.source, content, origin=path.name, list_kind=args.list_kind))
    result = runner.ingest(store, args.source, exports, as_of=args.as_of, fresh=args.fresh)
    print(result)
    return 0


def _build(store: Store, snapshots: Path) -> int:
    """Each source's snapshot files (its SNAPSHOT_FILES globs), merged from nothing: the committed dataset.

    Built in a scratch folder and moved into place at the end, so a failure leaves the old files, and an
    old file of another schema is simply replaced.
    """
    with tempfile.TemporaryDirectory(dir=store.data_dir) as scratch:
        fresh = Store(Path(scratch))
        for name, module in registry.SOURCES.items():
            patterns = module.SNAPSHOT_FILES
            # Files kept in this repository (the curated French list) rather than in the shared snapshots.
            own = [ROOT / f for f in module.REPOSITORY_FILES]
            if not patterns and not own:  # e.g. a feed whose licence lets us test on it but not publish from it
                print(f"{name}: no snapshot is part of the committed dataset; skipped")
                continue
            files = sorted(p for pattern in patterns for p in snapshots.glob(pattern)) + own
            if not files:
                raise CollectorError(name, f"no snapshot files matching {patterns} in {snapshots}")
            exports = [RawExport(name, path.read_bytes(), origin=path.name) for path in files]
            print(runner.ingest(fresh, name, exports))
        # CIPHER is not an incident list but a table of patient harms: built beside the dataset.
        harms = Path(scratch) / cipher.OUTPUT_FILE
        cipher.build_patient_harms(snapshots / cipher.SNAPSHOT_FILE, harms)
        print(f"cipher: {len(cipher.read_patient_harms(harms)):,} patient-harm records")
        with store.locked():
            os.replace(fresh.incidents_path, store.incidents_path)
            os.replace(fresh.sources_path, store.sources_path)
            os.replace(fresh.coverage_path, store.coverage_path)
            os.replace(harms, store.data_dir / cipher.OUTPUT_FILE)
    return 0


def _update(store: Store, args) -> int:
    results = runner.update(store, store.data_dir / "raw", args.source)
    if args.summary_file is not None:
        line = runner.change_summary(results)
        write_atomic(args.summary_file, f"{line}\n".encode() if line else b"")
    failures = [result for result in results.values() if isinstance(result, CollectorError)]
    for result in results.values():
        if isinstance(result, CollectorError):
            print(f"FAILED {result}", file=sys.stderr)
        else:
            print(result)
    if failures and all(http.UNRESOLVABLE in str(f) for f in failures):
        print(f"The network looks down: the host names of the {len(failures)} failed source(s) did not resolve "
              "(each failed at once, without retries). What they had collected before is kept.", file=sys.stderr)
    return 1 if failures else 0


def _status(store: Store) -> int:
    incidents = store.read_incidents()
    sources = store.read_sources()
    today = pd.Timestamp(datetime.now(UTC).date())
    checks = {h.source: h for h in health.source_health(store, today)}
    for cov in store.coverage():
        rows = incidents[incidents["source"] == cov.source]
        run = sources.get("runs", {}).get(cov.source, {})
        print(f"{cov.source}  ({registry.get(cov.source).INFO['title']})")
        print(f"  rows               {len(rows):,}  (reported {rows['reported_date'].min():%Y-%m-%d} "
              f"to {rows['reported_date'].max():%Y-%m-%d})")
        print(f"  data as of         {cov.data_as_of:%Y-%m-%d}  ({(today - cov.data_as_of).days:,} days ago, "
              f"{cov.exports} export(s) merged)")
        complete = f"{cov.complete_through:%Y-%m-%d}" if cov.complete_through is not None else "unknown"
        print(f"  complete through   {complete}  (later reports may still be added)")
        print(f"  last live success  {run.get('last_success', 'never')}")
        if "last_error" in run:
            print(f"  last live error    {run['last_error']['at']}: {run['last_error']['message']}")
        print("\n".join(health.describe(checks[cov.source])))
    for check in checks.values():
        if check.data_as_of is None:  # registered, never merged
            print(f"{check.source}  ({registry.get(check.source).INFO['title']})")
            print("\n".join(health.describe(check)))
            print(f"  last live success  {check.last_success or 'never'}")
            if check.last_error:
                print(f"  last live error    {check.last_error_at}: {check.last_error}")
    if incidents.empty:
        print("the dataset is empty: run `python -m collectors update` or `ingest`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
