"""The HHS OCR parser on every real snapshot and on small hand-made exports of each quirk."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

from collectors import runner, schema
from collectors.errors import SourceFormatError
from collectors.sources import hhs_ocr
from tests.support.hhs_csv import HEADER, export, row
from tests.support.snapshots import HHS_ARCHIVE_2023, HHS_ARCHIVE_2024, HHS_OPEN_2024, HHS_OPEN_2025, needs_snapshots


def raw_rows(path, encoding="utf-8"):
    """The file read with the stdlib csv module: an independent count to check the parser against."""
    with open(path, newline="", encoding=encoding, errors="replace") as fh:
        return list(csv.DictReader(fh))


# --- real snapshots ------------------------------------------------------------------------------

@needs_snapshots
@pytest.mark.parametrize("path, encoding, list_kind, date_format", [
    (HHS_ARCHIVE_2023, "utf-8", "archive", "%m/%d/%Y"),
    (HHS_ARCHIVE_2024, "cp1252", "archive", "%m/%d/%Y"),
    (HHS_OPEN_2024, "utf-8", "under_investigation", "%Y-%m-%d"),  # re-saved by pandas: ISO dates
    (HHS_OPEN_2025, "utf-8", "under_investigation", "%m/%d/%Y"),
])
def test_every_real_snapshot_parses_completely(path, encoding, list_kind, date_format):
    reference = raw_rows(path, encoding)
    rows = runner.parse_source(hhs_ocr, path.read_bytes())

    assert len(rows) == len(reference)
    assert set(rows["source_list"]) == {list_kind}
    assert rows["record_id"].is_unique
    # Every individuals count survives, blanks as NA.
    expected_total = sum(int(r["Individuals Affected"]) for r in reference if r["Individuals Affected"])
    assert rows["individuals_affected"].sum() == expected_total
    # Every submission date, and the as-of date defaults to the newest one.
    expected_dates = pd.to_datetime([r["Breach Submission Date"] for r in reference], format=date_format)
    assert (rows["reported_date"].to_numpy() == expected_dates.to_numpy()).all()
    assert rows["collected_at"].iloc[0] == expected_dates.max()
    # Blank states stay unknown instead of becoming a wrong code.
    blank_states = sum(1 for r in reference if not r["State"].strip())
    assert rows["subdivision"].isna().sum() == blank_states


@needs_snapshots
def test_ransomware_is_tagged_from_ocr_descriptions_only_where_they_say_so():
    reference = raw_rows(HHS_ARCHIVE_2023)
    rows = runner.parse_source(hhs_ocr, HHS_ARCHIVE_2023.read_bytes())
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
    rows = runner.parse_source(hhs_ocr, HHS_ARCHIVE_2024.read_bytes())
    ransom_memorial = rows[rows["organization"].str.startswith("Ransom Memorial")]
    assert len(ransom_memorial) == 1
    assert ransom_memorial["attack_type"].item() == "hacking"


@needs_snapshots
def test_spreadsheet_mangled_archive_gets_its_apostrophes_back():
    raw = HHS_ARCHIVE_2024.read_bytes()
    assert b"\x83??" in raw  # the quirk is really in the file
    rows = runner.parse_source(hhs_ocr, raw)
    names = rows["organization"]
    assert "Rebekah Children’s Services" in set(names)
    assert not names.str.contains("\x83|ƒ").any()


@needs_snapshots
def test_a_control_character_standing_for_an_apostrophe_is_repaired():
    assert b"Cincinnati Children\x19s" in HHS_ARCHIVE_2023.read_bytes()
    rows = runner.parse_source(hhs_ocr, HHS_ARCHIVE_2023.read_bytes())
    assert "Cincinnati Children’s Hospital Medical Center" in set(rows["organization"])
    assert not rows["organization"].str.contains(r"[\x00-\x1f]").any()


@needs_snapshots
def test_open_cases_of_december_2024_resaved_by_pandas():
    raw = HHS_OPEN_2024.read_bytes()
    assert raw.splitlines()[0].endswith(b",Web Description,Year")  # the quirk is really in the file
    rows = runner.parse_source(hhs_ocr, raw)
    assert len(rows) == 853
    assert rows["reported_date"].min() == pd.Timestamp("2023-01-05")
    assert rows["reported_date"].max() == pd.Timestamp("2024-12-03")
    # No descriptions and nothing older than 36 months: detected as the open cases, as of the newest date.
    assert set(rows["source_list"]) == {"under_investigation"}
    assert set(rows["collected_at"]) == {pd.Timestamp("2024-12-03")}
    assert list(rows.columns) == list(schema.COLUMN_NAMES)  # Year is dropped
    assert rows["reported_date"].dt.year.value_counts().to_dict() == {2024: 556, 2023: 297}


# --- hand-made exports of each quirk ------------------------------------------------------------

RESAVED_HEADER = ("Name of Covered Entity,State,Covered Entity Type,Individuals Affected,Breach Submission Date,"
                  "Type of Breach,Location of Breached Information,Business Associate Present,Web Description,Year")


def resaved(*lines: str, header: str = RESAVED_HEADER) -> bytes:
    """An export as pandas re-saves it: minimal quoting, ISO dates, a trailing Year column, LF."""
    return ("\n".join([header, *lines]) + "\n").encode("utf-8")


def test_resaved_export_with_iso_dates_and_a_year_column():
    raw = resaved(
        "Veterans Clinic,DC,Healthcare Provider,2302,2024-12-03,Hacking/IT Incident,Network Server,Yes,,2024",
        '"Jefferson Dental Center, Inc.",IN,Healthcare Provider,12340,2024-11-27,Hacking/IT Incident,'
        '"Email, Network Server",No,,2024',
        "Lakeside Health,,Health Plan,500,2023-01-05,Unauthorized Access/Disclosure,Paper/Films,No,,2023",
    )
    rows = runner.parse_source(hhs_ocr, raw)
    assert rows["organization"].tolist() == ["Veterans Clinic", "Jefferson Dental Center, Inc.", "Lakeside Health"]
    assert rows["reported_date"].tolist() == [pd.Timestamp("2024-12-03"), pd.Timestamp("2024-11-27"),
                                              pd.Timestamp("2023-01-05")]
    assert rows["breach_location"].tolist() == ["Network Server", "Email; Network Server", "Paper/Films"]
    assert pd.isna(rows["subdivision"].iloc[2])
    assert set(rows["source_list"]) == {"under_investigation"}
    assert set(rows["collected_at"]) == {pd.Timestamp("2024-12-03")}
    assert list(rows.columns) == list(schema.COLUMN_NAMES)


def test_resaved_export_without_the_description_column_keeps_its_year_check():
    header = RESAVED_HEADER.replace(",Web Description", "")
    rows = runner.parse_source(hhs_ocr, resaved("A Clinic,CA,Healthcare Provider,900,2024-05-06,Theft,Laptop,No,2024",
                                 header=header), list_kind="under_investigation")
    assert rows["organization"].item() == "A Clinic"
    with pytest.raises(SourceFormatError, match="row 2"):
        runner.parse_source(hhs_ocr, resaved("A Clinic,CA,Healthcare Provider,900,2024-05-06,Theft,Laptop,No,2025", header=header))


@pytest.mark.parametrize("year, shown", [("2023", "Year '2023'"), ("", "Year ''"), ("24", "Year '24'")])
def test_a_year_that_disagrees_with_the_date_is_refused_naming_the_row(year, shown):
    raw = resaved(
        "First Clinic,CA,Healthcare Provider,900,2024-05-06,Theft,Laptop,No,,2024",
        f"Second Clinic,NY,Healthcare Provider,700,2024-02-01,Loss,Other,No,,{year}",
    )
    with pytest.raises(SourceFormatError) as caught:
        runner.parse_source(hhs_ocr, raw)
    assert caught.value.source == "hhs_ocr"
    message = str(caught.value)
    assert "Year" in message and "1 row(s)" in message
    # The second data row, as a spreadsheet numbers it, with what identifies the filing.
    assert "row 3 ('Second Clinic', submitted 2024-02-01)" in message and shown in message
    assert "First Clinic" not in message


def test_year_column_anywhere_but_last_is_refused():
    header = RESAVED_HEADER.replace(",Year", "").replace("State,", "State,Year,")
    line = "A Clinic,CA,2024,Healthcare Provider,900,2024-05-06,Theft,Laptop,No,"
    with pytest.raises(SourceFormatError, match="unexpected columns"):
        runner.parse_source(hhs_ocr, resaved(line, header=header), list_kind="under_investigation")


def placeholders_for(*columns: int, header: str = HEADER) -> str:
    """The portal's header with JSF placeholders in the given (1-based) columns, titles elsewhere."""
    titles = header.split(",")
    return ",".join(f'"javax.faces.component.UIPanel@{n:x}e9c1"' if n in columns else title
                    for n, title in enumerate(titles, 1))


