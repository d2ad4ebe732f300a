"""Methodology and sources: what each source counts, its coverage, freshness, licence and biases;
completeness by year; the counting rules with their numbers; reporting lags; vendor roll-up; corrections."""

import pandas as pd
import streamlit as st

from app import data, i18n
from app.charts import common
from app.charts import methodology as methodology_charts
from app.i18n import N_
from app.prep import counting, explore
from app.prep import methodology as methodology_prep
from app.ui import filters, share
from brief import unusual
from collectors import health, vendors

lang = filters.current_language()
dataset = data.load_dataset()
events = data.vendor_rollup(dataset)[1]  # (members, events), cached per version
numbers = data.methodology_numbers(dataset)  # everything counted over the whole dataset, once per version
LAG_PARAM, LAG_BYS = "lag", methodology_prep.LAG_BYS
LAG_GROUPS = {"year": N_("Year"), "source": N_("Source")}


def t(key: str, **values) -> str:
    return i18n.t(key, lang, **values)


def date(value) -> str:
    return i18n.format_date(value, lang) if value is not None and pd.notna(value) else t("not known")


st.title(t("Methodology & sources"))
st.markdown(t("How every number on this site is counted, what each source covers and misses, and how much of each "
              "year is in the data yet."))

# --- sources ----------------------------------------------------------------------------------------
st.header(t("Sources"))
checks = {h.source: h for h in health.assess(dataset.coverage, rows=numbers.rows_by_source)}
for cov in dataset.coverage:
    info = i18n.source_description(cov.source, lang)
    span = numbers.spans[cov.source]
    check = checks.get(cov.source)
    with st.container(border=True):
        st.subheader(i18n.source_short(cov.source, lang))
        st.markdown(f"{info.title} — {info.publisher} — <{info.url}>")
        if info.counts:
            st.markdown("**" + t("What it counts.") + "** " + info.counts)
        st.markdown(i18n.nt("{rows} reports, reported from {first} to {last}. Data as of {as_of}; "
                            "{completeness}; {exports} export merged.",
                            "{rows} reports, reported from {first} to {last}. Data as of {as_of}; "
                            "{completeness}; {exports} exports merged.", cov.exports, lang,
                            rows=i18n.format_int(span.reports, lang), first=date(span.first), last=date(span.last),
                      as_of=date(cov.data_as_of), completeness=i18n.completeness(cov.complete_through, lang), exports=cov.exports))
        if check is not None:
            fresh = t(N_("Stale: the newest data are {days} days old, but this source should be refreshed every "
                         "{expected} days. Reports made since are missing.") if check.is_stale else
                      N_("Fresh: the newest data are {days} days old (this source should be refreshed every "
                         "{expected} days)."), days=i18n.format_int(check.age_days or 0, lang),
                      expected=check.refresh_days)
            (st.warning if check.is_stale else st.success)(fresh)
        st.markdown("**" + t("Licence.") + "** " + info.licence)
        biases = info.biases
        if biases:
            st.markdown("**" + t("Known biases.") + "**\n" + "\n".join(f"- {b}" for b in biases))

# --- completeness by year ----------------------------------------------------------------------------
st.header(t("Completeness by year"))
st.markdown(t("Reports per year (by date reported) and source. **partial**: the year ends after the date up to "
              "which the source is complete, so its count may still grow. **completeness unknown**: the source "
              "never says what it misses (leak-site claims, press, research databases)."))
table = numbers.completeness
sources = [c for c in table.columns if not c.endswith("_state")]
marks = {"complete": "", "partial": " · " + t("partial"), "unknown": " · " + t("completeness unknown")}
st.dataframe(pd.DataFrame(
    {i18n.source_short(s, lang): [i18n.format_int(n, lang) + marks.get(state, "")
                                     for n, state in zip(table[s], table[f"{s}_state"])] for s in sources},
    index=pd.Index([str(y) for y in table.index], name=t("Year"))), width="stretch")

