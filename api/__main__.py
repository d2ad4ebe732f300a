"""Command line: python -m api build | serve.

    python3 -m api build                 # data/observatory.db and data/datasette-metadata.json from data/incidents.csv
    python3 -m api serve [--port 8001]   # build if missing or stale, then Datasette on http://127.0.0.1:PORT
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from api import DATABASE_NAME, DEFAULT_PORT, database, metadata
from collectors import DATA_DIR
from collectors.errors import CollectorError
from collectors.files import write_atomic

PLUGINS_DIR = Path(__file__).resolve().parent / "datasette_plugins"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help="dataset folder (default: %(default)s)")
    parser.add_argument("--db", type=Path, help=f"database to write (default: DATA_DIR/{DATABASE_NAME}.db)")
    parser.add_argument("--metadata", type=Path, help="metadata to write (default: DATA_DIR/datasette-metadata.json)")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="write the SQLite database and Datasette's metadata")
    build.add_argument("--if-stale", action="store_true", help="only when the dataset changed since the last build")
    serve = commands.add_parser("serve", help="build if missing or stale, then start Datasette")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help="port (default: %(default)s)")
    args = parser.parse_args(argv)
    db_path = args.db or args.data_dir / f"{DATABASE_NAME}.db"
    metadata_path = args.metadata or args.data_dir / "datasette-metadata.json"
    try:
        if args.command == "build":
            _build(args.data_dir, db_path, metadata_path, only_if_stale=args.if_stale)
            return 0
        _build(args.data_dir, db_path, metadata_path, only_if_stale=True)
    except CollectorError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    command = [sys.executable, "-m", "datasette", "serve", "--immutable", str(db_path), "--metadata",
               str(metadata_path), "--host", args.host, "--port", str(args.port), "--cors",
               "--plugins-dir", str(PLUGINS_DIR),
               "--setting", "sql_time_limit_ms", "3000", "--setting", "max_returned_rows", "1000"]
    print(f"Datasette on http://{args.host}:{args.port}/{DATABASE_NAME} (Ctrl-C stops it)", flush=True)
    os.execv(sys.executable, command)  # replaced by Datasette: a signal to this process reaches it


def _build(data_dir: Path, db_path: Path, metadata_path: Path, only_if_stale: bool) -> None:
    if only_if_stale and not database.is_stale(data_dir, db_path) and metadata_path.exists():
        print(f"{db_path}: up to date with {data_dir / 'incidents.csv'}")
    else:
        built = database.build(data_dir, db_path)
        print(f"{built.path}: {built.reports:,} reports, {built.incidents:,} incidents, "
              f"data as of {built.data_as_of}")
    as_of = database.data_as_of(db_path)
    # Rewritten every time: it is derived from the code (schema, sources, queries) as much as from the data.
    write_atomic(metadata_path, (json.dumps(metadata.build_metadata(as_of), indent=2, ensure_ascii=False)
                                 + "\n").encode("utf-8"))
    print(f"{metadata_path}: metadata for Datasette")


if __name__ == "__main__":
    sys.exit(main())
