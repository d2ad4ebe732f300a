"""The ransomware.live collector: every real snapshot, each API shape, the healthcare selection, what we never
keep, the merge through the real runner, and the fetch against a local fake of the API."""

from __future__ import annotations

import base64
import csv
import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from collectors import registry, runner, schema
from collectors.errors import FetchError, SourceFormatError
from collectors.http import make_session
from collectors.raw import RawExport
from collectors.sources import ransomware_live as rl
from collectors.store import Store
from collectors.text import normalise
from collectors.text.urls import canonical_url, date_in_url, url_key
from tests.support.fake_ransomware_live import API_KEY, PRO_PRESS, PRO_VICTIMS, V2_VICTIMS, FakeRansomwareLive
from tests.support.snapshots import SNAPSHOTS

RL_DIR = SNAPSHOTS / "ransomware-live"
V1 = RL_DIR / "v1_recentvictims_2024-06-16_littlejakub00.json"
PRO_RECENT = RL_DIR / "pro_victims_recent_2025-07-12_anggipradana.json"
PRESS = RL_DIR / "pro_press_all_2025-08-28_anggipradana.json"
SECTORS = RL_DIR / "pro_listsectors_2025-08-30_anggipradana.json"
STATS = RL_DIR / "pro_stats_2025-08-30_anggipradana.json"
needs_rl_snapshots = pytest.mark.skipif(
    not all(p.exists() for p in (V1, PRO_RECENT, PRESS, SECTORS)),
    reason=f"ransomware.live snapshots not found in {RL_DIR} (they live in ../shared, beside a CI checkout; "
           "set OBSERVATORY_SNAPSHOTS to point elsewhere)")
MAPPING = Path(normalise.MAPPINGS_DIR) / "sector.csv"
NOW = datetime(2025, 7, 12, 6, 30, tzinfo=UTC)
TEXT_COLUMNS = [c.name for c in schema.COLUMNS if c.dtype == "str"]


def sector_table() -> dict[str, str]:
    """data/mappings/sector.csv read with the csv module: label (case and spaces folded) -> is_healthcare."""
    with open(MAPPING, newline="", encoding="utf-8") as fh:
        return {" ".join(r["raw_value"].split()).casefold(): r["is_healthcare"]
                for r in csv.DictReader(fh) if r["source"] == "ransomware_live"}


def as_json(document) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def assert_nothing_from_the_leak_sites_or_the_articles(rows: pd.DataFrame) -> None:
    for column in rows.columns:
        values = rows[column].dropna().astype(str)
        assert not values.str.contains(".onion", regex=False).any(), column
        assert not values.str.contains("images.ransomware.live", regex=False).any(), column
    for column in TEXT_COLUMNS:
        longest = rows[column].str.len().max()
        # Structured values only. An article link can be long (one SEC-filing viewer link has 396 characters).
        assert pd.isna(longest) or longest <= (500 if column == "source_url" else 300), (column, longest)
    assert rows["source_url"].str.match(r"^https?://\S+$").all()


# --- real snapshots ----------------------------------------------------------------------------------------

@needs_rl_snapshots
def test_every_sector_label_in_the_snapshots_is_in_the_mapping_table():
    table = sector_table()
    labels = {r["activity"] for r in json.loads(V1.read_bytes())}
    labels |= {r["activity"] for r in json.loads(PRO_RECENT.read_bytes())["victims"]}
    labels |= {s["sector"] for s in json.loads(SECTORS.read_bytes())["sectors"]}  # incl. the LLM's garbage labels
    assert "Technology, Not Found, Education" in labels
    missing = sorted(label for label in labels if " ".join(label.split()).casefold() not in table)
    assert not missing
    health = sorted(label for label in labels if table[" ".join(label.split()).casefold()] == "true")
    assert {"Healthcare", "Healtcare", "Healthcare and Public Health", "Healthcare Services",
            "Human health and social work activities", "Other human health activities"} <= set(health)


