"""News feeds (RSS 2.0 and Atom): press reports of cyberattacks on healthcare organisations.

The feeds are listed in data/feeds.csv (one raw export per feed; its `list_kind` is the
feed's name). We keep an item only when it is about healthcare (collectors.classify),
names the attacked organisation in its title in a form we can extract reliably, and
gives a country (in the title, as the feed's default, or in the summary). Precision
first: an item we cannot read that well is left out, never guessed. No article text is
stored: only structured fields and the canonical link.

Feed content is copyrighted: SNAPSHOT_FILES is empty, so no feed snapshot is part of the
committed dataset; rows come only from live updates.
"""

from __future__ import annotations

import csv
import email.utils
import hashlib
import html
import logging
import re
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
import requests
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from collectors import DATA_DIR, classify, normalise, parsing, schema
from collectors.errors import CollectorError, FetchError, SourceFormatError
from collectors.http import download
from collectors.raw import RawExport
from collectors.urls import canonical_url, url_key

SOURCE = "news_feeds"
FEEDS_FILE = DATA_DIR / "feeds.csv"
INFO = {
    "name": SOURCE,
    "title": "News feeds (RSS/Atom) listed in data/feeds.csv",
    "publisher": "the news sites in data/feeds.csv (DataBreaches.net, HIPAA Journal, ZATAZ ...)",
    "url": "https://databreaches.net/feed/",
    "licence": "copyrighted press content: only structured fields and the article's link are kept",
    "status": "reported",
    # What it counts and its known biases, for the dashboard's methodology page (data/README.md says more).
    "counts": {
        "en": "Articles of the news feeds listed in data/feeds.csv that report a cyberattack or data breach at a "
              "named healthcare organisation; one row per article.",
        "fr": "Articles des flux d'actualité listés dans data/feeds.csv qui signalent une cyberattaque ou une "
              "violation de données visant une organisation de santé nommée ; une ligne par article.",
    },
    "biases": {
        "en": ("Only the feeds we list, in their languages: coverage follows their editors' interests.",
               "Articles are selected by keyword rules, which miss organisations with opaque names."),
        "fr": ("Seulement les flux listés, dans leurs langues : la couverture suit les choix de leurs rédactions.",
               ("Les articles sont retenus par des règles de mots-clés, qui manquent les organisations aux noms "
                "peu parlants.")),
    },
}
# Feed items are copyrighted: usable as parser test fixtures, never published from a snapshot.
SNAPSHOT_FILES: tuple[str, ...] = ()
TOPIC_FILTERS = ("", "healthcare")
FEED_COLUMNS = ["name", "url", "language", "default_country", "topic_filter"]
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

log = logging.getLogger(__name__)


# ---- configuration -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Feed:
    name: str
    url: str
    language: str = "en"
    default_country: str | None = None  # ISO alpha-2, for feeds about one country
    topic_filter: str = "healthcare"  # "healthcare": keep only items about healthcare; "": the feed is health-only


def load_feeds(path: Path | None = None) -> list[Feed]:
    """The feeds of data/feeds.csv (or `path`), checked (bad rows are an error naming the row)."""
    path = path or FEEDS_FILE
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


# ---- what an item is about ------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_][\w'’]*(?:\.[^\W\d_]\.?)*", re.UNICODE)
# Country names that are also first names or parts of US place names (Jordan Valley, Jersey Shore).
_AMBIGUOUS_PLACES = frozenset({"chad", "jordan", "jersey", "maurice", "man", "georgie"})
# Provinces and states whose names would otherwise be read as another country (New South *Wales*).
_EXTRA_PLACES = {
    "newsouthwales": "AU", "queensland": "AU", "tasmania": "AU", "ontario": "CA",
    "quebec": "CA", "britishcolumbia": "CA", "alberta": "CA", "manitoba": "CA", "saskatchewan": "CA",
    "novascotia": "CA", "newbrunswick": "CA", "hipaa": "US", "hhs": "US",  # HIPAA and HHS are US-only
}
# "Russia-linked hackers", "China-backed group": the country of the attacker, not of the victim.
_ATTACKER_SUFFIX = re.compile(r"\s*-\s*(linked|backed|sponsored|affiliated|nexus|aligned|based\s+hackers)", re.IGNORECASE)


@cache
def _place_names() -> dict[str, str]:
    """name_key of US state names -> US, plus a few provinces; countries come from normalise.country_code."""
    states = {normalise.name_key(n): "US" for n in normalise.mapping("us_states")["name"]}
    return {**states, **_EXTRA_PLACES}


def _place_code(words: list[str]) -> str | None:
    key = normalise.name_key(" ".join(words))
    if len(words) == 1 and (key in _AMBIGUOUS_PLACES or len(key) <= 2 and words[0] not in ("US", "UK", "U.S.", "U.K.")):
        return None  # "In", "At", "IT" are ISO codes; "us" is a pronoun
    return _place_names().get(key) or normalise.country_code(" ".join(words))


