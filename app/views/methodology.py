"""Methodology and sources: what each source counts, its coverage, freshness, licence and biases;
completeness by year; the counting rules with their numbers; reporting lags; vendor roll-up; corrections."""

import pandas as pd
import streamlit as st

from app import charts, charts_method, counting, data, explore, filters, i18n, labels, lag, share
from app import coverage as coverage_layer
from brief import unusual
from collectors import health, registry, vendors

lang = filters.current_language()
dataset = data.load_dataset()
incidents = dataset.incidents
members, events = data.vendor_rollup()
LAG_PARAM, LAG_BYS = "lag", ("year", "source")


def t(key: str, **values) -> str:
    return i18n.t(key, lang, **values)


def date(value) -> str:
    return i18n.format_date(value, lang) if value is not None and pd.notna(value) else t("about.complete_unknown")


def localized(info: dict, key: str):
    value = info.get(key)
    return value.get(lang, value.get("en")) if isinstance(value, dict) else value


st.title(t("x.method.title"))
st.markdown(t("x.method.intro"))

# --- sources ----------------------------------------------------------------------------------------
st.header(t("x.method.sources"))
rows_by_source = incidents["source"].value_counts().to_dict()
checks = {h.source: h for h in health.assess(dataset.coverage, rows=rows_by_source)}
for cov in dataset.coverage:
    info = getattr(registry.SOURCES.get(cov.source), "INFO", {}) or {}
    mine = incidents.loc[incidents["source"] == cov.source, "reported_date"]
    check = checks.get(cov.source)
    with st.container(border=True):
        st.subheader(labels.source_short(cov.source, lang))
        st.markdown(f"{info.get('title', cov.source)} — {info.get('publisher', '')} — <{info.get('url', '')}>")
        if localized(info, "counts"):
            st.markdown(f"**{t('x.method.counts')}** {localized(info, 'counts')}")
        st.markdown(t("x.method.source_facts", rows=i18n.format_int(len(mine), lang),
                      first=date(mine.min() if len(mine) else None), last=date(mine.max() if len(mine) else None),
                      as_of=date(cov.data_as_of), complete=date(cov.complete_through), exports=cov.exports))
        if check is not None:
            fresh = t("x.method.stale" if check.is_stale else "x.method.fresh", days=i18n.format_int(
                check.age_days or 0, lang), expected=check.refresh_days)
            (st.warning if check.is_stale else st.success)(fresh)
        st.markdown(f"**{t('x.method.licence')}** {info.get('licence', '–')}")
        biases = localized(info, "biases") or ()
        if biases:
            st.markdown(f"**{t('x.method.biases')}**\n" + "\n".join(f"- {b}" for b in biases))

# --- completeness by year ----------------------------------------------------------------------------
st.header(t("x.method.completeness"))
st.markdown(t("x.method.completeness_text"))
table = counting.completeness_table(counting.completeness_by_year(incidents, dataset.coverage))
sources = [c for c in table.columns if not c.endswith("_state")]
marks = {"complete": "", "partial": f" · {t('x.state.partial')}", "unknown": f" · {t('x.state.unknown')}"}
st.dataframe(pd.DataFrame(
    {labels.source_short(s, lang): [i18n.format_int(n, lang) + marks.get(state, "")
                                     for n, state in zip(table[s], table[f"{s}_state"])] for s in sources},
    index=pd.Index([str(y) for y in table.index], name=t("x.col.year"))), width="stretch")

# --- counting rules -----------------------------------------------------------------------------------
st.header(t("x.method.rules"))
facts = counting.counting_facts(incidents, dataset.withdrawn, members)
st.markdown(t("x.method.rules_text", **{k: i18n.format_int(v, lang) for k, v in facts.__dict__.items()}))

# --- date basis and reporting lag ---------------------------------------------------------------------
st.header(t("x.method.lag"))
st.markdown(t("x.method.lag_text", dated=i18n.format_int(facts.with_attack_date, lang),
              undated=i18n.format_int(facts.reports - facts.with_attack_date, lang),
              excluded=", ".join(labels.source_short(s, lang) for s in sorted(lag.undated_sources(incidents))) or "–"))
filters.seed_from_url("m_lag", LAG_PARAM, LAG_BYS, LAG_BYS[0])
by = st.radio(t("x.lag.by"), LAG_BYS, horizontal=True, key="m_lag", persist_state="session",
              format_func=lambda code: t(f"x.lag.by.{code}"))
filters.keep_in_url(LAG_PARAM, by, LAG_BYS[0])
series = {"reporting": lag.summarise(lag.reporting_lags(incidents), by),
          "filing": lag.summarise(lag.filing_lags(incidents), by)}
source_line = charts.source_line([labels.source_short(s, lang) for s in sorted(incidents["source"].unique())],
                                 dataset.as_of, lang)
if all(s.empty for s in series.values()):
    st.info(t("x.lag.none"))
