"""A news feed: its line in data/feeds.csv (Feed), and its document, RSS 2.0 (or RDF) or Atom (read_feed)."""

from __future__ import annotations

import csv
import email.utils
import html
import re
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from collectors.errors import SourceFormatError
from collectors.text import normalise
from collectors.text.urls import canonical_url

SOURCE = "news_feeds"
TOPIC_FILTERS = ("", "healthcare")
FEED_COLUMNS = ["name", "url", "language", "default_country", "topic_filter"]


# ---- configuration -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Feed:
    name: str
    url: str
    language: str = "en"
    default_country: str | None = None  # ISO alpha-2, for feeds about one country
    topic_filter: str = "healthcare"  # "healthcare": keep only items about healthcare; "": the feed is health-only


def read_feed_list(path: Path) -> list[Feed]:
    """The feeds of a feed list (data/feeds.csv), checked (bad rows are an error naming the row)."""
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != FEED_COLUMNS:
            raise SourceFormatError(SOURCE, f"{path.name}: columns {reader.fieldnames}; expected {FEED_COLUMNS}")
        rows = list(reader)
    feeds = []
    for n, row in enumerate(rows, start=2):
        row = {k: (v or "").strip() for k, v in row.items()}
        country = row["default_country"].upper() or None
        problems = [
            "name must be lower-case letters, digits and _" if not re.fullmatch(r"[a-z0-9_]+", row["name"]) else "",
            "url must be http(s)" if not row["url"].startswith(("http://", "https://")) else "",
            f"default_country {country!r} is not an ISO code" if country and normalise.country_code(country) != country
            else "",
            f"topic_filter must be one of {TOPIC_FILTERS}" if row["topic_filter"] not in TOPIC_FILTERS else "",
        ]
        if any(problems):
            raise SourceFormatError(SOURCE, f"{path.name} line {n}: {'; '.join(p for p in problems if p)}")
        feeds.append(Feed(row["name"], row["url"], row["language"] or "en", country, row["topic_filter"]))
    if len({f.name for f in feeds}) != len(feeds):
        raise SourceFormatError(SOURCE, f"{path.name}: feed names are not unique")
    return feeds


# ---- reading a feed ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    title: str
    link: str | None  # canonical
    published: pd.Timestamp | None  # UTC day
    categories: tuple[str, ...] = ()
    summary: str = ""  # plain text of the description/summary: used to classify, never stored
    guid: str | None = None


@dataclass(frozen=True)
class FeedDocument:
    kind: str  # "rss" or "atom"
    self_url: str | None
    updated: pd.Timestamp | None
    items: tuple[Item, ...] = field(default_factory=tuple)


_ROOT_CLOSE = re.compile(rb"</\s*(?:[\w-]+:)?(rss|feed|RDF)\s*>\s*\Z")


def read_feed(raw: bytes) -> FeedDocument:
    """The items of an RSS 2.0 (or RDF) or Atom document; SourceFormatError for anything else."""
    body = raw.removeprefix(b"\xef\xbb\xbf").strip()
    if not body:
        raise SourceFormatError(SOURCE, "the feed is empty")
    start = body[:1024].lower()
    if start.startswith(b"<!doctype html") or re.search(rb"<html[\s>]", start):
        raise SourceFormatError(SOURCE, "expected an RSS or Atom feed but got an HTML page")
    if not body.startswith(b"<"):
        raise SourceFormatError(SOURCE, f"expected an RSS or Atom feed, got {body[:40]!r}")
    try:
        soup = BeautifulSoup(body, "lxml-xml")
    except ValueError as err:  # lxml refuses, e.g., a control character in the declared encoding
        raise SourceFormatError(SOURCE, f"the feed is not readable XML: {err}") from None
    root = soup.find(True)
    if root is None or root.name not in ("rss", "feed", "RDF"):
        raise SourceFormatError(SOURCE, f"expected an RSS or Atom feed, got root element <{root.name if root else ''}>")
    if not _ROOT_CLOSE.search(body):
        # BeautifulSoup repairs a cut-off document silently; a feed must end with its root's closing tag.
        raise SourceFormatError(SOURCE, f"the feed does not end with </{root.name}> (truncated download?)")
    if root.name == "feed":
        items = tuple(_atom_entry(e) for e in root.find_all("entry", recursive=False))
        self_link = root.find("link", attrs={"rel": "self"}, recursive=False)
        updated = _date(_text(root.find("updated", recursive=False)))
        return FeedDocument("atom", _attribute(self_link, "href"), updated, items)
    channel = root.find("channel")
    if channel is None:
        raise SourceFormatError(SOURCE, "the RSS feed has no <channel>")
    self_link = channel.find(lambda t: t.name == "link" and t.prefix == "atom" and t.get("rel") == "self")
    updated = _date(_text(channel.find("lastBuildDate")) or _text(channel.find("pubDate", recursive=False)))
    items = tuple(_rss_item(i) for i in root.find_all("item"))
    return FeedDocument("rss", _attribute(self_link, "href"), updated, items)


def _attribute(tag, name: str) -> str | None:
    """A tag's attribute as text (BeautifulSoup may give a list for multi-valued ones), None when absent."""
    value = tag.get(name) if tag is not None else None
    return " ".join(value) if isinstance(value, list) else value


def _rss_item(item) -> Item:
    link = _text(item.find("link", recursive=False))
    guid = item.find("guid", recursive=False)
    # A guid is a permalink only when it does not say otherwise (WordPress: ?p=<id>, isPermaLink="false").
    if not link and guid is not None and guid.get("isPermaLink", "true").lower() != "false":
        link = _text(guid)
    summary = _text(item.find("description", recursive=False)) or _text(item.find("encoded", recursive=False))
    return Item(
        title=_plain(_text(item.find("title", recursive=False))),
        link=canonical_url(link) if link else None,
        published=_date(_text(item.find("pubDate", recursive=False)) or _text(item.find("date", recursive=False))),
        categories=tuple(c for c in (_plain(_text(c)) for c in item.find_all("category", recursive=False)) if c),
        summary=_plain(summary),
        guid=_text(guid) or None,
    )


def _atom_entry(entry) -> Item:
    links = entry.find_all("link", recursive=False)
    alternate = [lk for lk in links if lk.get("rel", "alternate") == "alternate" and lk.get("href")]
    link = alternate[0]["href"] if alternate else None
    summary = _text(entry.find("summary", recursive=False)) or _text(entry.find("content", recursive=False))
    categories = [c.get("label") or c.get("term") or "" for c in entry.find_all("category", recursive=False)]
    return Item(
        title=_plain(_text(entry.find("title", recursive=False))),
        link=canonical_url(link) if link else None,
        published=_date(_text(entry.find("published", recursive=False)) or _text(entry.find("updated", recursive=False))),
        categories=tuple(_plain(c) for c in categories if c.strip()),
        summary=_plain(summary),
        guid=_text(entry.find("id", recursive=False)) or None,
    )


def _text(tag) -> str:
    return tag.get_text().strip() if tag is not None else ""


def _plain(text: str) -> str:
    """Markup-free text: titles and summaries may hold escaped HTML (and entities escaped twice)."""
    if "<" in text:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            text = BeautifulSoup(text, "lxml").get_text(" ")
    return " ".join(html.unescape(text).split())


def _date(text: str) -> pd.Timestamp | None:
    """RFC 822 (RSS pubDate) or ISO 8601 (Atom), as a UTC day."""
    if not text:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return pd.Timestamp(parsed).floor("D")