# --- counting rules -----------------------------------------------------------------------------------
st.header(t("Counting rules"))
facts = numbers.facts
st.markdown(t("- **Reports, not attacks.** A row is one report by one source: {reports} reports are counted. "
              "Reports of one attack by several sources share an incident id: {incidents} distinct incidents, "
              "{linked_incidents} of them confirmed by two sources or more ({reports_in_linked} reports). Charts count "
              "reports unless they say otherwise.\n- **Date reported vs date of the attack.** By default a report "
              "is placed on the day its source made it (HHS: the day the filing was received). "
              "{with_incident_date} reports say when the attack itself happened, {with_attack_date} once the dates "
              "of linked reports are used; the sidebar's *Place reports in time by* switches every chart to the "
              "date of the attack and leaves the others out.\n- **Individuals affected** are summed as reported. "
              "{missing_counts} reports give no number and are left out of sums; {placeholder_counts} give 500 or "
              "501, the numbers HHS filers use before they know the real one (kept, and flagged).\n- **Removed by "
              "the source.** {withdrawn} reports that a source no longer lists (a duplicate it deleted, a filing "
              "it re-listed with other details) stay in the data file for traceability and are counted nowhere.\n- "
              "**Vendor breaches.** {reports_in_vendor_events} filings belong to {vendor_events} breaches at "
              "vendors (see below): each filing still counts as a report.",
              **{k: i18n.format_int(v, lang) for k, v in facts.__dict__.items()}))

# --- date basis and reporting lag ---------------------------------------------------------------------
st.header(t("Date of the attack and reporting lag"))
st.markdown(t("{dated} reports can be placed on the date of the attack; {undated} cannot (the HHS portal never "
              "dates attacks). Two lags can be measured: from the attack to a report, where a source dates both "
              "(left out: {excluded}, whose report date *is* the start of the incident); and from the first public "
              "report of an attack (a claim, a press article) to the regulator filing, for filings linked to one.",
              dated=i18n.format_int(facts.with_attack_date, lang),
              undated=i18n.format_int(facts.reports - facts.with_attack_date, lang),
              excluded=", ".join(i18n.source_short(s, lang) for s in numbers.undated_sources) or "–"))
filters.seed_from_url("m_lag", LAG_PARAM, LAG_BYS, LAG_BYS[0])
by = st.radio(t("Group by"), LAG_BYS, horizontal=True, key="m_lag", persist_state="session",
              format_func=lambda code: t(LAG_GROUPS[code]))
filters.keep_in_url(LAG_PARAM, by, LAG_BYS[0])
series = numbers.lags[by]  # shared by every session: read, never modified
source_line = common.source_line([i18n.source_short(s, lang) for s in numbers.sources],
                                 dataset.as_of, lang)
if all(s.empty for s in series.values()):
    st.info(t("No report gives both dates yet."))
else:
    st.plotly_chart(methodology_charts.lag_figure(series, by, lang, source_line), width="stretch", key="lag_chart",
                    config={"displaylogo": False, "toImageButtonOptions": {"filename": f"reporting-lag-by-{by}",
                                                                           "scale": 2}})
    lag_rows = pd.concat([s.assign(kind=t(methodology_charts.LAG_KINDS[k])) for k, s in series.items() if not s.empty])
    st.dataframe(pd.DataFrame({
        t("Lag"): lag_rows["kind"].tolist(),
        t(LAG_GROUPS[by]): [str(g) if by == "year" else i18n.source_short(g, lang) for g in lag_rows["group"]],
        t("Reports"): lag_rows["reports"].astype(int).tolist(),
        t("Median (days)"): [i18n.format_decimal(v, lang, 0) for v in lag_rows["median_days"]],
        t("1st quartile"): [i18n.format_decimal(v, lang, 0) for v in lag_rows["q1_days"]],
        t("3rd quartile"): [i18n.format_decimal(v, lang, 0) for v in lag_rows["q3_days"]],
    }), hide_index=True, width="stretch")
    st.caption(t("Dot: median; bar: from the first to the third quartile (half the reports lie inside). Years are "
                 "those of the report. Few reports give both dates: read small groups with care."))

# --- vendor roll-up -----------------------------------------------------------------------------------
st.header(t("Breaches at vendors"))
st.markdown(t("One attack on a vendor that handles health data for many organisations (a billing firm, a "
              "collection agency, an IT supplier) reaches the HHS portal as one filing per client. We group "
              "filings that OCR's closing summaries say stem from the same named business associate, within 90 "
              "days of each other, together with the vendor's own filings; and a business associate's several "
              "filings of one day. Precision first: a summary that names no vendor groups nothing, and open cases "
              "have no summary. {events} such breaches gather {reports} filings.", events=i18n.format_int(facts.vendor_events, lang),
              reports=i18n.format_int(facts.reports_in_vendor_events, lang)))
