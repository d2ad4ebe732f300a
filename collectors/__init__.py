"""Collectors that turn public reports of cyberattacks on healthcare into one tidy dataset.

Read the dataset through `load_incidents()`; see `collectors.schema` for its columns.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from collectors.coverage import SourceCoverage

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def load_incidents(data_dir: Path | str | None = None) -> pd.DataFrame:
    """The committed tidy dataset (data/incidents.csv) with the schema's dtypes."""
    from collectors import store

    return store.Store(Path(data_dir) if data_dir else DATA_DIR).read_incidents()


def load_coverage(data_dir: Path | str | None = None) -> list[SourceCoverage]:
    """For each source in the dataset: as-of date and the date through which it is complete."""
    from collectors import store

    return store.Store(Path(data_dir) if data_dir else DATA_DIR).coverage()


def load_coverage_table(data_dir: Path | str | None = None) -> pd.DataFrame:
    """data/coverage.csv: which source covers which list, country and month, and how (collectors/coverage.py)."""
    from collectors import store

    return store.Store(Path(data_dir) if data_dir else DATA_DIR).read_coverage_table()


def dataset_version(data_dir: Path | str | None = None) -> tuple:
    """A stamp of the dataset's files (size and modification time of each) that changes with every update."""
    from collectors import store

    return store.Store(Path(data_dir) if data_dir else DATA_DIR).version()


def reading(data_dir: Path | str | None = None):
    """Context manager: while it is held, the dataset's files all belong to one version (no update half-done)."""
    from collectors import store

    return store.Store(Path(data_dir) if data_dir else DATA_DIR).reading()


__all__ = ["DATA_DIR", "SourceCoverage", "dataset_version", "load_coverage", "load_coverage_table", "load_incidents", "reading"]
