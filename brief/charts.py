"""The brief's figures: a Brief in, plotly Figures out (pure; the dashboard shows them, render.py exports them).

Every number, date, title, axis and tooltip is formatted by app.i18n for the reader's language.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from app import i18n
from app.charts.common import ATTACK_COLORS, INCOMPLETE_PATTERN
from brief.compute import Brief

THIS_WEEK_COLOR = "#D55E00"
OTHER_WEEKS_COLOR = "#0072B2"
AVERAGE_COLOR = "#333333"
FONT = {"family": "DejaVu Sans, Verdana, Arial, sans-serif", "size": 12}
TITLE_STANDOFF = 10  # px between an axis's tick labels and its title


def _layout(fig: go.Figure, lang: str, title: str, height: int) -> go.Figure:
    fig.update_layout(separators=i18n.PLOTLY_SEPARATORS[lang], height=height, font=FONT,
                      title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}},
                      margin={"l": 10, "r": 10, "t": 50, "b": 10}, plot_bgcolor="white", paper_bgcolor="white")
    # The margins grow to hold the tick labels and the axis titles, which keep clear of the labels. Set here,
    # not left to the template: plotly.js defaults to neither, and Streamlit's template (the process default
    # once streamlit is imported) sets neither, which drew the titles over the numbers.
    fig.update_xaxes(automargin=True, title_standoff=TITLE_STANDOFF)
    fig.update_yaxes(automargin=True, title_standoff=TITLE_STANDOFF)
    return fig


def _count_step(largest: int) -> int | None:
    """Whole-number ticks: for small counts plotly would put ticks at 0.5 (shown as '0', '1', '1')."""
    return 1 if largest <= 6 else None


def history_figure(brief: Brief, lang: str) -> go.Figure:
    """Reports per week over the last year, the brief's week highlighted; hatched weeks may still grow."""
    points = brief.history
    starts = [p.week.start for p in points]
    is_this = [p.week == brief.week for p in points]
    still_growing = " (" + i18n.t("may still grow", lang) + ")"
    custom = [[i18n.t("Week of {date}", lang, date=i18n.format_date(p.week.start, lang)),
               i18n.format_int(p.reports, lang), still_growing if p.has_caveat else ""] for p in points]
    fig = go.Figure()
    for name, color in ((i18n.t("Earlier weeks", lang), OTHER_WEEKS_COLOR),
                        (i18n.t("This week", lang), THIS_WEEK_COLOR)):
        # Legend entries of their own: otherwise the legend copies the first bar's hatching.
        fig.add_trace(go.Bar(x=[None], y=[None], name=name, marker_color=color))
    fig.add_trace(go.Bar(
        x=starts, y=[None if p.no_data else p.reports for p in points], showlegend=False,
        marker={"color": [THIS_WEEK_COLOR if this else OTHER_WEEKS_COLOR for this in is_this],
                # Light hatching over the bar's own colour, the same under every plotly template.
                "pattern": {"shape": [INCOMPLETE_PATTERN if p.has_caveat else "" for p in points],
                            "fillmode": "overlay", "fgcolor": "white", "fgopacity": 0.45, "solidity": 0.2}},
        customdata=custom, xperiod=7 * 24 * 3600 * 1000, xperiod0=starts[0], xperiodalignment="middle",
        hovertemplate="%{customdata[0]}%{customdata[2]}<br>" + i18n.t("Reports", lang)
        + ": %{customdata[1]}<extra></extra>",
    ))
    for p in points:  # silence is never zero: a week no source covers has a grey band, not a bar of 0
        if p.no_data:
            fig.add_vrect(x0=p.week.start, x1=p.week.start + pd.Timedelta(days=7), fillcolor="#bbbbbb", opacity=0.3,
                          line_width=0, layer="below")
    if any(p.no_data for p in points):
        fig.add_annotation(text=i18n.t("No data: no selected source covers this period", lang), xref="paper", yref="paper", x=0, y=1.0,
                           showarrow=False, xanchor="left", yanchor="bottom", font={"size": 10, "color": "#555555"})
    if brief.flag is not None:
        label = i18n.t("Upper limit of the expected range (EARS C2)", lang)
        fig.add_trace(go.Scatter(
            x=[brief.week.start + pd.Timedelta(days=3.5)], y=[brief.flag.upper], mode="markers", name=label,
            marker={"symbol": "line-ew-open", "size": 22, "color": "#333333", "line": {"width": 2}},
            hovertemplate=f"{label}: {i18n.format_decimal(brief.flag.upper, lang)}<extra></extra>",
        ))
    average = brief.long_average
    # Like for like, the average counts only some sources: drawn over every source's bars it would mislead.
    if average.weeks and average.week_reports is None:
        label = i18n.t("Average of the previous {n} weeks", lang, n=average.weeks)
        fig.add_trace(go.Scatter(
            x=[starts[0], starts[-1] + pd.Timedelta(days=7)], y=[average.reports] * 2, mode="lines", name=label,
            line={"color": AVERAGE_COLOR, "dash": "dash", "width": 1.5},
            hovertemplate=f"{label}: {i18n.format_decimal(average.reports, lang)}<extra></extra>",
        ))
    months = pd.date_range(starts[0], starts[-1] + pd.Timedelta(days=6), freq="MS")[::2]
    fig.update_xaxes(type="date", tickvals=list(months), ticktext=[i18n.format_month(m, lang) for m in months],
                     showgrid=False, linecolor="#888888")
    fig.update_yaxes(title_text=i18n.t("Reports", lang), gridcolor="#e5e5e5", rangemode="tozero",
                     tickformat=",d", dtick=_count_step(max(p.reports for p in points)))
    fig.update_layout(barmode="overlay", bargap=0.15, hovermode="closest",
                      legend={"orientation": "h", "y": -0.12, "x": 0})
    title = i18n.t("Reports per week, {from_} to {to}", lang, from_=i18n.format_date(points[0].week.start, lang),
                   to=i18n.format_date(points[-1].week.end, lang))
    return _layout(fig, lang, title, height=340)


def attack_type_figure(brief: Brief, lang: str) -> go.Figure | None:
    """Horizontal bars: the week's reports by attack type, largest on top (None for an empty week)."""
    lines = [b for b in brief.by_attack_type if b.reports]
    if not lines:
        return None
    lines = lines[::-1]  # plotly draws the first category at the bottom
    labels = [i18n.attack_type_label(b.key, lang) for b in lines]
    texts = [i18n.format_int(b.reports, lang) for b in lines]
    fig = go.Figure(go.Bar(
        x=[b.reports for b in lines], y=labels, orientation="h", text=texts, textposition="outside",
        cliponaxis=False, marker_color=[ATTACK_COLORS.get(b.key, "#999999") for b in lines], customdata=texts,
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    ))
    fig.update_xaxes(title_text=i18n.t("Reports", lang), gridcolor="#e5e5e5", rangemode="tozero",
                     tickformat=",d", dtick=_count_step(max(b.reports for b in lines)))
    fig.update_yaxes(automargin=True)
    return _layout(fig, lang, i18n.t("Reports this week by attack type", lang), height=110 + 34 * len(lines))


def figures(brief: Brief, lang: str) -> dict[str, go.Figure]:
    """Every figure of the brief by name, in reading order."""
    out = {"history": history_figure(brief, lang)}
    types = attack_type_figure(brief, lang)
    if types is not None:
        out["attack_types"] = types
    return out