def test_the_sector_table_is_consistent():
    with open(MAPPING, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["source", "raw_value", "is_healthcare", "organization_type"]
    by_key: dict[str, tuple[str, str]] = {}
    for r in rows:
        assert r["is_healthcare"] in ("true", "false", "unknown"), r
        assert (r["organization_type"] in schema.ORGANIZATION_TYPES) == (r["is_healthcare"] == "true"), r
        key = " ".join(r["raw_value"].split()).casefold()
        assert by_key.setdefault(key, (r["is_healthcare"], r["organization_type"])) == (
            r["is_healthcare"], r["organization_type"]), f"{r['raw_value']!r} differs from a variant of its spelling"


@needs_rl_snapshots
@pytest.mark.parametrize("path, kept, dropped", [
    # rows kept; rows left out, by reason
    (V1, 8, {"not healthcare": 89, "sector not known": 2, "no country": 1}),
    (PRO_RECENT, 9, {"not healthcare": 47, "sector not known": 42, "veterinary": 2}),
])
def test_victim_snapshots_parse_completely(path, kept, dropped):
    document = json.loads(path.read_bytes())
    records = document if isinstance(document, list) else document["victims"]
    table = sector_table()
    # An independent count: records whose sector label the table calls healthcare, and those with a country.
    labelled = [r for r in records if table[" ".join(r["activity"].split()).casefold()] == "true"]
    with_country = [r for r in labelled if r["country"].strip()]
    selection = rl.summarise(path.read_bytes())
    rows = runner.parse_source(rl, path.read_bytes())

    assert selection.rows_in == len(records) == 100
    assert len(rows) == selection.counts["kept"] == kept
    assert dict(selection.counts) == {"kept": kept, **dropped}
    assert len(labelled) == kept + dropped.get("no country", 0) + dropped.get("veterinary", 0)
    assert len(with_country) == kept + dropped.get("veterinary", 0)
    assert rows["record_id"].is_unique
    assert set(rows["status"]) == {"claimed"} and set(rows["source_list"]) == {"victims"}
    assert set(rows["attack_type"]) == {"ransomware"}
    names = {r.get("post_title") or r.get("victim") for r in with_country}
    assert set(rows["organization"]) <= names
    # reported_date is the day ransomware.live saw the claim; the as-of date is the newest one in the file.
    newest = max(pd.Timestamp(r["discovered"][:10]) for r in records)
    assert rows["collected_at"].eq(newest).all() and rows["first_seen_at"].eq(newest).all()
    assert rows["source_snapshot"].eq(__import__("hashlib").sha256(path.read_bytes()).hexdigest()[:12]).all()
    assert rows["source_url"].str.startswith("https://www.ransomware.live/id/").all()
    assert_nothing_from_the_leak_sites_or_the_articles(rows)


@needs_rl_snapshots
def test_pro_victims_keep_their_permalink_attack_date_and_uk_becomes_gb():
    rows = runner.parse_source(rl, PRO_RECENT.read_bytes()).set_index("organization")
    accu = rows.loc["Accu Reference Medical Lab"]
    assert accu["threat_actor"] == "qilin"
    assert accu["incident_date"] == pd.Timestamp("2023-12-06")  # the group's date: 19 months before the claim
    assert accu["reported_date"] == pd.Timestamp("2025-07-10")
    assert accu["source_url"] == "https://www.ransomware.live/id/QWNjdSBSZWZlcmVuY2UgTWVkaWNhbCBMYWJAcWlsaW4="
    assert rows.loc["caredig.co.uk", "country"] == "GB"  # the file says "UK"
    # The LLM sector label calls a veterinary centre and a spay/neuter charity "Healthcare": left out.
    assert not rows.index.str.contains("tiergesundheit|spayneuter", case=False).any()
    assert rows.loc["Crenshaw Community Hospital", "organization_type"] == "healthcare_provider"
    assert rows.loc["PHARMARON.COM", "organization_type"] == "pharmaceutical"


@needs_rl_snapshots
def test_v1_victims_get_the_same_id_and_page_as_the_pro_api_would_give_them():
    rows = runner.parse_source(rl, V1.read_bytes()).set_index("organization")
    dental = rows.loc["2K Dental"]
    site_id = base64.b64encode(b"2K Dental@everest").decode()
    assert dental["source_url"] == f"https://www.ransomware.live/id/{site_id}"
    assert pd.isna(dental["incident_date"])  # v1 has no attack date (`published` is the leak-site date)
    assert "belcherpharma.com" not in rows.index  # no country: left out (and counted)
    v2 = runner.parse_source(rl, as_json([{"victim": "2K Dental", "group": "everest", "activity": "Healthcare", "country": "US",
                            "discovered": "2024-06-13 01:02:03", "attackdate": ""}]))
    assert v2["record_id"].item() == dental["record_id"]


@pytest.mark.slow  # classifies the 2,627 items of the real press index
@needs_rl_snapshots
def test_press_snapshot_parses_completely():
    document = json.loads(PRESS.read_bytes())
    results = document["results"]
    verdicts = rl.press_healthcare(results)
    selection = rl.summarise(PRESS.read_bytes())
    rows = runner.parse_source(rl, PRESS.read_bytes())

    assert selection.rows_in == len(results) == document["count"] == 2627
    # Repeated: one article listed twice, and one (Utsunomiya Central Clinic) under http and https.
    assert dict(selection.counts) == {"kept": 413, "not healthcare": 2211, "no article link": 1,
                                      "repeated in the export": 2}
    assert sum(verdicts) == 413 + 1 + 2
    assert len(rows) == 413 and rows["record_id"].is_unique
    assert rows["organization"].eq("Utsunomiya Central Clinic").sum() == 1
    assert set(rows["status"]) == {"reported"} and set(rows["source_list"]) == {"press"}
    # Every press item has a country: none is left out for want of one.
    assert all(r["country"].strip() for r, v in zip(results, verdicts) if v)
    assert set(rows["country"]) >= {"US", "FR", "DE", "GB", "CA", "IT", "BR", "IN"}
    # Linked to a leak-site claim: ransomware, and the group as threat actor.
    by_item = rows.set_index([rows["source_url"].map(url_key), "organization"])
    linked = [r for r, v in zip(results, verdicts) if v and r["ransomware"] and canonical_url(r["url"])]
    assert len(linked) > 100
    for r in linked:  # the http and https copies of one article are one row
        item = by_item.loc[(url_key(canonical_url(r["url"])), " ".join(r["victim"].split()))]
        assert item["threat_actor"] == r["ransomware"]["group"] and item["attack_type"] == "ransomware"
    assert rows.loc[rows["threat_actor"].isna(), "attack_type"].isin(["ransomware", "hacking", "ddos", "unknown"]).all()
    # The index's own date is the attack's; the report's date is the article's (see the test below).
    assert rows["incident_date"].between(pd.Timestamp("2021-06-14"), pd.Timestamp("2025-08-28")).all()
    assert rows["reported_date"].le(pd.Timestamp("2025-08-29")).all()
    assert rows["collected_at"].eq(pd.Timestamp("2025-08-29")).all()  # the newest `added` date
    assert rows["is_care_disrupted"].sum() >= 40
    assert_nothing_from_the_leak_sites_or_the_articles(rows)


@pytest.mark.slow  # classifies the 2,627 items of the real press index
@needs_rl_snapshots
def test_a_press_row_is_dated_by_its_article_and_keeps_the_attack_date_apart():
    """An article of 2024 about an attack of 2021 is reported in 2024. Where the article's address dates it,
    the row's reported date is that date; the index's event date is the incident date."""
    results = json.loads(PRESS.read_bytes())["results"]
    rows = runner.parse_source(rl, PRESS.read_bytes())
    dated = rows[rows["source_url"].map(date_in_url).notna()]
    article_day = pd.to_datetime(dated["source_url"].map(date_in_url))
    assert len(dated) >= 50
    assert (dated["reported_date"] - article_day).abs().le(pd.Timedelta(days=3)).all()
    assert set(dated["reported_date_basis"]) == {"article_link"}
    # Undated addresses take the day the index added the article, or, before the index kept it, the event date.
    undated = rows.drop(dated.index)
    assert set(undated["reported_date_basis"]) == {"indexed", "event_only"}
    added = defaultdict(set)  # an article listed twice (http and https) may carry two `added` days
    for r in results:
        if r.get("added") and canonical_url(r["url"]):
            added[(url_key(canonical_url(r["url"])), " ".join(r["victim"].split()))].add(r["added"][:10])
    indexed = undated[undated["reported_date_basis"] == "indexed"]
    assert len(indexed) > 100
    for (url, name), day in zip(zip(indexed["source_url"].map(url_key), indexed["organization"]),
                                indexed["reported_date"]):
        assert f"{day:%Y-%m-%d}" in added[(url, name)]
    event_only = undated[undated["reported_date_basis"] == "event_only"]
    assert event_only["reported_date"].eq(event_only["incident_date"]).all()
    assert event_only["reported_date"].lt(pd.Timestamp("2023-12-08")).all()  # `added` starts then
    assert rows["incident_date"].notna().all()


def test_press_dates_prefer_the_article_link_then_the_index_day():
    base = {"date": "2021-11-02", "victim": "Clinique X", "country": "FR"}
    assert rl.press_reported_date({**base, "url": "https://a.fr/2024/03/05/x", "added": "2024-03-06"}) == \
        (pd.Timestamp("2024-03-05"), "article_link")
    # A date in the link after the index added the article is not the article's (an id, a later update).
    assert rl.press_reported_date({**base, "url": "https://a.fr/2024/03/05/x", "added": "2023-12-20"}) == \
        (pd.Timestamp("2023-12-20"), "indexed")
    assert rl.press_reported_date({**base, "url": "https://a.fr/x", "added": "2024-01-09T10:00:00"}) == \
        (pd.Timestamp("2024-01-09"), "indexed")
    assert rl.press_reported_date({**base, "url": "https://a.fr/x"}) == (pd.Timestamp("2021-11-02"), "event_only")


@pytest.mark.slow  # classifies the 2,627 items of the real press index
@needs_rl_snapshots
def test_no_press_summary_or_headline_reaches_the_rows():
    results = json.loads(PRESS.read_bytes())["results"]
    rows = runner.parse_source(rl, PRESS.read_bytes())
    # The organisation is the victim field as given (a summary may begin with it); no other text is stored.
    assert set(rows["organization"]) <= {" ".join(r["victim"].split()) for r in results}
    stored = {value for column in TEXT_COLUMNS if column != "organization" for value in rows[column].dropna()}
    for record in results:
        for field in ("summary", "title"):
            text = " ".join((record[field] or "").split())
            if len(text) > 40:
                assert not any(text[:40] in value for value in stored), record[field][:60]


@needs_rl_snapshots
@pytest.mark.parametrize("path", [SECTORS, STATS])
def test_other_api_answers_are_refused_naming_what_was_expected(path):
    with pytest.raises(SourceFormatError) as caught:
        runner.parse_source(rl, path.read_bytes())
    assert caught.value.source == "ransomware_live"
    assert "unexpected JSON shape" in caught.value.message and "/press/all" in caught.value.message


# --- the shapes and the selection on small inline exports ------------------------------------------------

def test_free_v2_shape_keeps_healthcare_claims_and_nothing_from_the_leak_site():
    rows = runner.parse_source(rl, as_json(V2_VICTIMS), as_of=NOW).set_index("organization")
    assert list(rows.index) == ["Lakeside Community Hospital", "Clinique du Parc"]
    lakeside = rows.loc["Lakeside Community Hospital"]
    assert lakeside["threat_actor"] == "qilin" and lakeside["status"] == "claimed"
    assert lakeside["incident_date"] == pd.Timestamp("2025-06-30")
    assert lakeside["reported_date"] == pd.Timestamp("2025-07-02")
    assert lakeside["organization_type"] == "healthcare_provider"  # "Healthcare" refined by the name
    assert lakeside["source_url"].startswith("https://www.ransomware.live/id/")
    assert pd.isna(rows.loc["Clinique du Parc", "incident_date"])  # an empty attackdate
    assert rows["collected_at"].eq(pd.Timestamp("2025-07-12")).all()
    assert_nothing_from_the_leak_sites_or_the_articles(rows.reset_index())


def test_pro_shapes_parse_and_the_as_of_date_defaults_to_the_newest_date():
    victims = runner.parse_source(rl, as_json(PRO_VICTIMS))
    assert victims["organization"].tolist() == ["Northside Dental Group"]
    assert victims["source_url"].item() == PRO_VICTIMS["victims"][0]["permalink"]
    assert victims["collected_at"].item() == pd.Timestamp("2025-07-06")
    press = runner.parse_source(rl, as_json(PRO_PRESS))
    item = press.set_index("organization").loc["Centre hospitalier de Valbonne"]
    assert item["source_url"] == "https://news.example.fr/ch-valbonne-cyberattaque?id=42"  # utm_* stripped
    assert item["attack_type"] == "ransomware"  # "rançongiciel" in the summary, no linked group
    assert pd.isna(item["threat_actor"])
    assert pd.notna(item["is_care_disrupted"]) and bool(item["is_care_disrupted"])  # "opérations déprogrammées"
    assert item["collected_at"] == pd.Timestamp("2025-07-04")  # the newest `added`
    assert "Harbour Logistics" not in set(press["organization"])


def test_a_press_item_linked_to_a_claim_is_ransomware_by_that_group():
    item = dict(PRO_PRESS["results"][0], ransomware={"group": "qilin", "permalink": "https://www.ransomware.live/id/x"},
                summary="Le centre hospitalier de Valbonne a subi une panne.", title="Panne")
    rows = runner.parse_source(rl, as_json({"results": [item]}))
    assert rows["attack_type"].item() == "ransomware" and rows["threat_actor"].item() == "qilin"


@pytest.mark.parametrize("url, expected", [
    ("https://a.example/x?utm_source=t&utm_campaign=c&page=2#top", "https://a.example/x?page=2"),
    ("https://a.example/x?fbclid=abc&gclid=d&pk_campaign=feed", "https://a.example/x"),
    ("n/a", None), ("", None), (None, None), ("http://abcdefghijklmnop.onion/post", None), ("ftp://a/b", None),
])
def test_article_links_lose_their_tracking_parameters(url, expected):
    assert canonical_url(url) == expected


def test_a_press_item_without_an_article_link_falls_back_to_the_claim_page_or_is_left_out():
    base = dict(PRO_PRESS["results"][0], url="n/a")
    linked = dict(base, ransomware={"group": "qilin", "permalink": "https://www.ransomware.live/id/Q0g="})
    assert runner.parse_source(rl, as_json({"results": [linked]}))["source_url"].item() == "https://www.ransomware.live/id/Q0g="
    unlinked = dict(base, date="2025-07-01")
    selection = rl.summarise(as_json({"results": [unlinked, linked]}))
    assert selection.counts == {"kept": 1, "no article link": 1}


def test_rows_without_a_country_are_left_out_and_counted():
    victims = [dict(V2_VICTIMS[0], country=""), dict(V2_VICTIMS[1], country="UK", victim="Harley Clinic")]
    selection = rl.summarise(as_json(victims))
    assert selection.counts == {"kept": 1, "no country": 1}
    assert runner.parse_source(rl, as_json(victims))["country"].tolist() == ["GB"]


def test_an_unknown_sector_label_is_a_clear_error():
    victims = [dict(V2_VICTIMS[0], activity="Space Mining")]
    with pytest.raises(SourceFormatError, match="'Space Mining'.*sector.csv"):
        runner.parse_source(rl, as_json(victims))


def test_not_found_labels_are_left_out_even_for_a_hospital_name():
    # No name-based fallback for "Not Found" labels (see data/README.md): it could not be shown precise.
    victims = [dict(V2_VICTIMS[0], activity="Not Found"), dict(V2_VICTIMS[1], activity="")]
    assert rl.summarise(as_json(victims)).counts == {"kept": 0, "sector not known": 2}
    assert runner.parse_source(rl, as_json(victims)).empty


def test_list_kind_must_agree_with_the_content():
    assert set(runner.parse_source(rl, as_json(V2_VICTIMS), list_kind="victims")["source_list"]) == {"victims"}
    with pytest.raises(SourceFormatError, match="given as list 'press'"):
        runner.parse_source(rl, as_json(V2_VICTIMS), list_kind="press")
    with pytest.raises(SourceFormatError, match="unknown list"):
        runner.parse_source(rl, as_json(V2_VICTIMS), list_kind="archive")


def test_the_output_fits_the_schema_exactly():
    rows = runner.parse_source(rl, as_json(V2_VICTIMS))
    assert list(rows.columns) == list(schema.COLUMN_NAMES)
    assert rows.dtypes.astype(str).to_dict() == schema.DTYPES
    assert rows["record_id"].str.match(r"^ransomware_live:[0-9a-f]{12}$").all()
    assert rows["incident_id"].str.match(r"^inc:[0-9a-f]{12}$").all()


def test_ids_do_not_depend_on_row_order_and_a_repeat_is_kept_once():
    forward = runner.parse_source(rl, as_json(V2_VICTIMS)).set_index("organization")["record_id"].sort_index()
    backward = runner.parse_source(rl, as_json(V2_VICTIMS[::-1])).set_index("organization")["record_id"].sort_index()
    assert forward.tolist() == backward.tolist()
    twice = rl.summarise(as_json(V2_VICTIMS + V2_VICTIMS[:1]))
    assert twice.counts["repeated in the export"] == 1


@pytest.mark.parametrize("raw, message", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"<!DOCTYPE html><html><body>Just a moment...</body></html>", "HTML"),
    (as_json(V2_VICTIMS)[:200], "truncated"),
    (b"[]", "no records"),
    (b'{"victims": []}', "no records"),
    (b'{"count": 0, "results": []}', "no records"),
    (b'{"count": 60, "sectors": [{"sector": "Healthcare", "count": 1}]}', "unexpected JSON shape"),
    (b'[{"name": "x", "date": "2024-01-01"}]', "unexpected JSON shape"),
    (b'"just a string"', "unexpected JSON shape"),
    (b'[1, 2, 3]', "unexpected JSON shape"),
    (as_json([dict(V2_VICTIMS[0], discovered="yesterday")]), "discovered date"),
    (b"\xff\xfe[]", "not UTF-8"),
])
def test_bad_exports_fail_with_an_error_naming_the_source_and_what_was_expected(raw, message):
    with pytest.raises(SourceFormatError) as caught:
        runner.parse_source(rl, raw)
    assert caught.value.source == "ransomware_live"
    assert message in caught.value.message


