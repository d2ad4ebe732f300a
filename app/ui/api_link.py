"""The sidebar's link to the open data API (Datasette, `python -m api serve`): SQL, JSON, CSV and Atom feeds."""

from __future__ import annotations

import os

import streamlit as st

from app import i18n

API_URL_VARIABLE = "OBSERVATORY_API_URL"
DEFAULT_API_URL = "http://127.0.0.1:8001"  # where `python -m api serve` listens by default


def api_url() -> str:
    """Where the API is: $OBSERVATORY_API_URL (a deployment's public address), else the local default."""
    return os.environ.get(API_URL_VARIABLE, "").strip() or DEFAULT_API_URL


def api_link(lang: str) -> None:
    st.sidebar.link_button(
        i18n.t("API & SQL", lang), f"{api_url().rstrip('/')}/observatory", icon=":material/api:",
        help=i18n.t("The dataset as a SQL database (Datasette): JSON, CSV and Atom feeds of new incidents", lang))
