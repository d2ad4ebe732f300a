"""Explorer: search, filter, sort and page through every report; each row links to its source and its
incident page; download exactly the rows selected; cite the view. Everything lives in the URL."""

import numpy as np
import streamlit as st

from app import data, i18n
from app.prep import explore, explore_index, filtering
from app.prep.explore import ExplorerState
from app.ui import filters, share

lang = filters.current_language()
dataset = data.load_dataset()
selection_filters = filters.sidebar_filters(dataset.options, lang)
members, events = data.vendor_rollup(dataset)
vendor_labels, event_labels = data.vendor_labels(dataset)

if "x_q" not in st.session_state:  # first draw in this session: the link decides
    seed = explore.state_from_params(filters.url_params(explore.EXPLORER_PARAMS))
    st.session_state.update(x_q=seed.query, x_sort=seed.sort, x_desc=seed.descending, x_page=seed.page,
                            x_size=seed.page_size, x_vendor=seed.vendor_event)
    st.session_state["x_signature"] = None
elif st.query_params.get("vendor", "") not in ("", st.session_state.get("x_vendor_written", "")):
    # The URL changed under us: a page link from a vendor event's page.
    st.session_state["x_vendor"] = explore.state_from_params(filters.url_params(["vendor"])).vendor_event

st.title(i18n.t("Explore, link and download", lang))
st.caption(i18n.t("Every report, from every source. Search a name, filter in the sidebar, sort, and open a "
                  "report's incident page or its source. The address bar holds the whole view: copy it to share or "
                  "cite exactly these rows.", lang))
col_search, col_sort, col_order, col_size = st.columns([4, 2, 1, 1], vertical_alignment="bottom")
query = col_search.text_input(i18n.t("Search organization names", lang), key="x_q", persist_state="session",
                              placeholder=i18n.t("e.g. hopital, CHU Rennes, Change Healthcare", lang))
sort = col_sort.selectbox(i18n.t("Sort by", lang), explore.SORT_COLUMNS, key="x_sort",
                          persist_state="session", format_func=lambda c: i18n.t(explore.SORT_LABELS[c], lang))
descending = col_order.toggle(i18n.t("Descending", lang), key="x_desc", persist_state="session")
page_size = col_size.selectbox(i18n.t("Rows a page", lang), explore.PAGE_SIZES, key="x_size",
                               persist_state="session")
vendor_event = st.session_state.get("x_vendor", "")
if vendor_event:
    col_vendor, col_clear = st.columns([5, 1], vertical_alignment="center")
    col_vendor.info(i18n.t("Only the filings about the breach at **{vendor}**.", lang, vendor=event_labels.get(vendor_event, vendor_event)))
    if col_clear.button(i18n.t("Show all", lang), key="x_vendor_clear"):
        st.session_state["x_vendor"] = vendor_event = ""

state = ExplorerState(query=query.strip(), vendor_event=vendor_event, sort=sort, descending=descending,
                      page_size=page_size)
# explore.sort_rows(explore.select(filtering.apply_filters(...), ...)) as positions in the dataset
# (app.prep.explore_index): no copy and no sort of every row on a rerun.
frame = data.with_attack_dates(dataset) if selection_filters.date_basis == "incident" else dataset.incidents
index = data.row_index(dataset)
where = np.flatnonzero(filtering.selection_mask(frame, selection_filters).to_numpy(dtype=bool))
where = explore_index.kept(frame, where, data.query_mask(dataset, state.query) if state.query else None,
                           set(members.loc[members["vendor_event_id"] == state.vendor_event, "record_id"])
                           if state.vendor_event else None, state)
keys = explore_index.order_keys(data.sort_rank(dataset, sort), index, where, descending)
count = len(where)
pages = explore.page_count(count, page_size)
# A new selection starts on page 1; a page past the end (fewer rows now) becomes the last one.
signature = (selection_filters, state.query, state.vendor_event, sort, descending, page_size)
if st.session_state.get("x_signature") not in (None, signature):
    st.session_state["x_page"] = 1
st.session_state["x_signature"] = signature
st.session_state["x_page"] = min(max(1, int(st.session_state.get("x_page") or 1)), pages)

st.markdown(i18n.nt("**{rows}** report matches, **{incidents}** incident.", "**{rows}** reports match, about **{incidents}** distinct incidents.", count, lang, rows=i18n.format_int(count, lang),
                          incidents=i18n.format_int(explore_index.distinct_incidents(index, where), lang)))
page = st.number_input(i18n.t("Page (of {pages})", lang, pages=i18n.format_int(pages, lang)), min_value=1,
                       max_value=pages, step=1, key="x_page", persist_state="session", width=220)
state = ExplorerState(**{**state.__dict__, "page": int(page)})
filters.write_url(explore.state_to_params(state), explore.EXPLORER_PARAMS)
st.session_state["x_vendor_written"] = state.vendor_event

if not count:
    st.info(i18n.t("No breach matches these filters.", lang))
else:
    attack_basis = selection_filters.date_basis == "incident"
    page_rows = explore_index.take_rows(frame, where[explore_index.page_order(keys, state.page, page_size)])
    shown = explore.display_table(page_rows, lang, vendor_labels, attack_basis)
    st.dataframe(shown, hide_index=True, width="stretch", height="content", column_config={
        i18n.t("Reported", lang): st.column_config.TextColumn(width=100),
        i18n.t("Organization", lang): st.column_config.TextColumn(width=260),
        i18n.t("Incident", lang): st.column_config.LinkColumn(
            display_text=i18n.t("open", lang), width=90,
            help=i18n.t("Every report of this attack, its timeline and how many sources confirm it", lang)),
        i18n.t("Source link", lang): st.column_config.LinkColumn(
            display_text=r"https?://(?:www\.)?([^/?#]+)", width=160, help=i18n.t("The source's own page for this "
                                                                                 "report", lang)),
    })
    st.caption(i18n.t("Sorting with the controls above orders every matching row; clicking a column header only "
                      "re-orders this page. Links open in a new tab.", lang))

st.subheader(i18n.t("Download these rows", lang))
described = explore.describe_filters(selection_filters, dataset.options, lang, state,
                                     event_labels.get(state.vendor_event, ""))
prov = share.provenance("explorer", lang, explore_index.sources_of(index, where), described)
# Every matching row in the reader's order, sorted only when a download is asked for.
share.download_buttons(lambda: frame.iloc[where[np.argsort(keys, kind="stable")]], prov, lang, key="explorer",
                       count=count)
share.citation_block(prov, lang)