def countries_in_text(text: str, max_words: int = 5) -> list[str]:
    """ISO codes of the countries a text names (English or French names, US states -> US), in order.

    Longest names first ("New Jersey" before "Jersey", "États-Unis" as one name); a name must start
    with a capital letter; "Russia-linked" and the like (the attacker's country) are skipped.
    """
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    found, i = [], 0
    while i < len(words):
        for n in range(min(max_words, len(words) - i), 0, -1):
            chunk = words[i:i + n]
            if not chunk[0][0][:1].isupper():
                continue
            if any(not set(text[a[2]:b[1]]) <= {" ", "-"} for a, b in pairwise(chunk)):
                continue  # a name does not run across punctuation
            code = _place_code([w for w, _, _ in chunk])
            if code:
                if not _ATTACKER_SUFFIX.match(text, chunk[-1][2]):
                    found.append(code)
                i += n
                break
        else:
            i += 1
    return found


def _is_place(word: str) -> bool:
    return _place_code([word]) is not None or normalise.name_key(word) in _PLACE_ADJECTIVES


# Words of headlines that never belong to an organisation's name (compared in lower case).
_STOP = frozenset("""
a an the this that these those its their his her new update updated exclusive breaking opinion report reports
reported says said say confirms confirmed confirm discloses disclosed disclose notifies notified notify alerts
informs warns hit hits hitting struck suffers suffered hacked hack hacks hackers hacker hacking attack attacks
attacked attacker attackers cyberattack cyberattacks cyber cybersecurity security incident incidents data breach
breaches breached leak leaks leaked exposed exposes exposure stolen theft ransomware ransom malware phishing email
emails ddos outage outages disruption disrupts disrupted down offline impacts impacted impact affects affected
affecting after before amid over under on at in to for from with by as about into of and or but patients patient
members member individuals people employees staff million millions thousands records files victims victim
claims claimed claim gang group's lawsuit lawsuits suit class action settlement settles settle agrees pays pay
fined fine penalty investigation investigates investigating ocr hipaa hhs fbi cisa attorney general state
federal how why what who when where is are was were be been being has have had will would could may might not
forces force prompts causes leads shuts targets targeted cripples paralyzes paralyses delays cancels diverts
strikes sues sued names launches restores recovers reopens resumes faces takes reveals announces expands
warns blames limits closes continues working struggles hampers halts postpones investigated
no more than up out its it's ongoing week weeks month months year years day days today yesterday
cyberattaque cyberattaques attaque attaques piratage pirates pirate fuite fuites donnees rancongiciel
rancon victime victimes le la les un une des du de et ou en au aux par pour sur dans est sont
podcast video webinar analysis commentary editorial interview explainer feature watch live alert reminder
weekly roundup recap bits news sante exclusif alerte enquete breve info infos actu actualite cybersecurite
""".split())
# Words that are not distinctive in a name made only of them with places ("Rural Kansas Hospital").
_GENERIC_NAME_WORDS = frozenset("""
memorial regional community rural local general county municipal national public private specialty
surgery dermatology dental pediatric pediatrics orthopedic orthopedics imaging radiology oncology cancer
womens children childrens family senior behavioral mental physicians practice asc provider providers
north south east west northern southern eastern western central upper lower greater
center centre centers system systems group services service network partners associates care inc llc
ltd corp co company plan plans university city state
""".split())
_PLACE_ADJECTIVES = frozenset("""
american australian british canadian french german dutch belgian swiss italian spanish irish israeli indian
japanese korean chinese russian ukrainian polish swedish norwegian danish finnish austrian portuguese brazilian
mexican european asian african us uk californian texan floridian
""".split())
# Words that make a run of capitalised words an organisation of the healthcare kind.
_ANCHORS = frozenset("""
hospital hospitals health healthcare medical medicine clinic clinics physicians surgical surgery asc pharmacy
pharmacies dental dentistry dermatology orthopedics orthopaedics pediatrics radiology imaging oncology cardiology
urology ophthalmology fertility ivf laboratories labs laboratory hospice nursing rehabilitation dialysis
behavioral pharma pharmaceutical pharmaceuticals biotech insurer insurance blue cross shield nhs klinikum klinik
krankenhaus ziekenhuis ospedale hopital clinique
""".split())
_CONNECTORS = frozenset({"of", "and", "&", "the", "de", "du", "des", "la", "le", "for"})


def _key(word: str) -> str:
    """A word as the word lists above spell it: lower case, no accents or punctuation ("&" kept)."""
    return normalise.name_key(word) or word