# --- through the real runner -----------------------------------------------------------------------------

@pytest.mark.slow  # classifies the 2,627 items of the real press index
@needs_rl_snapshots
def test_the_snapshot_exports_merge_through_the_runner_and_re_ingesting_changes_nothing(tmp_path, monkeypatch):
    monkeypatch.setitem(registry.SOURCES, rl.SOURCE, rl)
    files = sorted(p for pattern in rl.SNAPSHOT_FILES for p in SNAPSHOTS.glob(pattern))
    assert [p.name for p in files] == [PRESS.name, PRO_RECENT.name, V1.name]
    exports = [RawExport(rl.SOURCE, p.read_bytes(), origin=p.name) for p in files]
    store = Store(tmp_path / "data")
    def quiet(message: str) -> None:
        pass

    first = runner.ingest(store, rl.SOURCE, exports, progress=quiet)
    assert (first.rows, first.added, first.updated) == (413 + 9 + 8, 413 + 9 + 8, 0)
    rows = store.read_incidents()
    assert rows["source_list"].value_counts().to_dict() == {"press": 413, "victims": 17}
    assert rows["record_id"].is_unique
    sources = store.read_sources()["exports"]
    assert sorted((e["list_kind"], e["as_of"], e["rows"]) for e in sources) == [
        ("press", "2025-08-29", 413), ("victims", "2024-06-16", 8), ("victims", "2025-07-12", 9)]

    again = runner.ingest(store, rl.SOURCE, exports, progress=quiet)
    assert (again.rows, again.added, again.updated, again.skipped_exports) == (430, 0, 0, 3)
    rebuilt = runner.ingest(store, rl.SOURCE, list(reversed(exports)), fresh=True, progress=quiet)
    assert (rebuilt.rows, rebuilt.added) == (430, 0)
    after = store.read_incidents()
    pd.testing.assert_frame_equal(after.sort_values("record_id").reset_index(drop=True),
                                  rows.sort_values("record_id").reset_index(drop=True))


