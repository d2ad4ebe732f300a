"""News feeds (RSS 2.0 and Atom): press reports of cyberattacks on healthcare organisations.

The feeds are listed in data/feeds.csv (one raw export per feed; its `list_kind` is the
feed's name). We keep an item only when it is about healthcare (collectors.text.classify),
names the attacked organisation in its title in a form we can extract reliably, and
gives a country (in the title, as the feed's default, or in the summary). Precision
first: an item we cannot read that well is left out, never guessed. No article text is
stored: only structured fields and the canonical link.

fetch() keeps every feed that answers a whole feed with items, as its raw export (also one with nothing
about healthcare today: parse() then gives no row). feeds.py reads the list and the documents, items.py
decides which items are kept; collectors/text/headlines.py reads the organisation and country in a headline.

Feed content is copyrighted: SNAPSHOT_FILES is empty, so no feed snapshot is part of the
committed dataset; rows come only from live updates.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import requests

from collectors import DATA_DIR, parsing, schema
from collectors.errors import CollectorError, FetchError, SourceFormatError
from collectors.http import download
from collectors.raw import RawExport
from collectors.sources.news_feeds.feeds import SOURCE, Feed, FeedDocument, read_feed, read_feed_list
from collectors.sources.news_feeds.items import Decision, decide
from collectors.text.translatable import N_
from collectors.text.urls import canonical_url, url_key

FEEDS_FILE = DATA_DIR / "feeds.csv"
INFO = {
    "name": SOURCE,
    "title": N_("News feeds (RSS/Atom) listed in data/feeds.csv"),
    "publisher": N_("the news sites in data/feeds.csv (DataBreaches.net, HIPAA Journal, ZATAZ ...)"),
    "url": "https://databreaches.net/feed/",
    "licence": N_("copyrighted press content: only structured fields and the article's link are kept"),
    "status": "reported",
    # What it counts and its known biases, for the dashboard's methodology page (data/README.md says more).
    "counts": N_("Articles of the news feeds listed in data/feeds.csv that report a cyberattack or data breach "
                 "at a named healthcare organisation; one row per article."),
    "biases": (
        N_("Only the feeds we list, in their languages: coverage follows their editors' interests."),
        N_("Articles are selected by keyword rules, which miss organisations with opaque names."),
    ),
}
# Feed items are copyrighted: usable as parser test fixtures, never published from a snapshot.
SNAPSHOT_FILES: tuple[str, ...] = ()
# The optional parts of the Source contract (collectors/registry.py) this source does not use.
LISTS: tuple[str, ...] | None = None
FETCH = True
NETWORK = True
MATCH_ON_CONTENT = False
REPOSITORY_FILES: tuple[str, ...] = ()
measure_coverage = None
removed_reports = None
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

log = logging.getLogger(__name__)


def load_feeds(path: Path | None = None) -> list[Feed]:
    """The feeds of data/feeds.csv (or `path`), checked (bad rows are an error naming the row)."""
    return read_feed_list(path or FEEDS_FILE)


def feed_for(list_kind: str | None, document: FeedDocument) -> Feed:
    """The configured feed an export comes from: by name, else by the feed's own URL; strict defaults otherwise."""
    try:
        feeds = load_feeds()
    except (OSError, SourceFormatError):
        feeds = []
    for feed in feeds:
        if feed.name == list_kind:
            return feed
    if list_kind is None and document.self_url:
        for feed in feeds:
            if canonical_url(feed.url) == canonical_url(document.self_url):
                return feed
    name = list_kind or (urlsplit(document.self_url).netloc if document.self_url else "feed")
    return Feed(name=name, url=document.self_url or "", language="", default_country=None, topic_filter="healthcare")


def decisions(raw: bytes, *, list_kind: str | None = None) -> tuple[Feed, list[Decision]]:
    document = read_feed(raw)
    feed = feed_for(list_kind, document)
    return feed, [decide(item, feed) for item in document.items]


