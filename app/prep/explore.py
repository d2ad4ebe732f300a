"""The explorer's state and table: search, vendor event, sort and page, all kept in the URL. Pure functions.

URL parameters (on top of the sidebar filters of app.prep.filtering): `q` (search words), `vendor` (a vendor
event id, `vnd:…`), `sort` (a column), `order` (`asc`/`desc`), `page` (from 1) and `size` (rows a page).
Defaults are left out. Paging happens here, on the server: the browser only ever gets one page of rows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from app import i18n
from app.i18n import N_
from app.prep import search
from app.prep.filtering import FilterOptions, Filters

EXPLORER_PARAMS = ("q", "vendor", "sort", "order", "page", "size")
SORT_COLUMNS = ("reported_date", "organization", "individuals_affected", "country", "attack_type", "source",
                "status")
SORT_LABELS = {
    "reported_date": N_("Date reported"),
    "organization": N_("Organization"),
    "individuals_affected": N_("Individuals affected"),
    "country": N_("Country"),
    "attack_type": N_("Attack type"),
    "source": N_("Source"),
    "status": N_("How sure"),
}
PAGE_SIZES = (25, 50, 100, 200)
DEFAULT_PAGE_SIZE = 50


@dataclass(frozen=True)
class ExplorerState:
    query: str = ""
    vendor_event: str = ""
    sort: str = "reported_date"
    descending: bool = True
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE


def _last(params: Mapping[str, Sequence[str]], name: str) -> str:
    values = params.get(name, ())
    if isinstance(values, str):
        return values
    return values[-1] if len(values) else ""


def state_from_params(params: Mapping[str, Sequence[str]]) -> ExplorerState:
    """Read the explorer's state from URL parameters; bad values fall back to defaults."""
    default = ExplorerState()
    sort = _last(params, "sort")
    try:
        page = max(1, int(_last(params, "page") or 1))
    except ValueError:
        page = 1
    try:
        size = int(_last(params, "size") or DEFAULT_PAGE_SIZE)
    except ValueError:
        size = DEFAULT_PAGE_SIZE
    vendor = _last(params, "vendor")
    return ExplorerState(
        query=_last(params, "q").strip()[:200],
        vendor_event=vendor if vendor.startswith("vnd:") else "",
        sort=sort if sort in SORT_COLUMNS else default.sort,
        descending=_last(params, "order") != "asc",
        page=page,
        page_size=size if size in PAGE_SIZES else DEFAULT_PAGE_SIZE,
    )


def state_to_params(state: ExplorerState) -> dict[str, list[str]]:
    default = ExplorerState()
    params: dict[str, list[str]] = {}
    if state.query:
        params["q"] = [state.query]
    if state.vendor_event:
        params["vendor"] = [state.vendor_event]
    if state.sort != default.sort:
        params["sort"] = [state.sort]
    if state.descending != default.descending:
        params["order"] = ["desc" if state.descending else "asc"]
    if state.page != default.page:
        params["page"] = [str(state.page)]
    if state.page_size != default.page_size:
        params["size"] = [str(state.page_size)]
    return params


