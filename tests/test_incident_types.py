"""The attack type of an incident: the most specific its reports state, with where it comes from."""

from __future__ import annotations

import pandas as pd
import pytest

from collectors import incident_types, load_incidents, schema
from collectors.errors import SourceFormatError


def rows(*reports) -> pd.DataFrame:
    return pd.DataFrame([{"record_id": r, "incident_id": i, "attack_type": a, "reported_date": pd.Timestamp(d)}
                         for r, i, a, d in reports])


NO_CURATED = pd.DataFrame(columns=list(incident_types.CURATED_COLUMNS))


def test_an_open_hhs_case_takes_the_ransomware_its_press_report_states():
    labelled = incident_types.label_incidents(rows(
        ("hhs_ocr:change", "inc:1", "hacking", "2024-07-19"),
        ("ransomware_live:press", "inc:1", "ransomware", "2024-02-21"),
        ("hhs_ocr:other", "inc:2", "hacking", "2024-03-01"),
    ), NO_CURATED).set_index("record_id")
    assert labelled.loc["hhs_ocr:change", "incident_attack_type"] == "ransomware"
    assert labelled.loc["hhs_ocr:change", "incident_attack_type_from"] == "ransomware_live:press"
    assert labelled.loc["hhs_ocr:change", "attack_type"] == "hacking"  # the report's own stays
    assert labelled.loc["hhs_ocr:other", "incident_attack_type"] == "hacking"
    assert labelled.loc["hhs_ocr:other", "incident_attack_type_from"] == "hhs_ocr:other"


def test_a_ddos_or_a_vague_label_does_not_relabel_a_breach_and_ties_go_to_the_earliest_report():
    labelled = incident_types.label_incidents(rows(
        ("a", "inc:1", "ddos", "2024-01-01"), ("b", "inc:1", "hacking", "2024-02-01"),
        ("c", "inc:2", "unknown", "2024-01-01"), ("d", "inc:2", "other", "2024-01-05"),
        ("e", "inc:3", "hacking", "2024-03-01"), ("f", "inc:3", "hacking", "2024-01-01"),
    ), NO_CURATED).set_index("record_id")
    assert labelled.loc["a", ["incident_attack_type", "incident_attack_type_from"]].tolist() == ["hacking", "b"]
    assert labelled.loc["c", "incident_attack_type"] == "other"
    assert labelled.loc["e", "incident_attack_type_from"] == "f"


def test_a_curated_label_names_the_page_it_rests_on():
    curated = pd.DataFrame([{"record_id": "press", "attack_type": "ransomware", "source_url": "https://example.org/a",
                             "checked_on": "2026-12-02", "note": ""}])
    labelled = incident_types.label_incidents(rows(
        ("press", "inc:1", "hacking", "2024-05-09"), ("filing", "inc:1", "hacking", "2024-07-03")), curated)
    assert set(labelled["incident_attack_type"]) == {"ransomware"}
    assert set(labelled["incident_attack_type_from"]) == {"https://example.org/a"}


def test_curated_labels_are_checked(tmp_path):
    path = tmp_path / "attack_types.csv"
    path.write_text("record_id,attack_type,source_url,checked_on,note\nx,ransom,https://a.org,2026-12-02,\n")
    with pytest.raises(SourceFormatError, match="unknown attack types"):
        incident_types.read_curated(path)
    path.write_text("record_id,attack_type,source_url,checked_on,note\nx,ransomware,,2026-12-02,\n")
    with pytest.raises(SourceFormatError, match="URL of the page read"):
        incident_types.read_curated(path)
    assert set(incident_types.SPECIFICITY) == set(schema.ATTACK_TYPES)


def test_counting_uses_the_incident_s_type_and_keeps_the_report_s():
    labelled = incident_types.label_incidents(rows(
        ("filing", "inc:1", "hacking", "2024-07-19"), ("press", "inc:1", "ransomware", "2024-02-21")), NO_CURATED)
    counted = incident_types.for_counting(labelled).set_index("record_id")
    assert counted.loc["filing", ["attack_type", "report_attack_type"]].tolist() == ["ransomware", "hacking"]
    plain = rows(("filing", "inc:1", "hacking", "2024-07-19"))
    assert incident_types.for_counting(plain) is plain  # a frame without incident types is counted as it is


def test_change_healthcare_and_ascension_are_ransomware_incidents_in_the_committed_data():
    data = load_incidents()
    for name, people in (("Change Healthcare, Inc.", 192_700_000), ("Ascension Health", 5_466_931)):
        filing = data[(data["organization"] == name) & (data["individuals_affected"] == people)]
        assert len(filing) == 1 and filing["attack_type"].iloc[0] == "hacking"  # HHS's open case says hacking
        assert filing["incident_attack_type"].iloc[0] == "ransomware"
    # Every curated label rests on a page and reaches a report of the dataset.
    curated = incident_types.read_curated()
    assert curated["record_id"].isin(data["record_id"]).all()
    assert data["incident_attack_type"].notna().all()
    # Within an incident the type is one, and it is the type one of its reports (or a curated page) states.
    assert (data.groupby("incident_id")["incident_attack_type"].nunique() == 1).all()
    origins = set(data["record_id"]) | set(curated["source_url"])
    assert data["incident_attack_type_from"].isin(origins).all()
