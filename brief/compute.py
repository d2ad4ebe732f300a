"""The weekly brief's numbers, computed in one place: pure functions of the tidy frame and its coverage.

`compute_brief(frame, coverage, week)` returns a frozen `Brief`; the dashboard's brief page and
`python -m brief` both show exactly its numbers (narrative.py and render.py only word
and format them). No streamlit here.

Counting rules (the dashboard's): only reports the source still lists (`is_removed_by_source` false), a filing
listed twice once (`duplicate_of`);
a report counts in the ISO week (Monday to Sunday) of its `reported_date`; an incident (`incident_id`)
counts in every week in which it has at least one report.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from app.prep import coverage as coverage_layer
from app.prep import rows as row_access
from brief import unusual
from collectors import schema
from collectors.coverage import SourceCoverage
from collectors.schema import ATTACK_TYPES, STATUSES

SHORT_WINDOW = 4  # weeks in the short trailing average
LONG_WINDOW = 52  # weeks in the long trailing average, and the weeks of history drawn
LARGEST_N = 3  # the largest incidents by individuals affected are always notable
MAX_NOTABLE = 10  # notable incidents listed at most
HOSPITAL_TYPE = "healthcare_provider"

_WEEK_TEXT = re.compile(r"^\s*(\d{4})-?W(\d{1,2})\s*$", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class IsoWeek:
    """An ISO 8601 week: Monday to Sunday, numbered within its ISO year (which can differ from the calendar
    year near 1 January, and can have a week 53)."""

    year: int
    week: int

    def __post_init__(self):
        dt.date.fromisocalendar(self.year, self.week, 1)  # ValueError for a week that does not exist

    @classmethod
    def parse(cls, text: str) -> IsoWeek:
        """'2025-W50' (or '2025W50') -> IsoWeek(2025, 50); ValueError naming the problem otherwise."""
        match = _WEEK_TEXT.match(str(text))
        if not match:
            raise ValueError(f"not an ISO week: {text!r} (expected YYYY-Www, e.g. 2025-W50)")
        year, week = int(match[1]), int(match[2])
        try:
            return cls(year, week)
        except ValueError:
            raise ValueError(f"{year} has no ISO week {week}") from None

    @classmethod
    def containing(cls, day: dt.date | pd.Timestamp) -> IsoWeek:
        year, week, _ = pd.Timestamp(day).isocalendar()
        return cls(int(year), int(week))

    @property
    def start(self) -> pd.Timestamp:
        """Monday."""
        return pd.Timestamp(dt.date.fromisocalendar(self.year, self.week, 1))

    @property
    def end(self) -> pd.Timestamp:
        """Sunday (the whole day belongs to the week)."""
        return self.start + pd.Timedelta(days=6)

    def shift(self, weeks: int) -> IsoWeek:
        return IsoWeek.containing(self.start + pd.Timedelta(weeks=weeks))

    def year_earlier(self) -> IsoWeek:
        """The same week number in the previous ISO year; its last week (52) when that year has no week 53."""
        try:
            return IsoWeek(self.year - 1, self.week)
        except ValueError:
            return IsoWeek.containing(dt.date(self.year - 1, 12, 28))  # 28 December is always in the last week

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


@dataclass(frozen=True)
class Counts:
    reports: int
    incidents: int


@dataclass(frozen=True)
class Average:
    """Mean reports and incidents per week over `weeks` weeks (NaN when weeks == 0: no earlier week in the data,
    or no source that covers the week and every one of those weeks completely).

    Like for like: with a coverage table, only the `streams` that cover the week and all `weeks` completely,
    past their posting lag, are counted, on both sides; `week_reports` is the week's count over them."""

    reports: float
    incidents: float
    weeks: int
    week_reports: int | None = None  # None: no coverage table, compare with counts.reports
    streams: tuple[str, ...] = ()


@dataclass(frozen=True)
class Breakdown:
    """One line of a breakdown: `key` (a code, or '' for unknown) within `group` (e.g. subregion within region)."""

    key: str
    reports: int
    incidents: int
    group: str = ""


@dataclass(frozen=True)
class SourceRef:
    source: str
    url: str
    status: str
    reported_date: pd.Timestamp


