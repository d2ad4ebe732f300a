"""Sidebar widgets -> one frozen Filters, kept in the URL so a copied link reproduces the view.

URL parameters hold codes, never translated labels, so a link works in both languages:
`?from=2020-01-01&to=2024-12-31&state=US-CA&state=US-TX&attack=ransomware&org=health_plan&period=year&lang=fr`,
and for the worldwide sources `source=`, `status=`, `country=FR`, `region=Europe` and `basis=incident` (count
by the date of the attack rather than the date of the report). Parameters equal to the default are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from app import i18n
from app.i18n import names
from app.prep.filtering import (
    DATE_BASES,
    FILTER_PARAMS,
    FilterOptions,
    Filters,
    filters_from_params,
    filters_to_params,
    unknown_params,
)

GRANULARITY_PARAM = "period"
DEFAULT_GRANULARITY = "year"
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}

# Widget keys, distinct from the URL parameter names so that Streamlit never confuses the two.
_DATES_KEY, _STATES_KEY, _ATTACKS_KEY, _ORGS_KEY = "f_dates", "f_states", "f_attacks", "f_orgs"
_GRANULARITY_KEY, _LANGUAGE_KEY = "f_period", "f_lang"
_SOURCES_KEY, _STATUSES_KEY, _COUNTRIES_KEY, _REGIONS_KEY, _BASIS_KEY = (
    "f_sources", "f_statuses", "f_countries", "f_regions", "f_basis")


def url_params(names: Sequence[str]) -> dict[str, list[str]]:
    """The URL's values of `names` (each a list: a parameter may repeat)."""
    return {name: st.query_params.get_all(name) for name in names if name in st.query_params}


def notice_unknown(pairs: Sequence[tuple[str, str]], lang: str) -> None:
    """Tell the reader which values of the link were not understood (they are dropped from the address, since the
    address is rewritten from the widgets)."""
    if pairs:
        st.warning(i18n.t("This link holds values this page does not know, left out: {values}.", lang,
                          values=", ".join(f"`{name}={value}`" for name, value in pairs)), icon=":material/link_off:")


def seed_from_url(key: str, param: str, choices: Sequence[str], default: str,
                  normalise: Callable[[str], str] | None = None) -> None:
    """On a widget's first draw, start it from the URL's `param` when that is one of `choices` (after
    `normalise`, e.g. `2024-w05` -> `2024-W05`), else from `default`, and say so. Later draws keep the reader's
    choice."""
    if key in st.session_state:
        return
    asked = st.query_params.get(param, default)
    if normalise is not None:
        try:
            asked = normalise(asked)
        except ValueError:
            pass
    if asked not in choices:
        notice_unknown([(param, st.query_params.get(param, ""))], current_language())
    st.session_state[key] = asked if asked in choices else default


def keep_in_url(param: str, value: str, default: str) -> None:
    """The URL holds `param` only when the widget is off its default: a link shows what the reader changed, and
    a bad value the link carried is gone once the widget fell back to its default."""
    write_url({param: [value]} if value != default else {}, (param,))


def exclude_source(source: str, options: FilterOptions) -> None:
    """Set the sidebar's Source filter to every source but `source` (a button's on_click; the URL follows)."""
    st.session_state[_SOURCES_KEY] = [s for s in options.sources if s != source]


def write_url(params: Mapping[str, list[str]], names: Sequence[str]) -> None:
    """Make the URL's parameters `names` equal `params`, touching nothing else."""
    for name in names:
        wanted = list(params.get(name, ()))
        if not wanted:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get_all(name) != wanted:
            st.query_params[name] = wanted


# Streamlit's own "Select all" entry is English whatever the page's language, and an empty list already means
# "all" here: every multiselect below leaves it out (select_all=False).