_FRENCH_INSTITUTION = re.compile(
    r"(?<!\w)(?P<indef>(?i:un|une|des|deux|trois|plusieurs|d['’]un|d['’]une)\s+)?"
    r"(?P<kind>CHU|CHRU|CHR|CHI|GHT|AP-HP|[Cc]entre\s+hospitalier(?:\s+(?:universitaire|régional|intercommunal|"
    r"départemental))?|[Gg]roupe\s+hospitalier|[Hh]ôpital|[Hh]opital|[Pp]olyclinique|[Cc]linique|EHPAD|[Ee]hpad)"
    r"(?P<rest>(?:\s+(?:de\s+la|de\s+l['’]|d['’]|du|des|de)?\s*[A-ZÉÈÊÎÔ][\w'’-]*)*)")
# "IVF provider Genea notifies ...": a descriptor, then the name.
_DESCRIBED = re.compile(
    r"\b(?P<desc>(?:[\w-]+\s+){0,2}?(?:provider|hospital|clinic|insurer|practice|pharmacy|lab|laboratory|chain|"
    r"giant|firm|company|operator|network|system))\s+(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})"
    r"(?=\s+[a-z]|[,:;]|\s*$)")
_HEALTH_DESCRIPTOR = re.compile(r"\b(ivf|fertility|health\s*care|health|medical|dental|hospital|clinic|pharmacy|"
                                r"surgical|surgery|insurer|cancer|dialysis|nursing)\b", re.IGNORECASE)
# "Genea notifies patients ...": a name opening the title, then a notice to patients.
_NOTIFIES = re.compile(r"^(?P<name>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,5})\s+(?:notifies|notified|alerts|"
                       r"informs|is\s+notifying|begins\s+notifying)\s+(?:[\d,.]+\s+(?:million\s+)?)?(?:patients|members)")
_COLON_PREFIX = re.compile(r"^(?P<name>[^:—–|]{2,60}?)\s*(?::|\s[—–-]\s)\s*\S")


def organization_in_title(title: str) -> tuple[str, str | None] | None:
    """(organisation, descriptor) named in a headline, or None when it cannot be read reliably.

    Tried in order: a French institution (`CHU de Rennes`, `l'hôpital de Cannes`); a run of
    capitalised words holding a healthcare word (`Ross Memorial Hospital`, `Syracuse ASC`); a
    healthcare descriptor then a name (`IVF provider Genea`); a name that notifies patients; the
    text before a colon (`Genea: ...`, DataBreaches.net's style). A name made only of places and
    generic words (`Oklahoma Hospital`, `Rural Kansas Hospital`) is no name.
    """
    for match in _FRENCH_INSTITUTION.finditer(title):
        if match.group("indef") or not match.group("rest").strip():
            continue  # "un hôpital de Paris" is an unnamed hospital
        name = (match.group("kind") + match.group("rest")).strip()
        return name[:1].upper() + name[1:], None
    for run in _capitalised_runs(title):
        if any(_key(w) in _ANCHORS for w in run) and _is_distinctive(run):
            return " ".join(run), None
    for match in _DESCRIBED.finditer(title):
        run = match.group("name").split()
        if _HEALTH_DESCRIPTOR.search(match.group("desc")) and _is_distinctive(run) and not _stopped(run):
            return " ".join(run), match.group("desc")
    for pattern in (_NOTIFIES, _COLON_PREFIX):
        found = pattern.match(title)
        if found:
            run = found.group("name").split()
            if len(run) <= 6 and run[0][:1].isupper() and not _stopped(run) and _is_distinctive(run):
                return " ".join(run), None
    return None


def _capitalised_runs(title: str) -> list[list[str]]:
    """Runs of capitalised words not broken by punctuation or headline words; connectors inside runs kept."""
    runs: list[list[str]] = []
    current: list[str] = []
    last_end = 0
    for m in re.finditer(r"[\w'’&.-]+", title):
        word, gap = m.group(0).rstrip("."), title[last_end:m.start()]
        last_end = m.end()
        lower = _key(word)
        broken = current and gap.strip() != ""
        if broken:
            runs.append(current)
            current = []
        if (word[:1].isupper() and lower not in _STOP) or (current and lower in _CONNECTORS):
            current.append(word)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    trimmed = []
    for run in runs:
        while run and _key(run[-1]) in _CONNECTORS:
            run = run[:-1]
        while run and _key(run[0]) in _CONNECTORS:
            run = run[1:]
        if run:
            trimmed.append(run)
    return trimmed


def _stopped(run: list[str]) -> bool:
    return any(_key(w) in _STOP for w in run)


def _is_distinctive(run: list[str]) -> bool:
    """At least one word that is not a place, a generic word or a healthcare word."""
    for word in run:
        lower = _key(word)
        if (lower and lower not in _GENERIC_NAME_WORDS and lower not in _ANCHORS and lower not in _CONNECTORS
                and lower not in _STOP and not _is_place(word)):
            return True
    return False