@dataclass(frozen=True)
class Notable:
    incident_id: str
    organization: str
    organization_type: str
    country: str
    subdivision: str  # '' when unknown
    attack_type: str
    reported_date: pd.Timestamp  # the incident's first report in the week
    individuals_affected: int | None  # the largest count any of its reports gives; None: none gives one
    is_placeholder_count: bool
    is_hospital: bool
    is_care_disrupted: bool
    is_largest: bool  # among the LARGEST_N incidents of the week by individuals affected
    statuses: tuple[str, ...]  # of its reports this week, in STATUSES order
    sources: tuple[SourceRef, ...]  # every counted report of the incident, any week: where to check it


@dataclass(frozen=True)
class Changes:
    """What the collectors added or revised during the week (by collection dates, not report dates)."""

    new_reports: int  # first_seen_at within the week
    new_about_earlier_weeks: int  # ... of which reported before the week began (late additions)
    revised_reports: int  # collected_at within the week, first seen before it
    new_by_source: tuple[tuple[str, int], ...]
    revised_by_source: tuple[tuple[str, int], ...]


# Caveat kinds, worst first.
ABSENT = "absent"  # the source's newest data is older than the week: it says nothing about it
ENDS_MID_WEEK = "ends_mid_week"  # the source's newest data is from a day inside the week
MAY_GROW = "may_grow"  # the source is complete only through a day before the week's end
COMPLETENESS_UNKNOWN = "completeness_unknown"  # the source gives no complete-through date
PARTIAL = "partial"  # the source covers only part of the week (a sampled window, a sparse month)
CAVEAT_KINDS = (ABSENT, ENDS_MID_WEEK, PARTIAL, MAY_GROW, COMPLETENESS_UNKNOWN)


@dataclass(frozen=True)
class Caveat:
    source: str
    kind: str
    data_as_of: pd.Timestamp
    complete_through: pd.Timestamp | None


@dataclass(frozen=True)
class WeekPoint:
    week: IsoWeek
    reports: int
    incidents: int
    has_caveat: bool  # the week may still grow (a covering source's posting lag); without coverage: any caveat
    no_data: bool = False  # no source covers the week: its count is unknown, not 0
    upper: float | None = None  # the unusual-week rule's upper limit for the week (brief/unusual.py)


@dataclass(frozen=True)
class Brief:
    week: IsoWeek
    data_as_of: pd.Timestamp | None  # newest export of any source
    first_week: IsoWeek | None  # week of the oldest counted report: averages start there
    counts: Counts
    short_average: Average  # the SHORT_WINDOW weeks before the week
    long_average: Average  # the LONG_WINDOW weeks before the week
    year_ago_week: IsoWeek
    year_ago: Counts | None  # None when that week is before the data begins
    individuals_affected: int  # per incident, the largest count its reports this week give; summed
    reports_without_count: int
    hospitals: Counts  # reports at (incidents involving) healthcare providers
    care_disrupted: Counts  # reports saying patient care was disrupted
    by_region: tuple[Breakdown, ...]  # key: UN M49 subregion, group: region
    by_state: tuple[Breakdown, ...]  # US reports by ISO 3166-2 subdivision
    us_only: bool  # every report of the week is from the US (states are then the geography to show)
    by_attack_type: tuple[Breakdown, ...]
    by_status: tuple[Breakdown, ...]  # every status, zeros included
    notable: tuple[Notable, ...]
    notable_total: int  # notable incidents before the MAX_NOTABLE cut
    changes: Changes
    caveats: tuple[Caveat, ...]
    history: tuple[WeekPoint, ...]  # LONG_WINDOW weeks before the week, then the week
    withdrawn: int  # reports of the week the source no longer lists: not counted
    sources: tuple[str, ...]  # every source of the dataset or its coverage, sorted
    year_ago_compared: int | None = None  # the week's reports over the streams that also cover the year-ago week
    flag: unusual.Flag | None = None  # is the week unusual (EARS C2 over `flag_streams`)
    flag_streams: tuple[str, ...] = ()
    flag_reason: str = "no_coverage"  # why there is no flag: no_coverage, filling, short_baseline; "ok"
    newest_by_source: tuple[tuple[str, pd.Timestamp], ...] = ()  # each source's newest report date
    by_fr_region: tuple[Breakdown, ...] = ()  # French reports by région (ISO 3166-2), '' when unknown

    @property
    def is_empty(self) -> bool:
        return self.counts.reports == 0

    @property
    def is_lower_bound(self) -> bool:
        """Some source may still add reports for the week, or says nothing about it."""
        return bool(self.caveats)


