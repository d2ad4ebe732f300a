"""What each source covers: which lists, places and months it looked at, and how completely.

Silence is never zero: a month in which no source looked at a country is "no data", not "0 attacks".
So every source declares here how it collects (a regulator's complete list, a research release, a
press index, one-week pulls of leak-site claims, a hand-curated list), and the build measures the
rest from the raw exports themselves (`measure_export`: first and last date per country, the months
the source really collected). `coverage_table()` turns both into data/coverage.csv: one row per
source x list x scope (an ISO country code, or `*` for a worldwide source's whole scope) x month,
with status `complete` or `partial` and a reason code (data/README.md explains each). A month
without a row is `none`: the source did not look.

HHS OCR: a breach report sits on the "under investigation" list while OCR works on it, then moves to
the archive when resolved or after about 24 months. An archive taken at date A therefore holds every
report submitted up to A minus 24 months; a report submitted later is only certain to be held if we
also have the under-investigation list of the same day (or an earlier one paired with a later
archive). Everything after `complete_through` may still grow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

# How long HHS reports may stay on the under-investigation list before the archive holds them.
HHS_ARCHIVE_LAG = pd.DateOffset(months=24)
COVERAGE_FILE = "coverage.csv"
COLUMNS = ("source", "source_list", "scope", "month", "status", "reason")
STATUSES = ("complete", "partial")  # and `none`, which has no row
WORLDWIDE = "*"
ANY_LIST = "*"
# A month of a collection counts as collected systematically when it holds at least this share of the
# collection's typical (median) month: ransomware.live's press index holds a handful of back-dated
# articles for 2021-2022 and about 90 a month from 2023; those early months are `sparse`, not complete.
DENSE_SHARE = 0.1
RUN = 3  # dense months in a row that show systematic collection

# Reason codes of data/coverage.csv (data/README.md explains them to readers; a test keeps both in step).
REASONS = {
    "archive_complete": "HHS: every filing submitted this month is in an archive or an under-investigation "
                        "list we hold.",
    "closed_cases_gap": "HHS: cases OCR closed between our newest archive and our newest under-investigation "
                        "list are in neither export, so this month may be missing filings.",
    "posting_lag": "the month is within the source's posting lag before its newest export: reports are still "
                   "arriving.",
    "research_release": "a month inside a research dataset's release: its coders looked at it, with their "
                        "selection rules.",
    "press_index": "a month in which ransomware.live's press index collected articles systematically.",
    "sparse": "the source holds only a few items for this month (back-dated or occasional): it was not "
              "collecting systematically.",
    "window_edge": "the first or last month of a source's collection window: it looked at part of the month.",
    "sampled_window": "the month holds one of the source's short pulls (a week of leak-site claims): the rest "
                      "of the month was not looked at.",
    "feed_window": "a news feed shows only its latest items: the month holds the days one fetch reached.",
    "curated_list": "a month searched for our hand-curated list of publicly reported attacks.",
}
FILLING_REASONS = frozenset({"posting_lag", "closed_cases_gap", "window_edge"})  # the count may still grow


@dataclass(frozen=True)
class Declared:
    """How one list of a source collects. `kind`: `filings` (a regulator's list, HHS rules below),
    `collection` (continuous; measured months), `sampled` (short pulls: every month it touches is partial),
    `curated` (a fixed scope and window, below)."""

    kind: str
    reason: str  # reason of its complete months (sampled: of every month)
    status: str  # the status of the list's rows in the dataset (confirmed / reported / claimed)
    scope: str | None = None  # a fixed country (curated, HHS), else measured per country
    window: tuple[str, str] | None = None  # curated: first and last month searched
    posting_lag_days: int = 0
    date_precision: str = "day"  # "month": its rows have no week, so it never stands behind a weekly count


DECLARED: dict[tuple[str, str], Declared] = {
    ("hhs_ocr", ANY_LIST): Declared("filings", "archive_complete", "confirmed", scope="US", posting_lag_days=60),
    ("eurepoc", "incidents"): Declared("collection", "research_release", "reported"),
    ("cissm", "events"): Declared("collection", "research_release", "reported", date_precision="month"),
    ("ransomware_live", "victims"): Declared("sampled", "sampled_window", "claimed"),
    ("ransomware_live", "press"): Declared("collection", "press_index", "reported"),
    ("news_feeds", ANY_LIST): Declared("sampled", "feed_window", "reported"),
    ("curated_fr", "attacks"): Declared("curated", "curated_list", "reported", scope="FR",
                                        window=("2019-01", "2025-12")),
}


def declared_for(source: str, source_list: str | None) -> tuple[str, Declared] | None:
    """(the coverage table's list key, the declaration) for a dataset row's source and list."""
    if source_list is not None and (source, source_list) in DECLARED:
        return source_list, DECLARED[(source, source_list)]
    if (source, ANY_LIST) in DECLARED:
        return ANY_LIST, DECLARED[(source, ANY_LIST)]
    return None


@dataclass(frozen=True)
class SourceCoverage:
    source: str
    data_as_of: pd.Timestamp  # as-of date of the newest export used
    complete_through: pd.Timestamp | None  # reports dated on or before this are all in the data
    exports: int  # how many raw exports were merged


def hhs_complete_through(inputs: list[dict]) -> pd.Timestamp | None:
    """Newest date up to which the HHS exports used hold every report.

    `inputs` are the export records of data/sources.json (list_kind, as_of).
    """
    archives = [pd.Timestamp(i["as_of"]) for i in inputs if i["list_kind"] == "archive"]
    open_lists = [pd.Timestamp(i["as_of"]) for i in inputs if i["list_kind"] == "under_investigation"]
    candidates = [a - HHS_ARCHIVE_LAG for a in archives]
    # An under-investigation list of day U plus an archive of a day >= U holds every report up to U:
    # open cases are on the list, closed ones in the archive (which only ever grows).
    candidates += [u for u in open_lists if any(a >= u for a in archives)]
    return max(candidates) if candidates else None


_RULES = {"hhs_ocr": hhs_complete_through}


def coverage_of(source: str, inputs: list[dict]) -> SourceCoverage:
    mine = [i for i in inputs if i["source"] == source]
    rule = _RULES.get(source)
    return SourceCoverage(
        source=source,
        data_as_of=max(pd.Timestamp(i["as_of"]) for i in mine),
        complete_through=rule(mine) if rule else None,
        exports=len(mine),
    )


# --- measuring an export --------------------------------------------------------------------------------

def measure(dates: pd.Series, countries: pd.Series) -> dict:
    """What an export shows of its own coverage, from every item it holds (all sectors, not only health):
    first and last day overall and per country, and items per month. Stored in data/sources.json."""
    frame = pd.DataFrame({"date": pd.to_datetime(dates, errors="coerce"), "country": countries}).dropna(
        subset=["date"])
    if frame.empty:
        return {}
    per_country = frame.dropna(subset=["country"]).groupby("country")["date"].agg(["min", "max"])
    months = frame["date"].dt.strftime("%Y-%m").value_counts().sort_index()
    return {
        "first": f"{frame['date'].min():%Y-%m-%d}",
        "last": f"{frame['date'].max():%Y-%m-%d}",
        "months": {m: int(n) for m, n in months.items()},
        "countries": {str(c): [f"{a:%Y-%m-%d}", f"{b:%Y-%m-%d}"] for c, a, b in per_country.itertuples()},
    }


def measure_rows(rows: pd.DataFrame) -> dict:
    """The default measure: a source that cannot show more than its health rows measures those."""
    return measure(rows["reported_date"], rows["country"]) if len(rows) else {}


# --- the table ------------------------------------------------------------------------------------------

def _months(first: str | pd.Timestamp, last: str | pd.Timestamp) -> list[str]:
    return [f"{p}" for p in pd.period_range(pd.Period(first, "M"), pd.Period(last, "M"), freq="M")]


def _is_whole_month(first: pd.Timestamp, last: pd.Timestamp, month: str) -> bool:
    period = pd.Period(month, "M")
    return first <= period.start_time and last >= period.end_time.normalize()


def _collection_months(measured: dict) -> dict[str, tuple[str, str | None]]:
    """month -> (status, reason) of a continuous collection, from its items per month: complete from the
    first dense month that starts a run of RUN dense months to the last that ends one; `sparse` outside."""
    months = _months(measured["first"], measured["last"])
    counts = pd.Series(measured["months"]).reindex(months, fill_value=0)
    threshold = max(1.0, DENSE_SHARE * float(counts[counts > 0].median()))
    dense = (counts >= threshold).to_numpy()
    runs = [i for i in range(len(months) - RUN + 1) if dense[i:i + RUN].all()]
    start, end = (runs[0], runs[-1] + RUN - 1) if runs else (len(months), -1)
    first, last = pd.Timestamp(measured["first"]), pd.Timestamp(measured["last"])
    out: dict[str, tuple[str, str | None]] = {}
    for i, month in enumerate(months):
        if not start <= i <= end:
            out[month] = ("partial", "sparse")
        elif not _is_whole_month(first, last, month):
            out[month] = ("partial", "window_edge")
        else:
            out[month] = ("complete", None)
    return out


def _collection_rows(source: str, source_list: str, rule: Declared, records: list[dict]) -> list[tuple]:
    best: dict[tuple[str, str], tuple[str, str]] = {}
    for record in records:
        measured = record.get("coverage") or {}
        if not measured:
            continue
        whole = {m: (s, r or rule.reason) for m, (s, r) in _collection_months(measured).items()}
        scopes = {WORLDWIDE: (measured["first"], measured["last"])} | {
            c: tuple(w) for c, w in measured["countries"].items()}
        for scope, (first, last) in scopes.items():
            for month in _months(first, last):
                _keep_best(best, (scope, month), whole[month])
    return [(source, source_list, scope, month, status, reason) for (scope, month), (status, reason) in best.items()]


def _sampled_rows(source: str, source_list: str, rule: Declared, records: list[dict]) -> list[tuple]:
    # A pull looked at every country it could: its window stands for the whole worldwide scope.
    best: dict[tuple[str, str], tuple[str, str]] = {}
    for record in records:
        measured = record.get("coverage") or {}
        if measured:
            for month in _months(measured["first"], measured["last"]):
                _keep_best(best, (WORLDWIDE, month), ("partial", rule.reason))
    return [(source, source_list, scope, month, status, reason) for (scope, month), (status, reason) in best.items()]


def _curated_rows(source: str, source_list: str, rule: Declared, records: list[dict]) -> list[tuple]:
    if not records or rule.window is None:
        return []
    return [(source, source_list, rule.scope, month, "complete", rule.reason) for month in _months(*rule.window)]


def _filings_rows(source: str, source_list: str, rule: Declared, records: list[dict]) -> list[tuple]:
    """HHS: complete through complete-through; then a gap of closed cases; the last weeks: posting lag."""
    if not records:
        return []
    first = min(pd.Timestamp((r.get("coverage") or {}).get("first", r["as_of"])) for r in records)
    as_of = max(pd.Timestamp(r["as_of"]) for r in records)
    through = hhs_complete_through(records)
    lag_from = as_of - pd.Timedelta(days=rule.posting_lag_days)
    rows = []
    for month in _months(first, as_of):
        period = pd.Period(month, "M")
        end = period.end_time.normalize()
        if through is not None and end <= through:
            status, reason = "complete", rule.reason
        elif end > lag_from:
            status, reason = "partial", "posting_lag"
        else:
            status, reason = "partial", "closed_cases_gap"
        rows.append((source, source_list, rule.scope, month, status, reason))
    return rows


_BUILDERS = {"collection": _collection_rows, "sampled": _sampled_rows, "curated": _curated_rows,
             "filings": _filings_rows}


def _keep_best(best: dict, key: tuple, value: tuple[str, str]) -> None:
    if key not in best or (best[key][0] != "complete" and value[0] == "complete"):
        best[key] = value


def coverage_table(exports: Iterable[dict]) -> pd.DataFrame:
    """data/coverage.csv from the export records of data/sources.json (pure: same records, same table)."""
    exports = list(exports)
    rows: list[tuple] = []
    for (source, source_list), rule in DECLARED.items():
        mine = [e for e in exports if e["source"] == source
                and (source_list == ANY_LIST or e.get("list_kind") == source_list)]
        rows += _BUILDERS[rule.kind](source, source_list, rule, mine)
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return table.sort_values(["source", "source_list", "scope", "month"], ignore_index=True, kind="stable")
