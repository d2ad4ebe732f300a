"""Incident page (?incident=inc:…): every report of one attack, its timeline with sources, and how many
sources confirm it. Vendor event page (?vendor=vnd:…): one breach at a vendor and every filing it caused."""

import numpy as np
import pandas as pd
import streamlit as st

from app import data, i18n
from app.prep import explore, explore_index, safe_text, timeline
from app.ui import filters, share

lang = filters.current_language()
dataset = data.load_dataset()
members, events = data.vendor_rollup(dataset)
incidents = dataset.incidents
PARAMS = ("incident", "vendor")

asked = st.query_params.get("incident") or st.query_params.get("vendor") or ""
# The link decides on the first draw, and whenever the URL changed under us (a page link from another view).
if "i_id" not in st.session_state or asked not in ("", st.session_state.get("i_written", asked)):
    st.session_state["i_id"] = asked
st.title(i18n.t("Incident", lang))
identifier = st.text_input(i18n.t("Incident or vendor-breach id", lang), key="i_id",
                           placeholder="inc:0123456789ab / vnd:0123456789ab").strip()
kind = timeline.kind_of(identifier)
filters.write_url({"incident": [identifier]} if kind == "incident" else
                {"vendor": [identifier]} if kind == "vendor" else {}, PARAMS)
st.session_state["i_written"] = identifier if kind else ""


def t(key: str, **values) -> str:
    return i18n.t(key, lang, **values)


def reports_table(rows: pd.DataFrame, with_incident_link: bool) -> None:
    shown = explore.display_table(rows.sort_values(["reported_date", "record_id"]), lang,
                                  data.vendor_labels(dataset)[0])
    if not with_incident_link:
        shown = shown.drop(columns=t("Incident"))
    st.dataframe(shown, hide_index=True, width="stretch", height="content", column_config={
        t("Organization"): st.column_config.TextColumn(width=260),
        t("Incident"): st.column_config.LinkColumn(display_text=t("open"), width=90),
        t("Source link"): st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/?#]+)", width=160),
    })


def finish(rows: pd.DataFrame, what: str) -> None:
    st.subheader(t("Download these rows"))
    prov = share.provenance("incident", lang, sorted(rows["source"].unique()), [(t("Incident or vendor-breach id"), identifier)])
    share.download_buttons(rows, prov, lang, key="incident", what=what)
    share.citation_block(prov, lang)