def parse(raw: bytes, *, list_kind: str | None = None, as_of: datetime | None = None) -> pd.DataFrame:
    """The kept items of one feed as rows of the tidy schema, unfinished (possibly none).

    `list_kind` is the feed's name in data/feeds.csv (default: found from the feed's own URL);
    `as_of` defaults to the feed's last-build date, else its newest item.
    """
    document = read_feed(raw)
    feed = feed_for(list_kind, document)
    kept: dict[str, dict] = {}
    for decision in (decide(item, feed) for item in document.items):
        if decision.row is not None:
            # An article listed twice counts once, also under http and https, or with and without `www.`.
            kept.setdefault(url_key(decision.row["source_url"]), decision.row)
    newest = max((i.published for i in document.items if i.published is not None), default=None)
    as_of_ts = (pd.Timestamp(as_of).tz_localize(None).floor("D") if as_of is not None
                else document.updated or newest)
    if not kept:
        return schema.empty_frame()
    tidy = pd.DataFrame(list(kept.values()))
    tidy = tidy.assign(
        # The identity of an article is its link as url_key() compares links: the same row on every fetch,
        # whichever scheme or host spelling the feed used that day.
        record_id=tidy["source_url"].map(lambda u: f"{SOURCE}:{hashlib.sha1(url_key(u).encode()).hexdigest()[:12]}"),
        incident_id=None,
        subdivision=None,
        attack_type_raw=None,
        threat_actor=None,
        is_care_disrupted=tidy["is_care_disrupted"].astype("boolean"),
        incident_date=pd.NaT,
        individuals_affected=pd.NA,
        breach_location=None,
        business_associate_involved=pd.NA,
        status="reported",
        source_list=feed.name,
        source_snapshot=parsing.snapshot_id(raw),
        first_seen_at=as_of_ts,
        collected_at=as_of_ts,
    )
    return tidy


# ---- fetching ----------------------------------------------------------------------------------

def fetch(session: requests.Session, feeds: list[Feed] | None = None, *, now=None,
          timeout: tuple[float, float] | None = None, errors: list[str] | None = None) -> list[RawExport]:
    """One raw export per feed that answered a whole feed with items (parse() says which items are kept).

    A failing feed does not cost the others their items: its error is logged (and appended to
    `errors`) and the other feeds' exports are returned. Only when every feed fails is the whole
    fetch a FetchError, listing each feed's problem.
    """
    feeds = load_feeds() if feeds is None else feeds
    if not feeds:
        raise FetchError(SOURCE, "no feeds are configured in data/feeds.csv")
    fetched_at = (now or (lambda: datetime.now(UTC)))()
    exports, failures = [], []
    for feed in feeds:
        try:
            exports.append(fetch_feed(session, feed, fetched_at, timeout))
        except CollectorError as err:
            failures.append(f"{feed.name}: {err.message}")
            log.warning("%s: feed %s failed: %s", SOURCE, feed.name, err.message)
    if errors is not None:
        errors.extend(failures)
    if failures and len(failures) == len(feeds):
        raise FetchError(SOURCE, "every feed failed: " + " | ".join(failures))
    return exports


def fetch_feed(session: requests.Session, feed: Feed, fetched_at: datetime,
               timeout: tuple[float, float] | None = None) -> RawExport:
    """One feed's bytes, checked to be a whole RSS/Atom feed with items."""
    _, content = download(session, feed.url, SOURCE, kinds=("xml",), headers={"Accept": ACCEPT}, timeout=timeout)
    try:
        document = read_feed(content)
    except SourceFormatError as err:
        raise FetchError(SOURCE, f"{feed.url}: {err.message}") from None
    if not document.items:
        raise FetchError(SOURCE, f"{feed.url}: the feed lists no items (a broken feed?)")
    return RawExport(SOURCE, content, origin=feed.url, list_kind=feed.name, fetched_at=fetched_at)
