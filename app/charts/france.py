"""Pure figure builders of the France page (never calls st.*): attacks by year beside the official
declarations, the régions tile map, attacks by type of establishment."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from app import i18n
from app.charts import common
from app.i18n import N_
from app.prep import france as france_prep
from collectors.text import normalise

ESTABLISHMENT_TYPES = {
    "chu_ch": N_("Public hospital (CHU, CH, GHT)"),
    "clinique": N_("Private clinic or hospital"),
    "ehpad_medico_social": N_("Care home (EHPAD) or médico-social"),
    "laboratoire": N_("Medical laboratory"),
    "imagerie": N_("Imaging centre"),
    "cabinet_centre_sante": N_("Practice, health centre, pharmacy"),
    "prestataire": N_("Software vendor or intermediary"),
    "assurance": N_("Insurer, mutuelle, Assurance Maladie"),
    "agence_publique": N_("Public health agency"),
    "autre": N_("Other"),
}

ATTACK_COLOR = "#D55E00"
DECLARED_COLOR = "#7f7f7f"
OTHERS_COLOR = "#f2b27f"


def region_names(lang: str) -> dict[str, str]:
    table = normalise.mapping("fr_regions")
    return dict(zip(table["subdivision"], table["name_fr" if lang == "fr" else "name_en"]))


def yearly_figure(years: pd.DataFrame, declared: pd.DataFrame, lang: str, source: str) -> go.Figure:
    """Two panels that share the years and never mix: above, the attacks in the dataset (no bar where no
    source covers France: "no data"); below, the incidents health structures declared to CERT Santé."""
    t = lambda key, **kw: i18n.t(key, lang, **kw)  # noqa: E731
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.14,
                        # Wrapped: plotly never wraps a subplot title, and a phone is 390 px wide.
                        subplot_titles=(common.wrap_lines(t("Attacks in the data (publicly reported)"), 48),
                                        common.wrap_lines(t("Incidents declared by health structures (ANS / CERT "
                                                            "Santé, all origins)"), 48)))
    none = years["coverage"] == "none"
    labels = [str(y) for y in years["year"]]
    notes = [common.coverage_note(row, lang) for row in years.itertuples()]
    for column, color, key in (("in_curated_list", ATTACK_COLOR, N_("Attacks in the curated list")),
                               ("others", OTHERS_COLOR, N_("Other sources' reports not matched to the list (some "
                                                        "repeat its attacks)"))):
        fig.add_trace(go.Bar(
            x=labels, y=[None if z else v for v, z in zip(years[column], none)], marker_color=color,
            name=common.wrap_lines(t(key), 48), customdata=notes, legendgroup="attacks",
            hovertemplate=f"%{{x}} · {t(key)}: %{{y}}<br>%{{customdata}}<extra></extra>"), row=1, col=1)
    totals = [t("no data") if z else (i18n.format_int(v, lang) + ("*" if c == "partial" else ""))
              for v, z, c in zip(years["attacks"], none, years["coverage"])]
    fig.add_trace(go.Scatter(x=labels, y=[0 if z else v for v, z in zip(years["attacks"], none)], mode="text",
                             text=totals, textposition="top center", showlegend=False, hoverinfo="skip"),
                  row=1, col=1)
    shown = declared.set_index("year").reindex(years["year"])
    fig.add_trace(go.Bar(
        x=labels, y=shown["declared"].tolist(), marker_color=DECLARED_COLOR, name=t("Incidents declared by health "
                                                                                    "structures (ANS / CERT Santé, "
                                                                                    "all origins)"),
        showlegend=False,
        text=[i18n.format_int(v, lang) if pd.notna(v) else t("n/a") for v in shown["declared"]],
        textposition="outside", cliponaxis=False, hovertemplate="%{x}: %{text}<extra></extra>"), row=2, col=1)
    fig.update_layout(barmode="stack", bargap=0.3, separators=i18n.PLOTLY_SEPARATORS[lang], height=560,
                      margin={"l": 10, "r": 10, "t": 110, "b": 30},
                      # At the top of the figure, above the first panel's title (the source line is below).
                      legend={"orientation": "h", "x": 0, "y": 1, "xanchor": "left", "yanchor": "top",
                              "yref": "container"})
    fig.update_yaxes(rangemode="tozero", tickformat=",d")
    top = max([int(v) for v in years["attacks"]] + [1])
    fig.update_yaxes(range=[0, top * 1.2], row=1, col=1)  # room for the totals above the bars
    declared_top = max([float(v) for v in shown["declared"] if pd.notna(v)] + [1.0])
    fig.update_yaxes(range=[0, declared_top * 1.2], row=2, col=1)
    fig.update_xaxes(type="category")
    return common.add_source_line(fig, source)


def trend_figure(counts: pd.DataFrame, status: pd.DataFrame, granularity: str, lang: str, source: str,
                 coverage: pd.DataFrame | None) -> go.Figure:
    """common.trend_figure over the French attacks, its axis counting attacks."""
    return common.trend_figure(counts, status, granularity, lang, source=source, coverage=coverage).update_layout(
        yaxis_title=i18n.t("Attacks", lang))


def region_tiles_figure(regions: pd.DataFrame, lang: str, source: str) -> go.Figure:
    """One square per région, placed roughly where it lies (overseas below), coloured by attacks."""
    names = region_names(lang)
    xs = [france_prep.TILES[c][0] for c in regions["subdivision"]]
    ys = [-france_prep.TILES[c][1] for c in regions["subdivision"]]
    counts = regions["attacks"].tolist()
    short = [names.get(c, c) for c in regions["subdivision"]]
    fig = go.Figure(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=[f"{_short(n)}<br><b>{i18n.format_int(v, lang)}</b>"
                                               for n, v in zip(short, counts)],
        textfont={"size": 10, "color": ["#ffffff" if v >= max(counts + [1]) * 0.6 else "#222222" for v in counts]},
        marker={"symbol": "square", "size": 72, "color": counts, "colorscale": "OrRd", "cmin": 0,
                "line": {"color": "#ffffff", "width": 2},
                "colorbar": {"title": {"text": i18n.t("Attacks", lang)}, "thickness": 12}},
        customdata=[[n, i18n.format_int(v, lang)] for n, v in zip(short, counts)],
        hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
    ))
    fig.add_annotation(x=2, y=-5.55, text=i18n.t("Overseas régions", lang), showarrow=False,
                       font={"size": 11, "color": "#555555"})
    fig.update_xaxes(visible=False, range=[-0.7, 4.7])
    fig.update_yaxes(visible=False, range=[-6.6, 0.6], scaleanchor="x")
    fig.update_layout(height=560, margin={"l": 0, "r": 0, "t": 10, "b": 10}, plot_bgcolor="rgba(0,0,0,0)")
    return common.add_source_line(fig, source)


def _short(name: str) -> str:
    """Tile labels on two lines at most: 'Provence-Alpes-<br>Côte d'Azur'."""
    if len(name) <= 11:
        return name
    cut = name.rfind("-", 0, 13)
    cut = cut if cut > 0 else name.rfind(" ", 0, 13)
    return f"{name[:cut + 1]}<br>{name[cut + 1:]}" if cut > 0 else name


