"""The open data API: the dataset as a SQLite database served by Datasette, with canned queries and Atom feeds.

    python3 -m api build            # data/observatory.db + data/datasette-metadata.json, from data/incidents.csv
    python3 -m api serve            # build if missing or stale, then Datasette on http://127.0.0.1:8001

The CSV stays the dataset of record: the database is derived from it (database.py), its metadata from the schema
and the sources' INFO (metadata.py), its canned queries and feeds are in queries.py. api/ imports only collectors.
"""

from __future__ import annotations

from collectors import DATA_DIR

DATABASE_NAME = "observatory"  # Datasette names a database after its file: /observatory/reports.json
DB_FILE = DATA_DIR / f"{DATABASE_NAME}.db"
METADATA_FILE = DATA_DIR / "datasette-metadata.json"
DEFAULT_PORT = 8001
