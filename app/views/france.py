"""France page (French first): attacks by year beside the official declarations, by month, by région and by type
of establishment, what the sources say about "one attack a week", and the list of attacks with their sources.
Logic in app/prep/france.py, figures in app/charts/france.py."""

import dataclasses

import streamlit as st

from app import data, i18n
from app.charts import common
from app.charts import france as france_charts
from app.i18n import N_
from app.prep import filtering, timeseries
from app.prep import france as france_prep
from app.ui import count_table, filters, layout, memo

PLOTLY_CONFIG = {"displaylogo": False}

lang = filters.current_language()
dataset = data.load_dataset()
selection_filters = filters.sidebar_filters(dataset.options, lang)
t = i18n.t


def n(value) -> str:
    """A count as the reader reads it; "–" for a figure the official file does not hold."""
    return "–" if value is None or value != value else i18n.format_int(value, lang)
# Aggregates of the selection are computed once per selection and shared by every reader (app/ui/memo.py); the
# selection itself is made only when one of them is not cached yet.
selected = memo.lazy(lambda: data.selection(dataset, selection_filters, france_prep.french_rows),
                     memo.selection_key(dataset, selection_filters, "FR"))

st.title(t("Cyberattacks on health organisations in France", lang))
as_of = t("Data as of {as_of}.", lang, as_of=i18n.format_date(dataset.as_of, lang)) if dataset.as_of is not None else ""
st.caption(t("Publicly reported attacks on hospitals, clinics, care homes, labs and the vendors serving them, from "
             "the curated list and the other sources, beside the official yearly figures. {as_of}", lang, as_of=as_of))
present = list(memo.frame(filtering.summary, selected).sources)
source = common.source_line([i18n.source_short(s, lang) for s in present], dataset.as_of, lang)

columns = st.columns(4)
for column, label, value in zip(columns, (N_("Attacks in the curated list"), N_("Other reports, not matched"),
                                          N_("Ransomware attacks"), N_("Care disrupted")),
                                memo.frame(france_prep.headline, selected)):
    column.metric(t(label, lang), n(value))

# --- by year, beside the official figures ----------------------------------------------------------------
# From 2018, the first year of the official series; to the last year the data hold (not a future year).
last_year = dataset.as_of.year if dataset.as_of is not None else selection_filters.end.year
first, last = max(selection_filters.start.year, 2018), min(selection_filters.end.year, last_year)
stats = data.official_statistics()
official_stats = memo.by_content(stats)
years = memo.frame(france_prep.yearly, selected, memo.dataset_part(dataset, "coverage_table"), first, last,
                   sources=selection_filters.sources or dataset.options.sources)
declared = memo.frame(france_prep.declared_by_year, official_stats, range(first, last + 1))
st.subheader(t("By year: attacks in the data, and incidents declared to CERT Santé", lang))
st.plotly_chart(memo.figure(france_charts.yearly_figure, years, declared, lang, source), width="stretch", config=PLOTLY_CONFIG,
                key="fr_years")
st.caption(t("Two different measures, never added. Above: attacks reported in the press or by official statements "
             "that this observatory could establish (a floor). Below: every incident health and médico-social "
             "structures declared on the national portal, malicious or not (a breakdown, an error, an attack). A "
             "declaration is not an attack, and most attacks never make the news.", lang) + " "
           + t("* partly covered: some sources are silent that year (see the table).", lang))
merged = years.merge(declared, on="year", how="left")
no_data = t("no data", lang)
st.dataframe({
    t("Year", lang): merged["year"].astype(str),
    t("Attacks in the curated list", lang): [no_data if c == "none" else n(v)
                                  for v, c in zip(merged["in_curated_list"], merged["coverage"])],
    t("Other reports, not matched", lang): [no_data if c == "none" else n(v) for v, c in zip(merged["others"], merged["coverage"])],
    t("Coverage of the data", lang): [common.coverage_note(row, lang) for row in years.itertuples()],
    t("Incidents declared (ANS)", lang): [n(v) if v == v and v is not None else "–" for v in merged["declared"]],
    t("Share malicious (ANS)", lang): [i18n.format_percent(v / 100, lang) if v == v and v is not None else "–"
                                    for v in merged["share_malicious"]],
    t("Ransomware cases (CERT Santé)", lang): [n(v) if v == v and v is not None else "–" for v in merged["ransomware"]],
    t("Official source", lang): merged["declared_url"],
}, hide_index=True, width="stretch",
    column_config={t("Official source", lang): st.column_config.LinkColumn(display_text="↗")})

# --- what the sources say ----------------------------------------------------------------------------------
st.subheader(t("What the sources say about… “one cyberattack a week on French hospitals since 2021”", lang))


