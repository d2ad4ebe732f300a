"""Linking on the committed dataset: real pairs found across sources, and real near-misses kept apart."""

from __future__ import annotations

import pandas as pd
import pytest

from collectors import link, link_quality, load_incidents


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return load_incidents()


def incidents_of(data: pd.DataFrame, name: str, **where) -> pd.DataFrame:
    rows = data[data["organization"].str.contains(name, regex=False)]
    for column, value in where.items():
        rows = rows[rows[column] == value]
    return rows


@pytest.mark.parametrize("name, sources, before", [
    ("Premera Blue Cross", {"eurepoc", "hhs_ocr"}, "2016-01-01"),  # 2014 intrusion, filed in March 2015
    ("Barrett Eye Care", {"ransomware_live", "hhs_ocr"}, None),  # a leak-site claim, a filing six weeks later
    ("Clarke County Hospital", {"ransomware_live", "hhs_ocr"}, None),  # press in April 2023, filing in May
    ("Alabama Ophthalmology Associates", {"ransomware_live", "hhs_ocr"}, None),  # two articles and a filing
])
def test_real_reports_of_one_attack_share_an_incident(data, name, sources, before):
    rows = incidents_of(data, name)
    if before:  # leave out the organisation's later, unrelated filings
        rows = rows[rows["reported_date"] < before]
    assert set(rows["source"]) == sources
    assert rows["incident_id"].nunique() == 1, rows[["source", "organization", "reported_date", "incident_id"]]


def test_repeated_filings_of_one_organisation_stay_separate_incidents(data):
    filings = incidents_of(data, "Blue Shield of California", source="hhs_ocr")
    assert len(filings) >= 8
    assert filings["incident_id"].is_unique


def test_a_press_report_links_to_the_filing_clearly_nearest_after_the_attack(data):
    # Ascension: the May 2024 ransomware and its July 2024 filing (5.5 M people); the April 2025 filing is another.
    ascension = data[data["organization"] == "Ascension Health"].set_index("source")
    press = ascension.loc[["ransomware_live"], "incident_id"].iloc[0]
    filings = data[(data["organization"] == "Ascension Health") & (data["source"] == "hhs_ocr")]
    assert filings.loc[filings["incident_id"] == press, "individuals_affected"].tolist() == [5_466_931]
    assert filings["incident_id"].is_unique


def test_no_report_links_to_a_filing_made_before_the_attack_it_describes(data):
    counted = data[~data["is_removed_by_source"] & data["duplicate_of"].isna()]
    filed = counted[counted["status"] == "confirmed"].groupby("incident_id")["reported_date"].min()
    dated = counted[(counted["status"] != "confirmed") & counted["incident_date"].notna()]
    dated = dated[dated["incident_id"].isin(filed.index)]
    assert len(dated) > 500
    # A month-dated report (CISSM) may be any day of its month, as the linking windows allow.
    slack = pd.to_timedelta(dated["date_precision"].eq("month").astype(int) * 31, unit="D")
    before = dated[filed.loc[dated["incident_id"]].to_numpy() < (dated["incident_date"] - slack).to_numpy()]
    assert before.empty, before[["organization", "source", "incident_date"]]


def test_a_filing_listed_twice_is_one_incident_and_counted_once(data):
    sturgis = data[data["organization"] == "Sturgis Hospital"]
    assert len(sturgis) == 2 and sturgis["incident_id"].nunique() == 1
    assert sturgis["duplicate_of"].notna().sum() == 1
    assert sturgis["duplicate_of"].dropna().iloc[0] in set(sturgis["record_id"])


def test_links_are_few_and_only_where_the_rules_allow(data):
    sizes = data.groupby("incident_id").size()
    linked = data[data["incident_id"].isin(sizes[sizes > 1].index)]
    # A group spans two channels, or is several press articles of one channel about one organisation.
    for _, group in linked.groupby("incident_id"):
        channels = (group["source"] + "/" + group["source_list"]).nunique()
        names = list(group["organization"])
        # Same story: one channel's reports naming the organisation alike (CISSM codes "Cardiac Imaging
        # Associates, CIA" and "... (CIA)" for one event).
        repeats = group["duplicate_of"].notna().sum()
        assert channels >= 2 or repeats or (set(group["status"]) == {"reported"}
                                            and all(link.names_match(names[0], other) for other in names[1:]))
    filings = linked[linked["duplicate_of"].isna() & (linked["status"] == "confirmed")]
    assert not (filings.groupby("incident_id").size() > 1).any()
    # Most reports stay alone. CISSM's US events are mostly press codings of HHS filings (a source to link, not
    # to add): 748 of its 1,368 events link to another source, and linked reports are ~20% of all rows. Whether
    # the links are right is measured on the hand-checked pairs (test_the_linker_meets_its_targets...).
    assert len(linked) < 0.25 * len(data)
    assert (linked["source"] == "cissm").sum() < 0.6 * (data["source"] == "cissm").sum()


def test_the_linker_meets_its_targets_on_the_hand_checked_reference_pairs(data):
    """tests/fixtures/link_reference.csv: real pairs a person checked (collectors/link_quality.py)."""
    reference = link_quality.load_reference()
    assert (reference["same_attack"] == "yes").sum() >= 100 and (reference["same_attack"] == "no").sum() >= 50
    quality = link_quality.evaluate(data, reference)
    assert quality.precision >= 0.98, quality.wrong
    assert quality.recall >= 0.90, quality.wrong


def test_link_quality_counts_what_the_linker_gets_right_and_wrong():
    frame = pd.DataFrame({"record_id": list("abcdef"), "incident_id": ["1", "1", "2", "3", "4", "4"]})
    reference = pd.DataFrame({"a_id": list("acea"), "b_id": list("bdfc"), "same_attack": ["yes", "yes", "no", "unsure"],
                              "reason": [""] * 4})
    quality = link_quality.evaluate(frame, reference)
    assert (quality.true_links, quality.missed, quality.false_links, quality.unsure) == (1, 1, 1, 1)
    assert quality.precision == 0.5 and quality.recall == 0.5
    assert quality.wrong["linker"].tolist() == ["apart", "linked"]
    with pytest.raises(ValueError, match="not in the dataset"):
        link_quality.evaluate(frame.iloc[:2], reference)