# --- fetch, against the fake API -------------------------------------------------------------------------

def fetch(fake: FakeRansomwareLive, **kwargs):
    return rl.fetch(make_session(retries=1, backoff=0), now=lambda: NOW, **fake.urls, **kwargs)


def test_fetch_without_a_key_asks_the_free_endpoint_once(monkeypatch):
    monkeypatch.delenv(rl.API_KEY_VARIABLE, raising=False)
    with FakeRansomwareLive() as fake:
        (export,) = fetch(fake)
    assert (export.source, export.list_kind, export.origin, export.fetched_at) == (
        "ransomware_live", "victims", fake.urls["free_url"], NOW)
    assert export.content == fake.body_for("/v2/sectorvictims/Healthcare")
    assert [s.path for s in fake.seen] == ["/v2/sectorvictims/Healthcare"]
    assert "X-API-KEY" not in fake.seen[0].headers
    assert runner.parse_source(rl, export.content, list_kind=export.list_kind, as_of=export.fetched_at)["organization"].tolist() == [
        "Lakeside Community Hospital", "Clinique du Parc"]
    assert rl.FREE_URL == "https://api.ransomware.live/v2/sectorvictims/Healthcare"


def test_fetch_with_a_key_also_asks_the_pro_endpoints_with_the_key_header(monkeypatch):
    monkeypatch.setenv(rl.API_KEY_VARIABLE, API_KEY)
    with FakeRansomwareLive() as fake:
        exports = fetch(fake)
    assert [e.list_kind for e in exports] == ["victims", "victims", "press"]
    assert [s.path for s in fake.seen] == ["/v2/sectorvictims/Healthcare", "/victims/recent", "/press/all"]
    assert [s.headers.get("X-API-KEY") for s in fake.seen] == [None, API_KEY, API_KEY]
    assert all(API_KEY not in e.origin for e in exports)  # the key never reaches the provenance records
    assert runner.parse_source(rl, exports[2].content)["organization"].tolist() == ["Centre hospitalier de Valbonne"]


