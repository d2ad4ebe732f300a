"""News feeds: links, RSS/Atom reading, which items are kept and why, on hand-written fixtures
(tests/fixtures/feed_*.xml) and on the real DataBreaches.net snapshot; the fetcher against a local
server that misbehaves; the runner."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from collectors import load_incidents, runner, schema
from collectors.errors import FetchError, SourceFormatError
from collectors.http import make_session
from collectors.raw import RawExport
from collectors.sources import news_feeds
from collectors.sources.news_feeds import Feed
from collectors.store import Store
from collectors.text.headlines import countries_in_text, organization_in_title
from collectors.text.urls import canonical_url
from tests.support.fake_feeds import FakeFeeds
from tests.support.snapshots import SNAPSHOTS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RSS = (FIXTURES / "feed_rss_breaches.xml").read_bytes()
ATOM = (FIXTURES / "feed_atom_breach_news.xml").read_bytes()
FRENCH = (FIXTURES / "feed_fr_sante.xml").read_bytes()
# The fixture with only its bank item: nothing about healthcare.
NOT_HEALTH = RSS.split(b"<item>")[0] + b"<item>" + RSS.split(b"<item>")[3] + b"</channel>\n</rss>\n"
DATABREACHES = SNAPSHOTS / "rss-feeds" / "databreaches_net_feed_2025-07-25_tsummey.xml"
needs_databreaches = pytest.mark.skipif(
    not DATABREACHES.exists(),
    reason=f"DataBreaches.net feed snapshot not found at {DATABREACHES} (copyrighted: it lives only in ../shared "
           "beside a CI checkout; set OBSERVATORY_SNAPSHOTS to point elsewhere)")


def reasons(raw: bytes, list_kind: str) -> list[tuple[str, str]]:
    _, decided = news_feeds.decisions(raw, list_kind=list_kind)
    return [(d.item.title, d.reason) for d in decided]


# ---- links -------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, canonical", [
    ("https://databreaches.net/2025/07/24/x/?pk_campaign=feed&#038;pk_kwd=x", "https://databreaches.net/2025/07/24/x/"),
    ("https://databreaches.net/2025/07/24/x/?pk_campaign=feed&amp;#038;pk_kwd=x", "https://databreaches.net/2025/07/24/x/"),
    ("https://Example.ORG/a?utm_source=rss&utm_medium=rss&id=7#comments", "https://example.org/a?id=7"),
    ("https://example.org/a?fbclid=IwAR0&gclid=1&mc_cid=2&xtor=RSS-3&at_medium=rss&page=2", "https://example.org/a?page=2"),
    ("https://example.org/a?q=caf%C3%A9+cr%C3%A8me&UTM_Campaign=x", "https://example.org/a?q=caf%C3%A9+cr%C3%A8me"),
    ("https://example.org", "https://example.org/"),
    ("https://securelist.com/new-activity APT /71876/", "https://securelist.com/new-activity%20APT%20/71876/"),
])
def test_canonical_links_drop_tracking_and_fragments(url, canonical):
    assert canonical_url(url) == canonical


# ---- reading feeds -------------------------------------------------------------------------------

def test_rss_items_entities_cdata_dates_and_guids():
    document = news_feeds.read_feed(RSS)
    assert document.kind == "rss" and len(document.items) == 10
    assert document.self_url == "https://breachwatch.example.org/feed/"
    assert document.updated == pd.Timestamp("2025-03-06")
    first, second = document.items[:2]
    assert first.published == pd.Timestamp("2025-03-05")  # 23:30 at -0500 is the next day in UTC
    assert first.link == "https://breachwatch.example.org/2025/03/04/larchmont-valley-hospital-hit-by-ransomware/"
    assert first.categories == ("Health Data", "Malware")
    assert "piwik" not in first.summary and first.summary.startswith("The 200-bed hospital in Ohio")
    assert second.title == "Ashgrove Pediatrics — Texas practice’s email account compromised"
    no_link = document.items[7]
    assert no_link.link is None and no_link.guid == "https://breachwatch.example.org/?p=9008"


def test_atom_entries_alternate_links_and_html_summaries():
    document = news_feeds.read_feed(ATOM)
    assert document.kind == "atom" and len(document.items) == 4
    first, _, third, _ = document.items
    assert first.published == pd.Timestamp("2025-05-03")  # 23:05 at -04:00
    assert first.link == "https://healthbreachnews.example.com/harrowgate-regional-medical-center-cyberattack/"
    assert first.summary == "Harrowgate Regional Medical Center has started notifying patients & staff."
    assert first.categories == ("HIPAA Breach News",)
    assert third.link == "https://healthbreachnews.example.com/brookhaven-community-hospital/"  # not rel=replies
    assert third.published == pd.Timestamp("2025-04-30")  # no <published>: <updated>


@pytest.mark.parametrize("raw, message", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"<!DOCTYPE html><html><body>Just a moment...</body></html>", "HTML page"),
    (b'{"items": []}', "expected an RSS or Atom feed"),
    (b"<?xml version='1.0'?><urlset><url/></urlset>", "root element <urlset>"),
    (b"<?xml version='1.0'?><rss version='2.0'></rss>", "no <channel>"),
    (RSS[: len(RSS) // 2], "truncated"),
])
def test_bad_feeds_fail_clearly(raw, message):
    with pytest.raises(SourceFormatError, match=message) as caught:
        runner.parse_source(news_feeds, raw, list_kind="databreaches_net")
    assert caught.value.source == "news_feeds"


# ---- what an item is about -----------------------------------------------------------------------

@pytest.mark.parametrize("title, expected", [
    ("Larchmont Valley Hospital hit by ransomware", ("Larchmont Valley Hospital", None)),
    ("Data Breach at Maple Grove Dermatology Exposes Patient Information", ("Maple Grove Dermatology", None)),
    ("Cyberattack on University of Northshire Medical Center Affects 9,000", ("University of Northshire Medical Center", None)),
    ("HHS OCR Settles HIPAA Ransomware Investigation with Syracuse ASC for $250k", ("Syracuse ASC", None)),
    ("IVF provider Genea notifies patients about the cyberattack", ("Genea", "IVF provider")),
    ("Genea notifies 12,000 patients of breach", ("Genea", None)),
    ("Brightwater: ransomware gang claims attack on clinic network", ("Brightwater", None)),
    ("Cyberattaque : le CHU de Rennes paralysé", ("CHU de Rennes", None)),
    ("Fuite de données à l'hôpital de Cannes", ("Hôpital de Cannes", None)),
    ("Le centre hospitalier de Dax-Côte d'Argent visé", ("Centre hospitalier de Dax-Côte d'Argent", None)),
    # No name we can trust: generic, places only, unnamed, or a headline word before the colon.
    ("Oklahoma Hospital Notifies 50,000 Patients About Ransomware Attack", None),
    ("Rural Kansas Hospital notifies patients of data breach", None),
    ("Hospital cyberattacks rose again last year, report says", None),
    ("Un hôpital de Paris victime d'une fuite de données", None),
    ("Update: ransomware attack on hospital continues", None),
    ("UK: hospitals cancel operations after attack", None),
    ("U.S. nuclear and health agencies hit in Microsoft SharePoint breach", None),
    ("Podcast: what the Larchmont hospital attack teaches", None),
    ("Santé : le rançongiciel frappe encore", None),
])
def test_organisation_in_title(title, expected):
    assert organization_in_title(title) == expected


@pytest.mark.parametrize("text, codes", [
    ("Russia-linked hackers breach Kestrel Bay Medical Center in Canada", ["CA"]),
    ("Jersey Shore hospital in New Jersey", ["US"]),
    ("In Georgia, a clinic ...", ["US"]),
    ("Le centre hospitalier de Brookfield (États-Unis)", ["US"]),
    ("Un hôpital au Royaume-Uni et un autre en Allemagne", ["GB", "DE"]),
    ("Clinic in New South Wales", ["AU"]),
    ("HHS OCR settles HIPAA case", ["US", "US"]),
    ("It is in Chad's hospital, at IT desk", []),
    ("U.S. hospital", ["US"]),
    ("nothing here", []),
])
def test_countries_in_text(text, codes):
    assert countries_in_text(text) == codes


def test_english_rss_fixture_kept_and_left_out_with_reasons():
    assert reasons(RSS, "databreaches_net") == [
        ("Larchmont Valley Hospital hit by ransomware attack; ambulances diverted", "kept"),
        ("Ashgrove Pediatrics — Texas practice’s email account compromised", "kept"),
        ("Regional bank confirms breach of customer data", "not about healthcare"),
        ("Hospital cyberattacks rose again last year, report says", "no organisation named in the title"),
        ("Rural Kansas Hospital notifies patients of data breach", "no organisation named in the title"),
        ("Russia-linked hackers breach Kestrel Bay Medical Center in Canada", "kept"),
        ("Larchmont Valley Hospital hit by ransomware attack; ambulances diverted", "kept"),  # listed twice
        ("Fenwick Dental Group data exposed in Oregon", "no link"),
        ("Willowbrook Animal Hospital hit by ransomware in Maine", "not about healthcare"),  # veterinary
        ("Fertility clinic operator Novagen notifies patients about February breach", "kept"),
    ]
    rows = runner.parse_source(news_feeds, RSS, list_kind="databreaches_net")
    assert len(rows) == 4  # the article listed twice is one row
    by_org = rows.set_index("organization")
    assert list(by_org.index) == ["Larchmont Valley Hospital", "Ashgrove Pediatrics", "Kestrel Bay Medical Center",
                                  "Novagen"]
    assert by_org["country"].tolist() == ["US", "US", "CA", "AU"]  # summary (Ohio), title (Texas), title, summary
    assert by_org["attack_type"].tolist() == ["ransomware", "hacking", "hacking", "hacking"]
    assert by_org.at["Larchmont Valley Hospital", "is_care_disrupted"] == True
    assert pd.isna(by_org.at["Ashgrove Pediatrics", "is_care_disrupted"])
    assert by_org.at["Novagen", "organization_type_raw"] == "Fertility clinic operator"
    assert by_org.at["Ashgrove Pediatrics", "source_url"] == "https://breachwatch.example.org/2025/03/04/ashgrove-pediatrics-email/?id=77"
    assert set(rows["source_list"]) == {"databreaches_net"} and set(rows["status"]) == {"reported"}
    assert (rows["collected_at"] == pd.Timestamp("2025-03-06")).all()  # the channel's lastBuildDate


def test_atom_fixture_of_a_us_health_only_feed():
    assert [r for _, r in reasons(ATOM, "hipaa_journal_breach_news")] == [
        "kept", "no organisation named in the title", "kept", "kept"]
    rows = runner.parse_source(news_feeds, ATOM, list_kind="hipaa_journal_breach_news")
    assert rows["organization"].tolist() == ["Harrowgate Regional Medical Center", "Brookhaven Community Hospital",
                                             "Maple Grove Dermatology"]
    assert set(rows["country"]) == {"US"}  # the feed's default country
    assert rows["is_care_disrupted"].tolist() == [pd.NA, True, pd.NA]
    assert rows["reported_date"].tolist() == [pd.Timestamp("2025-05-03"), pd.Timestamp("2025-04-30"),
                                              pd.Timestamp("2025-04-29")]


def test_french_fixture():
    assert [r for _, r in reasons(FRENCH, "zataz")] == [
        "kept", "kept", "no organisation named in the title", "not about healthcare", "kept"]
    rows = runner.parse_source(news_feeds, FRENCH, list_kind="zataz")
    assert rows["organization"].tolist() == ["CHU de Montferrand-sur-Loire", "Clinique Saint-Amarin",
                                             "Centre hospitalier de Brookfield"]
    assert rows["country"].tolist() == ["FR", "FR", "US"]
    assert rows["attack_type"].tolist() == ["hacking", "ransomware", "ransomware"]
    assert rows["is_care_disrupted"].tolist()[0] == True
    assert rows["source_url"].iloc[0] == "https://veille.example.fr/2025/06/10/cyberattaque-chu-montferrand/"


def test_output_fits_the_schema_and_holds_no_article_text():
    for raw, kind in ((RSS, "databreaches_net"), (ATOM, "hipaa_journal_breach_news"), (FRENCH, "zataz")):
        rows = runner.parse_source(news_feeds, raw, list_kind=kind)
        assert list(rows.columns) == list(schema.COLUMN_NAMES)
        assert rows.dtypes.astype(str).to_dict() == schema.DTYPES
        assert rows["record_id"].str.fullmatch(r"news_feeds:[0-9a-f]{12}").all()
        texts = {t for i in news_feeds.read_feed(raw).items for t in (i.title, i.summary)}
        for column in (c.name for c in schema.COLUMNS if c.dtype == "str"):
            assert not rows[column].isin(texts).any(), column
            assert rows[column].str.len().max() < 300 if rows[column].notna().any() else True


def test_record_ids_come_from_the_canonical_link_only():
    a = runner.parse_source(news_feeds, RSS, list_kind="databreaches_net", as_of=datetime(2025, 3, 6))
    b = runner.parse_source(news_feeds, RSS.replace(b"pk_campaign=feed", b"utm_source=other"), list_kind="databreaches_net",
                         as_of=datetime(2025, 3, 7))
    assert a["record_id"].tolist() == b["record_id"].tolist()


def test_an_unknown_feed_gets_strict_defaults_and_a_configured_feed_is_found_by_its_url():
    feed, _ = news_feeds.decisions(RSS)
    assert (feed.name, feed.topic_filter, feed.default_country) == ("breachwatch.example.org", "healthcare", None)
    hipaa = RSS.replace(b"https://breachwatch.example.org/feed/",
                        b"https://www.hipaajournal.com/category/hipaa-breach-news/feed/")
    feed, _ = news_feeds.decisions(hipaa)
    assert (feed.name, feed.default_country) == ("hipaa_journal_breach_news", "US")


def test_a_feed_with_nothing_to_keep_gives_an_empty_frame_of_the_schema():
    rows = runner.parse_source(news_feeds, NOT_HEALTH, list_kind="databreaches_net")
    assert rows.empty and list(rows.columns) == list(schema.COLUMN_NAMES)


# ---- the configured feeds -----------------------------------------------------------------------

def test_configured_feeds():
    feeds = {f.name: f for f in news_feeds.load_feeds()}
    assert feeds["databreaches_net"].url == "https://databreaches.net/feed/"
    assert feeds["hipaa_journal_breach_news"].url == "https://www.hipaajournal.com/category/hipaa-breach-news/feed/"
    assert (feeds["zataz"].url, feeds["zataz"].language) == ("https://www.zataz.com/feed/", "fr")
    assert feeds["hipaa_journal_breach_news"].default_country == "US"
    assert feeds["databreaches_net"].topic_filter == "healthcare"


@pytest.mark.parametrize("line, message", [
    ("Bad Name,https://x.example/feed,en,,healthcare", "name must be"),
    ("ok,ftp://x.example/feed,en,,healthcare", "url must be"),
    ("ok,https://x.example/feed,en,XY,healthcare", "not an ISO code"),
    ("ok,https://x.example/feed,en,,sports", "topic_filter"),
])
def test_bad_feed_configuration_fails_clearly(tmp_path, line, message):
    path = tmp_path / "feeds.csv"
    path.write_text("name,url,language,default_country,topic_filter\n" + line + "\n", encoding="utf-8")
    with pytest.raises(SourceFormatError, match=message):
        news_feeds.load_feeds(path)


# ---- the real DataBreaches.net feed (a parser fixture only: never published) ----------------------

@needs_databreaches
def test_real_databreaches_feed():
    raw = DATABREACHES.read_bytes()
    # Independent reading with the standard library.
    reference = ET.fromstring(raw).findall("./channel/item")
    assert len(reference) == 10
    feed, decided = news_feeds.decisions(raw)
    assert feed.name == "databreaches_net"  # found by the feed's own atom:link
    assert [d.item.title for d in decided] == [
        ET.tostring(i.find("title"), encoding="unicode", method="text").strip() for i in reference]
    assert [d.item.link for d in decided] == [i.findtext("link").split("?")[0] for i in reference]
    assert [d.item.published for d in decided] == [
        pd.Timestamp(pd.to_datetime(i.findtext("pubDate"), format="%a, %d %b %Y %H:%M:%S %z").date())
        for i in reference]
    kept = [d for d in decided if d.row is not None]
    left_out = [d.reason for d in decided if d.row is None]
    assert len(kept) + len(left_out) == 10
    assert left_out == ["not about healthcare"] * 9
    (only,) = kept
    assert only.row["organization"] == "Syracuse ASC"
    assert (only.row["country"], only.row["attack_type"]) == ("US", "ransomware")  # HHS/HIPAA; "Ransomware"
    rows = runner.parse_source(news_feeds, raw)
    assert rows["source_url"].item() == (
        "https://databreaches.net/2025/07/23/hhs-ocr-settles-hipaa-ransomware-investigation-with-syracuse-asc-"
        "for-250k-plus-corrective-action-plan/")
    assert rows["reported_date"].item() == pd.Timestamp("2025-07-24")
    assert rows["collected_at"].item() == pd.Timestamp("2025-07-25")
    assert news_feeds.SNAPSHOT_FILES == ()  # copyrighted: never part of the committed dataset


# ---- fetching ------------------------------------------------------------------------------------

NOW = datetime(2025, 3, 6, 7, 0, tzinfo=UTC)
EMPTY = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
         b'<link>https://e.example</link></channel></rss>')


def fetch(server, routes: dict[str, str], errors=None):
    feeds = [Feed(name, server.url(path)) for name, path in routes.items()]
    return news_feeds.fetch(make_session(retries=0, backoff=0), feeds, now=lambda: NOW, errors=errors)


def test_one_failing_feed_does_not_cost_the_others_their_items():
    routes = {"/ok": ("normal", RSS), "/down": ("server_error", b""), "/html": ("html", b""),
              "/cut": ("truncated_body", RSS), "/half": ("truncated_xml", RSS), "/empty": ("normal", EMPTY),
              "/nothing": ("normal", NOT_HEALTH), "/atom": ("normal", ATOM, "application/atom+xml")}
    errors: list[str] = []
    with FakeFeeds(routes) as server:
        exports = fetch(server, {"databreaches_net": "/ok", "down": "/down", "html": "/html", "cut": "/cut",
                                 "half": "/half", "empty": "/empty", "nothing": "/nothing",
                                 "hipaa_journal_breach_news": "/atom"}, errors)
    # Every feed that answered a whole feed is kept raw, also one with nothing about healthcare (no rows, no error).
    assert [(e.list_kind, e.content) for e in exports] == [("databreaches_net", RSS), ("nothing", NOT_HEALTH),
                                                           ("hipaa_journal_breach_news", ATOM)]
    assert all(e.source == "news_feeds" and e.fetched_at == NOW for e in exports)
    assert exports[0].origin == server.url("/ok")
    assert len(errors) == 5
    failed = dict(e.split(": ", 1) for e in errors)
    assert "HTTP 500" in failed["down"]
    assert "HTML page" in failed["html"] or "block" in failed["html"]
    assert "failed" in failed["cut"]
    assert "truncated" in failed["half"]
    assert "no items" in failed["empty"]
    assert "nothing" not in failed  # nothing about healthcare today is no error, and no export
    assert all("Accept" in headers and "rss" in headers["Accept"] for _, headers in server.requests)


def test_every_feed_failing_is_a_fetch_error_listing_each():
    with FakeFeeds({"/down": ("server_error", b""), "/html": ("html", b"")}) as server:
        with pytest.raises(FetchError) as caught:
            fetch(server, {"a": "/down", "b": "/html"})
    assert caught.value.source == "news_feeds"
    assert "every feed failed" in caught.value.message
    assert "a: HTTP 500" in caught.value.message and "b: " in caught.value.message


def test_no_configured_feed_is_an_error():
    with pytest.raises(FetchError, match="no feeds"):
        news_feeds.fetch(make_session(retries=0), [])


# ---- the runner --------------------------------------------------------------------------------

# The fixture without its one disruption of care (the next test is about the plain case).
RSS_NO_DISRUPTION = RSS.replace(b"; ambulances diverted", b"").replace(b"ambulances were diverted", b"patients were told")


def test_runner_ingests_feeds_and_a_later_fetch_of_the_same_items_adds_nothing(tmp_path):
    store = Store(tmp_path / "data")
    day1 = RawExport("news_feeds", RSS_NO_DISRUPTION, origin="https://breachwatch.example.org/feed/", list_kind="databreaches_net",
                     fetched_at=datetime(2025, 3, 6, 7, tzinfo=UTC))
    first = runner.ingest(store, "news_feeds", [day1], progress=lambda _: None)
    assert (first.rows, first.added) == (4, 4)
    again = runner.ingest(store, "news_feeds", [day1], progress=lambda _: None)
    assert (again.added, again.updated, again.skipped_exports) == (0, 0, 1)
    # The next day the feed lists the same items with other tracking parameters (other bytes).
    day2 = RawExport("news_feeds", RSS_NO_DISRUPTION.replace(b"pk_campaign=feed", b"utm_source=feed"), origin=day1.origin,
                     list_kind="databreaches_net", fetched_at=datetime(2025, 3, 7, 7, tzinfo=UTC))
    later = runner.ingest(store, "news_feeds", [day2], progress=lambda _: None)
    assert (later.rows, later.added, later.updated, later.unchanged) == (4, 0, 0, 4)
    rows = load_incidents(store.data_dir)
    assert rows["first_seen_at"].unique().tolist() == [pd.Timestamp("2025-03-06")]
    assert rows["collected_at"].unique().tolist() == [pd.Timestamp("2025-03-07")]


def test_runner_stores_a_disruption_of_care(tmp_path):
    store = Store(tmp_path / "data")
    export = RawExport("news_feeds", RSS, origin="fixture", list_kind="databreaches_net")
    runner.ingest(store, "news_feeds", [export], progress=lambda _: None)
    rows = load_incidents(store.data_dir).set_index("organization")
    assert rows.at["Larchmont Valley Hospital", "is_care_disrupted"] == True


def test_live_update_ingests_the_feeds_that_answered(tmp_path, monkeypatch):
    with FakeFeeds({"/ok": ("normal", RSS_NO_DISRUPTION), "/down": ("server_error", b"")}) as server:
        feeds = tmp_path / "feeds.csv"
        feeds.write_text("name,url,language,default_country,topic_filter\n"
                         f"databreaches_net,{server.url('/ok')},en,,healthcare\n"
                         f"other,{server.url('/down')},en,,healthcare\n", encoding="utf-8")
        monkeypatch.setattr(news_feeds, "FEEDS_FILE", feeds)
        store = Store(tmp_path / "data")
        results = runner.update(store, tmp_path / "raw", ["news_feeds"],
                                session_factory=lambda: make_session(retries=0, backoff=0), progress=lambda _: None)
    assert (results["news_feeds"].rows, results["news_feeds"].added) == (4, 4)
    assert len(list((tmp_path / "raw" / "news_feeds").glob("*.raw"))) == 1  # the failed feed froze nothing
    assert "last_success" in store.read_sources()["runs"]["news_feeds"]


def test_a_control_character_in_the_declared_encoding_is_a_format_error():
    # Found by fuzzing: lxml raised a bare ValueError here.
    raw = (b'<?xml version="1.0" encoding="\x00TF-8"?><rss version="2.0"><channel><title>x</title>'
           b"<item><title>Hospital hit</title></item></channel></rss>")
    with pytest.raises(SourceFormatError, match="not readable XML"):
        runner.parse_source(news_feeds, raw)


def test_an_article_under_http_and_https_or_www_is_one_row_with_one_identity():
    first = RSS.replace(b"https://breachwatch.example.org/2025/03/04/larchmont", b"http://www.breachwatch.example.org"
                        b"/2025/03/04/larchmont", 1)
    rows = runner.parse_source(news_feeds, first, list_kind="databreaches_net")
    assert rows["organization"].tolist().count("Larchmont Valley Hospital") == 1
    # The same article fetched another day under its other spelling keeps its record_id.
    again = runner.parse_source(news_feeds, RSS, list_kind="databreaches_net")
    larchmont = [set(f.loc[f["organization"] == "Larchmont Valley Hospital", "record_id"]) for f in (rows, again)]
    assert larchmont[0] == larchmont[1] and len(larchmont[0]) == 1