def sidebar_filters(options: FilterOptions, lang: str) -> Filters:
    """Draw the filter widgets in the sidebar and return the reader's selection."""
    _keep_across_pages(_DATES_KEY, _STATES_KEY, _ATTACKS_KEY, _ORGS_KEY, _SOURCES_KEY, _STATUSES_KEY,
                       _COUNTRIES_KEY, _REGIONS_KEY, _BASIS_KEY)
    if _DATES_KEY not in st.session_state:
        # First draw in this session: the link the reader opened decides the widgets' values.
        asked = url_params(FILTER_PARAMS)
        notice_unknown(unknown_params(asked, options), lang)
        seed = filters_from_params(asked, options)
        st.session_state[_DATES_KEY] = (seed.start, seed.end)
        st.session_state[_STATES_KEY] = list(seed.states)
        st.session_state[_ATTACKS_KEY] = list(seed.attack_types)
        st.session_state[_ORGS_KEY] = list(seed.organization_types)
        st.session_state[_SOURCES_KEY] = list(seed.sources)
        st.session_state[_STATUSES_KEY] = list(seed.statuses)
        st.session_state[_COUNTRIES_KEY] = list(seed.countries)
        st.session_state[_REGIONS_KEY] = list(seed.regions)
        st.session_state[_BASIS_KEY] = seed.date_basis
    with st.sidebar:
        st.header(i18n.t("Filters", lang))
        dates: Any = st.date_input(  # a date, or a tuple of one or two while a range is being picked
            i18n.pt("US breaches", "Reported between", lang), min_value=options.first, max_value=options.last,
            format="DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD", key=_DATES_KEY, persist_state="session",
        )
        states = st.multiselect(
            i18n.t("State", lang), options.states, key=_STATES_KEY, persist_state="session",
            format_func=lambda code: i18n.subdivision_name(code, lang), placeholder=i18n.t("All", lang), select_all=False,
        )
        attacks = st.multiselect(
            i18n.t("Attack type", lang), options.attack_types, key=_ATTACKS_KEY, persist_state="session",
            format_func=lambda code: i18n.attack_type_label(code, lang), placeholder=i18n.t("All", lang), select_all=False,
        )
        orgs = st.multiselect(
            i18n.t("Organization type", lang), options.organization_types, key=_ORGS_KEY,
            persist_state="session", format_func=lambda code: i18n.organization_type_label(code, lang),
            placeholder=i18n.t("All", lang), select_all=False,
        )
        sources, statuses, countries, regions, basis = _worldwide_filters(options, lang)
        st.caption(i18n.t("The address bar holds these filters: copy the link to share this view.", lang))
    # While the reader is picking a range the widget holds only its first day.
    start = dates[0] if len(dates) > 0 else options.first
    end = dates[1] if len(dates) > 1 else options.last
    filters = Filters(start, end, tuple(states), tuple(attacks), tuple(orgs), tuple(sources), tuple(statuses),
                      tuple(countries), tuple(regions), basis)
    write_url(filters_to_params(filters, options), FILTER_PARAMS)
    return filters


def _worldwide_filters(options: FilterOptions, lang: str) -> tuple[list, list, list, list, str]:
    """Source, status, country, region and date-basis widgets (drawn inside the sidebar)."""

    all_ = i18n.t("All", lang)
    sources = st.multiselect(i18n.t("Source", lang), options.sources, key=_SOURCES_KEY,
                             persist_state="session", placeholder=all_, select_all=False,
                             format_func=lambda code: i18n.source_short(code, lang))
    statuses = st.multiselect(i18n.t("How sure", lang), options.statuses, key=_STATUSES_KEY,
                              persist_state="session", placeholder=all_, select_all=False,
                              format_func=lambda code: i18n.status_label(code, lang))
    countries = st.multiselect(i18n.t("Country", lang), options.countries, key=_COUNTRIES_KEY,
                               persist_state="session", placeholder=all_, select_all=False,
                               format_func=lambda code: i18n.country_name(code, lang))
    regions = st.multiselect(i18n.t("World region", lang), options.regions, key=_REGIONS_KEY,
                             persist_state="session", placeholder=all_, select_all=False,
                             format_func=lambda code: i18n.region_label(code, lang))
    basis = st.radio(i18n.t("Place reports in time by", lang), DATE_BASES, key=_BASIS_KEY, persist_state="session",
                     format_func=lambda code: i18n.date_basis_label(code, lang))
    if basis == "incident" and options.without_incident_date:
        st.caption(i18n.t("The dates above now select the date of the attack. {n} reports give no date of the "
                          "attack (the HHS portal never does) and are left out.", lang, n=i18n.format_int(options.without_incident_date, lang)))
    return sources, statuses, countries, regions, basis


def _keep_across_pages(*keys: str) -> None:
    """A widget's identity includes its page, so the same filter drawn on another page would start from its
    default: handing its value back to Session State before it is drawn carries it over (Streamlit's
    "multipage widgets" guide, option 3)."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def granularity_selector(lang: str) -> str:
    """Week / month / year switch for the trend chart, kept in the URL as ?period=."""
    _keep_across_pages(_GRANULARITY_KEY)
    seed_from_url(_GRANULARITY_KEY, GRANULARITY_PARAM, tuple(names.GRANULARITIES), DEFAULT_GRANULARITY)
    granularity = st.radio(
        i18n.t("Group by", lang), tuple(names.GRANULARITIES), horizontal=True,
        format_func=lambda code: i18n.granularity_label(code, lang), key=_GRANULARITY_KEY, persist_state="session",
    )
    keep_in_url(GRANULARITY_PARAM, granularity, DEFAULT_GRANULARITY)
    return granularity


def language_switch() -> str:
    """English / French switch, kept in the URL as ?lang= (drawn on every page by the entrypoint).

    First draw: ?lang= if valid, else the browser's language (st.context.locale), else English."""
    if _LANGUAGE_KEY not in st.session_state:
        st.session_state[_LANGUAGE_KEY] = i18n.choose_language(st.query_params.get("lang"), st.context.locale)
    lang = st.sidebar.radio(i18n.t("Language / Langue", "en"), i18n.LANGUAGES, horizontal=True,
                            format_func=LANGUAGE_NAMES.get, key=_LANGUAGE_KEY)
    # Switching pages clears the URL's parameters; writing it on every run puts ?lang= back, always: a link
    # shared by a French reader opens in French for an English-speaking colleague too.
    write_url({"lang": [lang]}, ("lang",))
    return lang


def current_language() -> str:
    """The language chosen by language_switch() in this run."""
    return st.session_state.get(_LANGUAGE_KEY, i18n.DEFAULT_LANGUAGE)
