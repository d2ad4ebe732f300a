"""What the pages build once per version of the dataset's files from the whole dataset, shared by every session:
the search index and the explorer's indexes, the attack dates, the vendor roll-up and its look-ups, the incident
page's entry points, the methodology page's numbers, and `per_version` for the brief. Each is cached by the
folder and the files' version (app.data.Dataset.data_dir, .version), so an update replaces them; the dataset itself
is passed unhashed (a leading underscore tells Streamlit). Results are shared: never modify them. Each build hands
the memory it freed back to the system (app.data.memory).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import streamlit as st

from app.data import _VERSIONS_KEPT, Dataset, load_dataset
from app.data.memory import release_freed
from app.prep import explore_index, lag, search, timeline

if TYPE_CHECKING:  # imported where it is used: it imports collectors.vendors, which the landing page does not need
    from app.prep import methodology as methodology_prep


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _search_index(_dataset: Dataset, data_dir_: str | None, version: tuple) -> pd.Series:
    # Keyed by (folder, version); the dataset itself is not hashed (a leading underscore tells Streamlit).
    return release_freed(search.fold_rows(_dataset.incidents))


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
    return release_freed(_read_only(explore_index.build(_dataset.incidents)))


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
    return release_freed(lag.attack_dates(_dataset.incidents))


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
    return release_freed((members, vendors.events(incidents, members)))


def vendor_rollup(dataset: Dataset | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(members, events) of collectors.vendors.rollup() for `dataset` (default: load_dataset()), computed once
    per version of the files."""
    dataset = dataset or load_dataset()
    return _vendor_rollup(dataset, dataset.data_dir, dataset.version)


@st.cache_resource(show_spinner=False, max_entries=_VERSIONS_KEPT)
def _methodology_numbers(_dataset: Dataset, data_dir_: str | None, version: tuple) -> methodology_prep.Numbers:
    from app.prep import methodology as methodology_prep

    members, _ = vendor_rollup(_dataset)
    return release_freed(methodology_prep.numbers(_dataset.incidents, _dataset.coverage, _dataset.withdrawn, members,
                                                  _dataset.complete_through, _dataset.coverage_table))


def methodology_numbers(dataset: Dataset) -> methodology_prep.Numbers:
    """What the methodology page counts over the whole dataset (app.prep.methodology), once per version."""
    return _methodology_numbers(dataset, dataset.data_dir, dataset.version)


@st.cache_resource(show_spinner=False, max_entries=4 * _VERSIONS_KEPT)
def _per_version(_dataset: Dataset, _build: Callable[[Dataset], Any], name: str, data_dir_: str | None,
                 version: tuple) -> Any:
    return release_freed(_build(_dataset))


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
    return release_freed(timeline.multi_source_incidents(_dataset.incidents))


def multi_source_incidents(dataset: Dataset) -> pd.DataFrame:
    """timeline.multi_source_incidents() of the dataset (the incident page's entry points), once per version."""
    return _multi_source_incidents(dataset, dataset.data_dir, dataset.version)
