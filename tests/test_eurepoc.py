"""EuRepoC: the parser on the real release 1.1 (checked against its Receiver dataset), small hand-made
files for each quirk, the fetcher against a local server, and the runner."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import socket
from datetime import UTC, datetime

import pandas as pd
import pytest

from collectors import load_incidents, runner, schema
from collectors.errors import FetchError, SourceFormatError
from collectors.http import make_session
from collectors.raw import RawExport
from collectors.sources import eurepoc
from collectors.store import Store
from collectors.text import normalise
from tests.support.fake_feeds import FakeFeeds
from tests.support.snapshots import SNAPSHOTS

EUREPOC_DIR = SNAPSHOTS / "eurepoc"
GLOBAL_DB = EUREPOC_DIR / "EuRepoC_Global_Database_1.1.csv"
RECEIVERS = EUREPOC_DIR / "EuRepoC_Receiver_dataset_1.1.csv"
needs_eurepoc = pytest.mark.skipif(
    not (GLOBAL_DB.exists() and RECEIVERS.exists()),
    reason=f"EuRepoC release 1.1 snapshots not found in {EUREPOC_DIR} (they live in ../shared beside a CI "
           "checkout; set OBSERVATORY_SNAPSHOTS to point elsewhere)")


def record_id(incident_id: str) -> str:
    return "eurepoc:" + hashlib.sha1(incident_id.encode()).hexdigest()[:12]


def read_csv_rows(path):
    """The file read with the stdlib csv module: an independent reading to check the parser against."""
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def real_rows() -> pd.DataFrame:
    return runner.parse_source(eurepoc, GLOBAL_DB.read_bytes())


@pytest.fixture(scope="module")
def health_receivers() -> dict[str, list[dict]]:
    """Receiver dataset rows with sector Health, by incident ID, in file order."""
    found: dict[str, list[dict]] = {}
    for row in read_csv_rows(RECEIVERS):
        if row["receiver_category_subcode"] == "Health":
            found.setdefault(row["ID"], []).append(row)
    return found


# ---- the real release ----------------------------------------------------------------------------

@needs_eurepoc
def test_every_health_incident_with_a_country_is_one_row(real_rows, health_receivers):
    assert len(health_receivers) == 57  # the MANIFEST's count of incidents with a Health receiver
    with_country = {i for i, rows in health_receivers.items()
                    if any(normalise.country_code(r["receiver_country"]) for r in rows)}
    # Four incidents name only regions for their health receivers ("Unknown", "Southeast Asia (region)",
    # "North America" ...): the schema needs a country, so they are left out.
    assert sorted(set(health_receivers) - with_country, key=int) == ["806", "1296", "1589", "2036"]
    assert len(real_rows) == len(with_country) == 53
    assert set(real_rows["record_id"]) == {record_id(i) for i in with_country}


@needs_eurepoc
def test_country_is_the_first_health_receiver_with_a_country(real_rows, health_receivers):
    by_id = real_rows.set_index("record_id")
    for incident, rows in health_receivers.items():
        codes = [normalise.country_code(r["receiver_country"]) for r in rows]
        codes = [c for c in codes if c]
        if codes:
            assert by_id.at[record_id(incident), "country"] == codes[0], incident
    assert real_rows["country"].value_counts().head(3).to_dict() == {"US": 24, "IL": 4, "DE": 3}
    assert real_rows["region"].notna().all()


@needs_eurepoc
def test_global_database_receivers_agree_with_the_receiver_dataset(health_receivers):
    """The design rests on this: the Global Database alone carries what the Receiver dataset spreads out."""
    table = eurepoc.read_table(GLOBAL_DB.read_bytes())
    from_global = {row.ID: eurepoc.health_receivers(row) for row in table.itertuples(index=False)}
    from_global = {i: r for i, r in from_global.items() if r}
    assert set(from_global) == set(health_receivers)
    for incident, rows in health_receivers.items():
        expected = [(r["receiver_country"], [] if r["receiver_name"] in ("", "Not available") else [r["receiver_name"]])
                    for r in rows]
        assert [(r["country"], r["names"]) for r in from_global[incident]] == expected, incident


@needs_eurepoc
def test_organisation_is_the_single_named_health_receiver_else_eurepocs_title(real_rows):
    by_id = real_rows.set_index("record_id")["organization"]
    assert by_id[record_id("2020")] == "Hospital Clinic de Barcelona"
    assert by_id[record_id("1613")] == "Medibank Private Ltd."
    # 14 named US hospitals: EuRepoC's title of the incident, not one of them.
    assert by_id[record_id("1868")].startswith("Pro-Russian hacktivist group Killnet disrupted at least 14 hospitals")
    assert by_id[record_id("845")] == "California hospital hack"  # no receiver name at all


@needs_eurepoc
def test_every_attack_label_in_the_release_is_mapped():
    table = read_csv_rows(GLOBAL_DB)
    labels = {label.strip() for r in table for column in ("incident_type", "MITRE_impact")
              for label in r[column].split(";")}
    mapped = normalise.mapping("attack_type")
    mapped = set(mapped.loc[mapped["source"] == "eurepoc", "raw_value"])
    assert labels - mapped == set()


@needs_eurepoc
def test_attack_types_follow_eurepocs_labels(real_rows):
    raw = real_rows["attack_type_raw"]
    assert ((real_rows["attack_type"] == "ransomware") == raw.str.contains("Ransomware")).all()
    assert (real_rows["attack_type"] == "ddos").sum() == raw.str.contains("Denial of Service").sum() == 3
    assert real_rows["attack_type"].value_counts().to_dict() == {"hacking": 35, "ransomware": 9, "other": 6, "ddos": 3}


@needs_eurepoc
def test_dates_threat_actors_links_and_status(real_rows):
    reference = {r["ID"]: r for r in read_csv_rows(GLOBAL_DB)}
    by_id = real_rows.set_index("record_id")
    for incident, row in reference.items():
        if record_id(incident) in by_id.index and row["start_date"]:
            assert by_id.at[record_id(incident), "reported_date"] == pd.Timestamp(row["start_date"])
            assert by_id.at[record_id(incident), "incident_date"] == pd.Timestamp(row["start_date"])
            assert by_id.at[record_id(incident), "reported_date_basis"] == "event_only"  # the attack's date
    # Incident 1904 has no start date: the day it was first attributed stands in; incident_date stays empty.
    assert by_id.at[record_id("1904"), "reported_date"] == pd.Timestamp("2023-02-09")
    assert pd.isna(by_id.at[record_id("1904"), "incident_date"])
    assert pd.isna(by_id.at[record_id("1904"), "reported_date_basis"])
    assert by_id.at[record_id("2020"), "threat_actor"] == "Ransom House"
    assert not real_rows["threat_actor"].dropna().str.contains("Not available|\xa0").any()
    assert real_rows["source_url"].str.match(r"https?://").all()
    assert not real_rows["source_url"].str.contains(r"utm_|[?&]pk_|fbclid|#").any()
    assert set(real_rows["status"]) == {"reported"} and set(real_rows["source_list"]) == {"incidents"}
    assert real_rows["is_care_disrupted"].isna().all()
    assert real_rows["collected_at"].iloc[0] == pd.Timestamp("2023-10-01")  # newest start/end date


@needs_eurepoc
def test_no_narrative_text_in_any_column(real_rows):
    descriptions = {r["description"] for r in read_csv_rows(GLOBAL_DB)}
    text_columns = [c.name for c in schema.COLUMNS if c.dtype == "str"]
    longest = {c: real_rows[c].str.len().max() for c in text_columns if real_rows[c].notna().any()}
    assert max(longest.values()) < 300, longest
    for column in text_columns:
        assert not real_rows[column].isin(descriptions - {""}).any(), column


@pytest.mark.slow  # the real release through the runner, twice
@needs_eurepoc
def test_runner_ingests_the_release_and_re_ingesting_changes_nothing(tmp_path):
    store = Store(tmp_path / "data")
    export = RawExport("eurepoc", GLOBAL_DB.read_bytes(), origin=GLOBAL_DB.name)
    first = runner.ingest(store, "eurepoc", [export], progress=lambda _: None)
    assert (first.rows, first.added) == (53, 53)
    files = (store.incidents_path, store.sources_path)
    before = [p.read_bytes() for p in files]
    again = runner.ingest(store, "eurepoc", [export], progress=lambda _: None)
    assert (again.added, again.updated, again.skipped_exports) == (0, 0, 1)
    fresh = runner.ingest(store, "eurepoc", [export], fresh=True, progress=lambda _: None)
    assert (fresh.added, fresh.updated, fresh.unchanged) == (0, 0, 53)
    assert [p.read_bytes() for p in files] == before
    rows = load_incidents(store.data_dir)
    assert len(rows) == 53 and set(rows["source"]) == {"eurepoc"}
    (record,) = json.loads(store.sources_path.read_text())["exports"]
    assert (record["list_kind"], record["rows"], record["as_of"]) == ("incidents", 53, "2023-10-01")


@needs_eurepoc
def test_the_receiver_dataset_alone_is_refused_with_a_pointer_to_the_global_database():
    with pytest.raises(SourceFormatError, match="Receiver dataset; ingest the Global Database") as caught:
        runner.parse_source(eurepoc, RECEIVERS.read_bytes())
    assert caught.value.source == "eurepoc"


# ---- small hand-made files -------------------------------------------------------------------

COLUMNS = ["ID", "name", "description", "start_date", "end_date", "incident_type", "receiver_name",
           "receiver_country", "receiver_category_subcode", "initiator_name", "attribution_date", "MITRE_impact",
           "sources_url"]


def incident(**values) -> dict:
    row = {
        "ID": "1", "name": "Invented hospital incident", "description": "A long narrative that must never be stored.",
        "start_date": "2022-05-01", "end_date": "2022-05-03", "incident_type": "Data theft; Hijacking with Misuse",
        "receiver_name": "[['Northvale General Hospital']]", "receiver_country": "['Germany']",
        "receiver_category_subcode": "[['Health']]", "initiator_name": "['Not available']",
        "attribution_date": "", "MITRE_impact": "", "sources_url": "['https://news.example.org/a?utm_source=x&id=3#top']",
    }
    row.update(values)
    return row


def global_db(*rows: dict, columns=COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_one_small_incident_in_every_field():
    (row,) = runner.parse_source(eurepoc, global_db(incident())).to_dict("records")
    assert row["organization"] == "Northvale General Hospital"
    assert row["organization_type"] == "healthcare_provider"
    assert (row["country"], row["region"]) == ("DE", "Europe")
    assert (row["attack_type"], row["attack_type_raw"]) == ("hacking", "Data theft; Hijacking with Misuse")
    assert pd.isna(row["threat_actor"])
    assert row["source_url"] == "https://news.example.org/a?id=3"
    assert row["record_id"] == record_id("1")
    assert row["reported_date"] == row["incident_date"] == pd.Timestamp("2022-05-01")
    assert row["collected_at"] == pd.Timestamp("2022-05-03")  # newest start/end date when no as_of is given


def test_output_fits_the_schema_exactly():
    rows = runner.parse_source(eurepoc, global_db(incident()), as_of=datetime(2023, 11, 11, 9, 30, tzinfo=UTC))
    assert list(rows.columns) == list(schema.COLUMN_NAMES)
    assert rows.dtypes.astype(str).to_dict() == schema.DTYPES
    assert rows["collected_at"].item() == pd.Timestamp("2023-11-11")


def test_quirks_lists_semicolons_nat_nbsp_and_regions():
    raw = global_db(
        incident(ID="10", start_date="NaT", end_date="", attribution_date="2021-03-04 00:00:00; 2021-02-01",
                 receiver_country="Middle East (region); Japan", receiver_name="",
                 receiver_category_subcode="[['Health'], ['Health']]", name="Campaign\xa0against  clinics",
                 initiator_name="['APT\xa099', 'Not available', 'APT 99']", incident_type="Disruption",
                 MITRE_impact="Network Denial of Service"),
        incident(ID="11", receiver_country="['Unknown']"),  # no country: left out
        incident(ID="12", receiver_category_subcode="[['Finance']]"),  # not health: left out
    )
    (row,) = runner.parse_source(eurepoc, raw).to_dict("records")
    assert row["record_id"] == record_id("10")
    assert row["country"] == "JP"  # the region before it is no country
    assert row["reported_date"] == pd.Timestamp("2021-02-01") and pd.isna(row["incident_date"])
    assert row["organization"] == "Campaign against clinics"  # two health receivers: EuRepoC's title
    assert row["threat_actor"] == "APT 99"
    assert (row["attack_type"], row["attack_type_raw"]) == ("ddos", "Disruption (MITRE: Network Denial of Service)")


def test_a_file_without_any_health_incident_gives_no_rows():
    rows = runner.parse_source(eurepoc, global_db(incident(receiver_category_subcode="[['Energy']]")))
    assert rows.empty and list(rows.columns) == list(schema.COLUMN_NAMES)


RECEIVER_FILE = b"ID,receiver_country,receiver_region,receiver_name,receiver_category,receiver_category_subcode\n1,X,,,,\n"


@pytest.mark.parametrize("raw, message", [
    (b"", "empty"),
    (b"<!DOCTYPE html><html><body>Zenodo is down</body></html>", "HTML"),
    (RECEIVER_FILE, "Receiver dataset"),
    (b"id,receiver_subcategory,ci_subtype,receiver_country,region_name\n1,Health,Hospitals,X,Y\n", "subtype file"),
    (b"ID,name\n1,x\n", "columns .* are missing"),
    (global_db(), "header but no rows"),
    (global_db(incident(start_date="05/01/2022")), "start_date is not YYYY-MM-DD"),
    (global_db(incident(receiver_country="['Germny']")), "'Germny' is neither a known country"),
    (global_db(incident(receiver_country="['Germany', 'France']")), "receiver lists of different lengths"),
    (global_db(incident(receiver_country="[__import__('os').system('true')]")), "cannot read the list"),
    (global_db(incident(ID="7"), incident(ID="7")), "ID column"),
    (b"\xff\xfeI\x00D\x00", "not UTF-8"),
    (global_db(incident(incident_type="Cyber espionage")), "'Cyber espionage' is not in data/mappings/attack_type.csv"),
])
def test_bad_inputs_fail_clearly(raw, message):
    with pytest.raises(SourceFormatError, match=message) as caught:
        runner.parse_source(eurepoc, raw)
    assert caught.value.source == "eurepoc"


def test_unknown_list_kind_is_refused():
    with pytest.raises(SourceFormatError, match="unknown list"):
        runner.parse_source(eurepoc, global_db(incident()), list_kind="archive")


# ---- fetching from a local stand-in for Zenodo ---------------------------------------------------

NOW = datetime(2026, 3, 2, 6, 30, tzinfo=UTC)
CSV = global_db(incident())


def fetch(server, path):
    return eurepoc.fetch(make_session(retries=0, backoff=0), server.url(path), now=lambda: NOW)


def test_fetch_returns_the_global_database_with_provenance():
    with FakeFeeds({"/files/db.csv": ("normal", CSV, "text/csv; charset=utf-8")}) as server:
        (export,) = fetch(server, "/files/db.csv")
    assert export.content == CSV
    assert (export.source, export.list_kind, export.origin, export.fetched_at) == (
        "eurepoc", "incidents", server.url("/files/db.csv"), NOW)
    assert eurepoc.GLOBAL_DATABASE_URL == (
        "https://zenodo.org/records/7848941/files/EuRepoC_Global_Database_1.1.csv?download=1")


@pytest.mark.parametrize("mode, body, content_type, message", [
    ("server_error", b"", "text/csv", "HTTP 500"),
    ("not_found", b"", "text/csv", "HTTP 404"),
    ("html", b"", "text/html", "HTML page|block"),
    ("truncated_body", CSV, "text/csv", "failed"),
    ("truncated_xml", global_db(incident(), incident(ID="2")), "text/csv", "newline|readable"),
    ("normal", RECEIVER_FILE, "text/csv", "Receiver dataset"),
    ("normal", b"", "text/csv", "empty"),
])
def test_fetch_failures_are_fetch_errors_naming_the_url(mode, body, content_type, message):
    with FakeFeeds({"/db.csv": (mode, body, content_type)}) as server:
        with pytest.raises(FetchError, match=message) as caught:
            fetch(server, "/db.csv")
    assert caught.value.source == "eurepoc"
    assert "/db.csv" in caught.value.message


def test_fetch_connection_refused():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="failed"):
        eurepoc.fetch(make_session(retries=0, backoff=0), f"http://127.0.0.1:{port}/db.csv")
