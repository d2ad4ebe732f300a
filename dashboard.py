"""Entry point: `streamlit run dashboard.py`. Page setup and navigation only; the views live in app/views/."""

import streamlit as st

from app import i18n
from app.ui import api_link, filters, layout

st.set_page_config(page_icon="🏥", layout="wide")
# Drawn here, above every page, so the language survives page switches.
lang = filters.language_switch()
st.set_page_config(page_title=i18n.t("Healthcare cyberattack observatory", lang))  # the browser tab, translated
layout.phone_friendly_styles()
api_link.api_link(lang)
st.navigation([
    st.Page("app/views/world.py", title=i18n.t("World", lang), url_path="world", default=True),
    st.Page("app/views/france.py", title=i18n.t("France", lang), url_path="france"),
    st.Page("app/views/overview.py", title=i18n.t("United States (HHS)", lang), url_path="overview"),
    st.Page("app/views/patient_impact.py", title=i18n.t("Impact on patients", lang), url_path="patient-impact"),
    st.Page("app/views/brief.py", title=i18n.t("Weekly brief", lang), url_path="brief"),
    st.Page("app/views/explorer.py", title=i18n.t("Explore & download", lang), url_path="explorer"),
    st.Page("app/views/incident.py", title=i18n.t("Incident", lang), url_path="incident"),
    st.Page("app/views/methodology.py", title=i18n.t("Methodology & sources", lang), url_path="methodology"),
    st.Page("app/views/about.py", title=i18n.t("Data & coverage", lang), url_path="about"),
]).run()
