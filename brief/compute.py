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
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from app.prep import coverage as coverage_layer
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
    levels = coverage_layer.monthly_levels(coverage_table, coverage_layer.streams(coverage_table, weekly=True))
    for _ in range(520):  # ten years back at most
        if _mature_streams(levels, [week]):
            return week
        week = week.shift(-1)
    return _last_full_week(frame, coverage)


def _mature_streams(levels: pd.DataFrame, weeks: list[IsoWeek]) -> tuple[str, ...]:
    """Streams complete and past their posting lag in every month the weeks touch."""
    months = sorted({f"{pd.Period(d, 'M')}" for w in weeks for d in (w.start, w.end)})
    rows = levels.reindex(months, fill_value=0)
    filling = levels.attrs["filling"].reindex(months, fill_value=False)
    return tuple(k for k in levels.columns if (rows[k] == 2).all() and not filling[k].any())


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
    newest = _last_full_week(frame, coverage)
    dates = _counted(frame)[0]["reported_date"].dropna()
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


def coverage_caveats(week: IsoWeek, levels: pd.DataFrame, relevant: list[str],
                     coverage: Iterable[SourceCoverage]) -> tuple[Caveat, ...]:
    """From the coverage table: each relevant stream that is silent, partial or still filling in for the week."""
    months = sorted({f"{pd.Period(d, 'M')}" for d in (week.start, week.end)})
    as_of = {c.source: pd.Timestamp(c.data_as_of).normalize() for c in coverage}
    out = []
    for key in relevant:
        values = levels[key].reindex(months, fill_value=0)
        filling = bool(levels.attrs["filling"][key].reindex(months, fill_value=False).any())
        if (values == 0).all():
            kind = ABSENT
        elif filling:
            kind = MAY_GROW
        elif (values == 2).all():
            continue
        else:
            kind = PARTIAL
        source = key.split(":", 1)[0]
        out.append(Caveat(key, kind, as_of.get(source, week.end), None))
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


