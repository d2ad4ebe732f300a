"""Pure figure builders of the World page (never calls st.*): the country map, trends by region and by
status, the source line naming the sources a figure counts (with their licences), and the countries table.

Numbers are formatted by app.i18n and handed to plotly as text, as in app/charts/common.py.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from app import i18n
from app.charts import common
from app.i18n import N_, NP_
from app.prep import world as world_prep
from collectors.schema import STATUSES

# Colour-blind-safe (Okabe-Ito): one colour per UN M49 region and per status.
REGION_COLORS = {"Africa": "#E69F00", "Americas": "#0072B2", "Asia": "#009E73", "Europe": "#CC79A7",
                 "Oceania": "#56B4E9"}
STATUS_COLORS = {"confirmed": "#0072B2", "reported": "#E69F00", "claimed": "#D55E00"}
# ColorBrewer YlOrRd, one colour per class of world_prep.BIN_EDGES.
BIN_COLORS = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026")
# Order in which credits are listed: the regulator first.
_SOURCE_ORDER = ("hhs_ocr", "eurepoc", "ransomware_live", "news_feeds")
UNIT_TITLES = {"reports": N_("Reports"), "incidents": N_("Incidents")}
HOVER_SPLIT = {
    "reports": N_("Reports confirmed {confirmed} · reported {reported} · claimed {claimed}"),
    "incidents": N_("Incidents confirmed {confirmed} · reported {reported} · claimed {claimed}"),
}
COLUMNS = {
    "reports": N_("Reports"),
    "incidents": N_("Incidents"),
    "confirmed": N_("Confirmed"),
    "reported": NP_("count", "Reported"),
    "claimed": N_("Claimed"),
}


def source_credits(sources: Iterable[str], lang: str) -> list[str]:
    """'<short name> (<licence>)' for each source, regulator first; a source without a known licence
    says so."""
    present = set(sources)
    ordered = [s for s in _SOURCE_ORDER if s in present] + sorted(present - set(_SOURCE_ORDER))
    return [i18n.t("{source}: {licence}", lang, source=i18n.source_short(code, lang),
                   licence=i18n.licence_label(code, lang))
            for code in ordered]


def source_text(sources: Iterable[str], as_of: pd.Timestamp | None, lang: str) -> str:
    """The line written inside every World figure: which sources it counts, their licences, the data date.
    One source a line, so it fits a narrow figure and an exported image."""
    credits = source_credits(sources, lang)
    names = "<br>".join(credits) if credits else i18n.t("no data", lang)
    as_of_text = i18n.format_date(as_of, lang) if as_of is not None else "–"
    return i18n.t("Sources: {sources}<br>Healthcare cyberattack observatory, data as of {as_of}.", lang, sources=names, as_of=as_of_text)


def bin_labels(lang: str) -> list[str]:
    """'1', '2–4', ... '≥ 1,000': the map's colour classes, numbers formatted for `lang`."""
    edges = world_prep.BIN_EDGES
    out = []
    for low, high in zip(edges, [*edges[1:], None]):
        if high is None:
            out.append(f"≥ {i18n.format_int(low, lang)}")
        elif high - 1 == low:
            out.append(i18n.format_int(low, lang))
        else:
            out.append(f"{i18n.format_int(low, lang)}–{i18n.format_int(high - 1, lang)}")
    return out


def world_map_figure(on_map: pd.DataFrame, unit: str, lang: str, source: str) -> go.Figure:
    """Choropleth of `unit` per country (rows of world_prep.map_rows()), coloured by class, not in
    proportion; countries without a report keep the land colour. Hover: reports, incidents, status split."""
    n = len(BIN_COLORS)
    scale = []
    for i, color in enumerate(BIN_COLORS):
        scale += [[i / n, color], [(i + 1) / n, color]]
    t = i18n.t
    reports, incidents = t("Reports", lang), t("Incidents", lang)
    hover = (f"%{{customdata[0]}}<br>{reports}: %{{customdata[1]}}<br>"
             f"{incidents}: %{{customdata[2]}}<br>%{{customdata[3]}}<extra></extra>")
    customdata = [
        [i18n.country_name(row.country, lang), i18n.format_int(row.reports, lang),
         i18n.format_int(row.incidents, lang),
         t(HOVER_SPLIT[unit], lang, **{s: i18n.format_int(getattr(row, s), lang) for s in STATUSES})]
        for row in on_map.itertuples()
    ]
    fig = go.Figure(go.Choropleth(
        locations=list(on_map["iso3"]), z=list(on_map["bin"]), locationmode="ISO-3",
        colorscale=scale, zmin=-0.5, zmax=n - 0.5, marker_line_color="#ffffff", marker_line_width=0.5,
        # Under the map, across it: beside it, the legend would leave a phone-wide map a third of the width.
        colorbar={"title": {"text": t(UNIT_TITLES[unit], lang), "side": "top"}, "thickness": 10,
                  "orientation": "h", "x": 0.5, "xanchor": "center", "y": 0, "yanchor": "top", "len": 0.95,
                  "tickvals": list(range(n)), "ticktext": bin_labels(lang)},
        customdata=customdata, hovertemplate=hover,
    ))
    fig.update_geos(scope="world", resolution=110, projection_type="natural earth", showframe=False,
                    showcountries=True, countrycolor="#ffffff", showcoastlines=False, showland=True,
                    landcolor="#e6e6e6", showlakes=False, showocean=False, bgcolor="rgba(0,0,0,0)",
                    lataxis_range=[-58, 85])
    fig.update_layout(separators=i18n.PLOTLY_SEPARATORS[lang], height=500,
                      margin={"l": 0, "r": 0, "t": 10})
    return common.add_source_line(fig, source, below_px=64)  # below the colour scale


def trend_by_figure(counts: pd.DataFrame, status: pd.DataFrame, by: str, unit: str, granularity: str,
                    lang: str, complete_through: pd.Timestamp | None, source: str,
                    coverage: pd.DataFrame | None = None) -> go.Figure:
    """app.charts.trend_figure (no-data periods, partial coverage and growing periods marked, as on the US
    page) stacked by region or status."""
    label = i18n.region_label if by == "region" else i18n.status_label
    colors = REGION_COLORS if by == "region" else STATUS_COLORS
    fig = common.trend_figure(counts, status, granularity, lang, complete_through, source=source,
                              series_label=label, series_colors=colors, coverage=coverage)
    # The legend goes on top: below the axis is the source line's place.
    # The legend on top (as every trend): below the axis is the source line's place (written by trend_figure).
    fig.update_layout(yaxis_title=i18n.t(UNIT_TITLES[unit], lang), height=440, margin_t=40)
    return fig


def country_table_display(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """world_prep.country_table() for st.dataframe: localized headers, names and numbers as text formatted
    for `lang` (st.dataframe would use the browser's locale), so the rank column carries the order."""
    def t(key: str) -> str:
        return i18n.t(key, lang)

    shown = {t("#"): range(1, len(table) + 1),
             t("Country"): [i18n.country_name(c, lang) for c in table["country"]],
             t("Region"): [i18n.region_label(r, lang) if isinstance(r, str) else "" for r in table["region"]]}
    for column in ("reports", "incidents", *STATUSES):
        shown[t(COLUMNS[column]) if column != "reported" else i18n.pt("count", "Reported", lang)] = [
            i18n.format_int(v, lang) for v in table[column]]
    return pd.DataFrame(shown)
