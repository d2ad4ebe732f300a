"""The open data API (api/): the database built from a hand-made data dir, served by a real Datasette on loopback
(`python -m api serve`, in a subprocess, always stopped), checked through its real responses against pandas on the
same CSV: a table's JSON and CSV, every canned query, the Atom feeds (parsed by feedparser), and no leak-site link.

Datasette, datasette-atom, sqlite-utils and feedparser are requirements: missing, this module fails to import
(a loud failure, never a skip). No request leaves 127.0.0.1.
"""

from __future__ import annotations

import calendar
import io
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import datasette  # noqa: F401 -- a requirement: its absence must fail here
import datasette_atom  # noqa: F401
import feedparser
import pandas as pd
import pytest
import requests

from api import database, labels, metadata, queries
from collectors import schema
from collectors.errors import CollectorError
from collectors.store import Store
from tests.support.frames import journalist as jf

# Subprocesses, servers or rendered PDFs: out of the fast loop (conftest.py explains the markers).
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
LEAK_PATTERNS = re.compile(r"\.onion\b|\.i2p\b|post_url|claim_url|images\.ransomware\.live", re.IGNORECASE)
REMOVED = "hhs_ocr:rm000000001"
REPEAT = "hhs_ocr:dup00000001"
CLAIM_PAGE = "https://www.ransomware.live/id/TGFrZXNpZGUgQ2xpbmljQHF1aWxpbg=="


def _frame() -> pd.DataFrame:
    """The journalists' twelve reports, plus one report its source withdrew (alone in its incident) and one
    repeat of an HHS filing: neither may count anywhere. The US claim links to ransomware.live's own page."""
    rows = jf.incidents()
    rows.loc[rows["record_id"] == "ransomware_live:us01", "source_url"] = CLAIM_PAGE
    base = rows[rows["record_id"] == "hhs_ocr:us02"].iloc[0]
    removed = base.copy()
    removed[["record_id", "incident_id", "organization", "reported_date", "is_removed_by_source"]] = [
        REMOVED, "inc:0000000000r1", "Withdrawn Clinic", pd.Timestamp("2024-06-01"), True]
    repeat = base.copy()
    repeat[["record_id", "duplicate_of"]] = [REPEAT, "hhs_ocr:us02"]
    return schema.coerce(pd.concat([rows, pd.DataFrame([removed, repeat])], ignore_index=True))


def _write_data_dir(folder: Path, frame: pd.DataFrame) -> Path:
    jf.write_data_dir(folder)  # its sources.json and README; the rows replaced below
    store = Store(folder)
    with store.locked():
        store.write(frame, store.read_sources())
    return folder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return _write_data_dir(tmp_path_factory.mktemp("data"), _frame())


@pytest.fixture(scope="module")
def csv_frame(data_dir) -> pd.DataFrame:
    """The dataset as a reader of data/incidents.csv gets it, for pandas' side of every comparison."""
    return Store(data_dir).read_incidents()


@pytest.fixture(scope="module")
def server(data_dir):
    """`python -m api serve` on a free loopback port: the README's command, building the database first."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "api", "--data-dir", str(data_dir), "serve", "--port",
                                str(port)], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "PYTHONPATH": str(REPO)})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise AssertionError(f"the server stopped: {process.stdout.read() if process.stdout else ''}")
            try:
                if requests.get(f"{base}/-/versions.json", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("Datasette did not answer within 60 s")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _get(url: str, **params) -> requests.Response:
    response = requests.get(url, params=params, timeout=30)
    assert response.status_code == 200, (url, params, response.status_code, response.text[:300])
    return response


def _json(server: str, path: str, **params) -> list[dict]:
    return _get(f"{server}/observatory/{path}.json", _shape="array", _size="max", **params).json()


def _counted(frame: pd.DataFrame) -> pd.DataFrame:
    removed, repeated = schema.uncounted(frame)
    return frame[~(removed | repeated)]


def _first_reports(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per incident, its earliest counted report (pandas' side, as app/prep/world.py places incidents)."""
    ordered = _counted(frame).sort_values(["reported_date", "record_id"], kind="stable")
    return ordered.groupby("incident_id", as_index=False).first()


# --- the table ---------------------------------------------------------------------------------------------------

def test_the_reports_table_holds_every_row_of_the_csv(server, csv_frame):
    rows = _json(server, "reports")
    assert sorted(r["record_id"] for r in rows) == sorted(csv_frame["record_id"])
    by_id = {r["record_id"]: r for r in rows}
    assert by_id["hhs_ocr:us02"]["reported_date"] == "2023-11-30" and by_id["hhs_ocr:us02"]["individuals_affected"] \
        == 12_000
    assert by_id[REMOVED]["is_counted"] == 0 and by_id[REPEAT]["is_counted"] == 0
    assert sum(r["is_counted"] for r in rows) == len(_counted(csv_frame)) == 12


