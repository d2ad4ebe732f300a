"""Layout that holds at a phone's width: tables as tall as their rows, wide tables scrolling inside their box."""

from __future__ import annotations

import streamlit as st

# st.dataframe draws rows 35 px high under a header row of the same height, inside a 1 px border each side.
_ROW_PX, _BORDER_PX = 35, 3


def table_height(rows: int, max_px: int = 400) -> int:
    """Pixels for a table of `rows` rows: no empty padding rows under a short table, a scroll box for a long one."""
    return min(max_px, _ROW_PX * (max(rows, 1) + 1) + _BORDER_PX)


def phone_friendly_styles() -> None:
    """Markdown tables (the brief's notable incidents, the methodology's) scroll sideways inside their own box
    instead of running past a 390 px screen; every other wide element (st.dataframe, charts) already does.
    A constant: no data ever reaches st.html (tests/test_safe_display.py)."""
    st.html("<style>[data-testid='stMarkdownContainer'] table "
            "{ display: block; max-width: 100%; overflow-x: auto; }</style>")