if kind == "incident":
    reports = explore_index.take_rows(incidents, np.flatnonzero(explore_index.text_in(incidents["incident_id"],
                                                                                      {identifier})))
    if reports.empty:
        st.warning(t("No report has the id {id} (it may belong to a report the source has since withdrawn, or to "
                     "an older version of the data).", id=identifier))
        st.stop()
    facts = timeline.summary(reports)
    st.header(safe_text.plain(" / ".join(dict.fromkeys(reports["organization"]))))
    place = i18n.country_name(reports["country"].iloc[0], lang)
    st.markdown(i18n.nt("Reported by **{n} source** ({reports}) in {place}: {statuses}.",
                        "Confirmed by **{n} sources** ({reports}) in {place}: {statuses}.", facts.sources, lang,
                        n=facts.sources, place=place,
                        reports=i18n.nt("{n} report", "{n} reports", facts.reports, lang, n=facts.reports),
                              statuses=", ".join(i18n.status_label(s, lang) for s in facts.statuses)))
    col_reports, col_sources, col_first, col_people = st.columns(4)
    col_reports.metric(t("Reports"), i18n.format_int(facts.reports, lang))
    col_sources.metric(t("Sources"), i18n.format_int(facts.sources, lang))
    col_first.metric(t("First report"), i18n.format_date(facts.first_reported, lang))
    col_people.metric(t("Most people a report names"),
                      i18n.format_int(facts.largest_count, lang) if facts.largest_count is not None else "–")
    if facts.attack_date is None:
        st.caption(t("No source dates the attack itself: the timeline starts with the first report."))
    origin = timeline.attack_type_origin(reports)
    if origin is not None:
        stated_by = (t("the {source} report of {date}", source=i18n.source_short(origin.source or "", lang),
                       date=i18n.format_date(origin.reported_date, lang)) if origin.record_id else
                     t("[a public account of the attack]({url}) (curated label)", url=origin.url))
        st.markdown(t("Attack type: **{type}**, as stated by {origin}.", type=i18n.attack_type_label(origin.attack_type, lang),
                      origin=stated_by))

    st.subheader(t("Timeline"))
    steps = timeline.timeline(reports)
    st.dataframe(pd.DataFrame({
        t("Date"): [i18n.format_date(d, lang) for d in steps["date"]],
        t("What happened"): [i18n.timeline_step_label(s, lang) for s in steps["step"]],
        t("Source"): [i18n.source_short(s, lang) for s in steps["source"]],
        t("Organization, as the source names it"): steps["organization"].astype(str).tolist(),
        t("Source link"): steps["source_url"].astype(str).tolist(),
    }), hide_index=True, width="stretch", column_config={
        t("Source link"): st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/?#]+)")})
    st.caption(t("The attack (when a source dates it), then each report on the day its source made it: a leak-site "
                 "claim, a press report, a regulator filing."))

    st.subheader(t("Every report of this incident"))
    reports_table(reports, with_incident_link=False)
    mine = members.loc[members["record_id"].isin(reports["record_id"])]
    for event_id in dict.fromkeys(mine["vendor_event_id"]):
        event = events.loc[events["vendor_event_id"] == event_id].iloc[0]
        st.info(i18n.nt("This filing stems from a breach at the vendor **{vendor}**, which {organizations} "
                        "organisation reported in {reports} filings.",
                        "This filing stems from a breach at the vendor **{vendor}**, which {organizations} "
                        "organisations reported in {reports} filings.", int(event["organizations"]), lang,
                        vendor=event["vendor"], reports=int(event["reports"]), organizations=int(event["organizations"])))
        st.page_link("app/views/incident.py", label=t("All filings about the breach at {vendor}", vendor=event["vendor"]),
                     query_params={"vendor": event_id, "lang": lang}, icon=":material/hub:")
    finish(reports, "incident")

elif kind == "vendor":
    event_rows = events.loc[events["vendor_event_id"] == identifier]
    if event_rows.empty:
        st.warning(t("No report has the id {id} (it may belong to a report the source has since withdrawn, or to "
                     "an older version of the data).", id=identifier))
        st.stop()
    event = event_rows.iloc[0]
    reports = explore_index.take_rows(incidents, np.flatnonzero(explore_index.text_in(
        incidents["record_id"], set(members.loc[members["vendor_event_id"] == identifier, "record_id"]))))
    st.header(t("Breach at {vendor}", vendor=safe_text.plain(event["vendor"])))
    st.markdown(i18n.nt("One breach at a vendor (a business associate), reported in **{reports}** filings by "
                        "**{organizations}** organisation between {first} and {last}. Read it as one event with many "
                        "reporters.",
                        "One breach at a vendor (a business associate), reported in **{reports}** filings by "
                        "**{organizations}** organisations between {first} and {last}. Read it as one event with many "
                        "reporters.", int(event["organizations"]), lang,
                        reports=int(event["reports"]), organizations=int(event["organizations"]),
                  first=i18n.format_date(event["first_reported"], lang),
                  last=i18n.format_date(event["last_reported"], lang)))
    col_reports, col_orgs, col_people = st.columns(3)
    col_reports.metric(t("Filings"), i18n.format_int(int(event["reports"]), lang))
    col_orgs.metric(t("Organisations"), i18n.format_int(int(event["organizations"]), lang))
    col_people.metric(t("Individuals (sum of filings)"), i18n.format_int(int(event["individuals_affected"]), lang))
    st.caption(t("The sum of the filings' counts is an upper bound: a person who was a client of two reporting "
                 "organisations counts twice."))
    reports_table(reports, with_incident_link=True)
    st.page_link("app/views/explorer.py", label=t("Open these filings in the explorer"), icon=":material/search:",
                 query_params={"vendor": identifier, "lang": lang})
    finish(reports, "vendor-event")

else:
    if identifier:
        st.warning(t("An id starts with inc: (an incident) or vnd: (a breach at a vendor)."))
    st.markdown(t("Open an incident from the explorer's **Incident** column, or paste its id above. Below: "
                  "incidents that several sources report, and breaches at vendors that many organisations reported."))
    st.subheader(t("Incidents reported by several sources"))
    multi = data.multi_source_incidents(dataset)
    st.dataframe(pd.DataFrame({
        t("Organization"): multi["organization"].astype(str).tolist(),
        t("Country"): [i18n.country_name(c, lang) for c in multi["country"]],
        t("Sources"): multi["sources"].tolist(),
        t("Reports"): multi["reports"].tolist(),
        t("Incident"): [explore.incident_link(i, lang) for i in multi["incident_id"]],
    }), hide_index=True, width="stretch", column_config={
        t("Incident"): st.column_config.LinkColumn(display_text=t("open"))})
    st.subheader(t("Breaches at vendors, reported by many organisations"))
    top = events.head(15)
    st.dataframe(pd.DataFrame({
        t("Vendor breach"): top["vendor"].astype(str).tolist(),
        t("Filings"): top["reports"].astype(int).tolist(),
        t("Organisations"): top["organizations"].astype(int).tolist(),
        t("Date"): [i18n.format_date(d, lang) for d in top["first_reported"]],
        t("Incident"): [explore.vendor_link(v, lang) for v in top["vendor_event_id"]],
    }), hide_index=True, width="stretch", column_config={
        t("Incident"): st.column_config.LinkColumn(display_text=t("open"))})
