"""Incident page (?incident=inc:…): every report of one attack, its timeline with sources, and how many
sources confirm it. Vendor event page (?vendor=vnd:…): one breach at a vendor and every filing it caused."""

import pandas as pd
import streamlit as st

from app import data, explore, filters, i18n, labels, share, timeline

lang = filters.current_language()
dataset = data.load_dataset()
members, events = data.vendor_rollup()
incidents = dataset.incidents
PARAMS = ("incident", "vendor")

asked = st.query_params.get("incident") or st.query_params.get("vendor") or ""
# The link decides on the first draw, and whenever the URL changed under us (a page link from another view).
if "i_id" not in st.session_state or asked not in ("", st.session_state.get("i_written", asked)):
    st.session_state["i_id"] = asked
st.title(i18n.t("x.incident.title", lang))
identifier = st.text_input(i18n.t("x.incident.id", lang), key="i_id",
                           placeholder="inc:0123456789ab / vnd:0123456789ab").strip()
kind = timeline.kind_of(identifier)
filters.write_url({"incident": [identifier]} if kind == "incident" else
                {"vendor": [identifier]} if kind == "vendor" else {}, PARAMS)
st.session_state["i_written"] = identifier if kind else ""


def t(key: str, **values) -> str:
    return i18n.t(key, lang, **values)


def reports_table(rows: pd.DataFrame, with_incident_link: bool) -> None:
    shown = explore.display_table(rows.sort_values(["reported_date", "record_id"]), lang,
                                  dict(zip(members["record_id"], members["vendor"])))
    if not with_incident_link:
        shown = shown.drop(columns=t("x.col.incident"))
    st.dataframe(shown, hide_index=True, width="stretch", height="content", column_config={
        t("x.col.organization"): st.column_config.TextColumn(width=260),
        t("x.col.incident"): st.column_config.LinkColumn(display_text=t("x.col.incident_text"), width=90),
        t("x.col.link"): st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/?#]+)", width=160),
    })


def finish(rows: pd.DataFrame, what: str) -> None:
    st.subheader(t("x.download.header"))
    prov = share.provenance("incident", lang, sorted(rows["source"].unique()), [(t("x.incident.id"), identifier)])
    share.download_buttons(rows, prov, lang, key="incident", what=what)
    share.citation_block(prov, lang)