def test_a_refused_key_is_said_so(monkeypatch):
    monkeypatch.delenv(rl.API_KEY_VARIABLE, raising=False)
    with FakeRansomwareLive() as fake, pytest.raises(FetchError) as caught:
        fetch(fake, api_key="wrong-key")
    assert "401" in caught.value.message and rl.API_KEY_VARIABLE in caught.value.message


def test_a_429_with_retry_after_is_retried_once(monkeypatch):
    monkeypatch.delenv(rl.API_KEY_VARIABLE, raising=False)
    with FakeRansomwareLive("rate_limited_once") as fake:
        (export,) = fetch(fake)
    assert len(fake.seen) == 2 and export.list_kind == "victims"


@pytest.mark.parametrize("mode, words", [
    ("too_many_requests", ("429", "Retry-After 1")),
    ("server_error", ("HTTP 500",)),
    ("html", ("captcha",)),
    ("wrong_content_type", ("image/png",)),
    ("truncated", ("failed",)),
    ("wrong_shape", ("unexpected JSON shape", "expected")),
    ("empty_list", ("no records",)),
])
def test_fetch_failures_name_the_source_the_url_and_the_problem(mode, words, monkeypatch):
    monkeypatch.delenv(rl.API_KEY_VARIABLE, raising=False)
    with FakeRansomwareLive(mode) as fake, pytest.raises(FetchError) as caught:
        fetch(fake)
    assert caught.value.source == "ransomware_live"
    assert fake.urls["free_url"] in caught.value.message
    for word in words:
        assert word in caught.value.message, caught.value.message


def test_a_press_list_where_victims_were_expected_is_refused(monkeypatch):
    monkeypatch.setenv(rl.API_KEY_VARIABLE, API_KEY)
    with FakeRansomwareLive() as fake, pytest.raises(FetchError, match="expected a victims list"):
        rl.fetch(make_session(retries=1, backoff=0), free_url=fake.urls["free_url"],
                 pro_victims_url=fake.urls["pro_press_url"], pro_press_url=fake.urls["pro_press_url"])


def test_the_source_is_registered():
    assert registry.get("ransomware_live") is rl
    assert rl.INFO["url"] == rl.FREE_URL and set(rl.INFO["lists"]) == {"victims", "press"}
