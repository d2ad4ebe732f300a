"""Entry point: `streamlit run dashboard.py`. Page setup and navigation only; the views live in app/views/."""

import streamlit as st

from app import filters, i18n

st.set_page_config(page_title="Healthcare cyberattack observatory", page_icon="🏥", layout="wide")
# Drawn here, above every page, so the language survives page switches.
lang = filters.language_switch()
st.navigation([
    st.Page("app/views/world.py", title=i18n.t("world.nav", lang), url_path="world", default=True),
    st.Page("app/views/france.py", title=i18n.t("fr.nav", lang), url_path="france"),
    st.Page("app/views/overview.py", title=i18n.t("world.nav.us", lang), url_path="overview"),
    st.Page("app/views/patient_impact.py", title=i18n.t("impact.nav", lang), url_path="patient-impact"),
    st.Page("app/views/brief.py", title=i18n.t("brief.nav", lang), url_path="brief"),
    st.Page("app/views/explorer.py", title=i18n.t("x.nav.explorer", lang), url_path="explorer"),
    st.Page("app/views/incident.py", title=i18n.t("x.nav.incident", lang), url_path="incident"),
    st.Page("app/views/methodology.py", title=i18n.t("x.nav.methodology", lang), url_path="methodology"),
    st.Page("app/views/about.py", title=i18n.t("nav.about", lang), url_path="about"),
]).run()