def select(frame: pd.DataFrame, folded_names: pd.Series, state: ExplorerState,
           vendor_members: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows of `frame` (already filtered) whose name matches the search and that belong to the vendor event."""
    keep = pd.Series(True, index=frame.index)
    if state.query:
        keep &= search.matches(folded_names.reindex(frame.index).fillna(""), state.query)
    if state.vendor_event:
        records = set() if vendor_members is None else set(
            vendor_members.loc[vendor_members["vendor_event_id"] == state.vendor_event, "record_id"])
        keep &= frame["record_id"].isin(records)
    return frame if keep.all() else frame.loc[keep]


def sort_rows(frame: pd.DataFrame, state: ExplorerState) -> pd.DataFrame:
    """All rows in the reader's order (missing values last; ties broken by record_id, so pages are stable)."""
    return frame.sort_values([state.sort, "record_id"], ascending=[not state.descending, True],
                             na_position="last", kind="stable")


def page_count(rows: int, page_size: int) -> int:
    return max(1, math.ceil(rows / page_size))


def page_of(sorted_rows: pd.DataFrame, page: int, page_size: int) -> pd.DataFrame:
    page = min(max(1, page), page_count(len(sorted_rows), page_size))
    return sorted_rows.iloc[(page - 1) * page_size: page * page_size]


def subdivision_name(code: object, lang: str) -> str:
    if not isinstance(code, str) or not code:
        return ""
    return i18n.subdivision_name(code, lang) if code.startswith("US-") else code


def incident_link(incident_id: str, lang: str) -> str:
    """Relative link to the incident page (resolves against the app's address, base path included)."""
    return f"./incident?incident={incident_id}&lang={lang}"


def vendor_link(vendor_event: str, lang: str) -> str:
    return f"./incident?vendor={vendor_event}&lang={lang}"


def display_table(rows: pd.DataFrame, lang: str, vendor_labels: Mapping[str, str] | None = None,
                  attack_dates: bool = False) -> pd.DataFrame:
    """One page of rows for st.dataframe: localized headers, dates and numbers as text, codes as names,
    and two links per row (the source's page and our incident page). Names stay plain text."""
    def t(key: str) -> str:
        return i18n.t(key, lang)

    vendor_labels = vendor_labels or {}
    table = {
        t("Reported"): [i18n.format_date(d, lang) for d in rows["reported_date"]],
    }
    if attack_dates:
        table[t("Attack")] = [i18n.format_date(d, lang) if pd.notna(d) else "" for d in rows["attack_date"]]
    table.update({
        t("Organization"): rows["organization"].astype(str).tolist(),
        t("Incident"): [incident_link(i, lang) for i in rows["incident_id"]],
        t("Source link"): rows["source_url"].astype(str).tolist(),
        t("Country"): [i18n.country_name(c, lang) for c in rows["country"]],
        t("State / region"): [subdivision_name(s, lang) for s in rows["subdivision"]],
        t("Attack type"): [i18n.attack_type_label(a, lang) for a in rows["attack_type"]],
    })
    if "report_attack_type" in rows.columns:  # the incident's type is counted; what this report itself says
        table[t("Type this report states")] = [i18n.attack_type_label(a, lang) for a in rows["report_attack_type"]]
    table.update({
        t("Organization type"): [i18n.organization_type_label(o, lang) for o in rows["organization_type"]],
        i18n.pt("column", "How sure", lang): [i18n.status_label(s, lang) for s in rows["status"]],
        t("Source"): [i18n.source_short(s, lang) for s in rows["source"]],
        t("Individuals affected"): [i18n.format_int(int(n), lang) if pd.notna(n) else ""
                                 for n in rows["individuals_affected"]],
        t("Vendor breach"): [vendor_labels.get(r, "") for r in rows["record_id"]],
    })
    return pd.DataFrame(table)


DESCRIBED_DATES = {
    "reported": N_("Reported between"),
    "incident": N_("Attacked between"),
}


def describe_filters(filters: Filters, options: FilterOptions, lang: str,
                     state: ExplorerState | None = None, vendor_label: str = "") -> list[tuple[str, str]]:
    """The reader's selection in words, for downloads and citations: (what, value) pairs."""
    def t(key: str, **values: object) -> str:
        return i18n.t(key, lang, **values)

    lines: list[tuple[str, str]] = []
    if (filters.start, filters.end) != (options.first, options.last):
        lines.append((t(DESCRIBED_DATES[filters.date_basis]),
                      t("{start} and {end}", start=filters.start.isoformat(), end=filters.end.isoformat())))
    elif filters.date_basis != "reported":
        lines.append((t("Place reports in time by"), i18n.date_basis_label(filters.date_basis, lang)))
    for key, values, name in (
        (N_("Source"), filters.sources, lambda c: i18n.source_short(c, lang)),
        (N_("How sure"), filters.statuses, lambda c: i18n.status_label(c, lang)),
        (N_("Country"), filters.countries, lambda c: i18n.country_name(c, lang)),
        (N_("World region"), filters.regions, lambda c: i18n.region_label(c, lang)),
        (N_("State"), filters.states, lambda c: subdivision_name(c, lang)),
        (N_("Attack type"), filters.attack_types, lambda c: i18n.attack_type_label(c, lang)),
        (N_("Organization type"), filters.organization_types,
         lambda c: i18n.organization_type_label(c, lang)),
    ):
        if values:
            lines.append((t(key), ", ".join(f"{name(v)} ({v})" for v in values)))
    if state is not None and state.query:
        lines.append((t("Search organization names"), state.query))
    if state is not None and state.vendor_event:
        lines.append((t("Vendor breach"), f"{vendor_label} ({state.vendor_event})" if vendor_label
                      else state.vendor_event))
    return lines