if kind == "incident":
    reports = incidents.loc[incidents["incident_id"] == identifier]
    if reports.empty:
        st.warning(t("x.incident.unknown", id=identifier))
        st.stop()
    facts = timeline.summary(reports)
    st.header(labels.plain(" / ".join(dict.fromkeys(reports["organization"]))))
    place = labels.country_name(reports["country"].iloc[0], lang)
    st.markdown(i18n.plural_t("x.incident.confirmed_by", facts.sources, lang, n=facts.sources,
                              reports=facts.reports, place=place,
                              statuses=", ".join(labels.status_label(s, lang) for s in facts.statuses)))
    col_reports, col_sources, col_first, col_people = st.columns(4)
    col_reports.metric(t("x.incident.reports"), i18n.format_int(facts.reports, lang))
    col_sources.metric(t("x.incident.sources"), i18n.format_int(facts.sources, lang))
    col_first.metric(t("x.incident.first_report"), i18n.format_date(facts.first_reported, lang))
    col_people.metric(t("x.incident.largest_count"),
                      i18n.format_int(facts.largest_count, lang) if facts.largest_count is not None else "–")
    if facts.attack_date is None:
        st.caption(t("x.incident.no_attack_date"))
    origin = timeline.attack_type_origin(reports)
    if origin is not None:
        stated_by = (t("x.incident.attack_type_report", source=labels.source_short(origin.source or "", lang),
                       date=i18n.format_date(origin.reported_date, lang)) if origin.record_id else
                     t("x.incident.attack_type_page", url=origin.url))
        st.markdown(t("x.incident.attack_type", type=i18n.attack_type_label(origin.attack_type, lang),
                      origin=stated_by))

    st.subheader(t("x.incident.timeline"))
    steps = timeline.timeline(reports)
    st.dataframe(pd.DataFrame({
        t("x.col.date"): [i18n.format_date(d, lang) for d in steps["date"]],
        t("x.col.step"): [t(f"x.step.{s}") for s in steps["step"]],
        t("x.col.source"): [labels.source_short(s, lang) for s in steps["source"]],
        t("x.col.as_named"): steps["organization"].astype(str).tolist(),
        t("x.col.link"): steps["source_url"].astype(str).tolist(),
    }), hide_index=True, width="stretch", column_config={
        t("x.col.link"): st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/?#]+)")})
    st.caption(t("x.incident.timeline_caption"))

    st.subheader(t("x.incident.all_reports"))
    reports_table(reports, with_incident_link=False)
    mine = members.loc[members["record_id"].isin(reports["record_id"])]
    for event_id in dict.fromkeys(mine["vendor_event_id"]):
        event = events.loc[events["vendor_event_id"] == event_id].iloc[0]
        st.info(t("x.incident.vendor_note", vendor=event["vendor"], reports=int(event["reports"]),
                  organizations=int(event["organizations"])))
        st.page_link("app/views/incident.py", label=t("x.incident.vendor_open", vendor=event["vendor"]),
                     query_params={"vendor": event_id, "lang": lang}, icon=":material/hub:")
    finish(reports, "incident")

elif kind == "vendor":
    event_rows = events.loc[events["vendor_event_id"] == identifier]
    if event_rows.empty:
        st.warning(t("x.incident.unknown", id=identifier))
        st.stop()
    event = event_rows.iloc[0]
    reports = incidents.loc[incidents["record_id"].isin(
        members.loc[members["vendor_event_id"] == identifier, "record_id"])]
    st.header(t("x.vendor.heading", vendor=labels.plain(event["vendor"])))
    st.markdown(t("x.vendor.intro", reports=int(event["reports"]), organizations=int(event["organizations"]),
                  first=i18n.format_date(event["first_reported"], lang),
                  last=i18n.format_date(event["last_reported"], lang)))
    col_reports, col_orgs, col_people = st.columns(3)
    col_reports.metric(t("x.vendor.reports"), i18n.format_int(int(event["reports"]), lang))
    col_orgs.metric(t("x.vendor.organizations"), i18n.format_int(int(event["organizations"]), lang))
    col_people.metric(t("x.vendor.individuals"), i18n.format_int(int(event["individuals_affected"]), lang))
    st.caption(t("x.vendor.caveat"))
    reports_table(reports, with_incident_link=True)
    st.page_link("app/views/explorer.py", label=t("x.vendor.in_explorer"), icon=":material/search:",
                 query_params={"vendor": identifier, "lang": lang})
    finish(reports, "vendor-event")

else:
    if identifier:
        st.warning(t("x.incident.bad_id"))
    st.markdown(t("x.incident.how"))
    st.subheader(t("x.incident.multi_source"))
    multi = timeline.multi_source_incidents(incidents)
    st.dataframe(pd.DataFrame({
        t("x.col.organization"): multi["organization"].astype(str).tolist(),
        t("x.col.country"): [labels.country_name(c, lang) for c in multi["country"]],
        t("x.incident.sources"): multi["sources"].tolist(),
        t("x.incident.reports"): multi["reports"].tolist(),
        t("x.col.incident"): [explore.incident_link(i, lang) for i in multi["incident_id"]],
    }), hide_index=True, width="stretch", column_config={
        t("x.col.incident"): st.column_config.LinkColumn(display_text=t("x.col.incident_text"))})
    st.subheader(t("x.incident.vendor_events"))
    top = events.head(15)
    st.dataframe(pd.DataFrame({
        t("x.col.vendor"): top["vendor"].astype(str).tolist(),
        t("x.vendor.reports"): top["reports"].astype(int).tolist(),
        t("x.vendor.organizations"): top["organizations"].astype(int).tolist(),
        t("x.col.date"): [i18n.format_date(d, lang) for d in top["first_reported"]],
        t("x.col.incident"): [explore.vendor_link(v, lang) for v in top["vendor_event_id"]],
    }), hide_index=True, width="stretch", column_config={
        t("x.col.incident"): st.column_config.LinkColumn(display_text=t("x.col.vendor_text"))})
