"""Data & coverage page: sources, as-of dates, coverage caveats, how counts are made, licence."""

import streamlit as st

from app import data, filters, i18n
from collectors import health

lang = filters.current_language()
dataset = data.load_dataset()


def _date(value) -> str:
    return i18n.format_date(value, lang) if value is not None else i18n.t("about.complete_unknown", lang)


st.title(i18n.t("about.title", lang))

st.header(i18n.t("about.sources", lang))
for coverage in dataset.coverage:
    st.markdown(i18n.t("about.source_line", lang, source=i18n.source_label(coverage.source, lang),
                       as_of=_date(coverage.data_as_of), complete=_date(coverage.complete_through),
                       exports=coverage.exports))
for stale in health.stale_sources(dataset.coverage):
    if stale.age_days is None:  # no data at all: nothing to date (the source's own section says it is empty)
        continue
    st.warning(i18n.t("health.stale", lang, source=i18n.source_label(stale.source, lang), days=i18n.format_int(
        stale.age_days, lang), as_of=i18n.format_date(stale.data_as_of, lang), expected=stale.refresh_days))
incidents = dataset.incidents
if len(incidents):
    st.markdown(i18n.t("about.rows", lang, rows=i18n.format_int(len(incidents), lang),
                       first=_date(incidents["reported_date"].min()), last=_date(incidents["reported_date"].max())))
if dataset.withdrawn:
    st.markdown(i18n.t("about.withdrawn", lang, n=i18n.format_int(dataset.withdrawn, lang)))
if dataset.repeated:
    st.markdown(i18n.t("about.repeated", lang, n=i18n.format_int(dataset.repeated, lang)))

st.header(i18n.t("about.coverage", lang))
st.markdown(i18n.t("about.coverage_text", lang))
if dataset.complete_through is not None:
    st.info(i18n.t("caveat.complete_through", lang, date=_date(dataset.complete_through)))
else:
    st.warning(i18n.t("caveat.unknown", lang))
st.markdown(i18n.t("about.lag", lang))

st.header(i18n.t("about.counts", lang))
st.markdown(i18n.t("about.counts_text", lang))

st.header(i18n.t("about.licence", lang))
st.markdown(i18n.t("about.licence_text", lang))
