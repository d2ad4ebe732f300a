"""The dataset on disk: data/incidents.csv (the tidy rows) and data/sources.json (the exports used).

Writes are atomic (a temporary file, fsync, then rename) and serialised by a lock
file, so a crash or a second update never leaves a half-written dataset.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from collectors import schema
from collectors.coverage import SourceCoverage, coverage_of
from collectors.errors import StoreError

INCIDENTS_FILE = "incidents.csv"
SOURCES_FILE = "sources.json"
SORT_ORDER = ["source", "reported_date", "record_id"]


class Store:
    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.incidents_path = self.data_dir / INCIDENTS_FILE
        self.sources_path = self.data_dir / SOURCES_FILE

    # --- reading -----------------------------------------------------------------------------
    def read_incidents(self) -> pd.DataFrame:
        if not self.incidents_path.exists():
            return schema.empty_frame()
        try:
            text = pd.read_csv(self.incidents_path, dtype=str, keep_default_na=False)
        except (OSError, pd.errors.ParserError) as err:
            raise StoreError("store", f"cannot read {self.incidents_path}: {err}") from None
        if list(text.columns) != list(schema.COLUMN_NAMES):
            raise StoreError("store", f"{self.incidents_path} does not have the schema's columns (an older "
                                      "version?); rebuild it with `python -m collectors build`")
        return _from_text(text)

    def read_sources(self) -> dict:
        if not self.sources_path.exists():
            return {"exports": [], "runs": {}}
        try:
            return json.loads(self.sources_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise StoreError("store", f"cannot read {self.sources_path}: {err}") from None

    def coverage(self) -> list[SourceCoverage]:
        exports = self.read_sources()["exports"]
        return [coverage_of(source, exports) for source in sorted({e["source"] for e in exports})]

    # --- writing -----------------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the dataset's lock; a second writer fails at once instead of interleaving."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / ".lock", "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError("store", f"another update holds {self.data_dir / '.lock'}; try again later") from None
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def write(self, incidents: pd.DataFrame, sources: dict) -> None:
        """Validate, then replace both files atomically (call inside `locked()`)."""
        incidents = schema.validate(schema.coerce(incidents), "store")
        ordered = incidents.sort_values(SORT_ORDER, kind="stable")
        csv = _to_text(ordered).to_csv(index=False, lineterminator="\n")
        _write_atomic(self.incidents_path, csv.encode("utf-8"))
        self.write_sources(sources)

    def write_sources(self, sources: dict) -> None:
        """Replace data/sources.json atomically (call inside `locked()`)."""
        _write_atomic(self.sources_path, (json.dumps(sources, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def _to_text(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in schema.DATE_COLUMNS:
        out[column] = out[column].dt.strftime("%Y-%m-%d")
    return out


def _from_text(text: pd.DataFrame) -> pd.DataFrame:
    frame = text.replace("", None)
    for column in schema.DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    frame["individuals_affected"] = pd.to_numeric(frame["individuals_affected"])
    for column in ("is_placeholder_count", "is_removed_by_source"):
        frame[column] = frame[column] == "True"
    frame["business_associate_involved"] = frame["business_associate_involved"].map({"True": True, "False": False})
    return schema.coerce(frame)


def _write_atomic(path: Path, content: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
