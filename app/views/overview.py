"""Overview page: headline numbers, trend by attack type, state map, entity types, largest breaches."""

import pandas as pd
import streamlit as st

from app import data, i18n
from app.charts import common
from app.charts import us as us_charts
from app.prep import filtering, geo, tables, timeseries
from app.prep import us as us_prep
from app.ui import count_table, filters, memo
from collectors import health

# Served by Streamlit's static serving (.streamlit/config.toml); relative so it also works under a base path.
PLOTLY_CONFIG = {"topojsonURL": "app/static/topojson/", "displaylogo": False}

lang = filters.current_language()
dataset = data.load_dataset()
selection_filters = filters.sidebar_filters(dataset.options, lang)
US_SOURCE = us_prep.US_SOURCE  # the page counts HHS filings only (us_prep.us_rows)
# Aggregates of the selection are computed once per selection and shared by every reader (app/ui/memo.py); the
# selection itself is made only when one of them is not cached yet.
selected = memo.lazy(lambda: data.selection(dataset, selection_filters, us_prep.us_rows),
                     memo.selection_key(dataset, selection_filters, US_SOURCE))
summary = memo.frame(filtering.summary, selected)
complete_through = dataset.complete_through

st.title(i18n.t("United States: health data breaches reported to HHS", lang))  # the page's own title: it counts HHS filings only
as_of = i18n.t("Data as of {as_of}.", lang, as_of=i18n.format_date(dataset.as_of, lang)) if dataset.as_of is not None else ""
st.caption(i18n.t("Breaches of health data reported to the US regulator (HHS OCR); each report counts as one breach.", lang) + " " + as_of)
for stale in (s for s in health.stale_sources(dataset.coverage) if s.source == US_SOURCE):
    if stale.age_days is None:  # no data at all: nothing to date (the source's own section says it is empty)
        continue
    st.warning(i18n.t("**{source}**: its newest data is from {as_of}, {days} days ago, but this source should be "
                      "refreshed every {expected} days. Reports made since then are missing: recent figures are "
                      "too low.", lang, source=i18n.source_label(stale.source, lang), days=i18n.format_int(
        stale.age_days, lang), as_of=i18n.format_date(stale.data_as_of, lang), expected=stale.refresh_days))
if complete_through is not None:
    st.info(i18n.t("Reports submitted after {date} may still be added: HHS cases can reach its archive up to 24 "
                   "months late. Periods after that date are drawn lighter and hatched; a lower bar there is not "
                   "evidence of fewer attacks.", lang, date=i18n.format_date(complete_through, lang)))
else:
    st.warning(i18n.t("How complete the most recent months are is not known: recent periods may still grow.", lang))

if summary.empty:
    st.info(i18n.t("No breach matches these filters.", lang))
    st.stop()

numbers = memo.frame(us_prep.headline, selected)
# The latest week is taken where the data are known to be complete, else at the newest export.
through = min(complete_through or dataset.as_of or pd.Timestamp.max, pd.Timestamp(selection_filters.end))
week = memo.frame(timeseries.latest_complete_week, selected, through, selection_filters.start)
col_breaches, col_people, col_week = st.columns(3)
col_breaches.metric(i18n.t("Breaches reported", lang), i18n.format_int(numbers.breaches, lang))
col_people.metric(i18n.t("Individuals affected", lang), i18n.format_int(numbers.individuals, lang))
if week is None:
    col_week.metric(i18n.t("Latest complete week", lang), "–")
    col_week.caption(i18n.t("No complete week in the selection.", lang))
else:
    delta = i18n.t("{delta} vs {weeks}-week mean ({mean})", lang, weeks=week.trailing_weeks,
                   delta=i18n.format_decimal(week.breaches - week.trailing_mean, lang, signed=True),
                   mean=i18n.format_decimal(week.trailing_mean, lang)) if week.trailing_weeks else None
    col_week.metric(i18n.t("Week of {week}", lang, week=i18n.format_date(week.week_start, lang)),
                    i18n.format_int(week.breaches, lang), delta=delta, delta_color="inverse")
st.caption(i18n.t("Individuals affected: the sum of the counts reported. Reports without a count (left out): "
                  "{missing}. Reports with a placeholder count of 500 or 501 (kept, the real number was not yet "
                  "known): {placeholder}.", lang, missing=i18n.format_int(numbers.missing_counts, lang),
                  placeholder=i18n.format_int(numbers.placeholder_counts, lang)))