def test_partly_placeholder_header_of_the_archive_is_read_by_position():
    # As the live portal writes it: placeholders for the name and business-associate columns only.
    header = placeholders_for(1, 8)
    assert header.startswith('"javax.faces.component.UIPanel@1e9c1","State",')
    rows = runner.parse_source(hhs_ocr, export(row(name="Mixed Health", count="4321", ba="Yes", description="A ransomware attack."),
                                header=header))
    assert rows["organization"].item() == "Mixed Health"
    assert rows["individuals_affected"].item() == 4321
    assert rows["business_associate_involved"].tolist() == [True]
    assert rows["attack_type"].item() == "ransomware"
    assert rows["source_list"].item() == "archive"


def test_partly_placeholder_header_of_the_eight_column_open_list_is_read_by_position():
    header = placeholders_for(1, 8, header=HEADER.rsplit(",", 1)[0])
    line = row(name="Open Case Clinic", date="11/20/2025", ba="No").rsplit(",", 1)[0]
    rows = runner.parse_source(hhs_ocr, export(line, header=header))
    assert rows["organization"].item() == "Open Case Clinic"
    assert rows["business_associate_involved"].tolist() == [False]
    assert rows["source_list"].item() == "under_investigation"


@pytest.mark.parametrize("header, expected", [
    # A real title out of its place: another layout, which reading by position would scramble.
    (placeholders_for(1, 8).replace('"State","Covered Entity Type"', '"Covered Entity Type","State"'),
     ["column 2 is 'Covered Entity Type', which belongs in column 3", "column 3 is 'State', which belongs in column 2"]),
    # A title the portal does not have.
    (placeholders_for(1, 8).replace('"State"', '"Province"'),
     ["column 2 is 'Province', not a column of the portal's export (expected 'State' there)"]),
    # Eight columns whose last title says the description column is there, not the business-associate one.
    (placeholders_for(1).replace(',"Business Associate Present"', ""),
     ["column 8 is 'Web Description', which belongs in column 9 (expected 'Business Associate Present' there)"]),
    (",".join(f'"javax.faces.component.UIPanel@{n}a"' for n in range(7)), ["7 columns"]),
])
def test_partly_placeholder_header_with_a_title_out_of_place_fails_naming_it(header, expected):
    line = row() if header.count(",") == 8 else ",".join(row().split(",")[: header.count(",") + 1])
    with pytest.raises(SourceFormatError) as caught:
        runner.parse_source(hhs_ocr, export(line, header=header), list_kind="archive")
    assert caught.value.source == "hhs_ocr"
    assert "unexpected columns" in str(caught.value)
    for part in expected:
        assert part in str(caught.value)


