"""World page (the landing page): reports or incidents by country on an offline world map, trends by
region and by status, and the countries table. Logic in app/world_data.py, figures in app/charts_world.py."""

import streamlit as st

from app import charts_world, count_table, data, filters, i18n, labels, world_data

# The world base map is static/topojson/world_110m.json, served by Streamlit (.streamlit/config.toml): no CDN.
PLOTLY_CONFIG = {"topojsonURL": "app/static/topojson/", "displaylogo": False}
UNIT_PARAM, UNIT_KEY = "count", "w_count"

lang = filters.current_language()
dataset = data.load_dataset()
selection_filters = filters.sidebar_filters(dataset.options, lang)
selection = data.apply_filters(dataset.incidents, selection_filters)
date_column = data.date_column(selection_filters)
t, n = i18n.t, (lambda value: i18n.format_int(value, lang))

st.title(t("world.title", lang))
as_of = t("asof", lang, as_of=i18n.format_date(dataset.as_of, lang)) if dataset.as_of is not None else ""
st.caption(t("world.subtitle", lang, countries=n(selection["country"].nunique()), as_of=as_of))
if selection.empty:
    st.info(t("world.empty", lang))
    st.stop()

filters.seed_from_url(UNIT_KEY, UNIT_PARAM, world_data.UNITS, world_data.UNITS[0])
unit = st.radio(t("world.count", lang), world_data.UNITS, horizontal=True, key=UNIT_KEY, persist_state="session",
                format_func=lambda u: t(f"world.count.{u}", lang), help=t("world.count.help", lang))
filters.keep_in_url(UNIT_PARAM, unit, world_data.UNITS[0])

linked = world_data.linking(selection)
table = world_data.country_table(selection, unit, date_column)
for column, (label, value) in zip(st.columns(4), (
        ("world.metric.reports", linked.reports), ("world.metric.incidents", linked.incidents),
        ("world.metric.countries", len(table)), ("world.metric.linked", linked.linked_incidents))):
    column.metric(t(label, lang), n(value))
st.caption(t("world.count.caption", lang, reports=n(linked.reports), linked_reports=n(linked.linked_reports),
             linked_incidents=n(linked.linked_incidents)))

present = sorted(selection["source"].unique())
source = charts_world.source_text(present, dataset.as_of, lang)  # every figure names what it counts
st.subheader(t(f"world.map.header.{unit}", lang))
hhs_filings = int((selection["source"] == "hhs_ocr").sum())
if hhs_filings:
    st.warning(t("world.map.us_note", lang, hhs=n(hhs_filings)))
    st.button(t("world.map.without_hhs", lang), help=t("world.map.without_hhs_help", lang), key="w_without_hhs",
              on_click=filters.exclude_source, args=("hhs_ocr", dataset.options))
on_map, off_map = world_data.map_rows(table, unit)
st.plotly_chart(charts_world.world_map_figure(on_map, unit, lang, source), width="stretch", config=PLOTLY_CONFIG,
                key="world_map")
st.caption(f"{t('world.map.classes', lang)} {t('world.map.basemap', lang)}")
if len(off_map):
    st.caption(t("world.map.off_map", lang, countries="; ".join(
        f"{labels.country_name(c, lang)} ({n(v)})" for c, v in zip(off_map["country"], off_map[unit]))))
rank = world_data.country_rank(table, "FR")
if rank is not None:  # the project's seed story is French
    france = table.iloc[rank - 1]
    st.markdown(t("world.france", lang, name=labels.country_name("FR", lang), rank=n(rank), countries=n(len(table)),
                  reports=i18n.plural_t("world.n.reports", france["reports"], lang, n=n(france["reports"])),
                  incidents=i18n.plural_t("world.n.incidents", france["incidents"], lang, n=n(france["incidents"])),
                  unit=t(f"world.unit.{unit}", lang),
                  split=t("world.split", lang, **{s: n(france[s]) for s in ("confirmed", "reported", "claimed")})))

granularity = filters.granularity_selector(lang)
rows = world_data.counting_rows(data.day_precise(selection) if granularity == "week" else selection, unit,
                                date_column)
complete_through = world_data.complete_through_for(dataset.coverage, present)
periods = data.periods_between(selection_filters.start, selection_filters.end, granularity)
status = data.period_status(periods, selection_filters, dataset.options, complete_through)
coverage = data.selection_coverage(dataset, selection_filters, periods)
for by in ("region", "status"):
    st.subheader(t(f"world.trend.{by}.header", lang))
    counts = data.counts_by_period(rows, granularity, selection_filters.start, selection_filters.end,
                                   date_column=date_column, by=by)
    st.plotly_chart(charts_world.trend_by_figure(counts, status, by, unit, granularity, lang, complete_through,
                                                 source, coverage), width="stretch", config=PLOTLY_CONFIG,
                    key=f"world_{by}")
    count_table.render(counts, coverage, granularity, lang, key=f"world_{by}",
                       series_label=labels.region_label if by == "region" else labels.status_label)
notes = [t("cov.caption", lang), t("world.trend.status_note", lang)] + ([t("world.trend.incidents_note", lang)] if unit == "incidents" else [])
if "hhs_ocr" in (selection_filters.sources or dataset.options.sources):  # HHS filings are counted
    notes.append(t("trend.ransomware_note", lang))
st.caption(" ".join(notes))

st.subheader(t("world.table.header", lang))
st.dataframe(charts_world.country_table_display(table, lang), hide_index=True, width="stretch", height=400)
st.caption(t("world.table.caption", lang, unit=t(f"world.unit.{unit}", lang)))
