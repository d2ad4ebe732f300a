"""The dashboard's only reader of files: every loader, cached once per process and shared by all sessions.

Nothing else under app/ opens a file. The loaded frames are shared (st.cache_resource), so nothing may modify
them: the pure functions of app/prep return new frames (pandas copy-on-write makes derived frames independent
of the shared one). Computations kept here are the ones worth caching across sessions: coverage per period and
the page's own rows here, and in app/data/derived.py what is built once per version of the files from the whole
dataset (search index, explorer indexes, vendor roll-up, methodology numbers), re-exported below.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from app.data.memory import release_freed
from app.prep import coverage as coverage_layer
from app.prep import filtering
from app.prep.filtering import FilterOptions, Filters
from collectors import (
    DATA_DIR,
    SourceCoverage,
    dataset_version,
    incident_types,
    load_coverage,
    load_coverage_table,
    load_incidents,
    reading,
    schema,
)
from collectors.text import normalise

# Lets tests and previews point the dashboard at another dataset folder.
DATA_DIR_ENV = "OBSERVATORY_DATA_DIR"


@dataclass(frozen=True)
class Dataset:
    incidents: pd.DataFrame
    coverage: tuple[SourceCoverage, ...]
    as_of: pd.Timestamp | None  # newest export of any source
    complete_through: pd.Timestamp | None  # every source complete up to here; None when unknown
    options: FilterOptions
    withdrawn: int = 0  # reports the source no longer lists: kept on disk, never counted
    coverage_table: pd.DataFrame | None = None  # data/coverage.csv (collectors/coverage.py)
    repeated: int = 0  # filings a source lists twice word for word (`duplicate_of`): counted once
    data_dir: str | None = None  # where it was read from, and which version of the files (collectors.dataset_version):
    version: tuple = ()  # what is built from the dataset is cached by both, so always matches it


# Versions kept per process: the current one, and the one sessions may still be drawing when an update lands.
_VERSIONS_KEPT = 2


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _load(data_dir: str | None, version: tuple) -> Dataset:
    """`version` (collectors.dataset_version) is only the cache key: a new one means an update landed."""
    with reading(data_dir):  # the three files of one version, never an update half-done
        incidents, coverage, table = load_incidents(data_dir), load_coverage(data_dir), load_coverage_table(data_dir)
    # Counted by the incident's attack type (collectors/incident_types.py); the report's own is kept beside it.
    return release_freed(dataclasses.replace(build_dataset(incident_types.for_counting(incidents), coverage, table),
                                             data_dir=data_dir, version=version))


def _current() -> tuple[str | None, tuple]:
    data_dir_ = os.environ.get(DATA_DIR_ENV) or None
    return data_dir_, dataset_version(data_dir_)


def load_dataset() -> Dataset:
    """The dataset, read from disk once per version and shared read-only by all sessions. An update of the
    files (`python -m collectors update|ingest`) is picked up at the reader's next page view, without a
    restart; what is built from the dataset (search index, vendor roll-up) follows it."""
    return _load(*_current())


def build_dataset(incidents: pd.DataFrame, coverage: list[SourceCoverage],
                  coverage_table: pd.DataFrame | None = None) -> Dataset:
    """Reports the source has since withdrawn, and repeats of a filing listed twice, stay in the file for
    traceability but are never counted."""
    removed, repeated = schema.uncounted(incidents)
    withdrawn, repeats = int(removed.sum()), int(repeated.sum())
    if withdrawn or repeats:  # else the frame as it is: a copy would double the memory the load needs
        incidents = filtering.without_rows(incidents, (removed | repeated).to_numpy())
    as_of = max((c.data_as_of for c in coverage), default=None)
    # Periods after the earliest known complete-through date may still grow. Sources with no such date
    # (leak-site claims, press) are never complete: the views name them in a caveat of their own.
    known = [c.complete_through for c in coverage if c.complete_through is not None]
    complete_through = min(known) if known else None
    return Dataset(incidents, tuple(coverage), as_of, complete_through, filtering.filter_options(incidents, as_of), withdrawn,
                   coverage_table, repeats)


def selection_coverage(dataset: Dataset, filters: Filters, periods: pd.DataFrame,
                       sources: tuple[str, ...] | None = None) -> pd.DataFrame | None:
    """app.prep.coverage.period_coverage() for the reader's selection (None when the dataset has no coverage
    table: an old data folder). `sources` narrows the source filter (the US page counts HHS only)."""
    table = dataset.coverage_table
    if table is None or table.empty:
        return None
    countries = filters.countries or (
        coverage_layer.countries_of_regions(filters.regions, normalise.mapping("country_region"))
        if filters.regions else ())
    wanted = tuple(s for s in (filters.sources or dataset.options.sources) if sources is None or s in sources)
    return _period_coverage(table, id(table), dataset.version, tuple(periods["period_start"]),
                            tuple(periods["period_end"]), wanted or sources or (), tuple(filters.statuses),
                            tuple(countries))


@st.cache_data(show_spinner=False, max_entries=512)
def _period_coverage(_table: pd.DataFrame, table_id: int, version: tuple, starts: tuple, ends: tuple,
                     sources: tuple, statuses: tuple, countries: tuple) -> pd.DataFrame:
    """Cached by the selection (the table is the process's loaded one, named by its id): a rerun that changes
    another widget does not recompute it. And by the files' version: once an update has replaced the dataset
    and the old table is freed, Python may give its id to the new table."""
    periods = pd.DataFrame({"period_start": list(starts), "period_end": list(ends)})
    return coverage_layer.period_coverage(_table, periods, sources=sources, statuses=statuses, countries=countries)


def selection(dataset: Dataset, filters: Filters,
              rows: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> pd.DataFrame:
    """The reader's rows: filtering.apply_filters(), then `rows` (a page's own rows: app.prep.us.us_rows,
    app.prep.france.french_rows). Dated by the report, filtering goes row by row, so the page's rows (selected
    once per version of the files and shared) are filtered instead: a few thousand rows, not a million. Dated by
    the attack, a report takes its date from the linked reports of other sources, so the whole frame is needed."""
    if rows is None:
        return filtering.apply_filters(dataset.incidents, filters)
    if filters.date_basis == "reported":
        name = f"{rows.__module__}.{rows.__qualname__}"
        return filtering.apply_filters(_rows_of(dataset, dataset.data_dir, dataset.version, name, rows), filters)
    return rows(filtering.apply_filters(dataset.incidents, filters))


@st.cache_resource(show_spinner=False, max_entries=4 * _VERSIONS_KEPT)
def _rows_of(_dataset: Dataset, data_dir_: str | None, version: tuple, name: str,
             _select: Callable[[pd.DataFrame], pd.DataFrame]) -> pd.DataFrame:
    return release_freed(_select(_dataset.incidents))


# --- journalists' views: date basis, dataset fingerprint, search index, vendor roll-up ------------------


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_ENV) or DATA_DIR)


@st.cache_resource(show_spinner=False)
def _fingerprint(path: str, size: int, mtime_ns: int) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def dataset_sha256() -> str:
    """SHA-256 of data/incidents.csv as read now ('' when there is none): the version a citation names."""
    path = data_dir() / "incidents.csv"
    try:
        stat = path.stat()
    except OSError:
        return ""
    return _fingerprint(str(path), stat.st_size, stat.st_mtime_ns)


@st.cache_resource(show_spinner=False)
def _official_statistics(path: str, mtime_ns: int) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def official_statistics() -> pd.DataFrame:
    """data/official_statistics.csv: figures authorities publish, a layer of their own (never added to counts)."""
    path = data_dir() / "official_statistics.csv"
    if not path.exists():
        return pd.DataFrame(columns=["area", "period", "measure", "value", "unit", "counts_what", "publisher",
                                     "publication", "url", "read_on", "note"])
    return _official_statistics(str(path), path.stat().st_mtime_ns)


@st.cache_resource(show_spinner=False)
def _patient_harms(path: str, mtime_ns: int) -> pd.DataFrame | None:
    from collectors import cipher

    return cipher.read_patient_harms(path) if mtime_ns else None


def patient_harms() -> pd.DataFrame | None:
    """data/patient_harms.csv (CIPHER's records of harm to patients), shared read-only; None if not built."""
    from collectors import cipher  # the patient-impact page's only

    path = data_dir() / cipher.OUTPUT_FILE
    return _patient_harms(str(path), path.stat().st_mtime_ns if path.exists() else 0)


def readme_text() -> str:
    """data/README.md, where the corrections log is written (empty when the folder has none)."""
    path = data_dir() / "README.md"
    return path.read_text(encoding="utf-8") if path.exists() else ""


# What is built once per version from the whole dataset (after Dataset and _load, which it uses).
from app.data.derived import (  # noqa: E402
    methodology_numbers,
    multi_source_incidents,
    per_version,
    query_mask,
    row_index,
    search_index,
    sort_rank,
    vendor_labels,
    vendor_rollup,
    with_attack_dates,
)

__all__ = ["methodology_numbers", "multi_source_incidents", "per_version", "query_mask", "row_index", "search_index", "sort_rank", "vendor_labels", "vendor_rollup", "with_attack_dates"]  # re-exported; the loaders are public too
