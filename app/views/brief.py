"""Weekly brief page: the numbers of brief.compute laid out by brief.render, exactly as the exports show them.

The brief covers the whole dataset (the sidebar's filters do not apply); the week is kept in the URL (?week=).
"""

import functools

import streamlit as st

from app import data, i18n
from app.i18n import N_
from app.ui import brief_page, filters
from brief import compute, narrative, render
from brief.compute import IsoWeek

DOWNLOAD_LABELS = {
    "md": N_("Download (Markdown, for email)"),
    "html": N_("Download (HTML, prints well)"),
    "pdf": N_("Download (PDF)"),
}

WEEK_PARAM, WEEK_KEY = "week", "brief_week"


def _escaped(text: str) -> str:
    return render.md_escape(text, streamlit=True)


lang = filters.current_language()
dataset = data.load_dataset()
# What every week's brief reads from the whole dataset, prepared once per version of the files.
prepared = data.per_version(dataset, "brief", lambda d: compute.prepare(d.incidents, d.coverage, d.coverage_table))
weeks = [str(w) for w in prepared.weeks]
default = prepared.default_week
if not weeks:
    st.title(i18n.t("Cyberattacks on healthcare: weekly brief", lang))
    st.info(i18n.t("The dataset is empty: there is no week to brief on yet.", lang))
    st.stop()

start_week = str(default) if default else weeks[0]  # the week the page opens on
filters.seed_from_url(WEEK_KEY, WEEK_PARAM, weeks, start_week, normalise=lambda w: str(IsoWeek.parse(w)))
week = st.sidebar.selectbox(
    i18n.t("ISO week (Monday to Sunday)", lang), weeks, key=WEEK_KEY,
    format_func=lambda w: brief_page.week_label(w, lang))
filters.keep_in_url(WEEK_PARAM, week, start_week)

brief, doc = brief_page.week_brief(dataset, prepared, week, lang)  # made once per version, week and language
st.title(doc.title)
st.caption(doc.subtitle)

short, long_ = brief.short_average, brief.long_average
# Like for like: the week's count over the same sources as the average it is set against; no arrow when
# no source covers both sides (brief/compute.py).
week_n = brief.counts.reports if short.week_reports is None else short.week_reports
delta = (i18n.t("{delta} vs {n}-week average", lang, n=short.weeks, delta=i18n.format_decimal(
    week_n - short.reports, lang, signed=True)) if short.weeks else None)
cols = st.columns(5)
cols[0].metric(i18n.t("Reports this week", lang), i18n.format_int(brief.counts.reports, lang), delta=delta,
               delta_color="inverse" if week_n != short.reports else "off")  # more attacks: red
cols[1].metric(i18n.t("Distinct incidents", lang), i18n.format_int(brief.counts.incidents, lang))
for column, average, key in ((cols[2], short, N_("{n}-week average")),
                             (cols[3], long_, N_("{n}-week average"))):
    if average.weeks:
        column.metric(i18n.t(key, lang, n=average.weeks), i18n.format_decimal(average.reports, lang),
                      help=i18n.t("Like for like: only {sources}, complete on both sides.", lang, sources=narrative.join(
                          [narrative.source_name(k, lang) for k in average.streams], lang)) if average.streams
                      else None)
    else:
        column.metric(i18n.t("Average: provisional", lang), "–", help=i18n.t("Provisional: no source covers "
                                                                                "this week and the previous weeks "
                                                                                "completely and past its posting "
                                                                                "lag, so no comparison is made (no "
                                                                                "more, no fewer).", lang))
cols[4].metric(i18n.t("Same week in {year}", lang, year=brief.year_ago_week.year),
               i18n.format_int(brief.year_ago.reports, lang) if brief.year_ago else "–")



def show(section: render.Section) -> None:
    st.subheader(section.heading)
    for block in section.blocks:
        if isinstance(block, render.Table):
            st.markdown("\n".join(render.md_table(block, streamlit=True)))
        elif isinstance(block, render.Chart):
            st.plotly_chart(doc.figures[block.name], width="stretch", key=f"brief_{block.name}",
                            config={"displaylogo": False})
        elif isinstance(block, tuple):  # the coverage caveats
            for line in block:
                (st.warning if brief.caveats else st.success)(_escaped(line))
        else:
            st.markdown(_escaped(block))


for section in doc.sections:  # the summary (the PDF's first page), then the annex
    show(section)
st.divider()
st.header(doc.annex_heading)
for section in doc.annex:
    show(section)

st.divider()
st.caption(_escaped(doc.sources))
downloads = st.columns(3)
for column, fmt, mime in zip(downloads, render.FORMATS, ("text/html", "text/markdown", "application/pdf")):
    column.download_button(i18n.t(DOWNLOAD_LABELS[fmt], lang), key=f"brief_download_{fmt}",
                           data=functools.partial(render.render, brief, lang, fmt),  # built on click only
                           file_name=f"brief-{brief.week}-{lang}.{fmt}", mime=mime, on_click="ignore")
st.caption(i18n.t("The same brief from the command line: `python -m brief --week {week} --lang {language} "
                  "--format html --out brief.html`.", lang, week=brief.week, language=lang))