if week is not None:
    st.caption(i18n.t("Latest complete week (Monday to Sunday) on or before {through}, against the mean of the "
                      "{weeks} weeks before it.", lang, through=i18n.format_date(through, lang),
                      weeks=week.trailing_weeks))

st.subheader(i18n.t("Breaches over time, by attack type", lang))
granularity = filters.granularity_selector(lang)
counts = memo.result(us_prep.trend_counts, selected, granularity, selection_filters.start, selection_filters.end,
                    filtering.date_column(selection_filters))
# Every figure names its sources inside it, so an image saved from the chart's menu carries them.
source = common.source_line([i18n.source_short(s, lang) for s in summary.sources],
                            dataset.as_of, lang)
periods = memo.result(timeseries.periods_between, selection_filters.start, selection_filters.end, granularity)
status = memo.result(timeseries.period_status, periods, selection_filters, dataset.options, complete_through)
coverage = memo.result(data.selection_coverage, memo.whole(dataset), selection_filters, periods, sources=(US_SOURCE,))
st.plotly_chart(memo.figure(common.trend_figure, counts, status, granularity, lang, complete_through, source=source,
                               coverage=coverage), width="stretch", config=PLOTLY_CONFIG, key="trend_chart")
st.caption(i18n.t("Grey bands marked “no data”: no selected source looked at that period, so its count is unknown, "
                  "not zero. Open circles: some selected sources cover the period only partly or not at all (the "
                  "hover names them). Hatched bars: a covering source is still filling in that period.", lang))
count_table.render(counts, coverage, granularity, lang, key="us_trend")
if complete_through is not None:
    st.caption(i18n.t("Lighter, hatched bars: periods after {date} (still growing) or only partly inside the "
                      "selected dates.", lang, date=i18n.format_date(complete_through, lang)))
# Every figure on this page counts HHS filings, so the caveat stays whatever the filters (a ransomware filter
# leaves only the filings whose incident says ransomware, and the caveat is what says why they are few).
st.caption(i18n.t("HHS under-counts ransomware: OCR names it only in the closing summaries of closed (archived) "
                  "cases, so an open case shows as Hacking / IT incident unless another report of the same attack "
                  "(press, a leak-site claim) says ransomware, which the press index can say only from 2023. "
                  "Recent ransomware counts are low by construction, and a rise from 2023 may partly be the press "
                  "index starting.", lang))

col_map, col_entities = st.columns([3, 2])
with col_map:
    st.subheader(i18n.t("Breaches by state", lang))
    states = memo.frame(us_prep.state_counts, selected)
    st.plotly_chart(memo.figure(us_charts.state_map_figure, states, lang, source=source), width="stretch", config=PLOTLY_CONFIG,
                    key="state_map")
    off_map = numbers.breaches - int(states.loc[states["subdivision"].isin(geo.MAPPABLE_SUBDIVISIONS),
                                                "breaches"].sum())
    if off_map:
        st.caption(i18n.nt("{count} report from a territory or with no state is not on the map.",
                           "{count} reports from territories or with no state are not on the map.", off_map, lang,
                           count=i18n.format_int(off_map, lang)))
with col_entities:
    st.subheader(i18n.t("Who reported the breach", lang))
    st.plotly_chart(memo.figure(us_charts.organization_type_figure, memo.frame(us_prep.organization_type_counts, selected), lang,
                                   source=source),
                    width="stretch", config=PLOTLY_CONFIG, key="entity_chart")

st.subheader(i18n.t("Largest breaches", lang))
ranked = memo.frame(us_prep.largest_breaches, selected, n=20)
st.dataframe(tables.largest_breaches_table(ranked, lang), hide_index=True, width="stretch", height="content",
             column_config={i18n.t("#", lang): st.column_config.NumberColumn(width=40),
                            i18n.t("Organization", lang): st.column_config.TextColumn(width=240),
                            i18n.t("Placeholder", lang): st.column_config.CheckboxColumn(width="small"),
                            i18n.t("Incident", lang): st.column_config.LinkColumn(
                                display_text=i18n.t("open", lang), width=70,
                                help=i18n.t("Every report of this attack, its timeline and how many sources confirm "
                                            "it", lang)),
                            i18n.t("Source link", lang): st.column_config.LinkColumn(
                                display_text=r"https?://(?:www\.)?([^/?#]+)", width=150,
                                help=i18n.t("The source's own page for this report", lang))})
st.caption(i18n.t("The {n} reports with the most individuals affected. Placeholder: the filer reported 500 or 501 "
                  "while the real number was not yet known.", lang, n=len(ranked)))
