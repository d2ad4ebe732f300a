"""collectors/cipher.py: the CIPHER patient-harm parser on the real snapshot and on tiny hand-made files
in its real shape (CRLF, curly quotes, typos), and the committed data/patient_harms.csv."""

from __future__ import annotations

import collections
import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from collectors import cipher
from collectors.errors import SourceFormatError
from tests.support.snapshots import SNAPSHOTS

ROOT = Path(__file__).resolve().parent.parent
CIPHER_FILE = SNAPSHOTS / cipher.SNAPSHOT_FILE
COMMITTED = ROOT / "data" / cipher.OUTPUT_FILE
needs_cipher = pytest.mark.skipif(
    not CIPHER_FILE.exists(),
    reason=f"the CIPHER snapshot {CIPHER_FILE} is not here (the shared snapshots live in ../shared beside a CI "
           "checkout; set OBSERVATORY_SNAPSHOTS to point elsewhere)",
)
HEADER = list(cipher.SOURCE_COLUMNS)


def source_row(**values: str) -> dict[str, str]:
    row = {
        "Reference Title": "Social Media", "Reference Link": "Removed",
        "Short Title": "Pharmacy cannot fill prescriptions",
        "Description of Patient Harm": "Patients could not get their medicines.",
        "Direct Quote": "My pharmacy is down.", "Time Point": "First Week", "Speciality": "All",
        "Technical Domain": "ePrescribing", "Clinical Impact Score": "5",
    }
    for key, value in values.items():
        row[key.replace("_", " ")] = value
    return row


