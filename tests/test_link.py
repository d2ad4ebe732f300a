"""Cross-source linking on small hand-made frames: true pairs link, near-misses stay apart."""

from __future__ import annotations

import pandas as pd

from collectors import link, schema


def report(record_id, source, source_list, status, organization, date, country="FR", incident_date=None):
    row = {name: None for name in schema.COLUMN_NAMES}
    row.update(
        record_id=f"{source}:{record_id}", incident_id="inc:x", source=source, organization=organization,
        organization_type="healthcare_provider", country=country, attack_type="ransomware",
        reported_date=pd.Timestamp(date), incident_date=pd.Timestamp(incident_date) if incident_date else None,
        is_placeholder_count=False, is_removed_by_source=False, status=status, source_list=source_list,
        source_url="https://example.org/", source_snapshot="0" * 12, first_seen_at=pd.Timestamp(date),
        collected_at=pd.Timestamp(date),
    )
    return row


def frame(*rows) -> pd.DataFrame:
    return schema.coerce(pd.DataFrame(rows))


def incidents(result: pd.DataFrame) -> dict[str, str]:
    return dict(zip(result["record_id"], result["incident_id"]))


CLAIM = ("claim1", "ransomware_live", "victims", "claimed")
PRESS = ("press1", "ransomware_live", "press", "reported")
FILING = ("filing1", "hhs_ocr", "archive", "confirmed")


def test_a_claim_then_press_then_a_filing_become_one_incident_named_after_the_earliest():
    result = link.assign_incidents(frame(
        report(*CLAIM, "Centre Hospitalier de Dax", "2021-02-10"),
        report(*PRESS, "Centre hospitalier de Dax-Côte d'Argent", "2021-02-12"),
        report("other", "ransomware_live", "press", "reported", "CHU de Rennes", "2021-02-12"),
    ))
    ids = incidents(result)
    assert ids["ransomware_live:claim1"] == ids["ransomware_live:press1"] == link.own_incident_id(
        "ransomware_live:claim1")
    assert ids["ransomware_live:other"] != ids["ransomware_live:claim1"]


def test_a_regulator_filing_months_later_links_to_the_claim():
    result = link.assign_incidents(frame(
        report(*CLAIM, "Lakeside Pediatric Partners", "2024-03-01", country="US"),
        report(*FILING, "Lakeside Pediatric Partners, LLC", "2024-09-15", country="US"),
    ))
    assert result["incident_id"].nunique() == 1


def test_near_miss_other_country():
    result = link.assign_incidents(frame(
        report(*CLAIM, "Clinique Saint-Louis", "2023-05-01", country="FR"),
        report(*PRESS, "Clinique Saint-Louis", "2023-05-03", country="BE"),
    ))
    assert result["incident_id"].nunique() == 2


def test_near_miss_dates_too_far_apart():
    result = link.assign_incidents(frame(
        report(*CLAIM, "Hôpital de Villefranche-sur-Saône", "2021-02-15"),
        report(*PRESS, "Hôpital de Villefranche-sur-Saône", "2022-06-01"),
    ))
    assert result["incident_id"].nunique() == 2


def test_near_miss_filing_before_the_claim_by_more_than_a_month():
    result = link.assign_incidents(frame(
        report(*CLAIM, "Northgate Billing Solutions", "2024-06-01", country="US"),
        report(*FILING, "Northgate Billing Solutions", "2024-01-02", country="US"),
    ))
    assert result["incident_id"].nunique() == 2


def test_near_miss_names_sharing_only_a_generic_or_short_word():
    result = link.assign_incidents(frame(
        report(*CLAIM, "Saint Mary Medical Center", "2023-05-01", country="US"),
        report(*PRESS, "Mary Washington Hospital", "2023-05-02", country="US"),
    ))
    assert result["incident_id"].nunique() == 2


def test_two_filings_never_link_to_each_other():
    result = link.assign_incidents(frame(
        report("a", "hhs_ocr", "archive", "confirmed", "Kroger", "2019-10-25", country="US"),
        report("b", "hhs_ocr", "under_investigation", "confirmed", "Kroger", "2019-10-25", country="US"),
    ))
    assert result["incident_id"].nunique() == 2


def test_an_ambiguous_match_is_left_unlinked():
    # Two filings of one organisation a week apart could each be the claim's: we cannot tell which.
    result = link.assign_incidents(frame(
        report(*CLAIM, "Groupe Hospitalier Sud", "2023-05-01"),
        report("f1", "hhs_ocr", "archive", "confirmed", "Groupe Hospitalier Sud", "2023-07-02"),
        report("f2", "hhs_ocr", "archive", "confirmed", "Groupe Hospitalier Sud", "2023-07-09"),
    ))
    assert result["incident_id"].nunique() == 3


def test_of_several_filings_the_clearly_nearest_after_the_attack_is_the_attack_s():
    # Ascension: the May 2024 ransomware, its July 2024 filing (5.5 M people); a filing of April 2025 is another.
    result = incidents(link.assign_incidents(frame(
        report(*PRESS, "Ascension Health", "2024-05-10", country="US", incident_date="2024-05-08"),
        report("july", "hhs_ocr", "under_investigation", "confirmed", "Ascension Health", "2024-07-03", country="US"),
        report("april", "hhs_ocr", "under_investigation", "confirmed", "Ascension Health", "2025-04-10",
               country="US"),
    )))
    assert result["hhs_ocr:july"] == result["ransomware_live:press1"] != result["hhs_ocr:april"]


