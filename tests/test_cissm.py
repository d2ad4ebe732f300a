"""CISSM Cyber Events Database: the parser on the real 2023-01 export (checked against the snapshots' MANIFEST
and an independent reading with the csv module), small hand-made files for each quirk and each error, and
the runner."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from datetime import UTC, datetime

import pandas as pd
import pytest

from collectors import load_incidents, registry, runner, schema
from collectors.errors import FetchError, SourceFormatError
from collectors.raw import RawExport
from collectors.sources import cissm
from collectors.store import Store
from collectors.text import normalise
from tests.support.snapshots import SNAPSHOTS

CISSM_DIR = SNAPSHOTS / "cissm"
EXPORT = CISSM_DIR / "cissm_cyber_events_2014-2023-01_holisticinfosec_rdata.csv"
needs_cissm = pytest.mark.skipif(
    not EXPORT.exists(),
    reason=f"CISSM export snapshot not found at {EXPORT} (it lives in ../shared beside a CI checkout; "
           "set OBSERVATORY_SNAPSHOTS to point elsewhere)")

# The MANIFEST's counts of health-care events (industry_code 62).
MANIFEST_BY_YEAR = {2014: 19, 2015: 28, 2016: 48, 2017: 77, 2018: 121, 2019: 184, 2020: 269, 2021: 304, 2022: 316,
                    2023: 5}
MANIFEST_COUNTRIES = {"United States of America": 1124, "Canada": 41,
                      "United Kingdom of Great Britain and Northern Ireland": 34, "Australia": 23, "France": 22}


def read_csv_rows(path):
    """The file read with the stdlib csv module: an independent reading to check the parser against."""
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def raw() -> bytes:
    return EXPORT.read_bytes()


@pytest.fixture(scope="module")
def real_rows(raw) -> pd.DataFrame:
    return runner.parse_source(cissm, raw)


@pytest.fixture(scope="module")
def health_reference() -> list[dict]:
    return [r for r in read_csv_rows(EXPORT) if r["industry_code"] == "62"]


# ---- the real export -------------------------------------------------------------------------------

@needs_cissm
def test_health_events_match_the_manifest(raw, health_reference):
    health = cissm.health_events(cissm.read_table(raw))
    assert len(health) == len(health_reference) == 1371
    assert health["evtDate"].str[:4].astype(int).value_counts().sort_index().to_dict() == MANIFEST_BY_YEAR
    countries = health["country"].value_counts()
    assert {c: countries[c] for c in MANIFEST_COUNTRIES} == MANIFEST_COUNTRIES
    assert countries.head(5).to_dict() == MANIFEST_COUNTRIES
    assert set(health["industry"]) == {"Health Care and Social Assistance"}


@needs_cissm
def test_every_health_event_with_a_country_is_one_row(real_rows, health_reference):
    # Three health events have country `Undetermined` (2016: a campaign against hospitals; 2022: the Red Cross,
    # a hospice): the schema needs a country, so they are left out. Every other one is a row.
    undetermined = [r for r in health_reference if r["country"] == "Undetermined"]
    assert [r["evtDate"][:4] for r in undetermined] == ["2022", "2022", "2016"]
    assert len(real_rows) == 1371 - 3 == 1368
    expected = {**MANIFEST_BY_YEAR, 2016: 48 - 1, 2022: 316 - 2}
    assert real_rows["reported_date"].dt.year.value_counts().sort_index().to_dict() == expected
    assert real_rows["country"].value_counts().head(6).to_dict() == {
        "US": 1124, "CA": 41, "GB": 34, "AU": 23, "FR": 22, "IT": 18}
    france = real_rows[real_rows["country"] == "FR"]
    assert france["reported_date"].dt.year.value_counts().sort_index().to_dict() == {2019: 1, 2020: 1, 2021: 13,
                                                                                     2022: 7}
    assert real_rows["region"].notna().all() and set(real_rows["source"]) == {"cissm"}


@needs_cissm
def test_dates_are_the_first_of_the_month_and_month_precise(real_rows, health_reference):
    assert set(real_rows["date_precision"]) == {"month"}
    assert (real_rows["reported_date"] == real_rows["incident_date"]).all()
    assert (real_rows["reported_date"].dt.day == 1).all()
    expected = Counter(datetime.strptime(r["evtDate"], "%Y %b").strftime("%Y-%m") for r in health_reference
                       if r["country"] != "Undetermined")
    assert Counter(real_rows["reported_date"].dt.strftime("%Y-%m")) == expected
    assert real_rows["reported_date"].min() == pd.Timestamp("2014-01-01")
    assert real_rows["reported_date"].max() == pd.Timestamp("2023-01-01")
    # as_of: the last day of the newest month in the file.
    assert set(real_rows["collected_at"]) == set(real_rows["first_seen_at"]) == {pd.Timestamp("2023-01-31")}


@pytest.mark.slow  # the real export, parsed
@needs_cissm
def test_no_description_text_in_any_column(real_rows, health_reference):
    descriptions = {" ".join(r["description"].split()) for r in read_csv_rows(EXPORT)} - {"", "Undetermined"}
    text_columns = [c.name for c in schema.COLUMNS if c.dtype == "str"]
    for column in text_columns:
        assert not real_rows[column].isin(descriptions).any(), column
    # No 40-character stretch of any health description appears in a column other than the two that hold the
    # source's own names (an organisation's name is often the start of its description) ...
    window = 40
    stretches = {d[i:i + window] for d in descriptions if len(d) >= window for i in range(len(d) - window + 1)}
    for column in set(text_columns) - {"organization", "threat_actor"}:
        for value in real_rows[column].dropna().unique():
            assert not any(value[i:i + window] in stretches for i in range(len(value) - window + 1)), (column, value)
    # ... and those two hold only values of the source's organization and actor cells.
    assert set(real_rows["organization"]) <= {cissm.clean_name(r["organization"]) for r in health_reference}
    assert set(real_rows["threat_actor"].dropna()) <= {cissm.clean_name(r["actor"]) for r in health_reference}
    assert real_rows["organization"].str.len().max() < 200


@needs_cissm
def test_encoding_damage_is_repaired_where_certain(real_rows, health_reference):
    names = set(real_rows["organization"])
    raw_names = {r["organization"] for r in health_reference}
    repaired = {
        "Centro MÃ©dico Virgen De La Caridad": "Centro Médico Virgen De La Caridad",  # UTF-8 read as Latin-1
        "Hospital San JosÃ\x83Â©": "Hospital San José",  # the same, twice
        "Hôpital Pierre Rouquès \x96 Les Bluets": "Hôpital Pierre Rouquès – Les Bluets",  # a Windows-1252 dash
        "Henderson & Walton WomenÃ\x8ds Center (HWWC)": "Henderson & Walton Women’s Center (HWWC)",
    }
    for damaged, fixed in repaired.items():
        assert damaged in raw_names and cissm.clean_name(damaged) == fixed
        assert fixed in names and damaged not in names
    # Right names stay as they are; damage that lost bytes ("'" where a character was) is left alone.
    assert "André-Mignot Teaching Hospital" in names
    lossy = next(n for n in raw_names if n.startswith("University Clinic in D"))
    assert cissm.repair_mojibake(lossy) == lossy
    assert cissm.clean_name(lossy) == " ".join(lossy.split())
    # No repair turned a damaged possessive into a capital letter inside a word ("WomenÍs").
    assert not real_rows["organization"].str.contains(r"[a-z][ÀÁÂÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝÞ]s\b").any()


@needs_cissm
def test_every_attack_label_in_the_export_is_mapped(health_reference):
    rows = read_csv_rows(EXPORT)
    labels = {part.strip() for r in rows for part in r["event_subtype"].split(",")} | {r["event_type"] for r in rows}
    mapped = normalise.mapping("attack_type")
    mapped = set(mapped.loc[mapped["source"] == "cissm", "raw_value"])
    assert labels - mapped == set()


@needs_cissm
def test_attack_types_follow_cissms_fields(real_rows):
    raw = real_rows["attack_type_raw"]
    ransomware = real_rows["attack_type"] == "ransomware"
    # A DDoS is ddos, unless it came with a Data Attack by a ransomware operation (2 events: WIZARD SPIDER).
    ddos = raw.str.contains("External Denial of Service")
    assert ((real_rows["attack_type"] == "ddos") == (ddos & ~ransomware)).all() and (ddos & ransomware).sum() == 2
    assert raw[ransomware].str.contains("Data Attack").all()
    actors = real_rows.loc[ransomware, "threat_actor"]
    assert actors.dropna().str.casefold().isin(cissm.RANSOMWARE_ACTORS).all()
    assert actors.isna().sum() == 1  # EKANS (SNAKE): a ransomware strain CISSM codes as an Undetermined actor
    data_attacks = raw.str.contains("Data Attack") & ~raw.str.contains("Denial of Service|Exploitation")
    assert set(real_rows.loc[data_attacks & ~ransomware, "attack_type"]) == {"other"}
    assert real_rows["attack_type"].value_counts().to_dict() == {
        "hacking": 899, "other": 278, "ransomware": 157, "ddos": 23, "unknown": 11}
    assert raw.str.match(r"(Disruptive|Exploitative|Mixed|Undetermined)(: |$)").all()


@needs_cissm
def test_threat_actors_are_groups_only(real_rows, health_reference):
    actors = real_rows["threat_actor"].dropna()
    assert not actors.isin(["Undetermined", "John Doe", ""]).any()
    people = {r["actor"] for r in health_reference if r["actor_type"] in ("Undetermined", "Hobbyist")}
    assert "Richard Liriano" in people and not actors.isin(people).any()
    assert actors.value_counts().head(3).to_dict() == {"WIZARD SPIDER": 24, "Vice Society": 21, "Hive": 14}


@pytest.mark.slow  # the real export, parsed
@needs_cissm
def test_links_status_and_ids(real_rows, raw):
    assert not real_rows["source_url"].str.contains(r"\.onion|utm_|#").any()
    assert real_rows["source_url"].str.match(r"https?://").all()
    # 19 links to ransomware leak sites (.onion, never kept) and one empty link: the database instead.
    assert (real_rows["source_url"] == cissm.DATABASE_URL).sum() == 20
    assert set(real_rows["status"]) == {"reported"} and set(real_rows["source_list"]) == {"events"}
    assert real_rows["is_care_disrupted"].isna().all() and real_rows["individuals_affected"].isna().all()
    assert real_rows["record_id"].str.fullmatch(r"cissm:[0-9a-f]{12}").all() and real_rows["record_id"].is_unique
    # Ids are the events' own: the same with the rows in another order (a re-export sorted otherwise).
    table = cissm.read_table(raw)
    shuffled = table.sample(frac=1, random_state=3).to_csv(index=False).encode()
    assert set(runner.parse_source(cissm, shuffled)["record_id"]) == set(real_rows["record_id"])


@pytest.mark.slow  # the real export through the runner, twice
@needs_cissm
def test_runner_ingests_the_export_and_re_ingesting_changes_nothing(tmp_path, raw, monkeypatch):
    monkeypatch.setitem(registry.SOURCES, "cissm", cissm)  # the source is registered elsewhere, not here
    store = Store(tmp_path / "data")
    export = RawExport("cissm", raw, origin=EXPORT.name)
    first = runner.ingest(store, "cissm", [export], progress=lambda _: None)
    assert (first.rows, first.added) == (1368, 1368)
    before = [p.read_bytes() for p in (store.incidents_path, store.sources_path)]
    again = runner.ingest(store, "cissm", [export], progress=lambda _: None)
    assert (again.added, again.updated, again.skipped_exports) == (0, 0, 1)
    assert [p.read_bytes() for p in (store.incidents_path, store.sources_path)] == before
    rows = load_incidents(store.data_dir)
    assert len(rows) == 1368 and set(rows["date_precision"]) == {"month"}
    (record,) = json.loads(store.sources_path.read_text())["exports"]
    assert (record["list_kind"], record["rows"], record["as_of"]) == ("events", 1368, "2023-01-31")


# ---- small hand-made files -------------------------------------------------------------------------

COLUMNS = ["evtDate", "actor", "actor_type", "organization", "industry_code", "industry", "motive", "event_type",
           "event_subtype", "description", "source_url", "country", "actor_country"]
SENTINEL = "A coders' narrative that must never be stored anywhere"


def event(**values) -> dict:
    row = {
        "evtDate": "2021 Mar", "actor": "Undetermined", "actor_type": "Undetermined",
        "organization": "Northvale General Hospital", "industry_code": "62",
        "industry": "Health Care and Social Assistance", "motive": "Financial", "event_type": "Exploitative",
        "event_subtype": "Exploitation of Application Server", "description": SENTINEL,
        "source_url": "https://news.example.org/a?utm_source=x&id=3#top", "country": "United States of America",
        "actor_country": "Undetermined",
    }
    row.update(values)
    return row


def export(*rows: dict, columns=COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_one_small_event_in_every_field():
    (row,) = runner.parse_source(cissm, export(event())).to_dict("records")
    assert row["organization"] == "Northvale General Hospital"
    assert row["organization_type"] == "healthcare_provider"
    assert row["organization_type_raw"] == "Health Care and Social Assistance"
    assert (row["country"], row["region"]) == ("US", "Americas")
    assert row["attack_type"] == "hacking"
    assert row["attack_type_raw"] == "Exploitative: Exploitation of Application Server"
    assert pd.isna(row["threat_actor"])
    assert row["source_url"] == "https://news.example.org/a?id=3"
    assert row["reported_date"] == row["incident_date"] == pd.Timestamp("2021-03-01")
    assert row["date_precision"] == "month"
    assert row["collected_at"] == pd.Timestamp("2021-03-31")  # the newest month's last day when no as_of is given
    assert row["status"] == "reported" and row["source_list"] == "events"
    assert not any(SENTINEL[:20] in str(v) for v in row.values())


def test_output_fits_the_schema_exactly():
    rows = runner.parse_source(cissm, export(event()), as_of=datetime(2023, 3, 4, 9, 30, tzinfo=UTC))
    assert list(rows.columns) == list(schema.COLUMN_NAMES)
    assert rows.dtypes.astype(str).to_dict() == schema.DTYPES
    assert rows["collected_at"].item() == pd.Timestamp("2023-03-04")


def test_only_health_rows_and_the_code_written_as_a_float():
    rows = runner.parse_source(cissm, export(
        event(organization="A Clinic", industry_code="62.0"),  # an R/pandas numeric round trip writes 62.0
        event(organization="A Bank", industry_code="52", industry="Finance and Insurance"),
        event(organization="Later Bank", industry_code="52", evtDate="2022 Jun"),  # sets as_of, not a row
    ))
    assert rows["organization"].tolist() == ["A Clinic"]
    assert rows["collected_at"].item() == pd.Timestamp("2022-06-30")


def test_undetermined_country_is_left_out_and_iso_names_are_mapped():
    rows = runner.parse_source(cissm, export(
        event(organization="Nowhere Clinic", country="Undetermined"),
        event(organization="Seoul Clinic", country="Korea (the Republic of)"),
        event(organization="London Clinic", country="United Kingdom of Great Britain and Northern Ireland"),
        event(organization="Hanoi Clinic", country="Viet Nam"),
    ))
    assert dict(zip(rows["organization"], rows["country"])) == {"Seoul Clinic": "KR", "London Clinic": "GB",
                                                               "Hanoi Clinic": "VN"}


def test_attack_types_from_the_structured_fields_only():
    rows = runner.parse_source(cissm, export(
        event(organization="A", event_type="Disruptive", event_subtype="External Denial of Service"),
        event(organization="B", event_type="Mixed", event_subtype="Data Attack,Exploitation of Application Server"),
        event(organization="C", event_type="Disruptive", event_subtype="Data Attack",
              description="The hospital was hit by ransomware and its files were encrypted."),
        event(organization="D", event_type="Disruptive", event_subtype="Data Attack", actor="REvil",
              actor_type="Criminal"),
        event(organization="E", event_type="Exploitative", event_subtype="Exploitation of End Hosts",
              actor="LockBit", actor_type="Criminal"),  # a ransomware group, but no Data Attack
        event(organization="F", event_type="Exploitative", event_subtype="Undetermined"),
        event(organization="G", event_type="Undetermined", event_subtype=""),
        event(organization="H", event_type="Disruptive", event_subtype="Message Manipulation"),
    ))
    got = dict(zip(rows["organization"], rows["attack_type"]))
    assert got == {"A": "ddos", "B": "hacking", "C": "other", "D": "ransomware", "E": "hacking", "F": "hacking",
                   "G": "unknown", "H": "other"}
    assert dict(zip(rows["organization"], rows["attack_type_raw"]))["G"] == "Undetermined"


def test_threat_actor_is_a_named_group_only():
    rows = runner.parse_source(cissm, export(
        event(organization="A", actor="Vice Society", actor_type="Criminal"),
        event(organization="B", actor="Undetermined", actor_type="Criminal"),
        event(organization="C", actor="Jane Roe", actor_type="Undetermined"),  # a person: not stored
        event(organization="D", actor="John Doe", actor_type="Criminal"),
        event(organization="E", actor="KillNet", actor_type="Hacktivist"),
    ))
    actors = rows.set_index("organization")["threat_actor"]
    assert actors.dropna().to_dict() == {"A": "Vice Society", "E": "KillNet"}
    assert actors[["B", "C", "D"]].isna().all()


def test_missing_and_leak_site_links_point_to_the_database():
    rows = runner.parse_source(cissm, export(
        event(organization="A", source_url=""),
        event(organization="B", source_url="http://abcdefghijklmnop.onion/victim"),
        event(organization="C", source_url=" https://news.example.org/c "),
    ))
    assert rows["source_url"].tolist() == [cissm.DATABASE_URL, cissm.DATABASE_URL, "https://news.example.org/c"]


def test_record_ids_are_stable_and_unique_even_for_repeated_rows():
    one, two = event(), event(organization="Other Hospital")
    first = runner.parse_source(cissm, export(one, two, one))
    assert first["record_id"].is_unique and len(first) == 3
    again = runner.parse_source(cissm, export(two, one, one))
    assert set(again["record_id"]) == set(first["record_id"])
    # The description is not part of the id (nor read at all): a changed summary keeps the id.
    edited = runner.parse_source(cissm, export(event(description="Another summary"), two, one))
    assert set(edited["record_id"]) == set(first["record_id"])
    # A recoded event is another report.
    recoded = runner.parse_source(cissm, export(event(event_subtype="Data Attack")))
    assert recoded["record_id"].item() not in set(first["record_id"])


@pytest.mark.parametrize("damaged, fixed", [
    ("Centro MÃ©dico", "Centro Médico"),
    ("Hospital San JosÃ\x83Â©", "Hospital San José"),
    ("TÃ\x83Å\x93V NORD GROUP", "TÜV NORD GROUP"),
    ("Pierre Rouquès \x96 Les Bluets", "Pierre Rouquès – Les Bluets"),
    ("WomenÃ\x8ds Center", "Women’s Center"),
    ("Müller Klinik", "Müller Klinik"),  # right text is left alone
    ("Mörbylånga", "Mörbylånga"),
    ("CÃ'rdoba", "CÃ'rdoba"),  # a byte was lost ("'"): not certain, left alone
    ("Dax-C´te d'Argent", "Dax-C´te d'Argent"),
    ("County of\xa0Tehama", "County of\xa0Tehama"),  # repair_mojibake does not touch spaces; clean_name does
])
def test_repair_mojibake(damaged, fixed):
    assert cissm.repair_mojibake(damaged) == fixed


def test_clean_name_collapses_spaces():
    assert cissm.clean_name("  County of\xa0Tehama ") == "County of Tehama"


BAD_ROWS_HEADER = ",".join(COLUMNS).encode()


@pytest.mark.parametrize("raw, message", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"<!DOCTYPE html><html><body>Please log in</body></html>", "HTML"),
    (b"evtDate,organization\n2021 Mar,x\n", r"columns \['actor', 'actor_type', 'industry_code', 'industry', "
                                              r"'event_type', 'event_subtype', 'source_url', 'country'\] are missing"),
    (BAD_ROWS_HEADER + b"\n", "header but no rows"),
    (export(event(), event(evtDate="03/2021")), r"evtDate is not 'YYYY Mon'.*row 2 after the header, value '03/2021'"),
    (export(event(evtDate="2021 March")), r"row 1 after the header, value '2021 March'"),
    (export(event(country="Atlantis")), "country 'Atlantis' of a health event is not a country we know"),
    (export(event(event_subtype="Quantum Hacking")), "'Quantum Hacking' is not in data/mappings/attack_type.csv"),
    (export(event(organization="  ")), "without an organization"),
    (b"\xff\xfee\x00v\x00", "neither UTF-8 nor Windows-1252|not a CISSM"),
])
def test_bad_inputs_fail_clearly(raw, message):
    with pytest.raises(SourceFormatError, match=message) as caught:
        runner.parse_source(cissm, raw)
    assert caught.value.source == "cissm"


def test_a_non_health_row_with_a_strange_country_does_not_stop_the_parser():
    # The real export has one such row (its link is in `country`): only health rows are read.
    rows = runner.parse_source(cissm, export(event(), event(industry_code="92", country="https://example.org/x")))
    assert len(rows) == 1


def test_a_file_without_health_events_gives_no_rows():
    rows = runner.parse_source(cissm, export(event(industry_code="61", industry="Educational Services")))
    assert rows.empty and list(rows.columns) == list(schema.COLUMN_NAMES)


def test_unknown_list_kind_is_refused():
    with pytest.raises(SourceFormatError, match="unknown list"):
        runner.parse_source(cissm, export(event()), list_kind="archive")


def test_fetch_explains_there_is_no_public_download():
    with pytest.raises(FetchError, match=r"no public download.*python -m collectors ingest cissm FILE") as caught:
        cissm.fetch(None)
    assert caught.value.source == "cissm"


def test_info_lists_and_snapshot_files():
    assert cissm.LISTS == ("events",) == cissm.INFO["lists"]
    assert cissm.SNAPSHOT_FILES == ("cissm/cissm_cyber_events_*.csv",)
    assert cissm.INFO["url"] == "https://cissm.liquifiedapps.com/" and cissm.INFO["status"] == "reported"
    assert "Harry & Gallagher (2018)" in cissm.INFO["licence"]
    assert "NAICS sector 62" in cissm.INFO["counts"] and len(cissm.INFO["biases"]) == 5