top = events.head(10)
st.dataframe(pd.DataFrame({
    t("Vendor breach"): top["vendor"].astype(str).tolist(),
    t("Filings"): top["reports"].astype(int).tolist(),
    t("Organisations"): top["organizations"].astype(int).tolist(),
    t("Date"): [f"{date(a)} – {date(b)}" for a, b in zip(top["first_reported"], top["last_reported"])],
    t("Incident"): [explore.vendor_link(v, lang) for v in top["vendor_event_id"]],
}), hide_index=True, width="stretch",
    column_config={t("Incident"): st.column_config.LinkColumn(display_text=t("open"))})
clusters = numbers.clusters
if len(clusters):
    st.markdown(t("Weeks with {n} or more business-associate filings of one attack type that name no vendor: "
                  "possibly one vendor's breach (Blackbaud in September 2020), but the data cannot say which, so "
                  "they are **not** grouped.", n=vendors.CLUSTER_MIN_REPORTS))
    st.dataframe(pd.DataFrame({
        t("Week of"): [date(w) for w in clusters["week_start"]],
        t("Attack type"): [i18n.attack_type_label(a, lang) for a in clusters["attack_type"]],
        t("Filings"): clusters["reports"].astype(int).tolist(),
    }), hide_index=True)

# --- coverage and the unusual-week flag -----------------------------------------------------------------

st.header(t("Coverage: who looked where, and when"))
st.markdown(t("Every count on this site says which sources stand behind it. `data/coverage.csv` holds, for each "
              "source list, country and month, whether the source looked completely, partly or not at all; a "
              "period no selected source looked at is shown as **no data**, never as zero. How each status is "
              "decided is in data/README.md."))
if numbers.streams:
    st.dataframe(pd.DataFrame([{t("Source"): i18n.stream_label(s.key, lang),
                                t("Countries (or worldwide)"): i18n.format_int(s.scopes, lang),
                                t("First month"): s.first_month, t("Last month"): s.last_month,
                                t("Complete months"): s.complete} for s in numbers.streams]),
                 hide_index=True, width="stretch")

st.header(t("Is this week unusual?"))
st.markdown(t("The brief flags a week with the **EARS C2** rule that public-health agencies use on surveillance "
              "counts: the week is compared with the mean and spread of the {weeks} weeks that end {guard} week "
              "before it (the gap keeps the start of a surge out of its own baseline); it is unusual when it "
              "exceeds the mean by more than {k} standard deviations (with a floor, so that one report after empty "
              "weeks is not an alarm). It is computed only over sources that cover the week and every baseline "
              "week completely, past their posting lag; otherwise there is no flag, and the brief says why.", weeks=unusual.BASELINE_WEEKS, guard=unusual.GUARD_WEEKS,
              k=i18n.format_decimal(unusual.THRESHOLD, lang)))
tested = []
for history in numbers.flag_histories:
    rate, weeks = unusual.false_alarm_rate(history.weekly)
    tested.append({t("Source"): i18n.source_short(history.source, lang),
                   t("Weeks tested"): f"{history.first} – {history.last}",
                   t("Weeks"): i18n.format_int(weeks, lang),
                   t("Weeks flagged"): i18n.format_percent(rate, lang, digits=1)})
if tested:
    st.dataframe(pd.DataFrame(tested), hide_index=True, width="stretch")
st.caption(t("On these histories, with no outbreak known in advance, every flag counts as a false alarm: the share "
             "of weeks flagged is an upper bound of the false-alarm rate."))

# --- corrections log ----------------------------------------------------------------------------------
st.header(t("Corrections log"))
st.markdown(t("Dated, newest first: every change to how rows are made that changes published numbers. The same log "
              "is in data/README.md, where it is written."))
log = counting.corrections_log(data.readme_text())
if log.empty:
    st.info(t("No correction logged."))
else:
    st.dataframe(log.rename(columns={"date": t("Date"), "what_changed": t("What changed"),
                                     "rows_affected": t("Rows affected")}), hide_index=True, width="stretch")

share.citation_block(share.provenance("methodology", lang, list(numbers.sources)), lang)