def _notable(week_rows: pd.DataFrame, counted: pd.DataFrame) -> tuple[list[Notable], int]:
    if week_rows.empty:
        return [], 0
    rows = week_rows.assign(
        _count=week_rows["individuals_affected"].astype("Float64"),
        _care=week_rows["is_care_disrupted"].fillna(False).astype(bool),
        _hospital=(week_rows["organization_type"] == HOSPITAL_TYPE).fillna(False).astype(bool),
    )
    incidents = []
    for incident_id, part in rows.groupby("incident_id", sort=True):
        # The report that speaks for the incident: the largest count, then the earliest, then by id.
        ranked = part.assign(_has=part["_count"].notna()).sort_values(
            ["_has", "_count", "reported_date", "record_id"], ascending=[False, False, True, True], kind="stable")
        lead = ranked.iloc[0]
        count = None if pd.isna(lead["_count"]) else int(lead["_count"])
        incidents.append({
            "incident_id": str(incident_id), "lead": lead, "count": count,
            "care": bool(part["_care"].any()), "hospital": bool(part["_hospital"].any()),
            "first": part["reported_date"].min(), "statuses": tuple(s for s in STATUSES if s in set(part["status"])),
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
    refs = counted.loc[counted["incident_id"].isin([i["incident_id"] for i in chosen]),
                       ["incident_id", "source", "source_url", "status", "reported_date"]]
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


def _changes(counted: pd.DataFrame, week: IsoWeek) -> Changes:
    first_seen = counted["first_seen_at"].dt.normalize()
    collected = counted["collected_at"].dt.normalize()
    new = first_seen.between(week.start, week.end)
    revised = collected.between(week.start, week.end) & (first_seen < week.start)

    def by_source(mask: pd.Series) -> tuple[tuple[str, int], ...]:
        return tuple((str(s), int(n)) for s, n in sorted(counted.loc[mask, "source"].value_counts().items()))

    return Changes(
        new_reports=int(new.sum()),
        new_about_earlier_weeks=int((new & (counted["reported_date"] < week.start)).sum()),
        revised_reports=int(revised.sum()),
        new_by_source=by_source(new),
        revised_by_source=by_source(revised),
    )


def compute_brief(frame: pd.DataFrame, coverage: Iterable[SourceCoverage], week: IsoWeek | str | None = None,
                  coverage_table: pd.DataFrame | None = None) -> Brief:
    """Every number of the weekly brief for `week` (default: `default_week`).

    With `coverage_table` (data/coverage.csv), comparisons are like for like (see Average), caveats name the
    sources that are silent or still filling in, and the unusual-week flag is computed where coverage allows."""
    coverage = tuple(coverage)
    table = coverage_table if coverage_table is not None and not coverage_table.empty else None
    if isinstance(week, str):
        week = IsoWeek.parse(week)
    if week is None:
        week = default_week(frame, coverage, table)
        if week is None:
            raise ValueError("the dataset is empty: there is no week to brief on")
    counted, removed = _counted(frame)
    # A report dated only to the month has no week: counting it would pile the month into its first week.
    if "date_precision" in counted.columns:
        counted = counted.loc[~counted["date_precision"].eq("month").fillna(False).astype(bool)]
    day = counted["reported_date"].dt.normalize()
    week_start = day - pd.to_timedelta(day.dt.day_of_week, unit="D")
    streams = (coverage_layer.stream_of_rows(counted) if table is not None
               else pd.Series("", index=counted.index, dtype="str"))
    weekly = pd.DataFrame({"start": week_start, "incident_id": counted["incident_id"], "stream": streams})
    per_week = weekly.groupby("start").agg(reports=("incident_id", "size"), incidents=("incident_id", "nunique"))
    first_week = IsoWeek.containing(day.min()) if len(day.dropna()) else None
    levels = (coverage_layer.monthly_levels(table, coverage_layer.streams(table, weekly=True))
              if table is not None else None)
    relevant = [k for k in levels.columns if (levels[k] > 0).any()] if levels is not None else []

    in_week = (day >= week.start) & (day <= week.end)
    rows = counted.loc[in_week]
    removed_days = frame.loc[removed, "reported_date"].dt.normalize()
    year_ago_week = week.year_earlier()

    def compared(weeks: list[IsoWeek]) -> Average:
        if levels is None:
            return _average(per_week, weeks, first_week)
        eligible = _mature_streams(levels, [week, *weeks])
        if not eligible:
            return Average(math.nan, math.nan, 0, 0, ())
        mine = weekly.loc[weekly["stream"].isin(eligible)]
        table_ = mine.groupby("start").agg(reports=("incident_id", "size"), incidents=("incident_id", "nunique"))
        base = _average(table_, weeks, IsoWeek(1900, 1))
        return Average(base.reports, base.incidents, base.weeks, int((mine["start"] == week.start).sum()), eligible)

    counts_by_incident = rows.groupby("incident_id")["individuals_affected"].max()
    care = rows["is_care_disrupted"].fillna(False).astype(bool)
    hospital = (rows["organization_type"] == HOSPITAL_TYPE).fillna(False).astype(bool)
    notable, notable_total = _notable(rows, counted)
    us = rows.loc[(rows["country"] == "US").fillna(False).astype(bool)]
    year_ago, year_ago_compared = _year_ago(counted, day, weekly, week, year_ago_week, levels, first_week)
    flag, flag_streams, flag_reason = _flag(weekly, week, levels)
    history = []
    for k in range(LONG_WINDOW, -1, -1):
        w = week.shift(-k)
        n = per_week.loc[w.start] if w.start in per_week.index else None
        if levels is None:
            growing, no_data, upper = bool(caveats_for(w, coverage)), False, None
        else:
            months = sorted({f"{pd.Period(d, 'M')}" for d in (w.start, w.end)})
            covered = levels.reindex(months, fill_value=0)[relevant]
            no_data = bool((covered == 0).all().all())
            growing = bool(levels.attrs["filling"].reindex(months, fill_value=False)[relevant].any().any())
            upper = flag.upper if (w == week and flag is not None) else None
        history.append(WeekPoint(w, int(n["reports"]) if n is not None else 0,
                                 int(n["incidents"]) if n is not None else 0, growing, no_data, upper))
    newest = _counted(frame)[0].groupby("source")["reported_date"].max()  # every source, month-precise too
    return Brief(
        week=week,
        data_as_of=data_as_of(coverage),
        first_week=first_week,
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
        changes=_changes(counted, week),
        caveats=(coverage_caveats(week, levels, relevant, coverage) if levels is not None
                 else caveats_for(week, coverage)),
        history=tuple(history),
        withdrawn=int(((removed_days >= week.start) & (removed_days <= week.end)).sum()),
        sources=tuple(sorted({c.source for c in coverage} | set(frame["source"].dropna().astype(str)))),
        year_ago_compared=year_ago_compared,
        flag=flag,
        flag_streams=flag_streams,
        flag_reason=flag_reason,
        newest_by_source=tuple((str(s), pd.Timestamp(d)) for s, d in sorted(newest.items())),
        by_fr_region=_breakdown(rows.loc[(rows["country"] == "FR").fillna(False).astype(bool)], "subdivision"),
    )


def _year_ago(counted: pd.DataFrame, day: pd.Series, weekly: pd.DataFrame, week: IsoWeek, year_ago_week: IsoWeek,
              levels: pd.DataFrame | None, first_week: IsoWeek | None) -> tuple[Counts | None, int | None]:
    """The same week a year earlier, over the streams that cover both weeks completely (None: none does)."""
    if first_week is None or year_ago_week < first_week:
        return None, None
    then = (day >= year_ago_week.start) & (day <= year_ago_week.end)
    if levels is None:
        return _counts(counted.loc[then]), None
    eligible = _mature_streams(levels, [week, year_ago_week])
    if not eligible:
        return None, None
    same = weekly["stream"].isin(eligible)
    return _counts(counted.loc[then & same]), int((same & (weekly["start"] == week.start)).sum())


def _flag(weekly: pd.DataFrame, week: IsoWeek, levels: pd.DataFrame | None
          ) -> tuple[unusual.Flag | None, tuple[str, ...], str]:
    """EARS C2 (brief/unusual.py) over the streams that cover the week and its whole baseline, mature."""
    if levels is None:
        return None, (), "no_coverage"
    baseline = [week.shift(-(unusual.GUARD_WEEKS + k)) for k in range(unusual.BASELINE_WEEKS, 0, -1)]
    eligible = _mature_streams(levels, [week, *baseline])
    if not eligible:
        if _mature_streams(levels, [week]):
            return None, (), "short_baseline"
        months = sorted({f"{pd.Period(d, 'M')}" for d in (week.start, week.end)})
        covered = (levels.reindex(months, fill_value=0) > 0).any().any()
        return None, (), "filling" if covered else "no_coverage"
    mine = weekly.loc[weekly["stream"].isin(eligible), "start"].value_counts()
    counts = [int(mine.get(w.start, 0)) for w in baseline]
    return unusual.flag_week(counts, int(mine.get(week.start, 0))), eligible, "ok"
