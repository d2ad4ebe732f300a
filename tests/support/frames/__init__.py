"""Small hand-made incident frames, each with the facts its tests count by hand (see each module's table).

- `brief`: reports around ISO week 2020-W53, from four sources, for the weekly brief;
- `dashboard`: ten HHS-like reports around the turn of 2024, for the US page and the charts;
- `journalist`: twelve reports worldwide (one attack reported three ways, a vendor's breach, a hostile name),
  for the explorer, the incident page, the downloads and the shared links.

What they share lives here: a row with every schema column, the frame cast to the schema, and the data folder
written the way the collectors' store writes it, and the `data_dir` fixture of a test file that reads it:

    data_dir = data_dir_fixture(frames)  # in the test file, after `from tests.support.frames import journalist as frames`
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pytest

from collectors.schema import COLUMN_NAMES, DTYPES, coerce

# country -> (region, subregion) of the countries the frames use
REGIONS = {"US": ("Americas", "Northern America"), "FR": ("Europe", "Western Europe"),
           "DE": ("Europe", "Western Europe")}


def blank_row(**values) -> dict:
    """A row holding every column of the schema, None where `values` says nothing."""
    row = dict.fromkeys(COLUMN_NAMES)
    row.update(values)
    return row


def frame_of(rows: Iterable[dict]) -> pd.DataFrame:
    """The rows as the schema types them (a flag left unsaid is False)."""
    frame = pd.DataFrame(list(rows))
    for name, dtype in DTYPES.items():
        if dtype == "bool":
            frame[name] = frame[name].fillna(False).astype(bool)
    return coerce(frame)


def write_store(folder: Path, frame: pd.DataFrame, exports: list[dict]) -> Path:
    """`frame` and its exports written as the collectors' store writes data/ (incidents.csv, sources.json)."""
    from collectors.store import Store

    folder.mkdir(parents=True, exist_ok=True)
    store = Store(folder)
    with store.locked():
        store.write(frame, {"exports": [dict(e) for e in exports], "runs": {}})
    return folder


def data_dir_fixture(frames):
    """A module-scoped fixture named `data_dir`: `frames.write_data_dir(...)` in a fresh temporary folder, written
    once for the test file (the views only read it). tests/conftest.py's `open_page` opens pages on it."""

    @pytest.fixture(scope="module", name="data_dir")
    def data_dir(tmp_path_factory) -> Path:
        return frames.write_data_dir(tmp_path_factory.mktemp(frames.__name__.rsplit(".", 1)[-1]) / "data")

    return data_dir
