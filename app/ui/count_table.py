"""The figures behind a trend, as a table a reader can read, quote and download: one row per period, one
column per series, a total and the period's coverage. A period no selected source covers says "no data"
in every cell, never 0 (app/prep/coverage.py)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from app import i18n
from app.charts import common
from app.ui import layout, memo


def count_table(counts: pd.DataFrame, coverage: pd.DataFrame | None, granularity: str, lang: str,
                series_label: Callable[[str, str], str] = i18n.attack_type_label) -> pd.DataFrame:
    """counts_by_period()'s table for reading: localized headers, numbers formatted for `lang`, newest first."""
    t = lambda key: i18n.t(key, lang)  # noqa: E731
    totals = counts.sum(axis=1).to_numpy()
    none = ((coverage["coverage"] == "none").to_numpy() & (totals == 0) if coverage is not None
            else [False] * len(counts))
    no_data = t("no data")
    shown = {t("Period"): [i18n.format_period(s, granularity, lang) for s in counts.index]}
    for column in counts.columns:
        shown[series_label(column, lang)] = [no_data if n else i18n.format_int(v, lang)
                                             for v, n in zip(counts[column], none)]
    shown[t("Total")] = [no_data if n else i18n.format_int(v, lang)
                                   for v, n in zip(counts.sum(axis=1), none)]
    if coverage is not None:
        shown[t("Coverage")] = [
            f"{i18n.coverage_label(row.coverage, lang)} — {common.coverage_note(row, lang)}" if row.coverage != "none"
            else t("no data") for row in coverage.itertuples()]
    return pd.DataFrame(shown).iloc[::-1].reset_index(drop=True)


def render(counts: pd.DataFrame, coverage: pd.DataFrame | None, granularity: str, lang: str, key: str,
           series_label: Callable[[str, str], str] = i18n.attack_type_label) -> None:
    """The table in an expander under its chart, with a CSV download of exactly what it shows. `counts` and
    `coverage` may be memo.result()s: the table and its CSV are then made once per selection."""
    made = memo.result(count_table, counts, coverage, granularity, lang, series_label)
    table, csv = made.value, memo.frame(_csv, made)
    with st.expander(i18n.t("The figures", lang)):
        st.dataframe(table, hide_index=True, width="stretch", height=layout.table_height(len(table), 300))
        st.caption(i18n.t("“no data”: no selected source covers the period; its count is unknown, not 0.", lang))
        st.download_button(i18n.t("Download these figures (CSV)", lang), csv,
                           file_name=f"{key}.csv", mime="text/csv", key=f"{key}_csv", disabled=table.empty)


def _csv(table: pd.DataFrame) -> bytes:
    return table.to_csv(index=False).encode("utf-8")
