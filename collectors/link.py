"""Cross-source linking: reports of the same attack get one incident_id.

The same attack often reaches us several times: a criminal group's leak-site claim,
a press report a few days later, a regulator filing months later. Rows stay source
reports; `incident_id` groups them so the dashboard can count incidents or reports.

Precision first, because a wrong link is worse than a missed one. Two reports are
linked only when all of these hold:
- they come from different channels (a channel is a source and one of its lists:
  ransomware.live's leak-site claims and its press items are different channels;
  within a channel, collectors/dedupe.py already merged repeats);
- same country;
- the organisation names match: equal once case, accents and punctuation are
  ignored, or one name begins the other (ten letters or more), or one name's
  distinctive words (two or more) all appear in the other's;
- their dates fit the usual order of events (see WINDOWS);
- the match is unambiguous: each is the other's only candidate in that channel.
  Press reports of one channel that name the same organisation within two weeks
  are first taken as one story (several articles about one attack), so that a
  filing matching both of them is not ambiguous.

A report no rule links is its own incident, with an id derived from its record_id.
A linked incident takes the id of its earliest report, so ids are stable across
rebuilds and only change when a new report is linked to an older one.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict

import pandas as pd

from collectors import normalise

# How far apart (in days) the dates of two reports of one attack may be, by kind of
# report (status): (earliest, latest) offset of the second report's date from the first's.
# A regulator filing (confirmed) comes 0 to about 400 days after a claim or a press report.
WINDOWS: dict[tuple[str, str], tuple[int, int]] = {
    ("claimed", "reported"): (-30, 60),
    ("reported", "reported"): (-30, 30),
    ("claimed", "claimed"): (-30, 30),
    ("claimed", "confirmed"): (-30, 400),
    ("reported", "confirmed"): (-60, 400),
}


_NOT_WORD = re.compile(r"[^a-z0-9]+")

# Two articles of one press channel naming the same organisation this close together tell one story.
PRESS_REPEAT_DAYS = 14


def own_incident_id(record_id: str) -> str:
    return "inc:" + hashlib.sha1(record_id.encode()).hexdigest()[:12]


def _channel(frame: pd.DataFrame) -> pd.Series:
    return frame["source"] + "/" + frame["source_list"].fillna("")


def _event_date(frame: pd.DataFrame) -> pd.Series:
    """The date to compare: when the attack happened if the source says, else when it was reported."""
    return frame["incident_date"].fillna(frame["reported_date"])


def names_match(a: str, b: str) -> bool:
    key_a, key_b = normalise.name_key(a), normalise.name_key(b)
    short_key, long_key = sorted((key_a, key_b), key=len)
    # "Centre Hospitalier de Dax" and "Centre hospitalier de Dax-Côte d'Argent": one name starts the other.
    if short_key == long_key or (len(short_key) >= 10 and long_key.startswith(short_key)):
        return True
    # "Lurie Children's" and "Ann & Robert H. Lurie Children's Hospital": two or more telling words shared.
    shorter, longer = sorted((normalise.distinctive_words(a), normalise.distinctive_words(b)), key=len)
    return len(shorter) >= 2 and shorter <= longer


def _window(status_a: str, status_b: str) -> tuple[int, int] | None:
    if (status_a, status_b) in WINDOWS:
        return WINDOWS[(status_a, status_b)]
    if (status_b, status_a) in WINDOWS:
        low, high = WINDOWS[(status_b, status_a)]
        return -high, -low
    return None


def candidate_pairs(frame: pd.DataFrame) -> list[tuple[int, int]]:
    """Index pairs (i, j) of reports that satisfy every rule but uniqueness."""
    channel = _channel(frame).tolist()
    when = _event_date(frame).tolist()
    status = frame["status"].tolist()
    names = frame["organization"].tolist()
    # Only reports that share the country and a distinctive word (or the whole name) can match.
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (country, name) in enumerate(zip(frame["country"], names)):
        for word in normalise.distinctive_words(name) | {normalise.name_key(name)}:
            blocks[(country, word)].append(i)
    pairs = set()
    for members in blocks.values():
        by_channel: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_channel[channel[i]].append(i)
        if len(by_channel) < 2:
            continue
        groups = list(by_channel.values())
        for g, first in enumerate(groups):
            for second in groups[g + 1:]:
                for i in first:
                    for j in second:
                        i, j = min(i, j), max(i, j)
                        if (i, j) in pairs:
                            continue
                        window = _window(status[i], status[j])
                        if window is None:
                            continue
                        gap = (when[j] - when[i]).days
                        if window[0] <= gap <= window[1] and names_match(names[i], names[j]):
                            pairs.add((i, j))
    return sorted(pairs | _town_pairs(frame, channel, when, status))


# Words of a town name that say nothing on their own ("Villefranche-sur-Saône": "villefranche" is the one).
_TOWN_FILLER = frozenset("sur sous les lez saint sainte st ste la le de des du en".split())


def _town_word(town: object) -> str | None:
    if not isinstance(town, str) or not town.strip():
        return None
    ascii_only = unicodedata.normalize("NFKD", town).encode("ascii", "ignore").decode().lower()
    words = [w for w in _NOT_WORD.split(ascii_only) if len(w) >= 3 and w not in _TOWN_FILLER]
    return words[0] if words else None


def _town_pairs(frame: pd.DataFrame, channel: list, when: list, status: list) -> set[tuple[int, int]]:
    """A report that names the town of its organisation (the curated French list) and another source's report
    of the same country whose organisation name holds that town ("Dax Hospital", "CH de Dax-Côte d'Argent"),
    at dates the windows allow; a date known only to the month may fall anywhere in its month."""
    if "locality" not in frame.columns:
        return set()
    precise = (frame["date_precision"].fillna("day") != "month").tolist() if "date_precision" in frame.columns \
        else [True] * len(frame)
    words_of = {}
    pairs = set()
    for i, town in frame["locality"].items():
        word = _town_word(town)
        if word is None:
            continue
        same_country = frame.index[(frame["country"] == frame.at[i, "country"]).to_numpy()]
        for j in same_country:
            if j == i or channel[j] == channel[i]:
                continue
            if j not in words_of:
                ascii_only = unicodedata.normalize("NFKD", str(frame.at[j, "organization"])).encode(
                    "ascii", "ignore").decode().lower()
                words_of[j] = set(_NOT_WORD.split(ascii_only))
            if word not in words_of[j]:
                continue
            a, b = min(i, j), max(i, j)
            window = _window(status[a], status[b])
            if window is None:
                continue
            slack = 0 if precise[a] and precise[b] else 31
            gap = (when[b] - when[a]).days
            if window[0] - slack <= gap <= window[1] + slack:
                pairs.add((a, b))
    return pairs


class _Components:
    """Union-find over row positions."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        self.parent[self.root(i)] = self.root(j)


