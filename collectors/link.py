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
- the organisation names match (collectors/text/names.py: the same name, one beginning the
  other, or the same distinctive words; "X dba Y" holds two names), or one names the town
  of the other (the curated French list);
- their dates fit the usual order of events (see WINDOWS): a filing never comes
  before the attack a report describes; a date known to the month may be any day of it;
- a cyberattack never matches a filing of a lost or stolen device;
- the match is clear: each is the other's only candidate in that channel, or the
  one clearly nearest in time (CLEARLY_NEARER_DAYS). Press reports of one channel
  that name the organisation alike within a month are first taken as one story
  (several articles about one attack), so that a filing matching both of them is
  not ambiguous;
- the incident it makes holds at most one regulator filing (a filing listed twice,
  `duplicate_of`, takes its original's incident and plays no part).

How well this works is measured on hand-checked real pairs: scripts/link_quality.py.

A report no rule links is its own incident, with an id derived from its record_id.
A linked incident takes the id of its earliest report, so ids are stable across
rebuilds and only change when a new report is linked to an older one.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict

import pandas as pd

from collectors.text import normalise
from collectors.text.names import NOT_WORD, names_match, story_key, town_word

# How far apart (in days) the dates of two reports of one attack may be, by kind of
# report (status): (earliest, latest) offset of the second report's date from the first's.
# A regulator filing (confirmed) comes 0 to about 400 days after a claim or a press report.
WINDOWS: dict[tuple[str, str], tuple[int, int]] = {
    ("claimed", "reported"): (-30, 60),
    ("reported", "reported"): (-30, 30),
    ("claimed", "claimed"): (-30, 30),
    ("claimed", "confirmed"): (-30, 400),
    # A filing never comes before the attack it reports (the press item's date is the attack's), and
    # sometimes comes late: Dameron Hospital filed 16 months after its ransomware attack.
    ("reported", "confirmed"): (0, 550),
}

# When a report has several candidates in another channel (an organisation's three filings, two press
# stories), the one nearest in time is taken if it is clearly nearer: this many days nearer than the next.
CLEARLY_NEARER_DAYS = 30


# Two articles of one press channel naming the same organisation this close together tell one story.
PRESS_REPEAT_DAYS = 31


def own_incident_id(record_id: str) -> str:
    return "inc:" + hashlib.sha1(record_id.encode()).hexdigest()[:12]


def _channel(frame: pd.DataFrame) -> pd.Series:
    return frame["source"] + "/" + frame["source_list"].fillna("")


def _event_date(frame: pd.DataFrame) -> pd.Series:
    """The date to compare: when the attack happened if the source says, else when it was reported."""
    return frame["incident_date"].fillna(frame["reported_date"])


def _window(status_a: str, status_b: str) -> tuple[int, int] | None:
    if (status_a, status_b) in WINDOWS:
        return WINDOWS[(status_a, status_b)]
    if (status_b, status_a) in WINDOWS:
        low, high = WINDOWS[(status_b, status_a)]
        return -high, -low
    return None


# A cyberattack and a lost laptop are not one event: a press report of ransomware never matches a filing
# of theft, loss or improper disposal (Fred Hutchinson's November 2023 attack and its 544-person loss filing).
_CYBER = frozenset({"ransomware", "hacking", "ddos"})
_PHYSICAL = frozenset({"theft", "loss", "improper_disposal"})


def _kinds_fit(type_a: object, type_b: object) -> bool:
    return not ({type_a, type_b} & _CYBER and {type_a, type_b} & _PHYSICAL)


def _month_dated(frame: pd.DataFrame) -> list[bool]:
    if "date_precision" not in frame.columns:
        return [False] * len(frame)
    return frame["date_precision"].eq("month").fillna(False).astype(bool).tolist()


def candidate_pairs(frame: pd.DataFrame) -> list[tuple[int, int]]:
    """Index pairs (i, j) of reports that satisfy every rule but uniqueness."""
    channel = _channel(frame).tolist()
    when = _event_date(frame).tolist()
    status = frame["status"].tolist()
    names = frame["organization"].tolist()
    kinds = frame["attack_type"].tolist()
    # A date known only to the month (CISSM: the 1st of the month of the press report) may be any day of it.
    monthly = _month_dated(frame)
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
                        slack = 31 if monthly[i] or monthly[j] else 0
                        gap = (when[j] - when[i]).days
                        if window[0] - slack <= gap <= window[1] + slack and _kinds_fit(kinds[i], kinds[j]) \
                                and names_match(names[i], names[j]):
                            pairs.add((i, j))
    return sorted(pairs | _town_pairs(frame, channel, when, status, monthly))


def _town_pairs(frame: pd.DataFrame, channel: list, when: list, status: list,
                monthly: list[bool]) -> set[tuple[int, int]]:
    """A report that names the town of its organisation (the curated French list) and another source's report
    of the same country whose organisation name holds that town ("Dax Hospital", "CH de Dax-Côte d'Argent"),
    at dates the windows allow; a date known only to the month may fall anywhere in its month."""
    if "locality" not in frame.columns:
        return set()
    precise = [not month_dated for month_dated in monthly]
    words_of = {}
    pairs = set()
    for i, town in frame["locality"].items():
        word = town_word(town)
        if word is None:
            continue
        same_country = frame.index[(frame["country"] == frame.at[i, "country"]).to_numpy()]
        for j in same_country:
            if j == i or channel[j] == channel[i]:
                continue
            if j not in words_of:
                ascii_only = unicodedata.normalize("NFKD", str(frame.at[j, "organization"])).encode(
                    "ascii", "ignore").decode().lower()
                words_of[j] = set(NOT_WORD.split(ascii_only))
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
    """Press reports of one channel whose organisation names match (names_match) within PRESS_REPEAT_DAYS:
    several articles about one attack (the same victim, the same days). "Columbia Surgical Specialists of
    Spokane" in February and "Columbia Surgical Specialists" in March are one story."""
    press = frame[frame["status"] == "reported"]
    keyed = press.assign(_channel=_channel(press), _when=_event_date(press))
    pairs = []
    for _, group in keyed.groupby(["_channel", "country"]):
        rows = group.sort_values("_when")
        positions, days, names = rows.index.tolist(), rows["_when"].tolist(), rows["organization"].tolist()
        keys = [story_key(name) for name in names]
        for a in range(len(rows)):
            for b in range(a + 1, len(rows)):
                if (days[b] - days[a]).days > PRESS_REPEAT_DAYS:
                    break
                if keys[a] == keys[b] or names_match(names[a], names[b]):
                    pairs.append((positions[a], positions[b]))
    return pairs


def _unambiguous(pairs: list[tuple[int, int]], channel: pd.Series, when: pd.Series,
                 parts: _Components) -> list[tuple[int, int]]:
    """Keep a pair only when, on each side, the other is the clear choice in its channel: the only
    candidate incident (one report, or several press reports already known to tell the same story), or the
    one nearest in time by at least CLEARLY_NEARER_DAYS (Ascension's May 2024 attack and its July 2024
    filing, not its filings of 2025)."""
    distance: dict[tuple[int, str], dict[int, int]] = defaultdict(dict)
    for i, j in pairs:
        days = abs((when[j] - when[i]).days)
        for mine, other in ((i, j), (j, i)):
            nearest = distance[(mine, channel[other])]
            root = parts.root(other)
            nearest[root] = min(days, nearest.get(root, days))

    def clear_choice(mine: int, other: int) -> bool:
        nearest = distance[(mine, channel[other])]
        if len(nearest) == 1:
            return True
        first, second = sorted(nearest.values())[:2]
        return nearest[parts.root(other)] == first and second - first >= CLEARLY_NEARER_DAYS

    return [(i, j) for i, j in pairs if clear_choice(i, j) and clear_choice(j, i)]


def assign_incidents(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with incident_id set for every row (a new frame; the input is not modified).
    A row that repeats another word for word (`duplicate_of`) takes that row's incident and plays no part
    in the linking: a filing listed twice must not make a press report's match look ambiguous."""
    frame = frame.reset_index(drop=True)
    if "duplicate_of" not in frame.columns or frame["duplicate_of"].isna().all():
        return _assign(frame)
    repeat = frame["duplicate_of"].notna().to_numpy()
    linked = _assign(frame.loc[~repeat].reset_index(drop=True))
    incident_of = dict(zip(linked["record_id"], linked["incident_id"]))
    ids = frame["record_id"].map(incident_of)
    ids = ids.where(~repeat, frame["duplicate_of"].map(incident_of))
    # A repeat whose original is not in this frame (it should not happen) keeps an incident of its own.
    ids = ids.fillna(frame["record_id"].map(own_incident_id))
    return frame.assign(incident_id=ids.astype("str"))


def _attack_floor(frame: pd.DataFrame) -> pd.Series:
    """For each report that dates the attack (press, research, curated lists; a claim with the group's attack
    date), the earliest day a filing of that attack can have: the attack's day, or for a date known to the
    month, a month before its 1st (as the windows allow)."""
    dated = frame["status"].ne("confirmed") & frame["incident_date"].notna()
    floor = pd.to_datetime(frame.loc[dated, "incident_date"])
    monthly = pd.Series(_month_dated(frame), index=frame.index).loc[dated]
    return floor - pd.to_timedelta(monthly.astype(int) * 31, unit="D")


def _assign(frame: pd.DataFrame) -> pd.DataFrame:
    ids = frame["record_id"].map(own_incident_id).astype("str")
    parts = _Components(len(frame))
    repeats = same_story_pairs(frame)
    for i, j in repeats:
        parts.join(i, j)
    links = _unambiguous(candidate_pairs(frame), _channel(frame), _event_date(frame), parts)
    # A chain of links (a press report to one filing, its repeat to another) must not put two regulator
    # filings in one incident: two filings are two breaches as the regulator counts them.
    # Nor may it put a filing before the attack one of its reports describes (a story's later article can date
    # the attack after the filing its first article matched).
    filing = frame["status"].eq("confirmed").to_numpy()
    filed = {parts.root(i): frame.at[i, "reported_date"] for i in range(len(frame)) if filing[i]}
    latest_attack: dict[int, pd.Timestamp] = {}
    for i, day in _attack_floor(frame).items():
        root = parts.root(i)
        latest_attack[root] = max(day, latest_attack.get(root, day))
    for i, j in links:
        root_i, root_j = parts.root(i), parts.root(j)
        if root_i == root_j or (root_i in filed and root_j in filed):
            continue
        filing_day = filed.get(root_i, filed.get(root_j))
        attacks = [latest_attack[r] for r in (root_i, root_j) if r in latest_attack]
        if filing_day is not None and attacks and filing_day < max(attacks):
            continue
        parts.join(i, j)
        root = parts.root(i)
        if filing_day is not None:
            filed[root] = filing_day
        if attacks:
            latest_attack[root] = max(attacks)
    members = {i for pair in repeats + links for i in pair}
    groups: dict[int, list[int]] = defaultdict(list)
    for i in members:
        groups[parts.root(i)].append(i)
    for group in groups.values():
        earliest = frame.loc[group].sort_values(["reported_date", "record_id"]).index[0]
        ids.loc[group] = ids[earliest]
    return frame.assign(incident_id=ids)
