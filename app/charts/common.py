"""Pure figure builders: aggregated frames in, plotly Figures out (never calls st.*).

Every number and date a reader sees is formatted by app.i18n and passed as text
(customdata, ticktext), because plotly's own locale inside Streamlit is English.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from app import i18n

ATTACK_COLORS = {
    "ransomware": "#D55E00",
    "hacking": "#E69F00",
    "unauthorized_disclosure": "#0072B2",
    "theft": "#009E73",
    "loss": "#56B4E9",
    "improper_disposal": "#CC79A7",
    "ddos": "#F0E442",
    "other": "#999999",
    "unknown": "#666666",
}
INCOMPLETE_OPACITY = 0.55
INCOMPLETE_PATTERN = "/"
# A source line of 11 px text fits a 390 px phone screen at this many characters a line.
SOURCE_LINE_CHARS = 58
_LINE_PX = 1.3 * 11  # plotly's line height for the source line's 11 px font
_BAR_PERIOD = {"week": 7 * 24 * 3600 * 1000, "month": "M1", "year": "M12"}  # plotly xperiod


def base_layout(fig: go.Figure, lang: str, height: int, source: str | None = None) -> go.Figure:
    fig.update_layout(separators=i18n.PLOTLY_SEPARATORS[lang], height=height,
                      margin={"l": 10, "r": 10, "t": 30, "b": 10})
    return add_source_line(fig, source if source else i18n.t("Source: Healthcare cyberattack observatory (sources "
                                                             "and licences: Methodology & sources page).", lang))


def source_line(sources: list[str], as_of: pd.Timestamp | None, lang: str) -> str:
    """'Source: <sources>. Healthcare cyberattack observatory, data as of 31 Dec 2025.' for add_source_line()."""
    names = "; ".join(sources) if sources else i18n.t("no data", lang)
    as_of_text = i18n.format_date(as_of, lang) if as_of is not None else "–"
    return i18n.t("Source: {sources}. Healthcare cyberattack observatory, data as of {as_of}.", lang, sources=names, as_of=as_of_text)


def wrap_lines(text: str, width: int = SOURCE_LINE_CHARS) -> str:
    """`text` (lines joined by <br>) with every line longer than `width` characters broken at spaces: plotly never
    wraps a title or an annotation, and a long source line would run out of a phone-wide figure."""
    wrapped = []
    for line in text.split("<br>"):
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > width:
                wrapped.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        wrapped.append(current)
    return "<br>".join(wrapped)


def add_source_line(fig: go.Figure, text: str, below_px: int | None = None) -> go.Figure:
    """Write `text` under the plotting area, inside the figure, so an exported image (the modebar's "download
    as PNG") carries its source. An annotation, wrapped to a phone's width: plotly never wraps text, and it
    misplaces titles of several lines (plotly.js #6472). `below_px` clears the x axis's labels; by default as deep
    as the longest label is long, since plotly turns them upright on a narrow screen. Legends go on top."""
    text = wrap_lines(text)
    if below_px is None:
        longest = max((len(str(label)) for label in fig.layout.xaxis.ticktext or ()), default=4)
        below_px = 14 + round(6.5 * longest)
    lines = text.count("<br>") + 1
    fig.add_annotation(text=text, xref="paper", yref="paper", x=0, y=0, xanchor="left", yanchor="top",
                       yshift=-below_px, showarrow=False, align="left", font={"size": 11, "color": "#555555"},
                       name="source")
    fig.update_layout(title_text="", margin={"b": below_px + round(_LINE_PX * lines) + 8})
    return fig


def source_of(fig: go.Figure) -> str:
    """The source line add_source_line() wrote into `fig`, unwrapped."""
    notes = [a.text for a in fig.layout.annotations if a.name == "source"]
    return notes[-1].replace("<br>", " ") if notes else ""


def _time_ticks(starts: pd.Series, granularity: str, lang: str) -> tuple[list, list[str]]:
    """Tick positions and localized labels: years when the span is long, months otherwise."""
    if starts.empty:
        return [], []
    span_years = starts.iloc[-1].year - starts.iloc[0].year
    if granularity == "year":
        step = max(1, len(starts) // 12)
        # Centred under the year's bar.
        return [s + pd.Timedelta(days=182) for s in starts[::step]], [str(s.year) for s in starts[::step]]
    if span_years >= 3:
        years = pd.date_range(f"{starts.iloc[0].year}-01-01", starts.iloc[-1], freq="YS")
        step = max(1, len(years) // 12)
        return list(years[::step]), [str(y.year) for y in years[::step]]
    months = pd.date_range(starts.iloc[0], starts.iloc[-1], freq="MS")
    if months.empty or months[0] > starts.iloc[0]:
        months = months.insert(0, starts.iloc[0].replace(day=1))
    step = max(1, len(months) // 8)
    return list(months[::step]), [i18n.format_month(m, lang) for m in months[::step]]


def coverage_note(row, lang: str) -> str:
    """One period's coverage for a hover or a table: 'Sources: A, B · partly: C · silent: D'."""

    def names(keys) -> str:
        return ", ".join(i18n.stream_label(k, lang) for k in keys)

    if row.coverage == "none":
        return i18n.t("No data: no selected source covers this period", lang)
    parts = [i18n.t("Sources: {sources}", lang, sources=names(row.covering))] if row.covering else []
    parts += [i18n.t("partly: {sources}", lang, sources=names(row.partly))] if row.partly else []
    parts += [i18n.t("silent: {sources}", lang, sources=names(row.silent))] if row.silent else []
    parts += [i18n.t("may still grow", lang)] if row.filling else []
    return " · ".join(parts)


def _no_data_runs(starts: pd.Series, ends: pd.Series, none: np.ndarray) -> list[tuple]:
    """(first day, day after the last) of each run of consecutive periods that no source covers."""
    runs, begin = [], None
    for i, flag in enumerate(none):
        if flag and begin is None:
            begin = i
        if begin is not None and (not flag or i == len(none) - 1):
            last = i if flag else i - 1
            runs.append((starts.iloc[begin], ends.iloc[last] + pd.Timedelta(days=1)))
            begin = None
    return runs


def trend_figure(counts: pd.DataFrame, status: pd.DataFrame, granularity: str, lang: str,
                 complete_through: pd.Timestamp | None = None, source: str | None = None,
                 series_label: Callable[[str, str], str] = i18n.attack_type_label,
                 series_colors: Mapping[str, str] = ATTACK_COLORS,
                 coverage: pd.DataFrame | None = None) -> go.Figure:
    """Stacked bars of reports per period by attack type (or by the columns of `counts`, named by
    series_label(code, lang)).

    With `coverage` (app.prep.coverage.period_coverage() for the same periods): a period no selected source covers
    has no bar but a grey band labelled "no data" (silence is never zero); a partly covered one gets an open
    circle whose hover names the silent sources; bars are hatched only where the count may still grow (a
    covering source's posting lag or window end) or the date filter cuts the period. Without it (tests of
    the old shape), periods after complete_through are the ones that may still grow."""
    starts = status["period_start"].reset_index(drop=True)
    ends = status["period_end"].reset_index(drop=True)
    if coverage is not None:
        growing = coverage["filling"].to_numpy(dtype=bool)
        # Rows where the table says no source looked (a record made before coverage was measured) are still
        # drawn: hiding data would be as wrong as drawing silence as zero.
        none = (coverage["coverage"] == "none").to_numpy() & (counts.sum(axis=1).to_numpy() == 0)
        notes_cov = [coverage_note(row, lang) for row in coverage.itertuples()]
    else:
        growing = status["incomplete"].to_numpy(dtype=bool)
        none = np.zeros(len(starts), dtype=bool)
        notes_cov = [""] * len(starts)
    cut = status["cut"].to_numpy(dtype=bool)
    hatched = growing | cut
    labels = [i18n.format_period(s, granularity, lang) for s in starts]
    still_growing = " (" + i18n.t("may still grow", lang) + ")"
    cut_short = " (" + i18n.t("cut by the date filter", lang) + ")"
    notes = [still_growing if g else (cut_short if c else "") for g, c in zip(growing, cut)]
    coverage_lines = [f"<br>{n}" if n else "" for n in notes_cov]
    # Each distinct count formatted once (a weekly chart holds thousands of bars, few distinct heights).
    formatted = {v: i18n.format_int(v, lang) for v in pd.unique(counts.to_numpy().ravel())}
    fig = go.Figure()
    for attack in counts.columns:
        values = counts[attack].to_numpy().astype("float64")
        values[none] = np.nan  # no bar at all, not a bar of height 0
        name = series_label(attack, lang)
        color = series_colors.get(attack, "#999999")
        # One object array, not a list of lists: plotly validates and copies it far faster (same JSON).
        customdata = np.empty((len(values), 5), dtype=object)
        customdata[:, 0], customdata[:, 1], customdata[:, 3], customdata[:, 4] = labels, name, notes, coverage_lines
        customdata[:, 2] = [formatted.get(v, "") if not np.isnan(v) else "" for v in values]
        # A separate, empty legend entry: otherwise the legend copies the first bar's hatching.
        fig.add_trace(go.Bar(x=[None], y=[None], name=name, legendgroup=attack, marker_color=color))
        fig.add_trace(go.Bar(
            x=starts, y=values, name=name, legendgroup=attack, showlegend=False,
            xperiod=_BAR_PERIOD[granularity], xperiod0=starts.iloc[0] if len(starts) else None,
            xperiodalignment="middle",
            marker={"color": color,
                    "opacity": [INCOMPLETE_OPACITY if p else 1.0 for p in hatched],
                    "pattern": {"shape": [INCOMPLETE_PATTERN if p else "" for p in hatched],
                                "solidity": 0.3}},
            customdata=customdata,
            hovertemplate=("%{customdata[0]}%{customdata[3]}<br>%{customdata[1]}: %{customdata[2]}"
                           "%{customdata[4]}<extra></extra>"),
        ))
    if coverage is not None:
        _mark_coverage(fig, counts, coverage, starts, ends, none, labels, notes_cov, granularity, lang)
    elif complete_through is not None and len(status) and complete_through < status["period_end"].max():
        # Clipped to the periods shown: a shape outside them would stretch the axis into empty time.
        shade_start = max(complete_through + pd.Timedelta(days=1), status["period_start"].min())
        fig.add_vrect(x0=shade_start, x1=status["period_end"].max() + pd.Timedelta(days=1),
                      fillcolor="#888888", opacity=0.15, line_width=0, layer="below",
                      annotation_text=i18n.t("may still grow", lang), annotation_position="top left")
    tickvals, ticktext = _time_ticks(starts, granularity, lang)
    fig.update_layout(barmode="stack", bargap=0.15,
                      legend={"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
                      yaxis_title=i18n.t("Breaches", lang), hovermode="closest")
    fig.update_xaxes(type="date", tickvals=tickvals, ticktext=ticktext,
                     range=[starts.iloc[0], ends.iloc[-1] + pd.Timedelta(days=1)] if len(starts) else None)
    return base_layout(fig, lang, height=460, source=source)


def _mark_coverage(fig: go.Figure, counts: pd.DataFrame, coverage: pd.DataFrame, starts: pd.Series,
                   ends: pd.Series, none: np.ndarray, labels: list[str], notes: list[str], granularity: str,
                   lang: str) -> None:
    """Grey "no data" bands over uncovered runs; open circles over partly covered periods."""
    for x0, x1 in _no_data_runs(starts, ends, none):
        fig.add_vrect(x0=x0, x1=x1, fillcolor="#bbbbbb", opacity=0.25, line_width=0, layer="below",
                      annotation_text=i18n.t("no data", lang), annotation_position="top left",
                      annotation_font={"size": 11, "color": "#555555"}, annotation_textangle=0)
    partial = (coverage["coverage"] == "partial").to_numpy()
    if not partial.any():
        return
    totals = counts.sum(axis=1).to_numpy(dtype="float64")
    top = float(np.nanmax(totals)) if len(totals) and np.isfinite(np.nanmax(totals)) else 1.0
    fig.add_trace(go.Scatter(
        x=starts[partial], y=totals[partial] + max(top, 1.0) * 0.04, mode="markers",
        xperiod=_BAR_PERIOD[granularity], xperiod0=starts.iloc[0], xperiodalignment="middle",
        marker={"symbol": "circle-open", "size": 7, "color": "#555555", "line": {"width": 1.2}},
        name=i18n.t("Partly covered (hover: which sources are silent)", lang), legendgroup="_coverage",
        customdata=np.array([[lab, note] for lab, note, p in zip(labels, notes, partial) if p], dtype=object),
        hovertemplate="%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
    ))



