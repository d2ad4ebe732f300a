"""Sizes that depend on what is shown: a table as tall as its rows, up to a limit (then it scrolls inside)."""

from __future__ import annotations

# st.dataframe draws rows 35 px high under a header row of the same height, inside a 1 px border each side.
_ROW_PX, _BORDER_PX = 35, 3


def table_height(rows: int, max_px: int = 400) -> int:
    """Pixels for a table of `rows` rows: no empty padding rows under a short table, a scroll box for a long one."""
    return min(max_px, _ROW_PX * (max(rows, 1) + 1) + _BORDER_PX)
