"""Figures of the United States (HHS) page: the state map and who reported the breach."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from app import i18n
from app.charts.common import base_layout
from app.prep import geo


def state_map_figure(states: pd.DataFrame, lang: str, source: str | None = None) -> go.Figure:
    """Choropleth of breaches per US state; every state is drawn, those without breaches at zero."""
    counts = {geo.state_code(s): int(n) for s, n in zip(states["subdivision"], states["breaches"])}
    codes = sorted(geo.MAPPABLE_STATES)
    values = [counts.get(code, 0) for code in codes]
    fig = go.Figure(go.Choropleth(
        locations=codes, z=values, locationmode="USA-states", colorscale="OrRd", zmin=0,
        marker_line_color="white", marker_line_width=0.5,
        colorbar={"title": {"text": i18n.t("Breaches", lang)}, "thickness": 12},
        customdata=[[i18n.subdivision_name(f"US-{c}", lang), i18n.format_int(v, lang)] for c, v in zip(codes, values)],
        hovertemplate="%{customdata[0]}<br>" + i18n.t("Breaches", lang) + ": %{customdata[1]}<extra></extra>",
    ))
    fig.update_geos(scope="usa", showland=True, landcolor="#eeeeee", showsubunits=True, subunitcolor="white",
                    showlakes=False, bgcolor="rgba(0,0,0,0)")
    return base_layout(fig, lang, height=420, source=source)


def organization_type_figure(counts: pd.Series, lang: str, source: str | None = None) -> go.Figure:
    """Horizontal bars of breaches per organisation type, largest on top."""
    ordered = counts.sort_values(ascending=True, kind="stable")
    labels = [i18n.organization_type_label(code, lang) for code in ordered.index]
    texts = [i18n.format_int(v, lang) for v in ordered.to_numpy()]
    fig = go.Figure(go.Bar(
        x=ordered.to_numpy(), y=labels, orientation="h", marker_color="#0072B2",
        text=texts, textposition="auto", customdata=texts,
        hovertemplate="%{y}: %{customdata}<extra></extra>",
    ))
    fig.update_layout(xaxis_title=i18n.t("Breaches", lang))
    return base_layout(fig, lang, height=420, source=source)