def export(*rows: dict[str, str], header: list[str] = HEADER, newline: str = "\r\n") -> bytes:
    """A CIPHER-shaped CSV: CRLF line endings and minimal quoting, as the real file has."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator=newline, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


# --- the real snapshot -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real() -> tuple[pd.DataFrame, list[dict[str, str]]]:
    raw = CIPHER_FILE.read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    return cipher.parse(raw), rows


@needs_cipher
def test_real_snapshot_counts_match_an_independent_count(real):
    frame, rows = real
    assert len(rows) == 316 and len(frame) == len(rows)  # no row is an exact duplicate: none dropped
    assert list(frame.columns) == list(cipher.COLUMN_NAMES)
    assert "Description of Patient Harm" not in frame.columns and "Direct Quote" not in frame.columns
    assert frame["harm_id"].is_unique

    raw_time = collections.Counter(r["Time Point"].strip().lower().replace("firsy", "first") for r in rows)
    ours = frame["time_point"].value_counts().to_dict()
    assert ours == {code: raw_time[code.replace("_", " ")] for code in ours}
    assert set(frame["time_point"]) == set(cipher.TIME_POINTS)  # every value mapped, all five seen
    assert ours["first_day"] == 59  # 58 `First Day` + 1 `Firsy Day`

    posts = sum(r["Reference Title"] == "Social Media" for r in rows)
    removed = sum(r["Reference Link"] == "Removed" for r in rows)
    assert posts == removed == 184
    assert (frame["reference_kind"] == "social_media").sum() == posts
    assert frame["reference_link"].isna().sum() == removed
    assert frame.loc[frame["reference_kind"] == "social_media", "reference_title"].isna().all()

    assert frame["clinical_impact_score"].value_counts().to_dict() == {
        int(k): v for k, v in collections.Counter(r["Clinical Impact Score"] for r in rows).items()}
    raw_domains = collections.Counter(r["Technical Domain"] for r in rows)
    assert frame["technical_domain"].value_counts().sort_values().tolist() == sorted(raw_domains.values())
    assert (frame["technical_domain"] == "eprescribing").sum() == raw_domains["ePrescribing"] == 93
    # Specialties: a cell with several counts once for each; `Cancer` joins `Oncology`, `Heamatology` is fixed.
    parts = collections.Counter(p.strip() for r in rows for p in r["Speciality"].replace(",", ";").split(";"))
    ours = frame["specialty"].str.split("; ").explode().value_counts()
    assert ours["oncology"] == parts["Oncology"] + parts["Cancer"]
    assert ours["haematology"] == parts["Heamatology"] == 2
    assert ours["all"] == parts["All"] == 132
    assert ours.sum() == sum(parts.values())


@needs_cipher
def test_no_narrative_text_is_kept(real):
    frame, rows = real
    text = cipher.to_csv(frame).decode("utf-8")
    long_quotes = [r["Direct Quote"] for r in rows if len(r["Direct Quote"]) > 40]
    long_descriptions = [r["Description of Patient Harm"] for r in rows if len(r["Description of Patient Harm"]) > 60]
    assert long_quotes and long_descriptions
    assert not [q for q in long_quotes if q in text]
    assert not [d for d in long_descriptions if d in text]


@needs_cipher
def test_the_committed_file_is_a_rebuild_of_the_snapshot(tmp_path):
    assert COMMITTED.exists(), "data/patient_harms.csv is missing: run collectors.cipher.build_patient_harms"
    rebuilt = tmp_path / cipher.OUTPUT_FILE
    frame = cipher.build_patient_harms(CIPHER_FILE, rebuilt)
    assert rebuilt.read_bytes() == COMMITTED.read_bytes()
    pd.testing.assert_frame_equal(cipher.read_patient_harms(COMMITTED), frame)


# --- quirks, on tiny hand-made files -----------------------------------------------------------

def test_crlf_and_lf_files_give_the_same_records():
    rows = [source_row(), source_row(Short_Title="Lab results delayed", Time_Point="First Day",
                                     Direct_Quote="Line one\r\nline two\u2028line three")]
    crlf, lf = cipher.parse(export(*rows)), cipher.parse(export(*rows, newline="\n"))
    pd.testing.assert_frame_equal(crlf, lf)
    assert list(crlf["time_point"]) == ["first_week", "first_day"]
    assert list(crlf["source_row"]) == [1, 2]


def test_a_byte_order_mark_and_padded_headers_are_tolerated():
    raw = b"\xef\xbb\xbf" + export(source_row()).replace(b"Short Title", b" Short Title ", 1)
    assert cipher.parse(raw)["short_title"].tolist() == ["Pharmacy cannot fill prescriptions"]


def test_the_typo_firsy_day_is_the_first_day():
    frame = cipher.parse(export(*(source_row(Time_Point=v, Direct_Quote=v) for v in
                                  ("First Hour", "Firsy Day", "first  day", "Week 2", "First Month"))))
    assert list(frame["time_point"]) == ["first_hour", "first_day", "first_day", "week_2", "first_month"]


def test_curly_quotes_become_straight_and_do_not_change_the_id():
    curly = cipher.parse(export(source_row(Short_Title="Newborns don\u2019t receive \u201cbirth\u201d certificates",
                                           Direct_Quote="It\u2019s  down")))
    straight = cipher.parse(export(source_row(Short_Title="Newborns don't receive \"birth\" certificates",
                                              Direct_Quote="It's down")))
    assert curly["short_title"].iloc[0] == "Newborns don't receive \"birth\" certificates"
    assert curly["harm_id"].iloc[0] == straight["harm_id"].iloc[0]


def test_specialty_cells_split_and_recode():
    cells = ["Orthopaedics; General Surgery", "General Surgery;Orthopaedics", "General Surgery, Oncology",
             "Heamatology", "Cancer", "Obstetrics; All", "Emergency & Acute Medicine"]
    frame = cipher.parse(export(*(source_row(Speciality=c, Direct_Quote=c) for c in cells)))
    assert list(frame["specialty"]) == [
        "general_surgery; orthopaedics", "general_surgery; orthopaedics", "general_surgery; oncology",
        "haematology", "oncology", "all; obstetrics", "emergency_acute_medicine"]


def test_references_publications_and_posts():
    frame = cipher.parse(export(
        source_row(),
        source_row(Reference_Title=" When all computers shut down ", Reference_Link="https://example.org/paper",
                   Direct_Quote="a"),
        source_row(Reference_Title="A paper whose link is gone", Reference_Link="Removed", Direct_Quote="b"),
    ))
    assert list(frame["reference_kind"]) == ["social_media", "publication", "publication"]
    assert frame["reference_title"].tolist()[1:] == ["When all computers shut down", "A paper whose link is gone"]
    assert pd.isna(frame["reference_title"].iloc[0])
    assert frame["reference_link"].iloc[1] == "https://example.org/paper"
    assert frame["reference_link"].iloc[[0, 2]].isna().all()


def test_near_duplicates_are_kept_and_exact_duplicates_dropped():
    first = source_row(Description_of_Patient_Harm="Staff switched to manual processes, leading to delays.")
    typo = source_row(Description_of_Patient_Harm="Staff switched to manual, leading to delays.",
                      Direct_Quote="Another post about it")
    frame = cipher.parse(export(first, typo, first))
    assert list(frame["source_row"]) == [1, 2]  # row 3 repeats row 1 in every column
    assert frame["harm_id"].is_unique


def test_ids_are_stable_when_rows_move_or_are_rescored():
    a, b = source_row(Direct_Quote="post A"), source_row(Direct_Quote="post B", Clinical_Impact_Score="7")
    ids = dict(zip(cipher.parse(export(a, b))["source_row"], cipher.parse(export(a, b))["harm_id"]))
    moved = cipher.parse(export(b, {**a, "Clinical Impact Score": "9"}))
    assert list(moved["harm_id"]) == [ids[2], ids[1]]
    assert all(i.startswith("cipher:") and len(i) == len("cipher:") + 12 for i in ids.values())


# --- bad input ---------------------------------------------------------------------------------

def test_every_unmapped_value_is_reported_at_once():
    with pytest.raises(SourceFormatError) as caught:
        cipher.parse(export(source_row(Time_Point="Year 3"), source_row(Speciality="Dentistry", Direct_Quote="x"),
                            source_row(Technical_Domain="Robots", Clinical_Impact_Score="high", Direct_Quote="y")))
    message = str(caught.value)
    assert message.startswith("[cipher]")
    for expected in ("Time Point", "'Year 3'", "Speciality", "'Dentistry'", "Technical Domain", "'Robots'",
                     "Clinical Impact Score", "'high'", "row 3"):
        assert expected in message


def test_scores_outside_1_to_10_fail_validation():
    with pytest.raises(SourceFormatError, match="clinical_impact_score"):
        cipher.parse(export(source_row(Clinical_Impact_Score="11"), source_row(Clinical_Impact_Score="0",
                                                                              Direct_Quote="z")))


@pytest.mark.parametrize(("raw", "match"), [
    (b"", "empty"),
    (b"Short Title,Time Point\r\nx,First Day\r\n", "missing"),
    (b"<!doctype html><html><body>Rate limited</body></html>", "missing"),
    ("Reference Title\r\nCaf\u00e9".encode("latin-1"), "not UTF-8"),
])
def test_bad_files_raise_a_source_format_error(raw, match):
    with pytest.raises(SourceFormatError, match=match):
        cipher.parse(raw)


def test_an_empty_short_title_fails_validation():
    with pytest.raises(SourceFormatError, match="short_title"):
        cipher.parse(export(source_row(Short_Title="  ")))


# --- the builder -------------------------------------------------------------------------------

def test_build_writes_atomically_and_keeps_the_old_file_on_failure(tmp_path):
    snapshot, out = tmp_path / "cipher.csv", tmp_path / "patient_harms.csv"
    snapshot.write_bytes(export(source_row(), source_row(Direct_Quote="other", Speciality="Psychiatry")))
    written = cipher.build_patient_harms(snapshot, out)
    assert len(written) == 2 and out.read_bytes().count(b"\n") == 3 and b"\r" not in out.read_bytes()
    pd.testing.assert_frame_equal(cipher.read_patient_harms(out), written)
    before = out.read_bytes()
    snapshot.write_bytes(export(source_row(Time_Point="Someday")))
    with pytest.raises(SourceFormatError):
        cipher.build_patient_harms(snapshot, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cipher.csv", "patient_harms.csv"]  # no temp file left