def _counted(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    removed, repeated = schema.uncounted(frame)
    return frame.loc[~(removed | repeated)], removed


def data_as_of(coverage: Iterable[SourceCoverage]) -> pd.Timestamp | None:
    dates = [pd.Timestamp(c.data_as_of).normalize() for c in coverage if c.data_as_of is not None]
    return max(dates) if dates else None


def default_week(frame: pd.DataFrame, coverage: Iterable[SourceCoverage],
                 coverage_table: pd.DataFrame | None = None) -> IsoWeek | None:
    """The latest ISO week that its sources cover well enough: the last Monday-to-Sunday week, ending on or
    before the newest `data_as_of`, that at least one source covers completely and past its posting lag
    (with no coverage table: simply the last week ending by then; None for no data at all)."""
    week = _last_full_week(frame, coverage)
    if week is None or coverage_table is None or coverage_table.empty:
        return week
    return _mature_week(week, _Levels.of(_weekly_levels(coverage_table)))


def _weekly_levels(table: pd.DataFrame) -> pd.DataFrame:
    return coverage_layer.monthly_levels(table, coverage_layer.streams(table, weekly=True))


def _mature_week(week: IsoWeek, levels: _Levels) -> IsoWeek:
    """The latest week, `week` or before it, that a stream covers completely past its posting lag."""
    last = week
    for _ in range(520):  # ten years back at most
        if _mature_streams(levels, [week]):
            return week
        week = week.shift(-1)
    return last


def _mature_streams(levels: _Levels, weeks: list[IsoWeek]) -> tuple[str, ...]:
    """Streams complete and past their posting lag in every month the weeks touch."""
    months = sorted({f"{pd.Period(d, 'M')}" for w in weeks for d in (w.start, w.end)})
    values, filling = levels.months(months)
    mature = (values == 2).all(axis=0) & ~filling.any(axis=0)
    return tuple(k for k, ok in zip(levels.columns, mature) if ok)


@dataclass(frozen=True, eq=False)
class _Levels:
    """coverage_layer.monthly_levels() of the weekly streams as arrays, months down and streams across (a brief
    reads it ~150 times: reindexing the frame deep-copies its attrs, the `filling` frame, every time)."""

    columns: tuple[str, ...]
    month_rows: dict[str, int]
    column_of: dict[str, int]
    values: np.ndarray
    filling: np.ndarray

    @classmethod
    def of(cls, levels: pd.DataFrame) -> _Levels:
        return cls(tuple(levels.columns), {str(m): i for i, m in enumerate(levels.index)},
                   {str(c): j for j, c in enumerate(levels.columns)}, levels.to_numpy(),
                   levels.attrs["filling"].to_numpy(dtype=bool))

    def months(self, months: list[str], columns: list[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """levels.reindex(months, fill_value=0)[columns], and the same of `filling` (False), as arrays."""
        where = np.array([self.month_rows.get(m, -1) for m in months], dtype=np.int64)
        found = where >= 0
        values = np.zeros((len(months), len(self.columns)), dtype=self.values.dtype)
        filling = np.zeros((len(months), len(self.columns)), dtype=bool)
        values[found], filling[found] = self.values[where[found]], self.filling[where[found]]
        if columns is not None:
            at = [self.column_of[c] for c in columns]
            values, filling = values[:, at], filling[:, at]
        return values, filling


def _last_full_week(frame: pd.DataFrame, coverage: Iterable[SourceCoverage]) -> IsoWeek | None:
    through = data_as_of(coverage)
    if through is None:
        dates = frame["reported_date"].dropna()
        if dates.empty:
            return None
        through = dates.max().normalize()
    last_sunday = through - pd.Timedelta(days=(through.day_of_week + 1) % 7)
    return IsoWeek.containing(last_sunday)


def available_weeks(frame: pd.DataFrame, coverage: Iterable[SourceCoverage],
                    coverage_table: pd.DataFrame | None = None) -> list[IsoWeek]:
    """Weeks a brief can be asked for, newest first: from the oldest report's week to the last full week of
    the data (the default week, chosen by coverage, may be earlier)."""
    removed, repeated = schema.uncounted(frame)
    return _weeks_back(_last_full_week(frame, coverage), frame["reported_date"].loc[~(removed | repeated)])


def _weeks_back(newest: IsoWeek | None, reported: pd.Series) -> list[IsoWeek]:
    """From `newest` back to the week of the oldest of the counted reports' dates, newest first."""
    dates = reported.dropna()
    if newest is None:
        return []
    oldest = IsoWeek.containing(dates.min()) if not dates.empty else newest
    weeks, week = [], newest
    while week >= oldest:
        weeks.append(week)
        week = week.shift(-1)
    return weeks


def caveats_for(week: IsoWeek, coverage: Iterable[SourceCoverage]) -> tuple[Caveat, ...]:
    """What each source's coverage means for the week: absent, partial, may still grow, or unknown."""
    out = []
    for cov in sorted(coverage, key=lambda c: c.source):
        as_of = pd.Timestamp(cov.data_as_of).normalize()
        through = None if cov.complete_through is None else pd.Timestamp(cov.complete_through).normalize()
        if as_of < week.start:
            kind = ABSENT
        elif as_of < week.end:
            kind = ENDS_MID_WEEK
        elif through is None:
            kind = COMPLETENESS_UNKNOWN
        elif through < week.end:
            kind = MAY_GROW
        else:
            continue
        out.append(Caveat(cov.source, kind, as_of, through))
    return tuple(out)


def coverage_caveats(week: IsoWeek, levels: _Levels, relevant: list[str],
                     coverage: Iterable[SourceCoverage]) -> tuple[Caveat, ...]:
    """From the coverage table: each relevant stream that is silent, partial or still filling in for the week."""
    months = sorted({f"{pd.Period(d, 'M')}" for d in (week.start, week.end)})
    as_of = {c.source: pd.Timestamp(c.data_as_of).normalize() for c in coverage}
    # A stream still filling in names the day its source is complete through; a source that gives none says so.
    through = {c.source: pd.Timestamp(c.complete_through).normalize() for c in coverage
               if c.complete_through is not None}
    out = []
    every, fills = levels.months(months, list(relevant))
    for j, key in enumerate(relevant):
        values, filling = every[:, j], bool(fills[:, j].any())
        source = key.split(":", 1)[0]
        complete = None
        if (values == 0).all():
            kind = ABSENT
        elif filling:
            complete = through.get(source)
            kind = MAY_GROW if complete is not None else COMPLETENESS_UNKNOWN
        elif (values == 2).all():
            continue
        else:
            kind = PARTIAL
        out.append(Caveat(key, kind, as_of.get(source, week.end), complete))
    return tuple(out)


def _counts(rows: pd.DataFrame) -> Counts:
    return Counts(reports=len(rows), incidents=int(rows["incident_id"].nunique()))


def _average(per_week: pd.DataFrame, weeks: list[IsoWeek], first: IsoWeek | None) -> Average:
    used = [w for w in weeks if first is not None and w >= first]
    if not used:
        return Average(math.nan, math.nan, 0)
    starts = [w.start for w in used]
    table = per_week.reindex(starts, fill_value=0)
    return Average(float(table["reports"].sum()) / len(used), float(table["incidents"].sum()) / len(used), len(used))


def _breakdown(rows: pd.DataFrame, key: str, group: str | None = None, order: tuple[str, ...] | None = None,
               keep_zeros: bool = False) -> tuple[Breakdown, ...]:
    keys = rows[key].fillna("").astype(str)
    groups = rows[group].fillna("").astype(str) if group else pd.Series("", index=rows.index)
    table = pd.DataFrame({"key": keys, "group": groups, "incident_id": rows["incident_id"]})
    lines = {}
    for (g, k), part in table.groupby(["group", "key"], sort=False):
        lines[(g, k)] = Breakdown(key=k, group=g, reports=len(part), incidents=int(part["incident_id"].nunique()))
    if keep_zeros and order:
        for k in order:
            lines.setdefault(("", k), Breakdown(key=k, reports=0, incidents=0))
        return tuple(lines[("", k)] for k in order)
    rank = {k: i for i, k in enumerate(order or ())}
    # Largest first; ties in the vocabulary's order, then alphabetically; unknown ('') last among equals.
    return tuple(sorted(lines.values(), key=lambda b: (-b.reports, b.group == "", b.group, b.key == "",
                                                       rank.get(b.key, len(rank)), b.key)))


# The columns of a week's rows the brief reads, and of the reports it lists under a notable incident.
WEEK_COLUMNS = ("record_id", "incident_id", "source", "organization", "organization_type", "country", "subdivision",
                "region", "subregion", "attack_type", "status", "reported_date", "individuals_affected",
                "is_placeholder_count", "is_care_disrupted")
REF_COLUMNS = ("incident_id", "source", "source_url", "status", "reported_date")
_LEAD_COLUMNS = ("organization", "organization_type", "country", "subdivision", "attack_type", "is_placeholder_count")


def _notable(week_rows: pd.DataFrame, refs_of: Callable[[list[str]], pd.DataFrame]) -> tuple[list[Notable], int]:
    """`refs_of(incident_ids)`: the counted reports of those incidents, any week (REF_COLUMNS), in dataset order."""
    rows = week_rows.loc[week_rows["incident_id"].notna()]  # an incident with no id is no incident
    if rows.empty:
        return [], 0
    rows = rows.assign(
        _count=rows["individuals_affected"].astype("Float64"),
        _care=rows["is_care_disrupted"].fillna(False).astype(bool),
        _hospital=(rows["organization_type"] == HOSPITAL_TYPE).fillna(False).astype(bool),
    )
    # The report that speaks for each incident: the largest count, then the earliest, then by id. One stable
    # sort of the week's rows, incident by incident, orders each incident's rows as sorting them apart would.
    ranked = rows.assign(_has=rows["_count"].notna()).sort_values(
        ["incident_id", "_has", "_count", "reported_date", "record_id"], ascending=[True, False, False, True, True],
        kind="stable")
    leads = ranked.drop_duplicates("incident_id")
    ids = leads["incident_id"].tolist()
    grouped = rows.groupby("incident_id", sort=True)
    care, hospital = grouped["_care"].any().loc[ids].tolist(), grouped["_hospital"].any().loc[ids].tolist()
    first = grouped["reported_date"].min().loc[ids].tolist()
    has = {s: rows["status"].eq(s).fillna(False).astype(bool).groupby(rows["incident_id"]).any().loc[ids].tolist()
           for s in STATUSES}
    values = {c: leads[c].tolist() for c in _LEAD_COLUMNS}
    counts = leads["_count"].tolist()
    incidents = []
    for k, incident_id in enumerate(ids):
        incidents.append({
            "incident_id": str(incident_id), "lead": {c: values[c][k] for c in _LEAD_COLUMNS},
            "count": None if pd.isna(counts[k]) else int(counts[k]),
            "care": bool(care[k]), "hospital": bool(hospital[k]), "first": first[k],
            "statuses": tuple(s for s in STATUSES if has[s][k]),
        })
    with_count = sorted((i for i in incidents if i["count"] is not None),
                        key=lambda i: (-i["count"], i["first"], str(i["lead"]["organization"]), i["incident_id"]))
    largest = {i["incident_id"] for i in with_count[:LARGEST_N]}
    chosen = [i for i in incidents if i["care"] or i["hospital"] or i["incident_id"] in largest]
    def order(i):  # care disrupted first, then the largest counts
        return (not i["care"], i["count"] is None, -(i["count"] or 0), i["first"], str(i["lead"]["organization"]),
                i["incident_id"])

    total = len(chosen)
    # The cut never drops one of the largest: the narrative names the largest of all.
    rest = sorted((i for i in chosen if i["incident_id"] not in largest), key=order)
    chosen = sorted([i for i in chosen if i["incident_id"] in largest] + rest[:MAX_NOTABLE - len(largest)], key=order)
    refs = refs_of([i["incident_id"] for i in chosen])
    refs = refs.sort_values(["incident_id", "reported_date", "source", "source_url"], kind="stable")
    sources: dict[str, list[SourceRef]] = {}
    for r in refs.itertuples(index=False):
        seen = sources.setdefault(r.incident_id, [])
        if all(s.url != r.source_url for s in seen):
            seen.append(SourceRef(str(r.source), str(r.source_url), str(r.status), pd.Timestamp(r.reported_date)))
    out = []
    for i in chosen:
        lead = i["lead"]
        out.append(Notable(
            incident_id=i["incident_id"], organization=str(lead["organization"]),
            organization_type=str(lead["organization_type"]), country=str(lead["country"]),
            subdivision="" if pd.isna(lead["subdivision"]) else str(lead["subdivision"]),
            attack_type=str(lead["attack_type"]), reported_date=pd.Timestamp(i["first"]),
            individuals_affected=i["count"], is_placeholder_count=bool(lead["is_placeholder_count"]),
            is_hospital=i["hospital"], is_care_disrupted=i["care"], is_largest=i["incident_id"] in largest,
            statuses=i["statuses"], sources=tuple(sources.get(i["incident_id"], ())),
        ))
    return out, total


def _within(days: pd.Series, first: pd.Timestamp, last: pd.Timestamp) -> np.ndarray:
    return ((days >= first) & (days <= last)).to_numpy(dtype=bool)


@dataclass(frozen=True, eq=False)
class Prepared:
    """What every week's brief needs from the dataset, built once (`prepare`): one brief for a week
    (`brief_for`) then reads only the rows of the weeks it compares. The counted reports with a day (the
    rows compute_brief counts) are `positions` in `frame`; the series below are theirs, in that order (index
    0..n-1). Nothing is copied from `frame`, which must not change while this is in use."""

    frame: pd.DataFrame
    coverage: tuple[SourceCoverage, ...]
    table: pd.DataFrame | None  # the coverage table, None when absent or empty
    levels: _Levels | None  # coverage_layer.monthly_levels of the weekly streams
    relevant: list[str]  # streams that cover any month
    weeks: tuple[IsoWeek, ...]  # available_weeks()
    last_full_week: IsoWeek | None
    positions: np.ndarray
    reported: pd.Series  # reported_date
    day: pd.Series  # ... normalised
    start: pd.Series  # Monday of its week
    first_seen: pd.Series  # normalised
    collected: pd.Series  # normalised
    incident: np.ndarray  # codes of incident_id (-1: none), in `incident_ids`
    incident_ids: pd.Index
    stream: np.ndarray  # codes of the stream (coverage_layer.stream_of_rows), in `stream_keys`
    stream_keys: pd.Index
    per_week: pd.DataFrame  # reports and incidents per week start
    first_week: IsoWeek | None
    removed_days: pd.Series  # reported day of the reports the source withdrew
    newest: tuple[tuple[str, pd.Timestamp], ...]
    sources: tuple[str, ...]

    @cached_property
    def default_week(self) -> IsoWeek | None:
        """default_week() of the dataset."""
        week = self.last_full_week
        if week is None or self.levels is None:
            return week
        return _mature_week(week, self.levels)

    def rows(self, mask: np.ndarray, columns: Iterable[str] = WEEK_COLUMNS) -> pd.DataFrame:
        """The counted reports where `mask` (over `positions`) holds, as frame.loc would give them."""
        return row_access.take(self.frame, self.positions[mask], list(columns))

    def incident_series(self, where: np.ndarray) -> pd.Series:
        """Incident codes of the rows at `where` (NaN for a report of no incident), for counting distinct ones."""
        codes = pd.Series(self.incident[where])
        return codes.where(codes >= 0)

    def of_streams(self, eligible: Iterable[str], first: IsoWeek, last: IsoWeek) -> np.ndarray:
        """Indices of the rows of the `eligible` streams in the weeks from `first` to `last`."""
        wanted = self.stream_keys.get_indexer(list(eligible))
        in_weeks = _within(self.start, first.start, last.start)
        return np.flatnonzero(in_weeks & np.isin(self.stream, wanted[wanted >= 0]))

    def refs_of(self, incident_ids: list[str]) -> pd.DataFrame:
        wanted = self.incident_ids.get_indexer(incident_ids)
        return self.rows(np.isin(self.incident, wanted[wanted >= 0]), REF_COLUMNS)


def prepare(frame: pd.DataFrame, coverage: Iterable[SourceCoverage],
            coverage_table: pd.DataFrame | None = None) -> Prepared:
    """What compute_brief reads from the whole dataset, for any week (see Prepared)."""
    coverage = tuple(coverage)
    table = coverage_table if coverage_table is not None and not coverage_table.empty else None
    removed, repeated = schema.uncounted(frame)
    kept = ~(removed | repeated)
    counted = kept
    # A report dated only to the month has no week: counting it would pile the month into its first week.
    if "date_precision" in frame.columns:
        counted = kept & ~frame["date_precision"].eq("month").fillna(False).astype(bool)
    positions = np.flatnonzero(counted.to_numpy(dtype=bool))

    def column(name: str) -> pd.Series:
        return frame[name].iloc[positions].reset_index(drop=True)

    reported = column("reported_date")
    day = reported.dt.normalize()
    start = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    incident_ids = column("incident_id")
    if table is not None:
        streams = coverage_layer.stream_of_rows(row_access.take(frame, positions, ["source", "source_list"]))
        stream, stream_keys = pd.factorize(streams.to_numpy())
    else:
        stream, stream_keys = np.zeros(len(positions), dtype=np.int64), pd.Index([""])
    per_week = pd.DataFrame({"start": start, "incident_id": incident_ids}).groupby("start").agg(
        reports=("incident_id", "size"), incidents=("incident_id", "nunique"))
    incident, ids = pd.factorize(incident_ids.to_numpy())
    level_frame = _weekly_levels(table) if table is not None else None
    relevant = [k for k in level_frame.columns if (level_frame[k] > 0).any()] if level_frame is not None else []
    levels = _Levels.of(level_frame) if level_frame is not None else None
    kept_rows = frame.loc[kept, ["source", "reported_date"]]
    newest = kept_rows.groupby("source")["reported_date"].max()  # every source, month-precise too
    last_full_week = _last_full_week(frame, coverage)
    return Prepared(
        frame=frame, coverage=coverage, table=table, levels=levels, relevant=relevant,
        weeks=tuple(_weeks_back(last_full_week, kept_rows["reported_date"])), last_full_week=last_full_week,
        positions=positions, reported=reported, day=day, start=start,
        first_seen=column("first_seen_at").dt.normalize(), collected=column("collected_at").dt.normalize(),
        incident=incident, incident_ids=pd.Index(ids), stream=np.asarray(stream), stream_keys=pd.Index(stream_keys),
        per_week=per_week, first_week=IsoWeek.containing(day.min()) if len(day.dropna()) else None,
        removed_days=frame.loc[removed, "reported_date"].dt.normalize(),
        newest=tuple((str(s), pd.Timestamp(d)) for s, d in sorted(newest.items())),
        sources=tuple(sorted({c.source for c in coverage} | set(frame["source"].dropna().astype(str).unique()))),
    )


def _changes(prepared: Prepared, week: IsoWeek) -> Changes:
    first_seen, collected = prepared.first_seen, prepared.collected
    new = _within(first_seen, week.start, week.end)
    revised = _within(collected, week.start, week.end) & (first_seen < week.start).to_numpy(dtype=bool)

    def by_source(mask: np.ndarray) -> tuple[tuple[str, int], ...]:
        sources = prepared.rows(mask, ["source"])["source"]
        return tuple((str(s), int(n)) for s, n in sorted(sources.value_counts().items()))

    return Changes(
        new_reports=int(new.sum()),
        new_about_earlier_weeks=int((new & (prepared.reported < week.start).to_numpy(dtype=bool)).sum()),
        revised_reports=int(revised.sum()),
        new_by_source=by_source(new),
        revised_by_source=by_source(revised),
    )


def compute_brief(frame: pd.DataFrame, coverage: Iterable[SourceCoverage], week: IsoWeek | str | None = None,
                  coverage_table: pd.DataFrame | None = None) -> Brief:
    """Every number of the weekly brief for `week` (default: `default_week`).

    With `coverage_table` (data/coverage.csv), comparisons are like for like (see Average), caveats name the
    sources that are silent or still filling in, and the unusual-week flag is computed where coverage allows.
    Several weeks of one dataset: `brief_for(prepare(frame, coverage, coverage_table), week)`, prepared once."""
    return brief_for(prepare(frame, coverage, coverage_table), week)


def _counts_at(prepared: Prepared, where: np.ndarray) -> Counts:
    return Counts(reports=len(where), incidents=int(prepared.incident_series(where).nunique()))


def brief_for(prepared: Prepared, week: IsoWeek | str | None = None) -> Brief:
    """compute_brief() of the prepared dataset."""
    p, coverage, levels, relevant = prepared, prepared.coverage, prepared.levels, prepared.relevant
    if isinstance(week, str):
        week = IsoWeek.parse(week)
    if week is None:
        week = p.default_week
        if week is None:
            raise ValueError("the dataset is empty: there is no week to brief on")
    in_week = _within(p.day, week.start, week.end)
    rows = p.rows(in_week)
    year_ago_week = week.year_earlier()

    def compared(weeks: list[IsoWeek]) -> Average:
        if levels is None:
            return _average(p.per_week, weeks, p.first_week)
        eligible = _mature_streams(levels, [week, *weeks])
        if not eligible:
            return Average(math.nan, math.nan, 0, 0, ())
        # Only the rows of the weeks compared: the same per-week counts as over every row of those streams.
        where = p.of_streams(eligible, min(weeks), week)
        starts = p.start.iloc[where].reset_index(drop=True)
        mine = pd.DataFrame({"start": starts, "incident_id": p.incident_series(where)})
        table_ = mine.groupby("start").agg(reports=("incident_id", "size"), incidents=("incident_id", "nunique"))
        base = _average(table_, weeks, IsoWeek(1900, 1))
        return Average(base.reports, base.incidents, base.weeks, int((starts == week.start).sum()), eligible)

    counts_by_incident = rows.groupby("incident_id")["individuals_affected"].max()
    care = rows["is_care_disrupted"].fillna(False).astype(bool)
    hospital = (rows["organization_type"] == HOSPITAL_TYPE).fillna(False).astype(bool)
    notable, notable_total = _notable(rows, p.refs_of)
    us = rows.loc[(rows["country"] == "US").fillna(False).astype(bool)]
    year_ago, year_ago_compared = _year_ago(p, week, year_ago_week)
    flag, flag_streams, flag_reason = _flag(p, week)
    history = []
    for k in range(LONG_WINDOW, -1, -1):
        w = week.shift(-k)
        n = p.per_week.loc[w.start] if w.start in p.per_week.index else None
        if levels is None:
            growing, no_data, upper = bool(caveats_for(w, coverage)), False, None
        else:
            months = sorted({f"{pd.Period(d, 'M')}" for d in (w.start, w.end)})
            covered, filling = levels.months(months, relevant)
            no_data, growing = bool((covered == 0).all()), bool(filling.any())
            upper = flag.upper if (w == week and flag is not None) else None
        history.append(WeekPoint(w, int(n["reports"]) if n is not None else 0,
                                 int(n["incidents"]) if n is not None else 0, growing, no_data, upper))
    return Brief(
        week=week,
        data_as_of=data_as_of(coverage),
        first_week=p.first_week,
        counts=_counts(rows),
        short_average=compared([week.shift(-k) for k in range(1, SHORT_WINDOW + 1)]),
        long_average=compared([week.shift(-k) for k in range(1, LONG_WINDOW + 1)]),
        year_ago_week=year_ago_week,
        year_ago=year_ago,
        individuals_affected=int(counts_by_incident.sum(skipna=True)) if len(counts_by_incident) else 0,
        reports_without_count=int(rows["individuals_affected"].isna().sum()),
        hospitals=_counts(rows.loc[hospital]),
        care_disrupted=_counts(rows.loc[care]),
        by_region=_breakdown(rows, "subregion", group="region"),
        by_state=_breakdown(us, "subdivision"),
        us_only=not rows.empty and len(us) == len(rows),
        by_attack_type=_breakdown(rows, "attack_type", order=ATTACK_TYPES),
        by_status=_breakdown(rows, "status", order=STATUSES, keep_zeros=True),
        notable=tuple(notable),
        notable_total=notable_total,
        changes=_changes(p, week),
        caveats=(coverage_caveats(week, levels, relevant, coverage) if levels is not None
                 else caveats_for(week, coverage)),
        history=tuple(history),
        withdrawn=int(((p.removed_days >= week.start) & (p.removed_days <= week.end)).sum()),
        sources=p.sources,
        year_ago_compared=year_ago_compared,
        flag=flag,
        flag_streams=flag_streams,
        flag_reason=flag_reason,
        newest_by_source=p.newest,
        by_fr_region=_breakdown(rows.loc[(rows["country"] == "FR").fillna(False).astype(bool)], "subdivision"),
    )


def _year_ago(p: Prepared, week: IsoWeek, year_ago_week: IsoWeek) -> tuple[Counts | None, int | None]:
    """The same week a year earlier, over the streams that cover both weeks completely (None: none does)."""
    if p.first_week is None or year_ago_week < p.first_week:
        return None, None
    if p.levels is None:
        return _counts_at(p, np.flatnonzero(_within(p.day, year_ago_week.start, year_ago_week.end))), None
    eligible = _mature_streams(p.levels, [week, year_ago_week])
    if not eligible:
        return None, None
    then = p.of_streams(eligible, year_ago_week, year_ago_week)
    now = p.of_streams(eligible, week, week)
    return _counts_at(p, then), len(now)


def _flag(p: Prepared, week: IsoWeek) -> tuple[unusual.Flag | None, tuple[str, ...], str]:
    """EARS C2 (brief/unusual.py) over the streams that cover the week and its whole baseline, mature."""
    levels = p.levels
    if levels is None:
        return None, (), "no_coverage"
    baseline = [week.shift(-(unusual.GUARD_WEEKS + k)) for k in range(unusual.BASELINE_WEEKS, 0, -1)]
    eligible = _mature_streams(levels, [week, *baseline])
    if not eligible:
        if _mature_streams(levels, [week]):
            return None, (), "short_baseline"
        months = sorted({f"{pd.Period(d, 'M')}" for d in (week.start, week.end)})
        covered = (levels.months(months)[0] > 0).any()
        return None, (), "filling" if covered else "no_coverage"
    mine = p.start.iloc[p.of_streams(eligible, baseline[0], week)].value_counts()
    counts = [int(mine.get(w.start, 0)) for w in baseline]
    return unusual.flag_week(counts, int(mine.get(week.start, 0))), eligible, "ok"
