"""The HHS OCR parser on every real snapshot and on small hand-made exports of each quirk."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from collectors import schema
from collectors.errors import SourceFormatError
from collectors.sources import hhs_ocr
from tests.hhs_csv import HEADER, export, row
from tests.snapshots import HHS_ARCHIVE_2023, HHS_ARCHIVE_2024, HHS_OPEN_2025, needs_snapshots


def raw_rows(path, encoding="utf-8"):
    """The file read with the stdlib csv module: an independent count to check the parser against."""
    with open(path, newline="", encoding=encoding, errors="replace") as fh:
        return list(csv.DictReader(fh))


# --- real snapshots ------------------------------------------------------------------------------

@needs_snapshots
@pytest.mark.parametrize("path, encoding, list_kind", [
    (HHS_ARCHIVE_2023, "utf-8", "archive"),
    (HHS_ARCHIVE_2024, "cp1252", "archive"),
    (HHS_OPEN_2025, "utf-8", "under_investigation"),
])
def test_every_real_snapshot_parses_completely(path, encoding, list_kind):
    reference = raw_rows(path, encoding)
    rows = hhs_ocr.parse(path.read_bytes())

    assert len(rows) == len(reference)
    assert set(rows["source_list"]) == {list_kind}
    assert rows["record_id"].is_unique
    # Every individuals count survives, blanks as NA.
    expected_total = sum(int(r["Individuals Affected"]) for r in reference if r["Individuals Affected"])
    assert rows["individuals_affected"].sum() == expected_total
    # Every submission date, and the as-of date defaults to the newest one.
    expected_dates = pd.to_datetime([r["Breach Submission Date"] for r in reference], format="%m/%d/%Y")
    assert (rows["reported_date"].to_numpy() == expected_dates.to_numpy()).all()
    assert rows["collected_at"].iloc[0] == expected_dates.max()
    # Blank states stay unknown instead of becoming a wrong code.
    blank_states = sum(1 for r in reference if not r["State"].strip())
    assert rows["subdivision"].isna().sum() == blank_states


@needs_snapshots
def test_ransomware_is_tagged_from_ocr_descriptions_only_where_they_say_so():
    reference = raw_rows(HHS_ARCHIVE_2023)
    rows = hhs_ocr.parse(HHS_ARCHIVE_2023.read_bytes())
    says_ransom = [("ransom" in r["Web Description"].lower()) for r in reference]
    # The MANIFEST counts 579 descriptions containing "ransom" in this file.
    assert sum(says_ransom) == 579
    tagged = rows["attack_type"] == "ransomware"
    assert tagged.sum() == 579
    # The raw type is kept whole.
    assert set(rows.loc[tagged, "attack_type_raw"]) <= {
        "Hacking/IT Incident", "Unauthorized Access/Disclosure", "Theft", "Hacking/IT Incident, Theft"}


@needs_snapshots
def test_ransom_memorial_hospital_is_a_name_not_an_attack():
    rows = hhs_ocr.parse(HHS_ARCHIVE_2024.read_bytes())
    ransom_memorial = rows[rows["organization"].str.startswith("Ransom Memorial")]
    assert len(ransom_memorial) == 1
    assert ransom_memorial["attack_type"].item() == "hacking"


@needs_snapshots
def test_spreadsheet_mangled_archive_gets_its_apostrophes_back():
    raw = HHS_ARCHIVE_2024.read_bytes()
    assert b"\x83??" in raw  # the quirk is really in the file
    rows = hhs_ocr.parse(raw)
    names = rows["organization"]
    assert "Rebekah Children’s Services" in set(names)
    assert not names.str.contains("\x83|ƒ").any()


@needs_snapshots
def test_a_control_character_standing_for_an_apostrophe_is_repaired():
    assert "Cincinnati Children\x19s".encode() in HHS_ARCHIVE_2023.read_bytes()
    rows = hhs_ocr.parse(HHS_ARCHIVE_2023.read_bytes())
    assert "Cincinnati Children’s Hospital Medical Center" in set(rows["organization"])
    assert not rows["organization"].str.contains(r"[\x00-\x1f]").any()


# --- hand-made exports of each quirk ------------------------------------------------------------

def test_crlf_embedded_newlines_multivalued_fields_and_blank_state():
    raw = export(
        row(name="Lakeside Clinic ", state="", btype="Loss, Theft", location="Laptop, Paper/Films",
            description="Line one.\r\nLine two, with a comma."),
        row(name="Hill Hospital", state="tx", date="1/2/2020", description="A breach"),
        newline="\r\n",
    )
    rows = hhs_ocr.parse(raw)
    first, second = rows.iloc[0], rows.iloc[1]
    assert len(rows) == 2
    assert first["organization"] == "Lakeside Clinic"
    assert pd.isna(first["subdivision"])
    assert first["attack_type"] == "theft"  # theft outranks loss in data/mappings/attack_type.csv
    assert first["attack_type_raw"] == "Loss, Theft"
    assert first["breach_location"] == "Laptop; Paper/Films"
    assert second["subdivision"] == "US-TX"
    assert second["reported_date"] == pd.Timestamp("2020-01-02")
    assert set(rows["source_list"]) == {"archive"}  # descriptions are only in the archive


def test_hacking_outranks_every_other_label_in_a_combination():
    raw = export(row(btype="Hacking/IT Incident, Improper Disposal, Loss, Other, Theft, "
                           "Unauthorized Access/Disclosure, Unknown"))
    assert hhs_ocr.parse(raw, list_kind="archive")["attack_type"].item() == "hacking"


def test_non_utf8_export_with_mangled_quotes_and_stray_bytes():
    raw = ("\ufeff" + HEADER + "\r\n").encode("utf-8") + (
        b'St. Mary\x83??s Hospital,NY,Healthcare Provider,900,05/06/2021,Theft,Laptop,No,'
        b'The CE\x83??s laptop was stolen and a \x83?\x9bransom\x83?\x9d was asked.\r\n'
        b'Cl\xednica Sol,PR,Healthcare Provider,700,05/07/2021,Loss,Other,Yes,Lost.\r\n'
    )
    rows = hhs_ocr.parse(raw)
    assert list(rows["organization"]) == ["St. Mary’s Hospital", "Clínica Sol"]
    assert rows["attack_type"].tolist() == ["ransomware", "loss"]
    assert rows["business_associate_involved"].tolist() == [False, True]
    assert rows["subdivision"].tolist() == ["US-NY", "US-PR"]


def test_placeholder_header_from_the_jsf_exporter_is_read_by_position():
    header = ",".join(f'"javax.faces.component.UIPanel@{i:x}3f2a"' for i in range(9))
    rows = hhs_ocr.parse(export(row(name="Placeholder Health", count="4321"), header=header),
                         list_kind="under_investigation")
    assert rows["organization"].item() == "Placeholder Health"
    assert rows["individuals_affected"].item() == 4321


def test_placeholder_header_with_values_in_the_wrong_places_fails_clearly():
    header = ",".join(f'"javax.faces.component.UIPanel@{i:x}3f2a"' for i in range(9))
    shuffled = row(state="01/02/2024", date="CA")
    with pytest.raises(SourceFormatError, match="hhs_ocr"):
        hhs_ocr.parse(export(shuffled, header=header), list_kind="archive")


def test_eight_column_export_without_descriptions():
    header = HEADER.rsplit(",", 1)[0]
    line = row().rsplit(",", 1)[0]
    rows = hhs_ocr.parse(export(line, header=header), list_kind="under_investigation")
    assert rows["organization"].item() == "Example Clinic"


def test_placeholder_counts_are_flagged():
    rows = hhs_ocr.parse(export(row(count="500"), row(count="501", name="B"), row(count="502", name="C"),
                                row(count="", name="D")), list_kind="archive")
    assert rows["is_placeholder_count"].tolist() == [True, True, False, False]
    assert rows["individuals_affected"].isna().tolist() == [False, False, False, True]


def test_list_is_detected_and_can_be_given():
    open_cases = export(row(date="01/05/2025"), row(name="B", date="11/20/2025"))
    assert set(hhs_ocr.parse(open_cases)["source_list"]) == {"under_investigation"}
    assert set(hhs_ocr.parse(open_cases, list_kind="archive")["source_list"]) == {"archive"}
    old_without_descriptions = export(row(date="01/05/2015"), row(name="B", date="11/20/2025"))
    with pytest.raises(SourceFormatError, match="--list"):
        hhs_ocr.parse(old_without_descriptions)


def test_as_of_given_by_the_caller_is_used():
    rows = hhs_ocr.parse(export(row()), list_kind="archive", as_of=pd.Timestamp("2024-07-01 10:30"))
    assert rows["collected_at"].item() == pd.Timestamp("2024-07-01")


def test_output_fits_the_schema_exactly():
    rows = hhs_ocr.parse(export(row()), list_kind="archive")
    assert list(rows.columns) == list(schema.COLUMN_NAMES)
    assert rows.dtypes.astype(str).to_dict() == schema.DTYPES
    assert rows["record_id"].item().startswith("hhs_ocr:")


def test_identical_filings_in_one_export_stay_separate_with_distinct_ids():
    rows = hhs_ocr.parse(export(row(), row()), list_kind="archive")
    assert len(rows) == 2
    assert rows["record_id"].is_unique


@pytest.mark.parametrize("raw, message", [
    (b"", "empty"),
    (b"<!DOCTYPE html><html><body>Request Rejected</body></html>", "HTML"),
    (export(row(), header='"Name of Part 2 Program","State","Type","Individuals Affected","Date","Type of Breach",'
                          '"Location","BA","Description"'), "Part 2"),
    (export(row(), header=HEADER.replace("State", "Province")), "unexpected columns"),
    (export(header=HEADER), "no rows"),
    (export(row(date="2024/31/12")), "Breach Submission Date"),
    (export(row(count="about 3,000")), "Individuals Affected"),
    (export(row(state="ZZ")), "ZZ"),
    (export(row(btype="Cyber Intrusion")), "attack_type.csv"),
    (export(row(etype="Hospital")), "organization_type.csv"),
    (export(row(name="")), "Name of Covered Entity"),
])
def test_bad_exports_fail_with_an_error_naming_the_source_and_the_problem(raw, message):
    with pytest.raises(SourceFormatError) as caught:
        hhs_ocr.parse(raw, list_kind="archive")
    assert caught.value.source == "hhs_ocr"
    assert message in str(caught.value)


def test_decode_reports_lossy_input():
    assert hhs_ocr.decode("Café".encode()) == ("Café", False)
    text, lossy = hhs_ocr.decode("Café".encode("cp1252"))
    assert text == "Café" and lossy


def test_ids_do_not_depend_on_row_order():
    a, b = row(name="A Clinic"), row(name="B Clinic", count="777")
    forward = hhs_ocr.parse(export(a, b), list_kind="archive").set_index("organization")["record_id"]
    backward = hhs_ocr.parse(export(b, a), list_kind="archive").set_index("organization")["record_id"]
    assert forward.sort_index().tolist() == backward.sort_index().tolist()


