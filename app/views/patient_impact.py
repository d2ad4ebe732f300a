"""Impact on patients: what CIPHER's records of patient harm say a cyberattack does to care."""

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from app import charts_impact, filters, i18n
from app.data import DATA_DIR_ENV
from collectors import DATA_DIR, cipher

PLOTLY_CONFIG = {"displaylogo": False}


@st.cache_resource(show_spinner=False)
def load_patient_harms(path: str) -> pd.DataFrame | None:
    """data/patient_harms.csv, read once per process and shared read-only by all sessions (None if absent)."""
    return cipher.read_patient_harms(path) if Path(path).exists() else None


lang = filters.current_language()
harms = load_patient_harms(str(Path(os.environ.get(DATA_DIR_ENV) or DATA_DIR) / cipher.OUTPUT_FILE))
attribution = i18n.t("impact.attribution", lang)

st.title(i18n.t("impact.title", lang))
st.markdown(i18n.t("impact.intro", lang))
st.info(i18n.t("impact.not", lang))
if harms is None or harms.empty:
    st.warning(i18n.t("impact.missing", lang))
    st.stop()

numbers = charts_impact.headline(harms)
col_records, col_publications, col_posts, col_score = st.columns(4)
col_records.metric(i18n.t("impact.metric.records", lang), i18n.format_int(numbers["records"], lang))
col_publications.metric(i18n.t("impact.metric.publications", lang), i18n.format_int(numbers["publications"], lang))
col_posts.metric(i18n.t("impact.metric.posts", lang), i18n.format_int(numbers["posts"], lang))
col_score.metric(i18n.t("impact.metric.mean_score", lang), i18n.format_decimal(numbers["mean_score"], lang))

for header, kind, table, note in (
    ("impact.time.header", "time", charts_impact.harms_by_time_point(harms), None),
    ("impact.specialty.header", "specialty", charts_impact.harms_by_specialty(harms), "impact.caption.specialty"),
    ("impact.domain.header", "domain", charts_impact.harms_by_domain(harms), None),
):
    st.subheader(i18n.t(header, lang))
    st.plotly_chart(charts_impact.count_and_score_figure(table, kind, lang), width="stretch",
                    config=PLOTLY_CONFIG, key=f"impact_{kind}")
    caption = i18n.t("impact.caption.counts", lang) + (f" {i18n.t(note, lang)}" if note else "")
    st.caption(f"{caption} {attribution}")

st.subheader(i18n.t("impact.table.header", lang))
link_column = i18n.t("impact.col.link", lang)
st.dataframe(charts_impact.harms_table(harms, lang), hide_index=True, width="stretch",
             column_config={
                 link_column: st.column_config.LinkColumn(display_text=i18n.t("impact.link_text", lang), width=60),
                 **{i18n.t(f"impact.col.{name}", lang): st.column_config.Column(width=width) for name, width in (
                     ("title", 240), ("score", 90), ("time", 125), ("reference", 200), ("specialty", 150),
                     ("domain", 150))},
             })
st.caption(f"{i18n.t('impact.table.caption', lang)} {attribution}")
