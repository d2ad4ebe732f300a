"""Vendor roll-up: reports that stem from one breach at a vendor (a business associate) read as one event.

One attack on a billing company, a collection agency or an IT supplier reaches the HHS portal as dozens of
filings, one per client (the 2019 AMCA breach: labs and hospitals across the US), sometimes plus the
vendor's own. Counting filings counts clients, not attacks. This module is pure:

- `vendor_from_description(text)`: the vendor OCR names in a filing's closing summary ("its business
  associate (BA), <Name>, was the victim ...") or None. Called at parse time by the HHS source; only the
  name is kept (a name is structured data; the summary itself is never stored).
- `vendor_key(name)`: a matching key that ignores legal form, "doing business as" prefixes, acronyms in
  brackets, case, accents and punctuation.
- `rollup(frame)`: which reports belong to which vendor event (see the rules there).
- `possible_clusters(frame)`: weeks with many business-associate filings of one attack type that name no
  vendor. Shown as leads only: they are never merged.

Precision first: a summary that does not name the vendor in one of the shapes below gives no vendor, and
reports are grouped only on a name (or on one vendor filing several reports on one day).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from collectors.text.normalise import name_key

# Filings of one vendor event are at most this many days apart (chained: each within this of the previous).
# The AMCA filings (2019) came over three months, never more than 63 days apart.
EVENT_GAP_DAYS = 90
# The vendor's own filings join an event only this close to it (large vendors file often, about other things).
OWN_FILING_DAYS = 30
# Attack types of a stolen laptop or lost papers: never the same event as a hacking of the same vendor.
PHYSICAL = frozenset({"theft", "loss", "improper_disposal"})
# Names shared by separate companies (the 30-odd Blue Cross Blue Shield companies): never grouped on.
UMBRELLA_NAMES = frozenset({"bluecrossblueshield", "bluecrossandblueshield", "bcbs", "blueshield", "bluecross"})
# A longer capture is a sentence, not a name.
MAX_NAME_CHARS = 120
# A week with at least this many business-associate filings of one attack type and no vendor named is a lead.
CLUSTER_MIN_REPORTS = 10

# A word of a name: starts with a capital or a digit (Retrieval-Masters, O’Neil, 3M, eleHealth is missed).
_WORD = r"[A-Z0-9][\w&'’.\-/]*"
# Lower-case words that may sit inside a name when a capitalised word follows.
_LINK = r"(?:and|of|the|for|on|in|dba|d/b/a|d\.b\.a\.|doing\s+business\s+as|de|du|la|del|&)"
_ACRONYM = r"\([A-Z][\w&.\- ]{0,40}\)"
_SEP = r"(?:,\s+|\s+|\s*[’'–]\s*)"
_NAME = rf"{_WORD}(?:{_SEP}(?:{_LINK}\s+)*(?:{_WORD}|{_ACRONYM}))*"
_BA = r"business\s+associate(?:\s*\(BA\))?"
# Shape 1: "... its business associate (BA), <Name>, was ..." / "a business associate, <Name> discovered".
_AFTER = re.compile(rf"\b{_BA},?\s+(?P<name>{_NAME})(?=,?\s+[a-z]|,?\s*$|\.\s)")
# Shape 2: "<Name>, the business associate (BA), reported ..." at a sentence start or after "that".
_BEFORE = re.compile(rf"(?:^|(?<=[.;]\s)|(?<=[.;]\s\s)|(?<=\bthat\s))(?P<name>{_NAME}),\s+(?:the|a|an|its)\s+"
                     rf"(?:former\s+)?{_BA}\b")
# What a captured "name" must not be: roles, the regulator, dates.
_NOT_A_NAME = re.compile(
    r"^(?:the\s+)?(?:BA|CE|OCR|HHS|HIPAA|PHI|ePHI|covered\s+entity|business\s+associate)\b"
    r"|^(?:On|In|During|After|Before|Between|From|Since|Following|Upon|As|At|When|Additionally|However|Also|"
    r"Further|Furthermore|Moreover|Subsequently|Specifically|Therefore|Thus|Unfortunately|Then|Later)\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d",
    re.IGNORECASE,
)
# A full stop ends the name unless it ends an abbreviation ("Inc.", "St.") and no sentence starts after it.
_ABBREVIATIONS = frozenset(["inc", "co", "corp", "ltd", "st", "dr", "jr", "mt", "ft", "bros", "assn", "assoc", "llc", "l.l.c", "p.c", "n.a"])
_FULL_STOP = re.compile(r"(?P<word>[\w.]+)\.\s+(?P<next>[A-Z]\w*)")
_ROLE_AFTER = re.compile(r",\s+(?:The\s+|the\s+)?(?:CE|BA|OCR|HHS)\b")
_SENTENCE_STARTS = frozenset(["The", "This", "That", "It", "Its", "On", "In", "A", "An", "OCR", "CE", "BA", "HHS", "PHI", "After", "As", "Following"])
_TRADE_NAME = re.compile(r".*?(?:\bd/b/a\b|\bd\.b\.a\.|\bdba\b|\bdoing\s+business\s+as\b|\s’\s)\s*", re.IGNORECASE)
_LEGAL_FORM = re.compile(r"(?:[,\s]+(?:inc|incorporated|llc|l\.l\.c|llp|ltd|limited|co|corp|corporation|company|"
                         r"pc|p\.c|pllc|lp|plc|n\.a)\.?)+\s*$", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*\([^()]*\)")


def vendor_from_description(text: str | None) -> str | None:
    """The business associate a closing summary names, as written (trimmed), or None."""
    if not text or "usiness associate" not in text:
        return None
    text = " ".join(text.split())
    found = [m for pattern in (_AFTER, _BEFORE) for m in pattern.finditer(text)]
    for match in sorted(found, key=lambda m: m.start()):
        name = _first_sentence(match.group("name")).strip(" ,")
        if 3 <= len(name) <= MAX_NAME_CHARS and not _NOT_A_NAME.search(name) and len(vendor_key(name)) >= 3:
            return name
    return None


def _first_sentence(name: str) -> str:
    name = _ROLE_AFTER.split(name)[0]
    for stop in _FULL_STOP.finditer(name):
        word = stop.group("word").lower()
        if (word not in _ABBREVIATIONS and len(word) > 1) or stop.group("next") in _SENTENCE_STARTS:
            end = stop.start("word") + len(stop.group("word")) + (1 if word in _ABBREVIATIONS else 0)
            return name[:end]
    return name


def display_name(name: str) -> str:
    """'Retrieval-Masters Creditors Bureau, Inc., doing business as American Medical Collection Agency (AMCA)'
    -> 'American Medical Collection Agency'."""
    trade = _TRADE_NAME.sub("", name, count=1) if _TRADE_NAME.match(name) else name
    trade = _BRACKETS.sub("", trade)
    trade = _LEGAL_FORM.sub("", trade).strip(" ,")
    return re.sub(r"^the\s+", "", trade, flags=re.IGNORECASE) or name


def vendor_key(name: str) -> str:
    return name_key(display_name(name))


# Names vendor_key() reads as name_key() of the name itself: printable ASCII, no trade name, brackets, legal
# form or leading "the" (the same patterns as display_name's, in RE2, which reads ASCII as Python's re does).
_KEPT_AS_IS = r"^[\x20-\x7e]*$"
_CHANGED = (r"(?i)(?:\bd/b/a\b|\bd\.b\.a\.|\bdba\b|\bdoing\s+business\s+as\b|\(|^[ ,]*the\s|"
            r"(?:[,\s]+(?:inc|incorporated|llc|l\.l\.c|llp|ltd|limited|co|corp|corporation|company|pc|p\.c|pllc|lp|plc|"
            r"n\.a)\.?)+\s*$)")
_ALNUM_BYTE = np.zeros(256, dtype=np.uint8)  # the lower-case byte, 0 for a byte name_key() drops
for _ch in "0123456789abcdefghijklmnopqrstuvwxyz":
    _ALNUM_BYTE[ord(_ch)] = _ALNUM_BYTE[ord(_ch.upper())] = ord(_ch)


def vendor_keys(names: list[str]) -> list[str]:
    """[vendor_key(n) for n in names], most of them computed on their bytes: a name of plain ASCII that
    display_name() would leave alone (most are) has as key its letters and digits in lower case."""
    text = pa.array(names, type=pa.large_string())
    plain = pc.and_(pc.match_substring_regex(text, _KEPT_AS_IS), pc.invert(pc.match_substring_regex(text, _CHANGED)))
    offsets = np.frombuffer(text.buffers()[1], dtype=np.int64)[:len(text) + 1]
    data = text.buffers()[2]
    folded = _ALNUM_BYTE[np.frombuffer(data, dtype=np.uint8)[:offsets[-1]] if data is not None else np.zeros(0, np.uint8)]
    keep = folded != 0
    kept = np.r_[0, keep.astype(np.int64).cumsum()][offsets]
    keys = pa.LargeStringArray.from_buffers(len(text), pa.py_buffer(kept), pa.py_buffer(folded[keep].tobytes())).to_pylist()
    return [key if simple else vendor_key(name) for name, key, simple in zip(names, keys, plain.to_pylist())]


def _is_in(values: pd.Series, wanted) -> np.ndarray:
    """values.isin(wanted) for a text column, in Arrow (pandas' isin checks every wanted value in Python)."""
    array = values.array.__arrow_array__() if hasattr(values.array, "__arrow_array__") else pa.array(
        values.astype("object").tolist())
    found = pc.is_in(array.cast(pa.large_string()), value_set=pa.array(list(wanted), type=pa.large_string()))
    return found.to_numpy(zero_copy_only=False).astype(bool)


def acronym(name: str) -> str | None:
    """'American Medical Collection Agency (AMCA)' -> 'amca' (three letters or more)."""
    found = re.search(r"\(([A-Z][A-Za-z&]{2,9})\)\s*$", name.strip(" ,"))
    return found.group(1).lower() if found else None


def _event_id(key: str, family: str, first: pd.Timestamp) -> str:
    return "vnd:" + hashlib.sha1(f"{key}|{family}|{first:%Y-%m-%d}".encode()).hexdigest()[:12]


def rollup(frame: pd.DataFrame) -> pd.DataFrame:
    """For every report that belongs to a vendor event: record_id, vendor_event_id, vendor, role.

    Rules (precision first: when in doubt, two events rather than one):
    1. Reports that name the same vendor (`vendor_key`; an acronym in brackets such as AMCA stands for the
       one full name it was written with) and whose attack types are of one family (physical: theft,
       loss, disposal; else digital) form an event while each filing comes at most EVENT_GAP_DAYS after the
       previous one. Umbrella names (Blue Cross Blue Shield: 30-odd separate companies) are never grouped.
    2. The vendor's own filings (a business associate whose name has the vendor's key, attack type of the
       same family) within OWN_FILING_DAYS of the event join it, even when their summary names no one.
    3. A business associate that filed two reports or more on one day (one per client) with attack types of
       one family is an event of its own: open cases have no summary to name a vendor.
    An event needs two reports. `role` is `vendor` (the vendor's own filing) or `client`.
    """
    columns = ["record_id", "vendor_event_id", "vendor", "role"]
    if frame.empty or "vendor" not in frame.columns:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    # Only reports that name a vendor and business associates' own filings can join an event (and the rows
    # that share their record_id, for a vendor's role): a million reports hold about 150k of them. Names are
    # keyed once per distinct name.
    business_associate = frame["organization_type"] == "business_associate"
    candidates = frame["vendor"].notna() | business_associate
    needed = _is_in(frame["record_id"], frame.loc[candidates, "record_id"].unique())
    rows = frame.loc[needed, ["record_id", "organization", "organization_type", "attack_type", "reported_date",
                              "vendor"]]
    rows = rows.assign(_family=rows["attack_type"].isin(PHYSICAL).map({True: "physical", False: "digital"}))
    named = rows.loc[rows["vendor"].notna()]
    vendor_names = list(named["vendor"].unique())
    aliases: dict[str, set[str]] = defaultdict(set)
    for name, key in zip(vendor_names, vendor_keys(vendor_names)):
        short = acronym(name)
        if short:
            aliases[short].add(key)
    alias = {short: next(iter(keys)) for short, keys in aliases.items() if len(keys) == 1}

    def keys_of(names: list[str]) -> dict[str, str]:
        return {name: alias.get(key, key) for name, key in zip(names, vendor_keys(names))}

    org_keys = rows["organization"].map(keys_of(list(rows["organization"].dropna().unique())))
    named = named.assign(_key=named["vendor"].map(keys_of(vendor_names)))
    named = named.loc[~named["_key"].isin(UMBRELLA_NAMES)]
    shown = {name: display_name(name) for name in vendor_names}
    names_by_key: dict[str, Counter] = defaultdict(Counter)
    for key, name in zip(named["_key"].tolist(), named["vendor"].tolist()):
        names_by_key[key][shown[name]] += 1
    own_filings = rows.assign(_key=org_keys).loc[
        rows["vendor"].isna() & (rows["organization_type"] == "business_associate")]
    own_by_key: dict[tuple[str, str], list[tuple[pd.Timestamp, str]]] = defaultdict(list)
    for key, family, day, record in zip(own_filings["_key"].tolist(), own_filings["_family"].tolist(),
                                        own_filings["reported_date"].tolist(), own_filings["record_id"].tolist()):
        own_by_key[(key, family)].append((day, record))
    records_by_key: dict[str, set[str]] = defaultdict(set)
    for key, record in zip(org_keys.tolist(), rows["record_id"].tolist()):
        records_by_key[key].add(record)

    members: dict[str, list[tuple[str, str]]] = {}
    labels: dict[str, str] = {}
    taken: set[str] = set()
    margin = pd.Timedelta(days=OWN_FILING_DAYS)
    # By vendor key and family, then in time: one pass over the named reports (a group-by would cost a few
    # milliseconds a vendor, and a million reports name thousands).
    named = named.sort_values(["_key", "_family", "reported_date", "record_id"])
    groups: dict[tuple[str, str], list[list]] = {}
    for key, family, record, day in zip(named["_key"].tolist(), named["_family"].tolist(),
                                        named["record_id"].tolist(), named["reported_date"].tolist()):
        spans = groups.setdefault((key, family), [])
        if spans and (day - spans[-1][2]).days <= EVENT_GAP_DAYS:
            spans[-1][0].append(record)
            spans[-1][2] = day
        else:
            spans.append([[record], day, day])
    for (key, family), spans in groups.items():
        own = own_by_key.get((key, family), [])
        for records, first, last in spans:
            near = [record for day, record in own if first - margin <= day <= last + margin]
            everyone = records + [r for r in near if r not in taken]
            if len(everyone) < 2:
                continue
            event = _event_id(key, family, first)
            vendor_own = records_by_key.get(key, set())
            members[event] = [(r, "vendor" if r in vendor_own else "client") for r in everyone]
            labels[event] = names_by_key[key].most_common(1)[0][0]
            taken.update(everyone)

    # Rule 3: one business associate, several filings on one day, none in an event yet.
    free = rows.assign(_key=org_keys).loc[
        ~_is_in(rows["record_id"], taken) & (rows["organization_type"] == "business_associate")]
    by_day = ["_key", "reported_date", "_family"]
    free = free.loc[free.groupby(by_day, sort=False)["record_id"].transform("size").fillna(0).to_numpy() >= 2]
    for (key, day, family), group in free.groupby(by_day, sort=True):
        if len(group) < 2 or key in UMBRELLA_NAMES:
            continue
        event = _event_id(key, family, day)
        members[event] = [(r, "vendor") for r in group["record_id"]]
        labels[event] = display_name(group["organization"].iloc[0])

    out = [(record, event, labels[event], role) for event, pairs in members.items() for record, role in pairs]
    return pd.DataFrame(out, columns=columns).astype("str")


def events(frame: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """One row per vendor event: vendor, first and last filing, reports, reporting organisations, and the
    sum of individuals the reports give (clients may count the same people twice: an upper bound)."""
    columns = ["record_id", "reported_date", "organization", "individuals_affected"]
    filings = frame.loc[_is_in(frame["record_id"], members["record_id"].unique()), columns]  # not 4 whole columns
    joined = members.rename(columns={"vendor": "event_vendor"}).merge(filings, on="record_id", how="left")
    table = joined.groupby("vendor_event_id", sort=False).agg(
        vendor=("event_vendor", "first"),
        first_reported=("reported_date", "min"),
        last_reported=("reported_date", "max"),
        reports=("record_id", "size"),
        organizations=("organization", "nunique"),
        individuals_affected=("individuals_affected", "sum"),
    )
    return table.reset_index().sort_values(["reports", "first_reported"], ascending=[False, True],
                                           ignore_index=True)


def possible_clusters(frame: pd.DataFrame, members: pd.DataFrame,
                      min_reports: int = CLUSTER_MIN_REPORTS) -> pd.DataFrame:
    """Weeks (Monday start) with at least `min_reports` filings that involve a business associate, share an
    attack type, and belong to no vendor event: possibly one vendor's breach, which the data cannot name."""
    involved = frame["business_associate_involved"].fillna(False).astype(bool)
    # Only the two columns it counts by: whole rows of a million reports' filings would copy every column.
    free = frame.loc[involved & ~frame["record_id"].isin(members["record_id"]), ["reported_date", "attack_type"]]
    week = free["reported_date"] - pd.to_timedelta(free["reported_date"].dt.day_of_week, unit="D")
    counts = (free.assign(week_start=week.dt.normalize())
              .groupby(["week_start", "attack_type"]).size().rename("reports").reset_index())
    return counts.loc[counts["reports"] >= min_reports].sort_values(
        ["reports", "week_start"], ascending=[False, True], ignore_index=True)
