"""Impact on patients: what CIPHER's records of patient harm say a cyberattack does to care."""


import streamlit as st

from app import data, i18n
from app.charts import impact as impact_charts
from app.i18n import N_
from app.prep import impact as impact_prep
from app.ui import filters

PLOTLY_CONFIG = {"displaylogo": False}


lang = filters.current_language()
harms = data.patient_harms()
attribution = i18n.t("Source: CIPHER Platform (I. Straw, J. Tully, C. Dameff; UC San Diego), v1.0.1, "
                     "doi:10.5281/zenodo.17344644, licence CC BY 4.0. Adapted: description and quote texts left "
                     "out, labels recoded.", lang)

st.title(i18n.t("What a cyberattack does to patient care", lang))
st.markdown(i18n.t("[CIPHER](https://cipherproject.github.io/) collects harms to patients reported after "
                   "cyberattacks on hospitals: cancelled treatment, delayed results, medicines patients could not "
                   "get. Each record is one harm as one source describes it, a published paper or a social-media "
                   "post, with a clinical impact score from 1 to 10 assigned by CIPHER.", lang))
st.info(i18n.t("CIPHER is not a list of attacks: it has no date, country or hospital, so these figures cannot be "
               "compared with the breach counts on the other pages. Every figure here counts CIPHER harm records; "
               "the same harm reported in several posts counts several times.", lang))
if harms is None or harms.empty:
    st.warning(i18n.t("The patient-harm data (data/patient_harms.csv) has not been built yet.", lang))
    st.stop()

numbers = impact_prep.headline(harms)
col_records, col_publications, col_posts, col_score = st.columns(4)
col_records.metric(i18n.t("Harm records", lang), i18n.format_int(numbers["records"], lang))
col_publications.metric(i18n.t("Publications cited", lang), i18n.format_int(numbers["publications"], lang))
col_posts.metric(i18n.t("Records from social media", lang), i18n.format_int(numbers["posts"], lang))
col_score.metric(i18n.t("Mean clinical impact score", lang), i18n.format_decimal(numbers["mean_score"], lang))

for header, kind, table, note in (
    (N_("When harms appear after an attack"), "time", impact_prep.harms_by_time_point(harms), None),
    (N_("Which clinical specialties are harmed"), "specialty", impact_prep.harms_by_specialty(harms), N_("A record naming several "
                                                                                      "specialties counts once in "
                                                                                      "each; 'All specialties' is "
                                                                                      "CIPHER's label 'All' (a "
                                                                                      "harm not specific to one "
                                                                                      "specialty).")),
    (N_("Which failing systems cause the harm"), "domain", impact_prep.harms_by_domain(harms), None),
):
    st.subheader(i18n.t(header, lang))
    st.plotly_chart(impact_charts.count_and_score_figure(table, kind, lang), width="stretch",
                    config=PLOTLY_CONFIG, key=f"impact_{kind}")
    caption = i18n.t("Left: number of CIPHER harm records. Right: their mean clinical impact score (CIPHER's scale "
                     "from 1 to 10, 10 the most severe).", lang) + (f" {i18n.t(note, lang)}" if note else "")
    st.caption(f"{caption} {attribution}")

st.subheader(i18n.t("The harm records and their evidence", lang))
link_column = i18n.t("Link", lang)
st.dataframe(impact_charts.harms_table(harms, lang), hide_index=True, width="stretch",
             column_config={
                 link_column: st.column_config.LinkColumn(display_text=i18n.t("open", lang), width=60),
                 **{i18n.t(impact_charts.COLUMNS[name], lang): st.column_config.Column(width=width) for name, width in (
                     ("title", 240), ("score", 90), ("time", 125), ("reference", 200), ("specialty", 150),
                     ("domain", 150))},
             })
st.caption(i18n.t("Harms are named in CIPHER's words (English), most severe first. CIPHER gives no link to social-media posts (its file says 'Removed').", lang) + " " + attribution)
