"""The floor of this stack: a Streamlit page with one plotly chart and one sidebar filter, nothing else.

bench/browser.py times it exactly like the dashboard, so the dashboard's figures can be read against
what Streamlit + plotly + Chromium cost on this machine anyway.
"""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")
picked = st.sidebar.multiselect("Attack type", ["Ransomware", "Hacking"], placeholder="All")
values = [3, 5] if not picked else [3 if "Ransomware" in picked else 0, 5 if "Hacking" in picked else 0]
st.plotly_chart(go.Figure(go.Bar(x=["Ransomware", "Hacking"], y=values)), key="floor_chart")
