"""Figures of the methodology view (pure builders; every figure carries its source line, see app.charts)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from app import i18n
from app.charts import common
from app.i18n import N_

LAG_KINDS = {
    "reporting": N_("Attack → report"),
    "filing": N_("First public report → regulator filing"),
}

LAG_COLORS = {"reporting": "#0072B2", "filing": "#D55E00"}


def lag_figure(series: dict[str, pd.DataFrame], by: str, lang: str, source: str) -> go.Figure:
    """Median lag in days (dot) and its quartiles (bar) per group, one trace per kind of lag.

    `series` maps a kind ('reporting': attack to report; 'filing': first public report to regulator filing)
    to the output of app.prep.lag.summarise(); `by` is 'year' or 'source' (labels only)."""
    fig = go.Figure()
    for kind, table in series.items():
        if table.empty:
            continue
        groups = [str(g) if by == "year" else i18n.source_short(str(g), lang) for g in table["group"]]
        name = i18n.t(LAG_KINDS[kind], lang)
        median, q1, q3 = table["median_days"], table["q1_days"], table["q3_days"]
        fig.add_trace(go.Scatter(
            x=groups, y=median, mode="markers", name=name, marker={"size": 11, "color": LAG_COLORS[kind]},
            error_y={"type": "data", "symmetric": False, "array": (q3 - median).tolist(),
                     "arrayminus": (median - q1).tolist(), "thickness": 2, "width": 6},
            customdata=[[i18n.format_decimal(m, lang, 0), i18n.format_decimal(a, lang, 0),
                         i18n.format_decimal(b, lang, 0), i18n.format_int(n, lang)]
                        for m, a, b, n in zip(median, q1, q3, table["reports"])],
            hovertemplate="%{x}<br>" + name + "<br>" + i18n.t("median %{customdata[0]} days (quartiles "
                                                              "%{customdata[1]}–%{customdata[2]}), "
                                                              "%{customdata[3]} reports", lang) + "<extra></extra>",
        ))
    fig.update_layout(yaxis_title=i18n.t("Days", lang), xaxis={"type": "category", "categoryorder": "category ascending"}, hovermode="closest",
                      legend={"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
                      height=420,
                      separators=i18n.PLOTLY_SEPARATORS[lang], margin={"l": 10, "r": 10, "t": 30, "b": 10})
    return common.add_source_line(fig, source)