def test_the_csv_export_is_the_whole_table(server, csv_frame):
    text = _get(f"{server}/observatory/reports.csv", _stream="on", _size="max").text
    exported = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert sorted(exported["record_id"]) == sorted(csv_frame["record_id"])
    assert set(schema.COLUMN_NAMES) <= set(exported.columns)
    saint_jean = exported.set_index("record_id").loc["eurepoc:fr03"]
    assert saint_jean["organization"] == "HÔPITAL SAINT-JEAN" and saint_jean["country"] == "FR"


def test_the_incidents_table_has_one_row_per_counted_incident(server, csv_frame):
    rows = _json(server, "incidents")
    firsts = _first_reports(csv_frame).set_index("incident_id")
    assert sorted(r["incident_id"] for r in rows) == sorted(firsts.index)
    assert "inc:0000000000r1" not in {r["incident_id"] for r in rows}  # withdrawn: counted nowhere
    fr = next(r for r in rows if r["incident_id"] == jf.FR_INCIDENT)
    assert fr["first_reported_date"] == "2024-02-25" and fr["reports"] == 3 and fr["sources_count"] == 2
    assert fr["title_en"] == "Ransomware: HÔPITAL SAINT-JEAN (France)"
    assert fr["title_fr"] == "Rançongiciel : HÔPITAL SAINT-JEAN (France)"
    us = next(r for r in rows if r["incident_id"] == jf.US_INCIDENT)
    assert us["reports"] == 2 and us["status"] == "confirmed"  # the repeat of the filing is not a third report


# --- canned queries ----------------------------------------------------------------------------------------------

def test_incidents_per_country_and_year_match_pandas(server, csv_frame):
    firsts = _first_reports(csv_frame)
    expected = firsts.groupby(["country", firsts["reported_date"].dt.strftime("%Y")])["incident_id"].nunique()
    rows = _json(server, "incidents_per_country_year")
    assert {(r["country"], r["year"]): r["incidents"] for r in rows} == expected.to_dict()
    assert ("FR", "2023") in expected and ("DE", "2024") not in expected  # silence stays absent, never a 0 row
    assert all(r["incidents"] > 0 for r in rows)
    only_fr = _json(server, "incidents_per_country_year", country="fr")
    assert {(r["country"], r["year"]): r["incidents"] for r in only_fr} == {("FR", "2023"): 1, ("FR", "2024"): 1}
    fr_2024 = next(r for r in only_fr if r["year"] == "2024")
    assert fr_2024["reports"] == 3 and fr_2024["sources"] == "eurepoc, ransomware_live"
    meta = _get(f"{server}/-/metadata.json").json()["databases"]["observatory"]["queries"]
    assert "no data, not 0" in meta["incidents_per_country_year"]["description"]


def test_incidents_per_attack_type_and_year_match_pandas(server, csv_frame):
    firsts = _first_reports(csv_frame)
    expected = firsts.groupby([firsts["incident_attack_type"], firsts["reported_date"].dt.strftime("%Y")])[
        "incident_id"].nunique()
    rows = _json(server, "incidents_per_attack_type_year")
    assert {(r["attack_type"], r["year"]): r["incidents"] for r in rows} == expected.to_dict()


def test_the_latest_week_is_the_seven_days_up_to_the_newest_report(server, csv_frame):
    counted = _counted(csv_frame)
    newest = counted["reported_date"].max()
    expected = counted[counted["reported_date"] > newest - pd.Timedelta(days=7)]
    rows = _json(server, "latest_week_reports")
    assert sorted(r["record_id"] for r in rows) == sorted(expected["record_id"]) == ["hhs_ocr:h001"]


def test_one_incidents_reports_oldest_first(server):
    rows = _json(server, "incident_reports", incident_id=jf.FR_INCIDENT)
    assert [r["record_id"] for r in rows] == ["eurepoc:fr03", "ransomware_live:fr01", "ransomware_live:fr02"]
    us = _json(server, "incident_reports", incident_id=jf.US_INCIDENT)
    assert {r["record_id"]: r["is_counted"] for r in us} == {"ransomware_live:us01": 1, "hhs_ocr:us02": 1,
                                                            REPEAT: 0}


