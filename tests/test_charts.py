"""Figure builders, i18n formatting and the largest-breaches table, on the hand-made frame."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from app import data, i18n
from app.charts import common
from app.charts import us as us_charts
from app.prep import tables, timeseries
from app.prep import us as us_prep
from tests.support.frames import dashboard as frames

NNBSP = "\u202f"  # narrow no-break space: French thousands separator


@pytest.fixture(scope="module")
def dataset() -> data.Dataset:
    return data.build_dataset(frames.incidents(), frames.COVERAGE)


def monthly_trend(dataset, lang="en", complete_through=frames.COMPLETE_THROUGH):
    filters = data.Filters(dataset.options.first, dataset.options.last)
    counts = timeseries.counts_by_period(dataset.incidents, "month", filters.start, filters.end)
    periods = timeseries.periods_between(filters.start, filters.end, "month")
    status = timeseries.period_status(periods, filters, dataset.options, complete_through)
    return common.trend_figure(counts, status, "month", lang, complete_through)


def bars(fig):
    """The data traces (not the empty legend entries)."""
    return [trace for trace in fig.data if trace.showlegend is False]


# --- formatting ------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "expected"), [("en", "1,234,567"), ("fr", f"1{NNBSP}234{NNBSP}567")])
def test_format_int(lang, expected):
    assert i18n.format_int(1_234_567, lang) == expected


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_format_int_is_babel_s_for_every_kind_of_count(lang):
    from babel import Locale
    from babel import numbers as babel_numbers

    values = [0, 7, 999, 1000, 12_345, -1, -1000, -987_654_321, 10**12, 2.5, 3.5, 1499.6, np.int64(849_438_456),
              np.float64(-0.4)]
    for value in values:
        assert i18n.format_int(value, lang) == babel_numbers.format_decimal(round(value), locale=Locale.parse(lang))
    # A language grouping otherwise (Hindi: 12,34,567) would be left to Babel.
    from app.i18n import formatting
    assert formatting._int_symbols(Locale.parse("hi")) is None


def test_format_decimal():
    assert i18n.format_decimal(-9.125, "fr", signed=True) == "-9,1"
    assert i18n.format_decimal(12_345.67, "fr") == f"12{NNBSP}345,7"
    assert i18n.format_decimal(0.625, "en", digits=2, signed=True) == "+0.62"  # banker's rounding of .625
    assert i18n.format_decimal(float("nan"), "en") == "–"


def test_format_dates():
    day = dt.date(2026, 11, 28)
    assert i18n.format_date(day, "en") == "28 Nov 2026"
    assert i18n.format_date(day, "fr") == "28 nov. 2026"
    assert i18n.format_date(pd.Timestamp("2024-02-01"), "fr") == "1 févr. 2024"
    assert i18n.format_period(pd.Timestamp("2024-01-01"), "week", "fr") == "Semaine du 1 janv. 2024"
    assert i18n.format_period(pd.Timestamp("2024-08-01"), "month", "fr") == "août 2024"


@pytest.mark.parametrize(("value", "lang"), [("fr", "fr"), ("FR", "fr"), ("en", "en"), (None, "en"), ("de", "en")])
def test_parse_language(value, lang):
    assert i18n.parse_language(value) == lang


# --- trend -----------------------------------------------------------------------------------

def test_trend_stacks_one_bar_trace_per_attack_type(dataset):
    fig = monthly_trend(dataset)
    assert fig.layout.barmode == "stack"
    assert [t.name for t in bars(fig)] == ["Ransomware", "Hacking / IT incident",
                                           "Unauthorized access or disclosure", "Theft", "Loss"]
    hacking = bars(fig)[1]
    assert list(hacking.y) == [1, 1, 1, 1]  # Dec r01, Jan r05, Feb r07, Mar r09
    assert sum(sum(t.y) for t in bars(fig)) == 10
    assert len([t for t in fig.data if t.showlegend is not False]) == 5  # one legend entry each


def test_trend_marks_periods_after_complete_through(dataset):
    fig = monthly_trend(dataset)
    ransomware = bars(fig)[0]
    # December and January are complete; February (ends 29 Feb) and March run past 15 Feb.
    assert list(ransomware.marker.opacity) == [1.0, 1.0, common.INCOMPLETE_OPACITY, common.INCOMPLETE_OPACITY]
    assert list(ransomware.marker.pattern.shape) == ["", "", "/", "/"]
    [shade] = fig.layout.shapes
    assert pd.Timestamp(shade.x0) == pd.Timestamp("2024-02-16") and pd.Timestamp(shade.x1) == pd.Timestamp("2024-04-01")
    assert fig.layout.annotations[0].text == "may still grow"
    assert "(may still grow)" in ransomware.customdata[3][3]


def test_shading_starts_with_the_first_period_shown(dataset):
    filters = data.Filters(dt.date(2024, 3, 1), dataset.options.last)  # all after complete_through
    periods = timeseries.periods_between(filters.start, filters.end, "month")
    status = timeseries.period_status(periods, filters, dataset.options, frames.COMPLETE_THROUGH)
    counts = timeseries.counts_by_period(dataset.incidents, "month", filters.start, filters.end)
    [shade] = common.trend_figure(counts, status, "month", "en", frames.COMPLETE_THROUGH).layout.shapes
    assert pd.Timestamp(shade.x0) == pd.Timestamp("2024-03-01")  # not 16 Feb: the axis must not stretch


def test_trend_without_known_completeness_marks_nothing(dataset):
    fig = monthly_trend(dataset, complete_through=None)
    assert list(bars(fig)[0].marker.opacity) == [1.0] * 4
    assert not fig.layout.shapes


def test_trend_in_french_formats_labels_and_separators(dataset):
    fig = monthly_trend(dataset, lang="fr")
    assert fig.layout.separators == f",{NNBSP}"
    assert bars(fig)[0].name == "Rançongiciel"
    assert bars(fig)[0].customdata[1][0] == "janv. 2024"
    assert fig.layout.annotations[0].text == "peut encore augmenter"
    assert list(fig.layout.xaxis.ticktext) == ["déc. 2023", "janv. 2024", "févr. 2024", "mars 2024"]


# --- map, entity types, table ------------------------------------------------------------------

def test_state_map_draws_every_state_with_its_count(dataset):
    fig = us_charts.state_map_figure(us_prep.state_counts(dataset.incidents), "fr")
    [choropleth] = fig.data
    assert choropleth.locationmode == "USA-states" and fig.layout.geo.scope == "usa"
    z = dict(zip(choropleth.locations, choropleth.z))
    assert len(z) == 51 and "PR" not in z  # 50 states and DC; territories are not on plotly's US map
    assert (z["CA"], z["NY"], z["TX"], z["AK"]) == (4, 2, 2, 0)
    names = dict(zip(choropleth.locations, (c[0] for c in choropleth.customdata)))
    assert names["CA"] == "Californie" and names["TX"] == "Texas"


def test_organization_types_largest_on_top(dataset):
    fig = us_charts.organization_type_figure(us_prep.organization_type_counts(dataset.incidents), "en")
    [bar] = fig.data
    assert bar.orientation == "h"
    assert bar.y[-1] == "Healthcare provider" and bar.x[-1] == 6  # plotly draws the last category on top


def test_largest_breaches_table_in_french(dataset):
    table = tables.largest_breaches_table(us_prep.largest_breaches(dataset.incidents, n=3), "fr")
    assert list(table.columns) == ["#", "Organisation", "État", "Déclarée le", "Type d'attaque",
                                   "Personnes concernées", "Provisoire", "Incident", "Lien source"]
    assert table["Incident"].str.startswith("./incident?incident=inc:").all()
    assert table["Lien source"].str.startswith("https://").all()
    first = table.iloc[0]
    assert first["Personnes concernées"] == f"2{NNBSP}000{NNBSP}000"
    assert first["État"] == "" and first["Déclarée le"] == "4 mars 2024"  # r09 has no state
    assert table.iloc[1]["État"] == "Californie" and table.iloc[1]["Type d'attaque"] == "Rançongiciel"
    placeholder = tables.largest_breaches_table(us_prep.largest_breaches(dataset.incidents), "fr")
    assert placeholder.loc[placeholder["Personnes concernées"] == "501", "Provisoire"].item() is True
