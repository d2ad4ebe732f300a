"""France page (French first): attacks by year beside the official declarations, by month, by région and by type
of establishment, what the sources say about "one attack a week", and the list of attacks with their sources.
Logic in app/france.py, figures in app/charts_france.py."""

import dataclasses

import streamlit as st

from app import charts, charts_france, count_table, data, filters, france, i18n, labels

PLOTLY_CONFIG = {"displaylogo": False}

lang = filters.current_language()
dataset = data.load_dataset()
selection_filters = filters.sidebar_filters(dataset.options, lang)
t = i18n.t


def n(value) -> str:
    """A count as the reader reads it; "–" for a figure the official file does not hold."""
    return "–" if value is None or value != value else i18n.format_int(value, lang)
selection = france.french_rows(data.apply_filters(dataset.incidents, selection_filters))
# One row per attack, its curated-list report first (its name and place are checked by hand).
incidents = (selection.assign(_other=selection["source"] != france.CURATED)
             .sort_values(["_other", "reported_date"], kind="stable").drop_duplicates("incident_id"))

st.title(t("fr.title", lang))
as_of = t("asof", lang, as_of=i18n.format_date(dataset.as_of, lang)) if dataset.as_of is not None else ""
st.caption(t("fr.subtitle", lang, as_of=as_of))
present = sorted(selection["source"].unique())
source = charts.source_line([labels.source_short(s, lang) for s in present], dataset.as_of, lang)

columns = st.columns(4)
curated_ids = set(selection.loc[selection["source"] == france.CURATED, "incident_id"])
for column, label, value in zip(columns, ("fr.metric.curated", "fr.metric.others", "fr.metric.ransomware",
                                          "fr.metric.care"), (
        len(curated_ids), len(incidents) - len(curated_ids),
        int(selection.loc[selection["attack_type"] == "ransomware", "incident_id"].nunique()),
        int(selection.loc[selection["is_care_disrupted"].fillna(False).astype(bool), "incident_id"].nunique()))):
    column.metric(t(label, lang), n(value))

# --- by year, beside the official figures ----------------------------------------------------------------
# From 2018, the first year of the official series; to the last year the data hold (not a future year).
last_year = dataset.as_of.year if dataset.as_of is not None else selection_filters.end.year
first, last = max(selection_filters.start.year, 2018), min(selection_filters.end.year, last_year)
stats = data.official_statistics()
years = france.yearly(selection, dataset.coverage_table, first, last,
                      sources=selection_filters.sources or dataset.options.sources)
declared = france.declared_by_year(stats, range(first, last + 1))
st.subheader(t("fr.year.header", lang))
st.plotly_chart(charts_france.yearly_figure(years, declared, lang, source), width="stretch", config=PLOTLY_CONFIG,
                key="fr_years")
st.caption(f'{t("fr.year.caption", lang)} {t("fr.partial_note", lang)}')
merged = years.merge(declared, on="year", how="left")
no_data = t("cov.no_data", lang)
st.dataframe({
    t("fr.table.year", lang): merged["year"].astype(str),
    t("fr.chart.curated", lang): [no_data if c == "none" else n(v)
                                  for v, c in zip(merged["in_curated_list"], merged["coverage"])],
    t("fr.metric.others", lang): [no_data if c == "none" else n(v) for v, c in zip(merged["others"], merged["coverage"])],
    t("fr.table.coverage", lang): [charts.coverage_note(row, lang) for row in years.itertuples()],
    t("fr.table.declared", lang): [n(v) if v == v and v is not None else "–" for v in merged["declared"]],
    t("fr.table.malicious", lang): [i18n.format_percent(v / 100, lang) if v == v and v is not None else "–"
                                    for v in merged["share_malicious"]],
    t("fr.table.ransomware", lang): [n(v) if v == v and v is not None else "–" for v in merged["ransomware"]],
    t("fr.table.source", lang): merged["declared_url"],
}, hide_index=True, width="stretch",
    column_config={t("fr.table.source", lang): st.column_config.LinkColumn(display_text="↗")})

# --- what the sources say ----------------------------------------------------------------------------------
st.subheader(t("fr.claim.header", lang))


def figure(measure, period, publisher=""):
    found = france.official(stats, measure, period, publisher)
    return found if found is not None else france.Figure(float("nan"), "", "", "")


