"""The committed dataset: what our collectors build from the snapshots, checked against published figures."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from collectors import DATA_DIR, load_coverage, load_incidents, registry, schema
from collectors import __main__ as cli
from collectors.store import Store
from tests.support.snapshots import SNAPSHOTS, needs_snapshots

README = (DATA_DIR / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def committed() -> pd.DataFrame:
    return load_incidents()


@pytest.fixture(scope="module")
def hhs(committed) -> pd.DataFrame:
    return committed[committed["source"] == "hhs_ocr"]


@pytest.fixture(scope="module")
def counted(hhs) -> pd.DataFrame:
    """The HHS rows every count uses: reports the source still lists, a filing listed twice once."""
    removed, repeated = schema.uncounted(hhs)
    return hhs[~(removed | repeated)]


def test_committed_dataset_fits_the_schema(committed):
    schema.validate(committed, "data/incidents.csv")
    assert len(committed) > 6000


@pytest.mark.slow  # rebuilds the dataset from every snapshot
@needs_snapshots
def test_committed_dataset_is_exactly_what_the_collectors_build_from_the_snapshots(tmp_path):
    (tmp_path / "data").mkdir()
    store = Store(tmp_path / "data")
    assert cli.main(["--data-dir", str(store.data_dir), "build", "--snapshots", str(SNAPSHOTS)]) == 0
    assert store.incidents_path.read_bytes() == (DATA_DIR / "incidents.csv").read_bytes(), (
        "data/incidents.csv is stale: rebuild it with `python -m collectors build`")
    assert store.sources_path.read_bytes() == (DATA_DIR / "sources.json").read_bytes()
    assert store.coverage_path.read_bytes() == (DATA_DIR / "coverage.csv").read_bytes()
    assert (store.data_dir / "patient_harms.csv").read_bytes() == (DATA_DIR / "patient_harms.csv").read_bytes()


# Yearly counts of HHS breach reports published from the portal (sources in data/README.md).
PUBLISHED = {
    2015: 270,  # InfoRiskToday, January 2022
    2020: 663,  # Definitive Healthcare, October 2021
}


def test_filings_hhs_lists_twice_are_flagged_and_counted_once(hhs, counted):
    repeats = hhs[hhs["duplicate_of"].notna()]
    assert {"Sturgis Hospital", "McEwen & Associates", "Area Agency of Aging 1-B"} <= set(repeats["organization"])
    originals = hhs.set_index("record_id").loc[repeats["duplicate_of"]]
    for column in ("organization", "subdivision", "reported_date", "individuals_affected", "attack_type"):
        assert (originals[column].to_numpy() == repeats[column].to_numpy()).all()
    assert not counted["record_id"].isin(repeats["record_id"]).any()
    assert counted["record_id"].isin(repeats["duplicate_of"]).any()


@pytest.mark.parametrize("year, published", PUBLISHED.items())
def test_yearly_counts_match_published_figures_for_fully_covered_years(counted, year, published):
    assert (counted["reported_date"].dt.year == year).sum() == published


def test_2019_differs_from_the_published_figure_by_the_one_duplicate_ocr_removed(hhs, counted):
    # Definitive Healthcare counted 512 for 2019 in 2021; OCR has since deleted a duplicate filing.
    in_2019 = hhs["reported_date"].dt.year == 2019
    assert (counted["reported_date"].dt.year == 2019).sum() == 511
    removed = hhs[in_2019 & hhs["is_removed_by_source"]]
    assert removed["organization"].tolist() == ["Fairfield Medical Center"]


def test_2009_to_2017_total_is_within_one_of_the_published_figure(counted):
    # HIPAA Guide: 2,181 breaches from 2009 to 2017 (ours: 2,180, two filings HHS lists twice counted once).
    assert abs(counted["reported_date"].dt.year.between(2009, 2017).sum() - 2181) <= 1


def test_coverage_marks_everything_after_mid_2022_as_incomplete():
    coverage = {c.source: c for c in load_coverage()}
    assert coverage["hhs_ocr"].complete_through == pd.Timestamp("2022-06-28")  # 2024-06-28 archive - 24 months
    assert coverage["hhs_ocr"].data_as_of == pd.Timestamp("2025-12-31")


def test_dataset_holds_no_narrative_text(committed):
    # Structured fields only: OCR's Web Description (sentences of 200-2,000 characters) never reaches the file.
    text_columns = [c.name for c in schema.COLUMNS if c.dtype == "str" and c.name != "source_url"]
    longest = {column: committed[column].str.len().max() for column in text_columns}
    assert max(longest.values()) < 300, longest


def test_every_source_is_documented_in_the_data_readme():
    for name in registry.SOURCES:
        assert f"`{name}`" in README, f"source {name} is missing from data/README.md"


def test_the_data_dictionary_is_the_schema():
    assert schema.markdown_dictionary() in README, "regenerate the table with collectors.schema.markdown_dictionary()"


def test_every_mapping_table_is_documented():
    for table in (DATA_DIR / "mappings").glob("*.csv"):
        assert f"mappings/{table.name}" in README


def test_no_source_snapshot_was_copied_into_the_repository():
    repo = Path(__file__).resolve().parent.parent
    big_csvs = [p for p in repo.rglob("*.csv") if p.stat().st_size > 50_000 and ".git" not in p.parts
                and p not in (DATA_DIR / "incidents.csv", DATA_DIR / "patient_harms.csv", DATA_DIR / "coverage.csv",
                              # hand-checked pairs of record ids with our own reasons, not a source's file
                              repo / "tests" / "fixtures" / "link_reference.csv")]
    assert big_csvs == []
