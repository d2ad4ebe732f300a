"""What the weekly run relies on, offline: `collectors update --summary-file` (its commit message, empty when
nothing changed) and `brief --print-week` (the week it writes briefs for)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from brief import cli as brief_cli
from brief.compute import default_week
from collectors import __main__ as cli
from collectors import incident_types, load_coverage, load_coverage_table, load_incidents, runner
from collectors.errors import FetchError
from collectors.http import make_session
from collectors.sources import hhs_ocr
from tests.fake_hhs_portal import ARCHIVE_ROWS, UNDER_ROWS, FakePortal

REPO = Path(__file__).resolve().parent.parent
ROWS = UNDER_ROWS.count("\n") + ARCHIVE_ROWS.count("\n")


def fast_session():
    return make_session(retries=1, backoff=0)


# --- collectors update --summary-file ------------------------------------------------------------------

def test_the_summary_adds_up_the_sources_that_succeeded():
    results = {
        "hhs_ocr": runner.IngestResult("hhs_ocr", 100, 10, 3, 87, 0),
        "news_feeds": runner.IngestResult("news_feeds", 5, 2, 0, 3, 0),
        "eurepoc": FetchError("eurepoc", "HTTP 500"),
    }
    assert runner.change_summary(results) == "12 added, 3 revised"
    assert runner.change_summary({"hhs_ocr": runner.IngestResult("hhs_ocr", 9, 0, 0, 9, 1)}) == ""
    assert runner.change_summary({"eurepoc": FetchError("eurepoc", "HTTP 500")}) == ""


def test_update_writes_the_summary_line_then_an_empty_file_when_nothing_changed(tmp_path, monkeypatch, capsys):
    data_dir, summary = tmp_path / "data", tmp_path / "summary.txt"
    monkeypatch.setattr(runner, "make_session", fast_session)
    with FakePortal("normal") as portal:
        monkeypatch.setattr(hhs_ocr, "PORTAL_URL", portal.url)
        args = ["--data-dir", str(data_dir), "update", "--source", "hhs_ocr", "--summary-file", str(summary)]
        assert cli.main(args) == 0
        assert summary.read_text() == f"{ROWS} added, 0 revised\n"
        assert f"{ROWS} added" in capsys.readouterr().out
        # The same two exports again: already ingested, nothing changes, and the file says so by being empty
        # (rewritten, so last week's line is never taken for this week's).
        assert cli.main(args) == 0
    assert summary.read_text() == ""


def test_a_failed_update_exits_1_leaves_the_data_and_writes_an_empty_summary(tmp_path, monkeypatch, capsys):
    data_dir, summary = tmp_path / "data", tmp_path / "summary.txt"
    monkeypatch.setattr(runner, "make_session", fast_session)
    with FakePortal("normal") as portal:
        monkeypatch.setattr(hhs_ocr, "PORTAL_URL", portal.url)
        assert cli.main(["--data-dir", str(data_dir), "update", "--source", "hhs_ocr"]) == 0
    before = load_incidents(data_dir)
    summary.write_text("stale line\n")
    with FakePortal("server_error") as portal:
        monkeypatch.setattr(hhs_ocr, "PORTAL_URL", portal.url)
        code = cli.main(["--data-dir", str(data_dir), "update", "--source", "hhs_ocr",
                         "--summary-file", str(summary)])
    assert code == 1
    assert "FAILED [hhs_ocr]" in capsys.readouterr().err
    assert summary.read_text() == ""
    pd.testing.assert_frame_equal(load_incidents(data_dir), before)


# --- brief --print-week ----------------------------------------------------------------------------------

def test_print_week_names_the_week_the_brief_covers_by_default(capsys):
    data_dir = REPO / "data"
    expected = default_week(incident_types.for_counting(load_incidents(data_dir)), load_coverage(data_dir),
                            load_coverage_table(data_dir))
    assert brief_cli.main(["--print-week", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out == f"{expected}\n"


def test_print_week_on_an_empty_dataset_fails_clearly(tmp_path, capsys):
    assert brief_cli.main(["--print-week", "--data-dir", str(tmp_path)]) == 1
    assert "empty" in capsys.readouterr().err


def test_the_brief_still_needs_out_unless_it_prints_the_week(capsys):
    with pytest.raises(SystemExit) as stop:
        brief_cli.main(["--lang", "fr"])
    assert stop.value.code == 2 and "--out" in capsys.readouterr().err