def test_a_filing_made_before_the_attack_never_links_to_it():
    # Eastern Connecticut Health Network filed a breach in July 2023; Prospect's ransomware hit it in August.
    result = link.assign_incidents(frame(
        report(*PRESS, "Eastern Connecticut Health Network (ECHN) et Waterbury HEALTH", "2023-08-03", country="US",
               incident_date="2023-08-01"),
        report(*FILING, "Eastern Connecticut Health Network", "2023-07-02", country="US"),
    ))
    assert result["incident_id"].nunique() == 2


def test_a_later_article_cannot_pull_a_story_after_its_filing():
    # Article 1 matches the filing of 20 May; article 2 of the same story dates the attack on 28 May: the
    # story may not join a filing made before an attack it describes.
    result = incidents(link.assign_incidents(frame(
        report("p1", "ransomware_live", "press", "reported", "Harbor Eye Clinic", "2024-05-02", country="US",
               incident_date="2024-05-01"),
        report("p2", "ransomware_live", "press", "reported", "Harbor Eye Clinic", "2024-05-30", country="US",
               incident_date="2024-05-28"),
        report(*FILING, "Harbor Eye Clinic", "2024-05-20", country="US"),
    )))
    assert result["ransomware_live:p1"] == result["ransomware_live:p2"] != result["hhs_ocr:filing1"]


def test_a_cyberattack_never_links_to_a_filing_of_a_lost_or_stolen_device():
    hacked = report(*PRESS, "Fred Hutchinson Cancer Center", "2023-11-25", country="US", incident_date="2023-11-24")
    theft = report(*FILING, "Fred Hutchinson Cancer Center", "2023-12-26", country="US") | {"attack_type": "loss"}
    assert link.assign_incidents(frame(hacked, theft))["incident_id"].nunique() == 2


def test_a_filing_listed_twice_takes_its_original_s_incident_and_does_not_make_a_match_ambiguous():
    first = report("s1", "hhs_ocr", "under_investigation", "confirmed", "Sturgis Hospital", "2025-09-18", country="US")
    again = report("s1-2", "hhs_ocr", "under_investigation", "confirmed", "Sturgis Hospital", "2025-09-18",
                   country="US") | {"duplicate_of": "hhs_ocr:s1"}
    press = report(*PRESS, "Sturgis Hospital", "2025-08-01", country="US", incident_date="2025-07-30")
    result = incidents(link.assign_incidents(frame(first, again, press)))
    assert result["hhs_ocr:s1"] == result["hhs_ocr:s1-2"] == result["ransomware_live:press1"]


def test_incident_date_is_used_when_the_source_gives_it():
    result = link.assign_incidents(frame(
        report(*CLAIM, "Lakeside Pediatric Partners", "2024-03-01", country="US", incident_date="2024-02-20"),
        report(*PRESS, "Lakeside Pediatric Partners", "2024-05-15", country="US", incident_date="2024-02-21"),
    ))
    assert result["incident_id"].nunique() == 1


def test_linking_does_not_modify_its_input():
    rows = frame(report(*CLAIM, "Alpha Clinic", "2024-01-01"), report(*PRESS, "Alpha Clinic", "2024-01-02"))
    before = rows.copy()
    link.assign_incidents(rows)
    pd.testing.assert_frame_equal(rows, before)


def test_names_match_rules():
    assert link.names_match("St. Mary’s Hospital", "ST MARYS HOSPITAL")
    assert link.names_match("Centre Hospitalier de Dax", "Centre hospitalier de Dax-Côte d'Argent")
    assert link.names_match("Lurie Children's", "Ann & Robert H. Lurie Children's Hospital of Chicago")
    assert not link.names_match("Saint Mary Medical Center", "Mary Washington Hospital")
    assert not link.names_match("Community Health Center", "Community Medical Center of Ohio")
    # Parenthesised short names, "dba" names and lists of victims name the same organisation ...
    assert link.names_match("Phoenician Medical Center, Inc", "Phoenician Medical Center (PMC)")
    assert link.names_match("Scurry County Hospital District dba Cogdell Memorial Hospital", "Cogdell Memorial Hospital")
    assert link.names_match("Foursquare Healthcare, Ltd.", "Foursquare Healthcare, Hi-School Pharmacy")
    assert link.names_match("Columbia Surgical Specialists of Spokane", "Columbia Surgical Specialist of Spokane")
    # ... but names that share only what kind of practice they are, or a place, do not.
    assert not link.names_match("The Plastic Surgery Center", "Hand & Plastic Surgery Centre")
    assert not link.names_match("Anne Arundel County Department of Health", "Anne Arundel Dermatology")
    assert not link.names_match("ASL Roma 1", "ASL Roma 2")  # numbered bodies are different bodies


def test_two_articles_about_one_attack_are_one_story_and_then_link_to_the_filing():
    result = link.assign_incidents(frame(
        report("p1", "ransomware_live", "press", "reported", "Alabama Ophthalmology Associates", "2025-01-22",
               country="US"),
        report("p2", "ransomware_live", "press", "reported", "Alabama Ophthalmology Associates", "2025-01-30",
               country="US"),
        report(*FILING, "Alabama Ophthalmology Associates", "2025-04-08", country="US"),
    ))
    assert result["incident_id"].nunique() == 1


def test_articles_months_apart_about_one_organisation_stay_two_stories():
    result = link.assign_incidents(frame(
        report("p1", "ransomware_live", "press", "reported", "Ascension Health", "2024-05-08", country="US"),
        report("p2", "ransomware_live", "press", "reported", "Ascension Health", "2024-11-20", country="US"),
    ))
    assert result["incident_id"].nunique() == 2