claim = figure("major_cyberattacks_hospitals", "2020")
hfds, ans21 = figure("ransomware_incidents", "2021", "HFDS"), figure("ransomware_incidents", "2021", "Agence")
ans22, ans23 = figure("ransomware_incidents", "2022", "Agence"), figure("ransomware_incidents", "2023", "Agence")
ans24, anssi = figure("ransomware_incidents", "2024", "Agence"), figure("ransomware_incidents_all_sectors", "2020")
declared21, malicious23 = figure("incidents_declared", "2021"), figure("share_malicious", "2023")
year_2021 = years.loc[years["year"] == 2021]
values = dict(major_2020=n(claim.value), url_claim=claim.url, hfds_2021=n(hfds.value), url_hfds=hfds.url,
              ans_2021=n(ans21.value), url_ans=ans21.url, ans_2022=n(ans22.value), ans_2023=n(ans23.value),
              ans_2024=n(ans24.value), url_ans_2024=ans24.url, anssi_2020=n(anssi.value), url_anssi=anssi.url,
              declared_2021=n(declared21.value), url_declared=declared21.url, malicious_2023=n(malicious23.value),
              curated_2021=n(int(year_2021["in_curated_list"].sum())), others_2021=n(int(year_2021["others"].sum())))
with st.container(border=True):
    if stats.empty:
        st.info(t("fr.claim.no_stats", lang))
    for key in () if stats.empty else ("fr.claim.said", "fr.claim.supports", "fr.claim.contradicts", "fr.claim.dataset", "fr.claim.verdict"):
        st.markdown(t(key, lang, **values))

# --- by month, by région, by type ---------------------------------------------------------------------------
st.subheader(t("fr.month.header", lang))
granularity = filters.granularity_selector(lang)
counted = data.day_precise(selection) if granularity == "week" else selection
counts = data.counts_by_period(counted.drop_duplicates("incident_id"), granularity, selection_filters.start,
                               selection_filters.end, date_column=data.date_column(selection_filters))
periods = data.periods_between(selection_filters.start, selection_filters.end, granularity)
status = data.period_status(periods, selection_filters, dataset.options, None)
coverage = data.selection_coverage(dataset, dataclasses.replace(selection_filters, countries=("FR",)), periods)
trend = charts.trend_figure(counts, status, granularity, lang, source=source, coverage=coverage)
st.plotly_chart(trend.update_layout(yaxis_title=t("fr.type.x", lang)), width="stretch", config=PLOTLY_CONFIG,
                key="fr_trend")
st.caption(t("cov.caption", lang))
count_table.render(counts, coverage, granularity, lang, key="fr_trend")

left, right = st.columns([3, 2])
with left:
    st.subheader(t("fr.region.header", lang))
    regions, unknown = france.by_region(selection)
    st.plotly_chart(charts_france.region_tiles_figure(regions, lang, source), width="stretch", config=PLOTLY_CONFIG,
                    key="fr_regions")
    st.caption(t("fr.region.caption", lang, unknown=n(unknown)))
with right:
    st.subheader(t("fr.type.header", lang))
    st.plotly_chart(charts_france.establishment_figure(france.by_establishment(selection), lang, source),
                    width="stretch", config=PLOTLY_CONFIG, key="fr_types")

# --- the list ------------------------------------------------------------------------------------------------
st.subheader(t("fr.list.header", lang))
names = charts_france.region_names(lang)
listed = incidents.sort_values("reported_date", ascending=False)
st.dataframe({
    t("fr.col.date", lang): [i18n.format_date(d, lang) if p != "month" else i18n.format_month(d, lang)
                             for d, p in zip(listed["incident_date"].fillna(listed["reported_date"]),
                                             listed["date_precision"].fillna("day"))],
    t("fr.col.organization", lang): listed["organization"].tolist(),
    t("fr.col.town", lang): listed["locality"].fillna("").tolist(),
    t("fr.col.region", lang): [names.get(c, "") for c in listed["subdivision"].fillna("")],
    t("fr.col.type", lang): [i18n.attack_type_label(a, lang) for a in listed["attack_type"]],
    t("fr.col.care", lang): listed["is_care_disrupted"].fillna(False).astype(bool).tolist(),
    t("fr.col.source", lang): listed["source_url"].tolist(),
}, hide_index=True, width="stretch", height=420,
    column_config={t("fr.col.source", lang): st.column_config.LinkColumn(display_text="↗")})
st.caption(t("fr.list.caption", lang))