def establishment_figure(counts: pd.Series, lang: str, source: str) -> go.Figure:
    ordered = counts[counts > 0].sort_values(ascending=True, kind="stable")
    labels = [i18n.t(ESTABLISHMENT_TYPES[k], lang) for k in ordered.index]
    texts = [i18n.format_int(v, lang) for v in ordered]
    fig = go.Figure(go.Bar(x=ordered.to_numpy(), y=labels, orientation="h", marker_color="#0072B2", text=texts,
                           textposition="auto", hovertemplate="%{y}: %{text}<extra></extra>"))
    fig.update_layout(height=380, separators=i18n.PLOTLY_SEPARATORS[lang], margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      xaxis_title=i18n.t("Attacks", lang))
    return common.add_source_line(fig, source)


def attack_list_display(listed: pd.DataFrame, lang: str) -> pd.DataFrame:
    """france_prep.attack_list() for reading: dates as the source gives them (a month, or a day), names of places."""
    t = i18n.t
    names = region_names(lang)
    return pd.DataFrame({
        t("Date", lang): [i18n.format_date(d, lang) if p != "month" else i18n.format_month(d, lang)
                          for d, p in zip(listed["incident_date"].fillna(listed["reported_date"]),
                                          listed["date_precision"].fillna("day"))],
        t("Organisation", lang): listed["organization"].tolist(),
        t("Town", lang): listed["locality"].fillna("").tolist(),
        t("Région", lang): [names.get(c, "") for c in listed["subdivision"].fillna("")],
        t("Attack type", lang): [i18n.attack_type_label(a, lang) for a in listed["attack_type"]],
        t("Care disrupted", lang): listed["is_care_disrupted"].fillna(False).astype(bool).tolist(),
        t("Source", lang): listed["source_url"].tolist(),
    })