def test_largest_breaches_leave_out_placeholders_and_unknown_counts(server, csv_frame):
    rows = _json(server, "largest_breaches")
    counted = _counted(csv_frame)
    real = counted[counted["individuals_affected"].notna() & ~counted["is_placeholder_count"]]
    assert [r["individuals_affected"] for r in rows] == sorted(real["individuals_affected"], reverse=True)
    assert [r["organization"] for r in _json(server, "largest_breaches", year="2023")] == ["Lakeside Clinic, LLC"]


def test_every_canned_query_answers_in_json_and_csv(server):
    params = {"incident_id": jf.FR_INCIDENT, "country": "FR", "source": "eurepoc", "attack_type": "ransomware"}
    for name in queries.canned_queries():
        assert isinstance(_json(server, name, **params), list), name
        assert _get(f"{server}/observatory/{name}.csv", **params).text.count("\n") >= 1, name


# --- feeds -------------------------------------------------------------------------------------------------------

def _feed(server: str, name: str, **params) -> feedparser.FeedParserDict:
    response = _get(f"{server}/observatory/{name}.atom", **params)
    assert response.headers["content-type"].startswith("application/xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    # Atom's required elements: the feed's id, title, updated; each entry's id, title, updated.
    assert parsed.feed.get("id") and parsed.feed.get("title") and parsed.feed.get("updated_parsed")
    for entry in parsed.entries:
        assert entry.get("id") and entry.get("title") and entry.get("updated_parsed"), entry
        link = urlparse(entry.link)
        assert link.scheme in ("http", "https") and link.netloc, entry.link  # absolute
    stamps = [calendar.timegm(e.updated_parsed) for e in parsed.entries]
    assert stamps == sorted(stamps, reverse=True)  # newest first
    assert len(parsed.entries) <= queries.FEED_ENTRIES
    assert len({e.id for e in parsed.entries}) == len(parsed.entries)
    return parsed


def test_the_country_feed_in_english_and_french(server, csv_frame):
    english = _feed(server, queries.feed_name("country", "en"), country="FR")
    french = _feed(server, queries.feed_name("country", "fr"), country="FR")
    assert english.feed.title.startswith("New incidents in a country")
    assert french.feed.title.startswith("Nouveaux incidents dans un pays")
    assert [e.title for e in english.entries] == ["Ransomware: HÔPITAL SAINT-JEAN (France)",
                                                   "Hacking / IT incident: CHU de Rennes (France)"]
    assert [e.title for e in french.entries] == ["Rançongiciel : HÔPITAL SAINT-JEAN (France)",
                                                  "Piratage / incident informatique : CHU de Rennes (France)"]
    first = english.entries[0]
    assert time.strftime("%Y-%m-%d", first.updated_parsed) == "2024-02-25"  # its earliest report, EuRepoC's
    assert first.link == "https://example.org/eurepoc/fr03"
    assert "3 reports" in first.summary and "3 signalements" in french.entries[0].summary
    us = _feed(server, queries.feed_name("country", "en"), country="US")
    firsts = _first_reports(csv_frame)
    assert len(us.entries) == (firsts["country"] == "US").sum() == 6
    assert "Withdrawn Clinic" not in " ".join(e.title for e in us.entries)


def test_the_attack_type_and_source_feeds(server):
    ransomware = _feed(server, queries.feed_name("attack_type", "fr"), attack_type="ransomware")
    assert [e.title for e in ransomware.entries] == ["Rançongiciel : HÔPITAL SAINT-JEAN (France)",
                                                      "Rançongiciel : Lakeside Clinic (États-Unis)"]
    # A source's feed dates and links an incident by that source's own first report of it.
    claims = _feed(server, queries.feed_name("source", "en"), source="ransomware_live")
    assert [time.strftime("%Y-%m-%d", e.updated_parsed) for e in claims.entries] == [
        "2024-03-02", "2023-10-01", "2023-06-21"]
    assert claims.entries[1].link == CLAIM_PAGE
    assert claims.entries[0].link == "https://example.org/ransomware_live/fr01"


def test_a_feed_with_no_entries_is_an_empty_valid_feed(server):
    empty = _feed(server, queries.feed_name("country", "en"), country="ZZ")
    assert empty.entries == [] and empty.feed.title.startswith("New incidents in a country")
    assert time.strftime("%Y-%m-%d", empty.feed.updated_parsed) == jf.AS_OF.strftime("%Y-%m-%d")


def test_every_feed_is_bounded():
    for name, query in queries.feeds().items():
        assert query["sql"].rstrip().endswith(f"limit {queries.FEED_ENTRIES}"), name


# --- what is never published -------------------------------------------------------------------------------------

def test_no_response_holds_a_leak_site_link(server):
    """Every JSON, CSV and Atom answer: no .onion, no i2p, no leak-site post or claim link."""
    params = {"incident_id": jf.US_INCIDENT, "country": "US", "source": "ransomware_live",
              "attack_type": "ransomware"}
    bodies = [_get(f"{server}/observatory/{table}.{fmt}", _size="max").text
              for table in ("reports", "incidents", "sources", "countries", "coverage") for fmt in ("json", "csv")]
    for name in queries.canned_queries():
        bodies += [_get(f"{server}/observatory/{name}.{fmt}", **params).text for fmt in ("json", "csv")]
    for name in queries.feeds():
        bodies.append(_get(f"{server}/observatory/{name}.atom", **params).text)
    bodies.append(_get(f"{server}/-/metadata.json").text)
    assert len(bodies) == 10 + 2 * len(queries.canned_queries()) + len(queries.feeds()) + 1
    for body in bodies:
        assert not LEAK_PATTERNS.search(body), LEAK_PATTERNS.search(body)
    assert any(CLAIM_PAGE in b for b in bodies)  # the tracker's own page is not a leak site


def test_a_dataset_with_a_leak_site_link_is_not_published(tmp_path):
    frame = _frame()
    frame.loc[frame["record_id"] == "ransomware_live:us01", "source_url"] = "http://abcdefghijklmnop.onion/post/1"
    data_dir = _write_data_dir(tmp_path / "data", frame)
    db_path = tmp_path / "observatory.db"
    db_path.write_bytes(b"the previous database")
    with pytest.raises(CollectorError, match="leak-site"):
        database.build(data_dir, db_path)
    assert db_path.read_bytes() == b"the previous database"  # untouched
    assert not list(tmp_path.glob(".observatory.db.*"))


# --- metadata, staleness, names ----------------------------------------------------------------------------------

def test_the_metadata_describes_every_column_and_every_source(server):
    meta = _get(f"{server}/-/metadata.json").json()
    reports = meta["databases"]["observatory"]["tables"]["reports"]
    assert set(reports["columns"]) == {*schema.COLUMN_NAMES, "is_counted"}
    assert reports["columns"]["source_url"].startswith("Where the report can be checked")
    assert f"Data as of {jf.AS_OF:%Y-%m-%d}" in meta["description_html"]
    assert "17 U.S.C." in meta["description_html"] and "https://zenodo.org/records/7848941" in meta["description_html"]
    sources = {r["source"]: r for r in _json(server, "sources")}
    assert sources["hhs_ocr"]["licence"].startswith("US federal government work")
    assert sources["hhs_ocr"]["data_as_of"] == jf.AS_OF.strftime("%Y-%m-%d")


def test_serve_rebuilds_only_a_stale_database(tmp_path):
    data_dir = _write_data_dir(tmp_path / "data", _frame())
    db_path = tmp_path / "observatory.db"
    assert database.is_stale(data_dir, db_path)
    database.build(data_dir, db_path)
    assert not database.is_stale(data_dir, db_path)
    _write_data_dir(data_dir, _frame().iloc[:-1])  # the dataset changed
    assert database.is_stale(data_dir, db_path)
    json.dumps(metadata.build_metadata("2024-06-30"))  # the metadata is JSON


def test_names_are_the_dashboards():
    from app import i18n

    for code in labels.ATTACK_TYPES:
        for lang in labels.LANGUAGES:
            assert labels.attack_type_label(code, lang) == i18n.attack_type_label(code, lang)
    for code in ("FR", "US", "DE", "BA", "HK", "TT", "GB", "CI"):
        for lang in labels.LANGUAGES:
            assert labels.country_name(code, lang) == i18n.country_name(code, lang)


def test_the_dashboard_links_to_the_api_in_both_languages(monkeypatch):
    from streamlit.testing.v1 import AppTest

    from app.ui import api_link

    monkeypatch.delenv(api_link.API_URL_VARIABLE, raising=False)
    assert api_link.api_url() == "http://127.0.0.1:8001"  # where `python -m api serve` listens by default
    monkeypatch.setenv(api_link.API_URL_VARIABLE, "https://api.example.org/")
    app = AppTest.from_string("from app.ui import api_link\napi_link.api_link('en')\napi_link.api_link('fr')\n")
    app.run(timeout=60)
    assert not app.exception
    text = " ".join(str(el.proto) for el in app.sidebar)
    assert 'label: "API & SQL"' in text and 'label: "API et SQL"' in text
    assert text.count('url: "https://api.example.org/observatory"') == 2
