"""Reader-facing tables: codes turned into localized labels, numbers and dates into text.

Organisation names stay plain text: st.dataframe never renders them as HTML or Markdown.
"""

from __future__ import annotations

import pandas as pd

from app import i18n
from app.prep import explore


def largest_breaches_table(ranked: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The output of data.largest_breaches() with localized headers and formatted values.

    Numbers are text formatted for `lang` (st.dataframe would use the browser's locale),
    so the rank column carries the order.
    """
    def t(key: str) -> str:
        return i18n.t(key, lang)

    states = ranked["subdivision"].fillna("")
    return pd.DataFrame({
        t("#"): range(1, len(ranked) + 1),
        t("Organization"): ranked["organization"].astype(str),
        t("State"): [i18n.subdivision_name(s, lang) if s else "" for s in states],
        i18n.pt("US breaches", "Reported", lang): [i18n.format_date(d, lang) for d in ranked["reported_date"]],
        t("Attack type"): [i18n.attack_type_label(a, lang) for a in ranked["attack_type"]],
        t("Individuals affected"): [i18n.format_int(int(n), lang) for n in ranked["individuals_affected"]],
        t("Placeholder"): ranked["is_placeholder_count"].astype(bool).to_numpy(),
        # Where to check the figure: our incident page (every report of the attack) and the filing's source.
        t("Incident"): [explore.incident_link(i, lang) for i in ranked["incident_id"]],
        t("Source link"): ranked["source_url"].astype(str).to_numpy(),
    })
