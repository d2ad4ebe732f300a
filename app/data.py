"""The dashboard's only reader of files: every loader, cached once per process and shared by all sessions.

Nothing else under app/ opens a file. The loaded frames are shared (st.cache_resource), so nothing may modify
them: the pure functions of app/prep return new frames (pandas copy-on-write makes derived frames independent
of the shared one). Computations kept here are the ones worth caching across sessions (coverage per period,
the search index, the vendor roll-up).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from app.prep import coverage as coverage_layer
from app.prep import explore_index, filtering, lag, search, timeline
from app.prep import methodology as methodology_prep
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
    return dataclasses.replace(build_dataset(incident_types.for_counting(incidents), coverage, table),
                               data_dir=data_dir, version=version)


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
    return _select(_dataset.incidents)


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


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _search_index(_dataset: Dataset, data_dir_: str | None, version: tuple) -> pd.Series:
    # Keyed by (folder, version); the dataset itself is not hashed (a leading underscore tells Streamlit).
    return search.fold_rows(_dataset.incidents)


def search_index(dataset: Dataset | None = None) -> pd.Series:
    """Organisation, town and vendor folded for search (app.prep.search), aligned with `dataset.incidents`
    (default: load_dataset(); pass the one the page drew, so that an update landing mid-run cannot split them)."""
    dataset = dataset or load_dataset()
    return _search_index(dataset, dataset.data_dir, dataset.version)


def _read_only(value):
    """Arrays shared by every session are made read-only: a page that wrote to one would change them all."""
    for array in (value.__dict__.values() if dataclasses.is_dataclass(value) else (value,)):
        if isinstance(array, np.ndarray):
            array.setflags(write=False)
    return value


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _row_index(_dataset: Dataset, data_dir_: str | None, version: tuple) -> explore_index.RowIndex:
    return _read_only(explore_index.build(_dataset.incidents))


def row_index(dataset: Dataset) -> explore_index.RowIndex:
    """The explorer's arrays over `dataset.incidents` (app.prep.explore_index), built once per version."""
    return _row_index(dataset, dataset.data_dir, dataset.version)


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT * 8)
def _sort_rank(_dataset: Dataset, data_dir_: str | None, version: tuple, column: str) -> np.ndarray:
    return _read_only(explore_index.sort_rank(_dataset.incidents[column]))


def sort_rank(dataset: Dataset, column: str) -> np.ndarray:
    """Rank of every report by `column` (explore_index.sort_rank), computed the first time a reader sorts by it."""
    return _sort_rank(dataset, dataset.data_dir, dataset.version, column)


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _attack_dates(_dataset: Dataset, data_dir_: str | None, version: tuple) -> pd.Series:
    return lag.attack_dates(_dataset.incidents)


def with_attack_dates(dataset: Dataset) -> pd.DataFrame:
    """dataset.incidents with its `attack_date` column (lag.attack_dates), as apply_filters() adds it on the
    incident basis; the dates computed once per version (a group-by over every incident)."""
    return dataset.incidents.assign(attack_date=_attack_dates(dataset, dataset.data_dir, dataset.version))


# A million reports: 1 MB a search; the last few searches are kept, so paging or sorting them costs nothing.
_SEARCHES_KEPT = 16


@st.cache_resource(show_spinner=False, max_entries=_SEARCHES_KEPT)
def _query_mask(_dataset: Dataset, data_dir_: str | None, version: tuple, query: str) -> np.ndarray:
    return _read_only(search.matches(search_index(_dataset), query).to_numpy(dtype=bool))


def query_mask(dataset: Dataset, query: str) -> np.ndarray:
    """search.matches(search_index(dataset), query) as a bool array over `dataset.incidents`."""
    return _query_mask(dataset, dataset.data_dir, dataset.version, query)


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _vendor_rollup(_dataset: Dataset, data_dir_: str | None, version: tuple) -> tuple[pd.DataFrame, pd.DataFrame]:
    from collectors import vendors  # the explorer's and incident page's only: not on the landing page's way

    incidents = _dataset.incidents
    members = vendors.rollup(incidents)
    return members, vendors.events(incidents, members)


def vendor_rollup(dataset: Dataset | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(members, events) of collectors.vendors.rollup() for `dataset` (default: load_dataset()), computed once
    per version of the files."""
    dataset = dataset or load_dataset()
    return _vendor_rollup(dataset, dataset.data_dir, dataset.version)


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _methodology_numbers(_dataset: Dataset, data_dir_: str | None, version: tuple) -> methodology_prep.Numbers:
    members, _ = vendor_rollup(_dataset)
    return methodology_prep.numbers(_dataset.incidents, _dataset.coverage, _dataset.withdrawn, members,
                                    _dataset.complete_through, _dataset.coverage_table)


def methodology_numbers(dataset: Dataset) -> methodology_prep.Numbers:
    """What the methodology page counts over the whole dataset (app.prep.methodology), once per version."""
    return _methodology_numbers(dataset, dataset.data_dir, dataset.version)


@st.cache_resource(show_spinner=False, max_entries=4 * _VERSIONS_KEPT)
def _per_version(_dataset: Dataset, _build: Callable[[Dataset], Any], name: str, data_dir_: str | None,
                 version: tuple) -> Any:
    return _build(_dataset)


def per_version(dataset: Dataset, name: str, build: Callable[[Dataset], Any]) -> Any:
    """`build(dataset)`, once per version of the files and `name`, shared by every session: for what a layer
    above this one (brief/) derives from the whole dataset. The result is shared: never modify it."""
    return _per_version(dataset, build, name, dataset.data_dir, dataset.version)


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _vendor_labels(_dataset: Dataset, data_dir_: str | None, version: tuple) -> tuple[dict[str, str], dict[str, str]]:
    members, events = vendor_rollup(_dataset)
    return (dict(zip(members["record_id"].tolist(), members["vendor"].tolist())),
            dict(zip(events["vendor_event_id"].tolist(), events["vendor"].tolist())))


def vendor_labels(dataset: Dataset) -> tuple[dict[str, str], dict[str, str]]:
    """The vendor_rollup() as look-ups, built once per version: the vendor of each record in an event, and
    of each event (do not modify them: they are shared)."""
    return _vendor_labels(dataset, dataset.data_dir, dataset.version)


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _multi_source_incidents(_dataset: Dataset, data_dir_: str | None, version: tuple) -> pd.DataFrame:
    return timeline.multi_source_incidents(_dataset.incidents)


def multi_source_incidents(dataset: Dataset) -> pd.DataFrame:
    """timeline.multi_source_incidents() of the dataset (the incident page's entry points), once per version."""
    return _multi_source_incidents(dataset, dataset.data_dir, dataset.version)


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
