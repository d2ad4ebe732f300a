"""Merging exports: the same filing seen twice becomes one row; different filings stay apart."""

from __future__ import annotations

import pandas as pd
import pytest

from collectors import dedupe, runner, schema
from collectors.sources import hhs_ocr
from tests.support.hhs_csv import export, row
from tests.support.snapshots import HHS_ARCHIVE_2023, HHS_ARCHIVE_2024, needs_snapshots


def parse(*rows: str, as_of: str, list_kind: str = "archive") -> pd.DataFrame:
    return runner.parse_source(hhs_ocr, export(*rows), list_kind=list_kind, as_of=pd.Timestamp(as_of))


def merged(*exports: pd.DataFrame) -> pd.DataFrame:
    result = schema.empty_frame()
    for rows in exports:
        result, _ = dedupe.merge(result, rows)
    return result


def test_names_that_differ_by_case_spacing_and_punctuation_are_one_filing():
    older = parse(row(name="St. Mary’s Hospital, Inc. "), as_of="2023-01-01")
    newer = parse(row(name="ST MARYS HOSPITAL INC"), as_of="2024-01-01")
    result = merged(older, newer)
    assert len(result) == 1
    assert result["organization"].item() == "ST MARYS HOSPITAL INC"  # newest values win
    assert result["record_id"].item() == older["record_id"].item()  # the id stays
    assert result["first_seen_at"].item() == pd.Timestamp("2023-01-01")
    assert result["collected_at"].item() == pd.Timestamp("2024-01-01")


def test_a_revised_count_updates_the_filing():
    older = parse(row(count="500"), as_of="2023-01-01")
    newer = parse(row(count="48210"), as_of="2024-01-01")
    result, summary = dedupe.merge(older, newer)
    assert len(result) == 1
    assert result["individuals_affected"].item() == 48210
    assert not result["is_placeholder_count"].item()
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 0)


def test_a_renamed_filing_matches_on_state_date_count_and_a_shared_word():
    older = parse(row(name="Walgreen Co.", state="IL", count="16089", date="01/08/2021"), as_of="2023-01-01")
    newer = parse(row(name="Walgreen Company", state="IL", count="16089", date="01/08/2021"), as_of="2024-01-01")
    assert len(merged(older, newer)) == 1


def test_near_miss_two_organisations_same_day_same_count_without_a_shared_word_stay_apart():
    older = parse(row(name="Northside Dental Group", count="1000"), as_of="2023-01-01")
    newer = parse(row(name="Riverbend Pediatrics", count="1000"), as_of="2024-01-01")
    assert len(merged(older, newer)) == 2


def test_near_miss_shared_generic_words_only_stay_apart():
    older = parse(row(name="Community Health Center", count="1000"), as_of="2023-01-01")
    newer = parse(row(name="Family Medical Center", count="1000"), as_of="2024-01-01")
    assert len(merged(older, newer)) == 2


def test_near_miss_same_name_other_state_stays_apart():
    older = parse(row(name="Mercy Hospital", state="IA"), as_of="2023-01-01")
    newer = parse(row(name="Mercy Hospital", state="MO"), as_of="2024-01-01")
    assert len(merged(older, newer)) == 2


def test_several_filings_of_one_organisation_on_one_day_are_told_apart_by_count():
    older = parse(row(name="Kroger", count="4812"), row(name="Kroger", count="2752"), as_of="2023-01-01")
    newer = parse(row(name="The Kroger", count="2752"), row(name="KROGER", count="4812"), as_of="2024-01-01")
    result = merged(older, newer)
    assert len(result) == 2
    assert sorted(result["individuals_affected"].tolist()) == [2752, 4812]
    assert set(result["record_id"]) == set(older["record_id"])


def test_an_older_export_merged_late_fills_gaps_but_never_overrides_newer_values():
    newer = parse(row(count="9000", ba=""), as_of="2024-01-01")
    older = parse(row(count="9000", ba="Yes", btype="Hacking/IT Incident", description="ransomware"),
                  as_of="2023-01-01")
    result = merged(newer, older)
    assert len(result) == 1
    assert result["business_associate_involved"].item() == True  # noqa: E712  # a gap filled from the older export
    assert result["attack_type"].item() == "hacking"  # the newer value stays
    assert result["collected_at"].item() == pd.Timestamp("2024-01-01")
    assert result["first_seen_at"].item() == pd.Timestamp("2023-01-01")


def test_a_damaged_name_never_replaces_a_clean_one():
    clean = parse(row(name="Laboratorio Clínico Caparros", state="", count="500"), as_of="2023-01-01")
    damaged = parse(row(name="Laboratorio Cl??nico Caparros", state="", count="500"), as_of="2024-01-01")
    assert merged(clean, damaged)["organization"].item() == "Laboratorio Clínico Caparros"
    assert merged(damaged, clean)["organization"].item() == "Laboratorio Clínico Caparros"


def test_compare_counts_what_changed_by_record_id():
    before = parse(row(name="A"), row(name="B", count="700"), as_of="2023-01-01")
    after, _ = dedupe.merge(before, parse(row(name="A"), row(name="B", count="900"), row(name="C"),
                                          as_of="2024-01-01"))
    summary = dedupe.compare(before, after)
    assert (summary.added, summary.updated, summary.unchanged) == (1, 1, 1)
    assert str(summary) == "1 added, 1 updated, 1 unchanged"


@pytest.mark.slow  # merges the real archives
@needs_snapshots
def test_real_archives_merge_into_the_newer_one_with_known_renames_linked():
    older = runner.parse_source(hhs_ocr, HHS_ARCHIVE_2023.read_bytes())
    newer = runner.parse_source(hhs_ocr, HHS_ARCHIVE_2024.read_bytes())
    result, _ = dedupe.merge(older, newer)
    # Every filing of the newer archive is present once; the older one adds only filings OCR later dropped.
    assert result["record_id"].is_unique
    only_old = result[result["collected_at"] == pd.Timestamp("2023-02-23")]
    assert len(result) == len(newer) + len(only_old)
    assert len(only_old) == 3
    # Real renames found in the two files, each merged into one row.
    for state, date, count, name in [
        ("US-IL", "2021-01-08", 16089, "Walgreen Company"),
        ("US-NV", None, 1833, "University Medical Center of Southern Nevada"),
        ("US-PA", "2020-12-03", 37989, "Regional Women's Health Group, LLC d/b/a Sincera Reproductive Medicine"),
    ]:
        same = result[(result["subdivision"] == state) & (result["individuals_affected"] == count)]
        if date:
            same = same[same["reported_date"] == pd.Timestamp(date)]
        assert same["organization"].tolist() == [name]
    # The accent the newer file mangled is kept from the older one.
    caparros = result[result["organization"].str.contains("Caparros")]
    assert caparros["organization"].tolist() == ["Laboratorio Clínico Caparros"]


def test_rows_with_the_same_record_id_are_one_report_whatever_their_other_fields():
    older = parse(row(name="Alpha Clinic", count="100"), as_of="2023-01-01")
    newer = parse(row(name="Completely Renamed Org", state="NV", count="999"), as_of="2024-01-01")
    newer = newer.assign(record_id=older["record_id"])  # a source whose own id says they are the same
    result = merged(older, newer)
    assert len(result) == 1
    assert result["organization"].item() == "Completely Renamed Org"