else:
    st.plotly_chart(charts_method.lag_figure(series, by, lang, source_line), width="stretch", key="lag_chart",
                    config={"displaylogo": False, "toImageButtonOptions": {"filename": f"reporting-lag-by-{by}",
                                                                           "scale": 2}})
    lag_rows = pd.concat([s.assign(kind=t(f"x.lag.kind.{k}")) for k, s in series.items() if not s.empty])
    st.dataframe(pd.DataFrame({
        t("x.lag.col.kind"): lag_rows["kind"].tolist(),
        t(f"x.lag.by.{by}"): [str(g) if by == "year" else labels.source_short(g, lang) for g in lag_rows["group"]],
        t("x.lag.col.n"): lag_rows["reports"].astype(int).tolist(),
        t("x.lag.col.median"): [i18n.format_decimal(v, lang, 0) for v in lag_rows["median_days"]],
        t("x.lag.col.q1"): [i18n.format_decimal(v, lang, 0) for v in lag_rows["q1_days"]],
        t("x.lag.col.q3"): [i18n.format_decimal(v, lang, 0) for v in lag_rows["q3_days"]],
    }), hide_index=True, width="stretch")
    st.caption(t("x.lag.caption"))

# --- vendor roll-up -----------------------------------------------------------------------------------
st.header(t("x.method.vendors"))
st.markdown(t("x.method.vendors_text", events=i18n.format_int(facts.vendor_events, lang),
              reports=i18n.format_int(facts.reports_in_vendor_events, lang)))
top = events.head(10)
st.dataframe(pd.DataFrame({
    t("x.col.vendor"): top["vendor"].astype(str).tolist(),
    t("x.vendor.reports"): top["reports"].astype(int).tolist(),
    t("x.vendor.organizations"): top["organizations"].astype(int).tolist(),
    t("x.col.date"): [f"{date(a)} – {date(b)}" for a, b in zip(top["first_reported"], top["last_reported"])],
    t("x.col.incident"): [explore.vendor_link(v, lang) for v in top["vendor_event_id"]],
}), hide_index=True, width="stretch",
    column_config={t("x.col.incident"): st.column_config.LinkColumn(display_text=t("x.col.vendor_text"))})
clusters = vendors.possible_clusters(incidents, members)
if len(clusters):
    st.markdown(t("x.method.clusters", n=vendors.CLUSTER_MIN_REPORTS))
    st.dataframe(pd.DataFrame({
        t("x.col.week"): [date(w) for w in clusters["week_start"]],
        t("x.col.attack_type"): [i18n.attack_type_label(a, lang) for a in clusters["attack_type"]],
        t("x.vendor.reports"): clusters["reports"].astype(int).tolist(),
    }), hide_index=True)

# --- coverage and the unusual-week flag -----------------------------------------------------------------

st.header(t("x.method.coverage"))
st.markdown(t("x.method.coverage_intro"))
table = dataset.coverage_table
if table is not None and not table.empty:
    rows = []
    for stream in coverage_layer.streams(table):
        mine = table[(table["source"] == stream.source) & (table["source_list"] == stream.source_list)]
        complete = mine.loc[mine["status"] == "complete", "month"]
        rows.append({t("x.method.cov.stream"): labels.stream_label(stream.key, lang),
                     t("x.method.cov.scopes"): i18n.format_int(mine["scope"].nunique(), lang),
                     t("x.method.cov.first"): mine["month"].min(), t("x.method.cov.last"): mine["month"].max(),
                     t("x.method.cov.complete"): (f"{complete.min()} – {complete.max()}" if len(complete) else "–")})
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

st.header(t("x.method.unusual"))
st.markdown(t("x.method.unusual_intro", weeks=unusual.BASELINE_WEEKS, guard=unusual.GUARD_WEEKS,
              k=i18n.format_decimal(unusual.THRESHOLD, lang)))
tested = []
for source, first, last in (("hhs_ocr", "2010-01-04", str(dataset.complete_through or "2022-06-27")[:10]),
                            ("curated_fr", "2019-01-07", "2025-12-22")):
    dates = incidents.loc[(incidents["source"] == source) & incidents["date_precision"].ne("month").fillna(True)
                          .astype(bool), "reported_date"]
    if dates.empty:
        continue
    rate, weeks = unusual.false_alarm_rate(unusual.weekly_series(dates, pd.Timestamp(first), pd.Timestamp(last)))
    tested.append({t("x.method.cov.stream"): labels.source_short(source, lang),
                   t("x.method.unusual.span"): f"{first} – {last}",
                   t("x.method.unusual.weeks"): i18n.format_int(weeks, lang),
                   t("x.method.unusual.rate"): i18n.format_percent(rate, lang, digits=1)})
if tested:
    st.dataframe(pd.DataFrame(tested), hide_index=True, width="stretch")
st.caption(t("x.method.unusual_caption"))

# --- corrections log ----------------------------------------------------------------------------------
st.header(t("x.method.corrections"))
st.markdown(t("x.method.corrections_text"))
readme = data.data_dir() / "README.md"
log = counting.corrections_log(readme.read_text(encoding="utf-8") if readme.exists() else "")
if log.empty:
    st.info(t("x.method.no_corrections"))
else:
    st.dataframe(log.rename(columns={"date": t("x.col.date"), "what_changed": t("x.col.what_changed"),
                                     "rows_affected": t("x.col.rows_affected")}), hide_index=True, width="stretch")

share.citation_block(share.provenance("methodology", lang, sorted(incidents["source"].unique())), lang)
