"""Pure aggregates and figure builders for the CIPHER patient-harm page (never calls st.*).

Every figure counts CIPHER harm records (one harm as one source describes it), not attacks.
Numbers a reader sees are formatted by app.i18n and handed to plotly as text.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from app import i18n
from app.i18n import N_
from collectors.cipher import TIME_POINTS

COLUMNS = {
    "title": N_("Harm"),
    "time": N_("Time since the attack"),
    "specialty": N_("Specialty"),
    "domain": N_("Technical domain"),
    "score": N_("Impact (1–10)"),
    "reference": N_("Evidence"),
    "link": N_("Link"),
}
TIME_POINT_LABELS = {
    "first_hour": N_("First hour"),
    "first_day": N_("First day"),
    "first_week": N_("First week"),
    "week_2": N_("Second week"),
    "first_month": N_("First month"),
}
SPECIALTY_LABELS = {
    "all": N_("All specialties"),
    "cardiology": N_("Cardiology"),
    "emergency_acute_medicine": N_("Emergency & acute medicine"),
    "ent": N_("Ear, nose & throat"),
    "gastroenterology": N_("Gastroenterology"),
    "general_medicine": N_("General medicine"),
    "general_surgery": N_("General surgery"),
    "haematology": N_("Haematology"),
    "neurology": N_("Neurology"),
    "obstetrics": N_("Obstetrics"),
    "oncology": N_("Oncology"),
    "orthopaedics": N_("Orthopaedics"),
    "paediatrics": N_("Paediatrics"),
    "psychiatry": N_("Psychiatry"),
}
DOMAIN_LABELS = {
    "eprescribing": N_("ePrescribing"),
    "health_records": N_("Health records"),
    "hospital_infrastructure": N_("Hospital infrastructure"),
    "laboratory_systems": N_("Laboratory systems"),
    "imaging": N_("Imaging"),
    "booking_systems": N_("Booking systems"),
    "admin_billing": N_("Administration & billing"),
    "communications": N_("Communications"),
    "operating_rooms": N_("Operating rooms"),
    "telemetry": N_("Telemetry"),
    "all": N_("All systems"),
}
LABELS = {"time": TIME_POINT_LABELS, "specialty": SPECIALTY_LABELS, "domain": DOMAIN_LABELS}

COUNT_COLOR = "#0072B2"
SCORE_COLOR = "#D55E00"
SCORE_RANGE = (0, 10.5)  # CIPHER's scale is 1-10; 0 leaves room for the markers


def label(kind: str, code: str, lang: str) -> str:
    """Reader's name of a CIPHER code: kind is `time`, `specialty` or `domain`."""
    return i18n.t(LABELS[kind][code], lang)


def count_and_score_figure(table: pd.DataFrame, kind: str, lang: str) -> go.Figure:
    """Two panels sharing the categories: bars of record counts (left), mean impact score dots (right).

    `table` comes from one of the harms_by_* functions; its row order is kept, first row on top.
    """
    labels = [label(kind, code, lang) for code in table.index]
    counts = [i18n.format_int(n, lang) for n in table["harms"]]
    means = [i18n.format_decimal(m, lang) for m in table["mean_score"]]
    hover = [[c, m] for c, m in zip(counts, means)]
    records, score = i18n.t("Harm records", lang), i18n.t("Mean clinical impact score", lang)
    template = f"%{{y}}<br>{records}: %{{customdata[0]}}<br>{score}: %{{customdata[1]}}<extra></extra>"
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.62, 0.38], horizontal_spacing=0.04)
    fig.add_trace(go.Bar(x=table["harms"].to_numpy(), y=labels, orientation="h", marker_color=COUNT_COLOR,
                         text=counts, textposition="auto", customdata=hover, hovertemplate=template,
                         showlegend=False), row=1, col=1)
    fig.add_trace(go.Scatter(x=table["mean_score"].to_numpy(), y=labels, mode="markers+text",
                             marker={"color": SCORE_COLOR, "size": 11}, text=means, textposition="middle right",
                             customdata=hover, hovertemplate=template, showlegend=False), row=1, col=2)
    fig.update_yaxes(autorange="reversed", row=1, col=1)
    fig.update_xaxes(title_text=i18n.t("CIPHER harm records", lang), rangemode="tozero", row=1, col=1)
    fig.update_xaxes(title_text=i18n.t("Mean clinical impact score (1–10)", lang), range=list(SCORE_RANGE),
                     tickvals=[0, 2, 4, 6, 8, 10], row=1, col=2)
    fig.update_layout(separators=i18n.PLOTLY_SEPARATORS[lang], height=110 + 30 * len(table),
                      margin={"l": 10, "r": 10, "t": 10, "b": 10}, bargap=0.25)
    return fig


def harms_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The records for reading: most severe first, then by time point; labels in the reader's language."""
    order = {code: i for i, code in enumerate(TIME_POINTS)}
    ranked = frame.assign(when=frame["time_point"].map(order)).sort_values(
        ["clinical_impact_score", "when", "source_row"], ascending=[False, True, True], kind="stable")
    specialties = ranked["specialty"].map(lambda v: ", ".join(label("specialty", c, lang) for c in v.split("; ")))
    reference = ranked["reference_title"].where(ranked["reference_kind"] == "publication",
                                                i18n.t("Social-media post", lang))
    return pd.DataFrame({
        i18n.t("Harm", lang): ranked["short_title"].to_numpy(),
        i18n.t("Impact (1–10)", lang): ranked["clinical_impact_score"].to_numpy(),
        i18n.t("Time since the attack", lang): [label("time", c, lang) for c in ranked["time_point"]],
        i18n.t("Evidence", lang): reference.to_numpy(),
        i18n.t("Link", lang): ranked["reference_link"].fillna("").to_numpy(),  # not "None"
        i18n.t("Specialty", lang): specialties.to_numpy(),
        i18n.t("Technical domain", lang): [label("domain", c, lang) for c in ranked["technical_domain"]],
    })