def test_crlf_embedded_newlines_multivalued_fields_and_blank_state():
    raw = export(
        row(name="Lakeside Clinic ", state="", btype="Loss, Theft", location="Laptop, Paper/Films",
            description="Line one.\r\nLine two, with a comma."),
        row(name="Hill Hospital", state="tx", date="1/2/2020", description="A breach"),
        newline="\r\n",
    )
    rows = runner.parse_source(hhs_ocr, raw)
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
    assert runner.parse_source(hhs_ocr, raw, list_kind="archive")["attack_type"].item() == "hacking"


def test_non_utf8_export_with_mangled_quotes_and_stray_bytes():
    raw = ("\ufeff" + HEADER + "\r\n").encode("utf-8") + (
        b'St. Mary\x83??s Hospital,NY,Healthcare Provider,900,05/06/2021,Theft,Laptop,No,'
        b'The CE\x83??s laptop was stolen and a \x83?\x9bransom\x83?\x9d was asked.\r\n'
        b'Cl\xednica Sol,PR,Healthcare Provider,700,05/07/2021,Loss,Other,Yes,Lost.\r\n'
    )
    rows = runner.parse_source(hhs_ocr, raw)
    assert list(rows["organization"]) == ["St. Mary’s Hospital", "Clínica Sol"]
    assert rows["attack_type"].tolist() == ["ransomware", "loss"]
    assert rows["business_associate_involved"].tolist() == [False, True]
    assert rows["subdivision"].tolist() == ["US-NY", "US-PR"]


