"""The runner, the store and the CLI: ingest, live update, failure isolation, locking, crash safety."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from collectors import __main__ as cli
from collectors import load_coverage, load_incidents, runner
from collectors.errors import SourceFormatError, StoreError
from collectors.http import make_session
from collectors.raw import RawExport
from collectors.sources import hhs_ocr
from collectors.store import Store
from tests.support.fake_hhs_portal import ARCHIVE_ROWS, UNDER_ROWS, FakePortal
from tests.support.hhs_csv import export, row

REPO = Path(__file__).resolve().parent.parent


def hhs(*rows: str, origin="export.csv", list_kind=None) -> RawExport:
    return RawExport("hhs_ocr", export(*rows), origin=origin, list_kind=list_kind)


def snapshot(data_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data_dir.glob("*")) if p.is_file() and p.name != ".lock"}


@pytest.fixture
def store(tmp_path) -> Store:
    return Store(tmp_path / "data")


def test_ingest_writes_rows_and_records_the_export(store):
    result = runner.ingest(store, "hhs_ocr", [hhs(row(name="A", description="x"), row(name="B", description="y"))],
                           progress=lambda _: None)
    assert (result.rows, result.added) == (2, 2)
    rows = load_incidents(store.data_dir)
    assert sorted(rows["organization"]) == ["A", "B"]
    exports = json.loads(store.sources_path.read_text())["exports"]
    assert [(e["list_kind"], e["rows"], e["as_of"]) for e in exports] == [("archive", 2, "2024-03-04")]
    assert rows["source_snapshot"].unique().tolist() == [exports[0]["snapshot_id"]]


def test_ingesting_the_same_export_twice_changes_nothing(store):
    first = hhs(row(description="x"))
    runner.ingest(store, "hhs_ocr", [first], progress=lambda _: None)
    before = snapshot(store.data_dir)
    result = runner.ingest(store, "hhs_ocr", [first], progress=lambda _: None)
    assert (result.added, result.updated, result.skipped_exports) == (0, 0, 1)
    assert snapshot(store.data_dir) == before


def test_a_bad_file_among_good_ones_leaves_the_dataset_as_it_was(store):
    runner.ingest(store, "hhs_ocr", [hhs(row(description="x"))], progress=lambda _: None)
    before = snapshot(store.data_dir)
    good = hhs(row(name="New Clinic", description="x"), origin="good.csv")
    bad = hhs(row(date="31/12/2024"), origin="bad.csv")
    with pytest.raises(SourceFormatError) as caught:
        runner.ingest(store, "hhs_ocr", [good, bad], progress=lambda _: None)
    assert "bad.csv" in str(caught.value) and "hhs_ocr" in str(caught.value)
    assert snapshot(store.data_dir) == before


def test_a_second_writer_is_refused_while_the_lock_is_held(store):
    with store.locked():
        with pytest.raises(StoreError, match="another update"):
            runner.ingest(store, "hhs_ocr", [hhs(row(description="x"))], progress=lambda _: None)
    assert not store.incidents_path.exists()


def test_reading_a_file_of_another_schema_fails_clearly(store):
    store.data_dir.mkdir(parents=True)
    store.incidents_path.write_text("record_id,organization\nx,y\n")
    with pytest.raises(StoreError, match="rebuild"):
        store.read_incidents()


def test_the_stored_csv_round_trips_exactly(store):
    rows = runner.parse_source(hhs_ocr, export(row(ba="", count=""), row(name="B", state="", count="501", ba="Yes")),
                         list_kind="archive")
    rows["is_care_disrupted"] = pd.array([True, pd.NA], dtype="boolean")  # nullable booleans survive too
    with store.locked():
        store.write(rows, {"exports": [], "runs": {}})
    again = store.read_incidents()
    # What the store adds is the incident's attack type, derived from the rows (collectors/incident_types.py).
    assert again["incident_attack_type"].tolist() == again["attack_type"].tolist()
    assert again["incident_attack_type_from"].tolist() == again["record_id"].tolist()
    derived = ["incident_attack_type", "incident_attack_type_from"]
    pd.testing.assert_frame_equal(again.drop(columns=derived), rows.drop(columns=derived).sort_values(
        ["source", "reported_date", "record_id"], ignore_index=True))


@pytest.mark.slow  # kills a real update process
def test_an_update_killed_mid_write_leaves_the_previous_dataset_intact(store):
    runner.ingest(store, "hhs_ocr", [hhs(row(description="x"))], progress=lambda _: None)
    before = snapshot(store.data_dir)
    # A child process starts an ingest whose write stalls before the rename; we SIGKILL it there.
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(REPO)!r})
        from collectors import runner
        from collectors.store import Store
        from collectors.raw import RawExport
        from tests.support.hhs_csv import export, row

        import os

        def stalled_fsync(fd):  # the real write has put its bytes in the file; stop before it is renamed
            print("writing", flush=True)
            time.sleep(60)

        os.fsync = stalled_fsync
        new = RawExport("hhs_ocr", export(*[row(name=f"Clinic {{i}}", description="x") for i in range(50)]), "new.csv")
        runner.ingest(Store({str(store.data_dir)!r}), "hhs_ocr", [new], progress=lambda _: None)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL
    after = {name: content for name, content in snapshot(store.data_dir).items() if not name.endswith(".tmp")}
    assert after == before
    assert len(load_incidents(store.data_dir)) == 1
    # The next update is not blocked: the kernel released the dead writer's lock.
    result = runner.ingest(store, "hhs_ocr", [hhs(row(name="Later", description="x"))], progress=lambda _: None)
    assert result.rows == 2


# --- live update against the fake portal ----------------------------------------------------------

def fast_session():
    return make_session(retries=1, backoff=0)


def test_live_update_fetches_both_lists_freezes_them_and_merges(store, monkeypatch):
    with FakePortal("normal") as portal:
        monkeypatch.setattr(hhs_ocr, "PORTAL_URL", portal.url)
        results = runner.update(store, store.data_dir / "raw", ["hhs_ocr"], session_factory=fast_session,
                                progress=lambda _: None)
    result = results["hhs_ocr"]
    assert not isinstance(result, Exception), result
    expected = UNDER_ROWS.count("\n") + ARCHIVE_ROWS.count("\n")
    assert result.added == expected
    rows = load_incidents(store.data_dir)
    assert rows["source_list"].value_counts().to_dict() == {"archive": ARCHIVE_ROWS.count("\n"),
                                                             "under_investigation": UNDER_ROWS.count("\n")}
    assert rows.loc[rows["organization"] == "Harborview Imaging Associates", "attack_type"].item() == "ransomware"
    # Raw bytes frozen with a provenance sidecar whose hash matches the rows' snapshot ids.
    sidecars = [json.loads(p.read_text()) for p in (store.data_dir / "raw" / "hhs_ocr").glob("*.json")]
    assert sorted(s["list_kind"] for s in sidecars) == ["archive", "under_investigation"]
    assert {s["sha256"][:12] for s in sidecars} == set(rows["source_snapshot"])
    today = pd.Timestamp(datetime.now(UTC).date())
    assert set(rows["collected_at"]) == {today}
    sources = json.loads(store.sources_path.read_text())
    assert "last_success" in sources["runs"]["hhs_ocr"]
    # Both lists of the same day: coverage is complete through that day.
    assert load_coverage(store.data_dir)[0].complete_through == today


def test_a_failing_live_source_keeps_its_rows_and_records_the_error(store, monkeypatch, capsys):
    runner.ingest(store, "hhs_ocr", [hhs(row(description="x"))], progress=lambda _: None)
    before = load_incidents(store.data_dir)
    with FakePortal("captcha") as portal:
        monkeypatch.setattr(hhs_ocr, "PORTAL_URL", portal.url)
        monkeypatch.setattr(runner, "make_session", fast_session)
        code = cli.main(["--data-dir", str(store.data_dir), "update", "--source", "hhs_ocr"])
    assert code == 1
    assert "hhs_ocr" in capsys.readouterr().err
    pd.testing.assert_frame_equal(load_incidents(store.data_dir), before)
    error = json.loads(store.sources_path.read_text())["runs"]["hhs_ocr"]["last_error"]
    assert "captcha" in error["message"]


# --- CLI -------------------------------------------------------------------------------------------

def test_cli_ingest_and_status(tmp_path, capsys):
    data_dir = tmp_path / "data"
    archive = tmp_path / "archive.csv"
    archive.write_bytes(export(row(name="A", description="x", date="01/02/2020"),
                               row(name="B", description="y", date="03/04/2021")))
    assert cli.main(["--data-dir", str(data_dir), "ingest", "hhs_ocr", str(archive), "--as-of", "2024-06-30"]) == 0
    out = capsys.readouterr().out
    assert "hhs_ocr: 2 rows, 2 added, 0 updated, 0 unchanged" in out
    assert cli.main(["--data-dir", str(data_dir), "status"]) == 0
    out = capsys.readouterr().out
    assert "rows               2  (reported 2020-01-02 to 2021-03-04)" in out
    assert "data as of         2024-06-30" in out
    assert "complete through   2022-06-30" in out  # an archive alone: 24 months before it
    assert "last live success  never" in out


def test_cli_reports_a_bad_file_by_name_and_exits_non_zero(tmp_path, capsys):
    page = tmp_path / "saved.csv"
    page.write_text("<html><body>Session expired</body></html>")
    assert cli.main(["--data-dir", str(tmp_path / "data"), "ingest", "hhs_ocr", str(page)]) == 1
    err = capsys.readouterr().err
    assert "[hhs_ocr] saved.csv" in err and "HTML" in err
    assert cli.main(["--data-dir", str(tmp_path / "data"), "ingest", "hhs_ocr", str(tmp_path / "missing.csv")]) == 1
    assert "cannot read" in capsys.readouterr().err


@pytest.mark.slow  # a real `python -m collectors`
def test_cli_runs_as_a_module(tmp_path):
    done = subprocess.run([sys.executable, "-m", "collectors", "--data-dir", str(tmp_path), "status"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert "the dataset is empty" in done.stdout


def test_partial_writes_use_a_temporary_file_in_the_same_folder(store, monkeypatch):
    # os.replace is atomic only within one file system: the temporary file must sit beside the target.
    seen = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (seen.append((Path(src), Path(dst))),
                                                          real_replace(src, dst)))
    runner.ingest(store, "hhs_ocr", [hhs(row(description="x"))], progress=lambda _: None)
    assert seen and all(src.parent == dst.parent for src, dst in seen)
    assert not list(store.data_dir.glob("*.tmp")) and not list(store.data_dir.glob(".*.tmp"))


def test_an_export_with_no_rows_for_us_is_recorded_and_changes_nothing(store):
    # A news feed whose items that day are not about healthcare: a success with no rows, not a crash.
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
            b'<item><title>City council approves new bridge</title><link>https://news.example.org/bridge</link>'
            b'<pubDate>Tue, 04 Mar 2025 10:00:00 +0000</pubDate></item></channel></rss>')
    export = RawExport("news_feeds", feed, origin="https://news.example.org/feed", list_kind="example",
                       fetched_at=datetime(2025, 3, 4, 12, tzinfo=UTC))
    result = runner.ingest(store, "news_feeds", [export], progress=lambda _: None)
    assert (result.rows, result.added) == (0, 0)
    (record,) = json.loads(store.sources_path.read_text())["exports"]
    assert (record["rows"], record["as_of"], record["list_kind"]) == (0, "2025-03-04", "example")
    assert runner.ingest(store, "news_feeds", [export], progress=lambda _: None).skipped_exports == 1