def figure(measure, period, publisher=""):
    found = memo.frame(france_prep.official, official_stats, measure, period, publisher)
    return found if found is not None else france_prep.Figure(float("nan"), "", "", "")


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
        st.info(t("The official figures (data/official_statistics.csv) are not in this data folder.", lang))
    for key in () if stats.empty else (N_("**The claim.** In February 2021, after the attacks on Dax and "
                                       "Villefranche-sur-Saône, the government said there had been {major_2020} "
                                       "major attacks on hospitals in 2020 and one a week since the start of 2021 "
                                       "([source]({url_claim}))."), N_("**What supports it.** For ransomware on health "
                                                        "establishments in 2021, the ministries' senior defence "
                                                        "and security official counted at least {hfds_2021} "
                                                        "attacks ([source]({url_hfds})), and CERT Santé {ans_2021} "
                                                        "ransomware cases in the health sector "
                                                        "([source]({url_ans})): about one a week over the year. "
                                                        "CERT Santé counted {ans_2022} in 2022, {ans_2023} in 2023 "
                                                        "and {ans_2024} in 2024 ([source]({url_ans_2024})): fewer "
                                                        "than one a week since."), N_("**What does not.** No published "
                                                                             "table gives {major_2020} for 2020: "
                                                                             "the ANSSI handled {anssi_2020} "
                                                                             "ransomware incidents in all sectors "
                                                                             "that year ([source]({url_anssi})). "
                                                                             "The {declared_2021} incidents "
                                                                             "declared by health structures in "
                                                                             "2021 ([source]({url_declared})) are "
                                                                             "far more than one a week, but a "
                                                                             "declaration is not an attack: "
                                                                             "{malicious_2023} % of declared "
                                                                             "incidents were malicious in 2023."), N_("**What this "
                                                                                                     "dataset can "
                                                                                                     "say.** It "
                                                                                                     "holds "
                                                                                                     "{curated_2021} "
                                                                                                     "attacks in "
                                                                                                     "2021 that "
                                                                                                     "were "
                                                                                                     "publicly "
                                                                                                     "reported and "
                                                                                                     "could be "
                                                                                                     "established "
                                                                                                     "(in the "
                                                                                                     "curated "
                                                                                                     "list); the "
                                                                                                     "other "
                                                                                                     "sources add "
                                                                                                     "{others_2021} "
                                                                                                     "reports not "
                                                                                                     "matched to "
                                                                                                     "it, some of "
                                                                                                     "which repeat "
                                                                                                     "its attacks. "
                                                                                                     "A floor of "
                                                                                                     "what made "
                                                                                                     "the news, "
                                                                                                     "not a count "
                                                                                                     "of attacks. "
                                                                                                     "It can "
                                                                                                     "neither "
                                                                                                     "confirm nor "
                                                                                                     "refute “one "
                                                                                                     "a week”; the "
                                                                                                     "official "
                                                                                                     "counts above "
                                                                                                     "can, for "
                                                                                                     "ransomware."), N_("**In "
                                                                                                                         "short:** "
                                                                                                                         "about "
                                                                                                                         "right "
                                                                                                                         "for "
                                                                                                                         "ransomware "
                                                                                                                         "attacks "
                                                                                                                         "on "
                                                                                                                         "health "
                                                                                                                         "establishments "
                                                                                                                         "in "
                                                                                                                         "2021 "
                                                                                                                         "({hfds_2021} "
                                                                                                                         "to "
                                                                                                                         "{ans_2021} "
                                                                                                                         "in "
                                                                                                                         "the "
                                                                                                                         "year, "
                                                                                                                         "by "
                                                                                                                         "the "
                                                                                                                         "official "
                                                                                                                         "counts), "
                                                                                                                         "not "
                                                                                                                         "since; "
                                                                                                                         "the "
                                                                                                                         "{major_2020} "
                                                                                                                         "for "
                                                                                                                         "2020 "
                                                                                                                         "has "
                                                                                                                         "no "
                                                                                                                         "published "
                                                                                                                         "source.")):
        st.markdown(t(key, lang, **values))

# --- by month, by région, by type ---------------------------------------------------------------------------
st.subheader(t("By month and type of attack", lang))
granularity = filters.granularity_selector(lang)
counts = memo.result(france_prep.trend_counts, selected, granularity, selection_filters.start, selection_filters.end,
                    filtering.date_column(selection_filters))
periods = memo.result(timeseries.periods_between, selection_filters.start, selection_filters.end, granularity)
status = memo.result(timeseries.period_status, periods, selection_filters, dataset.options, None)
coverage = memo.result(data.selection_coverage, memo.whole(dataset), dataclasses.replace(selection_filters, countries=("FR",)), periods)
st.plotly_chart(memo.figure(france_charts.trend_figure, counts, status, granularity, lang, source, coverage),
                width="stretch", config=PLOTLY_CONFIG,
                key="fr_trend")
st.caption(t("Grey bands marked “no data”: no selected source looked at that period, so its count is unknown, not "
             "zero. Open circles: some selected sources cover the period only partly or not at all (the hover "
             "names them). Hatched bars: a covering source is still filling in that period.", lang))
count_table.render(counts, coverage, granularity, lang, key="fr_trend")

left, right = st.columns([3, 2])
with left:
    st.subheader(t("By région", lang))
    regions, unknown = memo.frame(france_prep.by_region, selected)
    st.plotly_chart(memo.figure(france_charts.region_tiles_figure, regions, lang, source), width="stretch", config=PLOTLY_CONFIG,
                    key="fr_regions")
    st.caption(t("A tile map: one square per région, placed roughly where it lies, all of the same size (no "
                 "boundary file is needed offline). {unknown} attacks name no région (national bodies, vendors, or "
                 "reports from sources that give no place).", lang, unknown=n(unknown)))
with right:
    st.subheader(t("By type of establishment (curated list)", lang))
    st.plotly_chart(memo.figure(france_charts.establishment_figure, memo.frame(france_prep.by_establishment, selected), lang,
                                   source),
                    width="stretch", config=PLOTLY_CONFIG, key="fr_types")

# --- the list ------------------------------------------------------------------------------------------------
st.subheader(t("The attacks, with their sources", lang))
listed = memo.frame(france_charts.attack_list_display, memo.result(france_prep.attack_list, selected), lang)
st.dataframe(listed, hide_index=True, width="stretch", height=layout.table_height(len(listed), 420),
    column_config={t("Source", lang): st.column_config.LinkColumn(display_text="↗")})
st.caption(t("Every row of the curated list cites the pages it was compiled from; open the incident page for every "
             "report of an attack.", lang))