# ---- rows --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    item: Item
    row: dict | None  # the tidy row's values, or None when the item is left out
    reason: str  # "kept" or why the item was left out


def decide(item: Item, feed: Feed) -> Decision:
    """Keep or leave out one item, saying why."""
    if not item.link:
        return Decision(item, None, "no link")
    if item.published is None:
        return Decision(item, None, "no publication date")
    categories = "; ".join(item.categories)
    if feed.topic_filter == "healthcare" and not classify.is_healthcare(item.title, categories, item.summary):
        return Decision(item, None, "not about healthcare")
    found = organization_in_title(item.title)
    if found is None:
        return Decision(item, None, "no organisation named in the title")
    organisation, descriptor = found
    in_title = countries_in_text(item.title)
    in_summary = countries_in_text(item.summary)
    # The title first; then the feed's own country (a US-only feed); only then the summary, which also
    # names attackers' countries and other places.
    candidates = in_title + ([feed.default_country] if feed.default_country else []) + in_summary
    country = candidates[0] if candidates else None
    if country is None:
        return Decision(item, None, "no country")
    org_type = classify.organization_type_from_text(organisation, descriptor)
    if org_type == "unknown" and descriptor and _HEALTH_DESCRIPTOR.search(descriptor):
        org_type = "healthcare_provider" if not re.search(r"insurer", descriptor, re.IGNORECASE) else "health_plan"
    return Decision(item, {
        "organization": organisation,
        "organization_type": org_type,
        "organization_type_raw": descriptor,
        "country": country,
        "attack_type": classify.attack_type_from_text(item.title, categories, item.summary),
        "is_care_disrupted": classify.care_disrupted(item.title, item.summary),
        "reported_date": item.published,
        "source_url": item.link,
    }, "kept")


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
    """The kept items of one feed in the tidy schema (possibly none).

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
        source=SOURCE,
        subdivision=None,
        attack_type_raw=None,
        threat_actor=None,
        is_care_disrupted=tidy["is_care_disrupted"].astype("boolean"),
        incident_date=pd.NaT,
        individuals_affected=pd.NA,
        is_placeholder_count=False,
        breach_location=None,
        business_associate_involved=pd.NA,
        is_removed_by_source=False,
        status="reported",
        source_list=feed.name,
        source_snapshot=parsing.snapshot_id(raw),
        first_seen_at=as_of_ts,
        collected_at=as_of_ts,
    )
    return parsing.finish(tidy, SOURCE)


# ---- fetching ----------------------------------------------------------------------------------

def fetch(session: requests.Session, feeds: list[Feed] | None = None, *, now=None,
          timeout: tuple[float, float] | None = None, errors: list[str] | None = None) -> list[RawExport]:
    """One raw export per feed that answered a readable feed with something to keep.

    A failing feed does not cost the others their items: its error is logged (and appended to
    `errors`) and the other feeds' exports are returned. Only when every feed fails is the whole
    fetch a FetchError, listing each feed's problem. A feed with nothing about healthcare gives no
    export (nothing to ingest).
    """
    feeds = load_feeds() if feeds is None else feeds
    if not feeds:
        raise FetchError(SOURCE, "no feeds are configured in data/feeds.csv")
    fetched_at = (now or (lambda: datetime.now(UTC)))()
    exports, failures = [], []
    for feed in feeds:
        try:
            export = fetch_feed(session, feed, fetched_at, timeout)
        except CollectorError as err:
            failures.append(f"{feed.name}: {err.message}")
            log.warning("%s: feed %s failed: %s", SOURCE, feed.name, err.message)
            continue
        if export is not None:
            exports.append(export)
    if errors is not None:
        errors.extend(failures)
    if failures and len(failures) == len(feeds):
        raise FetchError(SOURCE, "every feed failed: " + " | ".join(failures))
    return exports


def fetch_feed(session: requests.Session, feed: Feed, fetched_at: datetime,
               timeout: tuple[float, float] | None = None) -> RawExport | None:
    """One feed's bytes, checked to be a whole RSS/Atom feed with items; None when no item is kept."""
    _, content = download(session, feed.url, SOURCE, kinds=("xml",), headers={"Accept": ACCEPT}, timeout=timeout)
    try:
        document = read_feed(content)
        if not document.items:
            raise SourceFormatError(SOURCE, "the feed lists no items (a broken feed?)")
        rows = parse(content, list_kind=feed.name, as_of=fetched_at)
    except SourceFormatError as err:
        raise FetchError(SOURCE, f"{feed.url}: {err.message}") from None
    if rows.empty:
        log.info("%s: feed %s has nothing about healthcare today", SOURCE, feed.name)
        return None
    return RawExport(SOURCE, content, origin=feed.url, list_kind=feed.name, fetched_at=fetched_at)