def test_placeholder_header_from_the_jsf_exporter_is_read_by_position():
    header = ",".join(f'"javax.faces.component.UIPanel@{i:x}3f2a"' for i in range(9))
    rows = runner.parse_source(hhs_ocr, export(row(name="Placeholder Health", count="4321"), header=header),
                         list_kind="under_investigation")
    assert rows["organization"].item() == "Placeholder Health"
    assert rows["individuals_affected"].item() == 4321


def test_placeholder_header_with_values_in_the_wrong_places_fails_clearly():
    header = ",".join(f'"javax.faces.component.UIPanel@{i:x}3f2a"' for i in range(9))
    shuffled = row(state="01/02/2024", date="CA")
    with pytest.raises(SourceFormatError, match="hhs_ocr"):
        runner.parse_source(hhs_ocr, export(shuffled, header=header), list_kind="archive")


def test_eight_column_export_without_descriptions():
    header = HEADER.rsplit(",", 1)[0]
    line = row().rsplit(",", 1)[0]
    rows = runner.parse_source(hhs_ocr, export(line, header=header), list_kind="under_investigation")
    assert rows["organization"].item() == "Example Clinic"


def test_placeholder_counts_are_flagged():
    rows = runner.parse_source(hhs_ocr, export(row(count="500"), row(count="501", name="B"), row(count="502", name="C"),
                                row(count="", name="D")), list_kind="archive")
    assert rows["is_placeholder_count"].tolist() == [True, True, False, False]
    assert rows["individuals_affected"].isna().tolist() == [False, False, False, True]


def test_list_is_detected_and_can_be_given():
    open_cases = export(row(date="01/05/2025"), row(name="B", date="11/20/2025"))
    assert set(runner.parse_source(hhs_ocr, open_cases)["source_list"]) == {"under_investigation"}
    assert set(runner.parse_source(hhs_ocr, open_cases, list_kind="archive")["source_list"]) == {"archive"}
    old_without_descriptions = export(row(date="01/05/2015"), row(name="B", date="11/20/2025"))
    with pytest.raises(SourceFormatError, match="--list"):
        runner.parse_source(hhs_ocr, old_without_descriptions)


def test_as_of_given_by_the_caller_is_used():
    rows = runner.parse_source(hhs_ocr, export(row()), list_kind="archive", as_of=pd.Timestamp("2024-07-01 10:30"))
    assert rows["collected_at"].item() == pd.Timestamp("2024-07-01")


def test_output_fits_the_schema_exactly():
    rows = runner.parse_source(hhs_ocr, export(row()), list_kind="archive")
    assert list(rows.columns) == list(schema.COLUMN_NAMES)
    assert rows.dtypes.astype(str).to_dict() == schema.DTYPES
    assert rows["record_id"].item().startswith("hhs_ocr:")


def test_identical_filings_in_one_export_stay_separate_with_distinct_ids():
    rows = runner.parse_source(hhs_ocr, export(row(), row()), list_kind="archive")
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
        runner.parse_source(hhs_ocr, raw, list_kind="archive")
    assert caught.value.source == "hhs_ocr"
    assert message in str(caught.value)


def test_decode_reports_lossy_input():
    assert hhs_ocr.decode("Café".encode()) == ("Café", False)
    text, lossy = hhs_ocr.decode("Café".encode("cp1252"))
    assert text == "Café" and lossy


def test_ids_do_not_depend_on_row_order():
    a, b = row(name="A Clinic"), row(name="B Clinic", count="777")
    forward = runner.parse_source(hhs_ocr, export(a, b), list_kind="archive").set_index("organization")["record_id"]
    backward = runner.parse_source(hhs_ocr, export(b, a), list_kind="archive").set_index("organization")["record_id"]
    assert forward.sort_index().tolist() == backward.sort_index().tolist()