def same_story_pairs(frame: pd.DataFrame) -> list[tuple[int, int]]:
    """Press reports of one channel that name the same organisation within PRESS_REPEAT_DAYS:
    several articles about one attack (the same victim, the same days)."""
    press = frame[frame["status"] == "reported"]
    keyed = press.assign(_key=press["organization"].map(normalise.name_key), _channel=_channel(press),
                         _when=_event_date(press))
    pairs = []
    for _, group in keyed.groupby(["_channel", "country", "_key"]):
        rows = group.sort_values("_when")
        for (i, a), (j, b) in zip(rows["_when"].items(), list(rows["_when"].items())[1:]):
            if (b - a).days <= PRESS_REPEAT_DAYS:
                pairs.append((i, j))
    return pairs


def _unambiguous(pairs: list[tuple[int, int]], channel: pd.Series, parts: _Components) -> list[tuple[int, int]]:
    """Keep a pair only when, on each side, every candidate in the other's channel is the same incident
    (one report, or several press reports already known to tell the same story)."""
    candidates: dict[tuple[int, str], set[int]] = defaultdict(set)
    for i, j in pairs:
        candidates[(i, channel[j])].add(parts.root(j))
        candidates[(j, channel[i])].add(parts.root(i))
    return [(i, j) for i, j in pairs
            if len(candidates[(i, channel[j])]) == 1 and len(candidates[(j, channel[i])]) == 1]


def assign_incidents(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with incident_id set for every row (a new frame; the input is not modified)."""
    frame = frame.reset_index(drop=True)
    ids = frame["record_id"].map(own_incident_id).astype("str")
    parts = _Components(len(frame))
    repeats = same_story_pairs(frame)
    for i, j in repeats:
        parts.join(i, j)
    links = _unambiguous(candidate_pairs(frame), _channel(frame), parts)
    # A chain of links (a press report to one filing, its repeat to another) must not put two regulator
    # filings in one incident: two filings are two breaches as the regulator counts them.
    filing = frame["status"].eq("confirmed").to_numpy()
    has_filing = {parts.root(i): True for i in range(len(frame)) if filing[i]}
    for i, j in links:
        root_i, root_j = parts.root(i), parts.root(j)
        if root_i == root_j or (has_filing.get(root_i) and has_filing.get(root_j)):
            continue
        parts.join(i, j)
        has_filing[parts.root(i)] = bool(has_filing.get(root_i) or has_filing.get(root_j))
    members = {i for pair in repeats + links for i in pair}
    groups: dict[int, list[int]] = defaultdict(list)
    for i in members:
        groups[parts.root(i)].append(i)
    for group in groups.values():
        earliest = frame.loc[group].sort_values(["reported_date", "record_id"]).index[0]
        ids.loc[group] = ids[earliest]
    return frame.assign(incident_id=ids)
