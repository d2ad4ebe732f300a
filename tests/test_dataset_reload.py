"""An update replaces the dataset under a running dashboard: readers see the new version at their next page view,
without a restart, and never a mix of two versions (rows of one, coverage of the other)."""

from __future__ import annotations

import threading
import time

import pandas as pd
import pytest

from app import data
from collectors.store import Store
from tests.support.frames import dashboard as frames
from tests.support.frames import write_store


def _exports(rows: int, as_of: str) -> list[dict]:
    return [{"source": "hhs_ocr", "snapshot_id": f"{rows:012x}", "list_kind": "archive", "as_of": as_of, "rows": rows}]


def _write(folder, rows: int) -> None:
    """A version of `rows` reports whose sources.json says so, exported on the 28th of month `rows` of 2024."""
    write_store(folder, frames.incidents().head(rows), _exports(rows, f"2024-{rows:02d}-28"))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    _write(folder, 10)
    monkeypatch.setenv(data.DATA_DIR_ENV, str(folder))
    return folder


def test_an_update_is_seen_at_the_next_view_without_a_restart(folder):
    before = data.load_dataset()
    assert len(before.incidents) == 10 and before.as_of == pd.Timestamp("2024-10-28")
    assert data.load_dataset() is before  # unchanged files: the same shared object, nothing re-read
    index_before = data.search_index(before)

    _write(folder, 6)
    after = data.load_dataset()
    assert len(after.incidents) == 6 and after.as_of == pd.Timestamp("2024-06-28")
    assert after.version != before.version
    # What is built from the dataset follows it, and a page still drawing the old version keeps its own.
    assert len(data.search_index(after)) == 6
    assert data.search_index(before) is index_before
    members, events = data.vendor_rollup(after)
    assert set(members.columns) and len(events) <= 6


def test_readers_wait_while_the_files_are_replaced(folder):
    store = Store(folder)
    replacing, released = threading.Event(), threading.Event()
    order: list[str] = []

    def writer():
        with store._replacing():
            replacing.set()
            time.sleep(0.3)
            order.append("replaced")
        released.set()

    thread = threading.Thread(target=writer)
    thread.start()
    replacing.wait(5)
    with store.reading():
        order.append("read")
    thread.join(5)
    assert order == ["replaced", "read"]


def test_a_reader_never_sees_two_versions_at_once(folder):
    """A writer alternates versions of 4 and 9 rows as fast as it can; every read under `reading()` finds the
    rows, the coverage table and sources.json of one version."""
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer():
        try:
            n = 0
            while not stop.is_set():
                _write(folder, 4 if n % 2 else 9)
                n += 1
        except BaseException as err:  # noqa: BLE001 -- reported by the test below
            errors.append(err)

    thread = threading.Thread(target=writer)
    thread.start()
    store, seen = Store(folder), set()
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not {4, 9} <= seen:
            with store.reading():
                rows = len(store.read_incidents())
                listed = store.read_sources()["exports"][0]["rows"]
                table = store.read_coverage_table()
            assert rows == listed, "rows of one version, sources.json of another"
            assert table["month"].max() == f"2024-{rows:02d}", "rows of one version, coverage of another"
            seen.add(rows)
    finally:
        stop.set()
        thread.join(30)
    assert not errors
    assert {4, 9} <= seen  # the writer really alternated under the reader
