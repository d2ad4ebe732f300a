"""The dataset on disk: data/incidents.csv (the tidy rows) and data/sources.json (the exports used).

Writes are atomic (a temporary file, fsync, then rename) and serialised by a lock
file, so a crash or a second update never leaves a half-written dataset. The files of one version
(incidents, coverage, sources) are replaced together under a second, brief lock that readers share
(`reading()`): a reader never pairs the new rows with the old coverage, and never waits for a download.

Reading parses the CSV once per version of it: the parsed frame is kept in data/.cache/ as an
uncompressed Arrow file keyed by the CSV's SHA-256 (and the versions of the code that parsed it), and
later reads of the same bytes map that file into memory instead of parsing (a million rows: 0.3 s and
no private copy of the strings, instead of 4.5 s and 0.9 GB). The cache is never the dataset: a
missing, stale or damaged cache file is ignored and rewritten; it is a cache of a read, so never written
into git (its folder ignores itself).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa

from collectors import incident_types, schema
from collectors.coverage import COVERAGE_FILE, SourceCoverage, coverage_of, coverage_table
from collectors.errors import StoreError
from collectors.files import write_atomic

INCIDENTS_FILE = "incidents.csv"
SOURCES_FILE = "sources.json"
SORT_ORDER = ["source", "reported_date", "record_id"]
CSV_CHUNK_ROWS = 100_000
CACHE_DIR = ".cache"
CACHE_FILE = "incidents.arrow"
# Held exclusively only while the files of a version are replaced, shared by readers (`Store.reading`).
# In the cache folder, which ignores itself for git, so that a reader never leaves a file in data/.
REPLACE_LOCK = "replace.lock"
DATASET_FILES = (INCIDENTS_FILE, COVERAGE_FILE, SOURCES_FILE)
# Part of the cache key: a parse by another version of this code or of pandas / pyarrow may differ.
_CACHE_FORMAT = "2"
_CACHE_KEY = b"observatory_cache_key"


class Store:
    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.incidents_path = self.data_dir / INCIDENTS_FILE
        self.sources_path = self.data_dir / SOURCES_FILE
        self.coverage_path = self.data_dir / COVERAGE_FILE
        self.cache_path = self.data_dir / CACHE_DIR / CACHE_FILE

    # --- reading -----------------------------------------------------------------------------
    def read_incidents(self) -> pd.DataFrame:
        if not self.incidents_path.exists():
            return schema.empty_frame()
        try:
            # One open file for the hash and the parse: writers replace the file, never change it in place.
            with open(self.incidents_path, "rb") as fh:
                key = _cache_key(hashlib.file_digest(fh, "sha256").hexdigest())
                cached = _read_cache(self.cache_path, key)
                if cached is not None:
                    return cached
                fh.seek(0)
                frame = self._parse(fh)
        except (OSError, pd.errors.ParserError) as err:
            raise StoreError("store", f"cannot read {self.incidents_path}: {err}") from None
        _write_cache(self.cache_path, key, frame)
        return frame

    def _parse(self, fh) -> pd.DataFrame:
        """The CSV in chunks of rows, each typed at once: the text of a million rows never sits in memory whole."""
        parts = []
        with pd.read_csv(fh, dtype=str, keep_default_na=False, chunksize=CSV_CHUNK_ROWS,
                         low_memory=False) as chunks:
            for text in chunks:
                self._check_columns(text)
                parts.append(_from_text(text))
        if not parts:  # a header and no rows
            fh.seek(0)
            text = pd.read_csv(fh, dtype=str, keep_default_na=False)
            self._check_columns(text)
            parts.append(_from_text(text))
        return parts[0] if len(parts) == 1 else schema.coerce(pd.concat(parts, ignore_index=True))

    def _check_columns(self, text: pd.DataFrame) -> None:
        if list(text.columns) != list(schema.COLUMN_NAMES):
            raise StoreError("store", f"{self.incidents_path} does not have the schema's columns (an older "
                                      "version?); rebuild it with `python -m collectors build`")

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

    def version(self) -> tuple:
        """(name, size, mtime_ns) of each file of the dataset: changes whenever a writer replaced one (a few
        stat calls, so a long-running reader can ask on every page view)."""
        stamp: list[tuple[str, int | None, int | None]] = []
        for name in DATASET_FILES:
            try:
                stat = (self.data_dir / name).stat()
            except OSError:
                stamp.append((name, None, None))
            else:
                stamp.append((name, stat.st_size, stat.st_mtime_ns))
        return tuple(stamp)

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Read the files of one version: waits while a writer is replacing them (a second or two), never
        while it downloads. A folder the reader may not write to is read without the lock."""
        try:
            if not self.data_dir.is_dir():
                raise FileNotFoundError(self.data_dir)  # nothing to read, so nothing to wait for
            lock = self._open_replace_lock()
        except OSError:
            yield
            return
        with lock:
            fcntl.flock(lock, fcntl.LOCK_SH)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _open_replace_lock(self):
        _ignored_folder(self.cache_path.parent)
        return open(self.cache_path.parent / REPLACE_LOCK, "a")

    @contextlib.contextmanager
    def _replacing(self) -> Iterator[None]:
        with self._open_replace_lock() as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

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
        """Validate, then replace both files atomically (call inside `locked()`). Each incident's attack type is
        derived here from its reports (collectors/incident_types.py), so it always agrees with incident_id."""
        incidents = schema.validate(incident_types.label_incidents(schema.coerce(incidents)), "store")
        ordered = incidents.sort_values(SORT_ORDER, kind="stable")
        csv = _to_text(ordered).to_csv(index=False, lineterminator="\n").encode("utf-8")
        del incidents, ordered
        coverage = _coverage_csv(sources)
        with self._replacing():  # readers see the old version or the new one, never a mix
            write_atomic(self.incidents_path, csv)
            write_atomic(self.coverage_path, coverage)
            self._write_sources_file(sources)
        del csv
        # Parsed back from the bytes just written (so exactly what a reader would get) into the cache:
        # the dashboard's first read after an update is then a cache hit.
        self.read_incidents()

    def write_coverage(self, sources: dict) -> None:
        """Replace data/coverage.csv, derived from the export records alone (collectors/coverage.py)."""
        coverage = _coverage_csv(sources)
        with self._replacing():
            write_atomic(self.coverage_path, coverage)

    def read_coverage_table(self) -> pd.DataFrame:
        """data/coverage.csv (an empty table when the dataset has none yet)."""
        if not self.coverage_path.exists():
            return coverage_table([])
        try:
            return pd.read_csv(self.coverage_path, dtype=str, keep_default_na=False)
        except (OSError, pd.errors.ParserError) as err:
            raise StoreError("store", f"cannot read {self.coverage_path}: {err}") from None

    def write_sources(self, sources: dict) -> None:
        """Replace data/sources.json atomically (call inside `locked()`)."""
        with self._replacing():
            self._write_sources_file(sources)

    def _write_sources_file(self, sources: dict) -> None:
        write_atomic(self.sources_path, (json.dumps(sources, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def _coverage_csv(sources: dict) -> bytes:
    return coverage_table(sources["exports"]).to_csv(index=False, lineterminator="\n").encode("utf-8")


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
    # Booleans by the schema's dtype: `bool` columns are never empty, `boolean` ones may be.
    for spec in schema.COLUMNS:
        if spec.dtype == "bool":
            frame[spec.name] = frame[spec.name] == "True"
        elif spec.dtype == "boolean":
            frame[spec.name] = frame[spec.name].map({"True": True, "False": False})
    return schema.coerce(frame)


def _cache_key(csv_sha256: str) -> str:
    columns = ",".join(f"{c.name}:{c.dtype}" for c in schema.COLUMNS)
    return f"{_CACHE_FORMAT}/{pd.__version__}/{pa.__version__}/{columns}/{csv_sha256}"


def _read_cache(path: Path, key: str) -> pd.DataFrame | None:
    """The frame cached for `key`, or None when the cache is absent, stale or unreadable."""
    try:
        with pa.memory_map(str(path)) as source:
            reader = pa.ipc.open_file(source)
            if (reader.schema.metadata or {}).get(_CACHE_KEY) != key.encode():
                return None
            frame = reader.read_all().to_pandas()
    except (OSError, pa.ArrowException, ValueError, TypeError, KeyError):
        return None
    if list(frame.columns) != list(schema.COLUMN_NAMES):
        return None
    return schema.coerce(frame)


def _ignored_folder(folder: Path) -> None:
    """data/.cache/, created with a .gitignore that ignores the whole folder."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# A cache of the parsed dataset, rebuilt when the CSV changes; never committed.\n*\n")


def _write_cache(path: Path, key: str, frame: pd.DataFrame) -> None:
    """Best effort: a read-only or full disk only costs the next reader a parse."""
    tmp = None
    try:
        _ignored_folder(path.parent)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), _CACHE_KEY: key.encode()})
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.fchmod(fd, 0o644)  # readable by a dashboard running as another user, like the CSV
        with os.fdopen(fd, "wb") as fh:
            with pa.ipc.new_file(fh, table.schema) as writer:
                writer.write_table(table)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
    except (OSError, pa.ArrowException, ValueError, TypeError):
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
