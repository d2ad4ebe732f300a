"""The France page: its aggregates on hand-made rows, the official figures file, and the page in AppTest."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from app.prep import france as france_prep

ROOT = Path(__file__).resolve().parent.parent
STATS = ROOT / "data" / "official_statistics.csv"


def _rows() -> pd.DataFrame:
    def row(incident, source, day, region, etype="chu_ch"):
        return {"incident_id": incident, "source": source, "record_id": f"{source}:{incident}",
                "reported_date": pd.Timestamp(day), "incident_date": pd.Timestamp(day), "country": "FR",
                "region": "Europe", "status": "reported", "subdivision": region,
                "organization_type_raw": etype if source == "curated_fr" else "Health"}
    return pd.DataFrame([
        row("a", "curated_fr", "2021-02-09", "FR-NAQ"), row("a", "cissm", "2021-02-01", None),
        row("b", "curated_fr", "2021-02-15", "FR-ARA", "clinique"), row("c", "cissm", "2021-03-01", None),
        row("d", "curated_fr", "2022-08-21", "FR-IDF"),
    ])


def test_yearly_counts_attacks_once_and_keeps_other_sources_apart():
    years = france_prep.yearly(_rows(), None, 2020, 2022).set_index("year")
    assert years.loc[2021, "attacks"] == 3  # a (two reports, one attack), b, c
    assert years.loc[2021, "in_curated_list"] == 2 and years.loc[2021, "others"] == 1
    assert years.loc[2022, "attacks"] == 1 and years.loc[2020, "attacks"] == 0


def test_regions_include_every_region_and_count_the_unplaced():
    regions, unknown = france_prep.by_region(_rows())
    assert len(regions) == len(france_prep.TILES) == 18
    assert regions.set_index("subdivision").loc["FR-NAQ", "attacks"] == 1
    assert unknown == 1  # c: a CISSM report with no région (a's curated row gives a its région)


def test_establishment_types_come_from_the_curated_list():
    counts = france_prep.by_establishment(_rows())
    assert counts["chu_ch"] == 2 and counts["clinique"] == 1 and counts.sum() == 3


def test_every_official_figure_has_a_url_a_period_and_a_unit():
    if not STATS.exists():
        pytest.skip("data/official_statistics.csv is missing")
    stats = pd.read_csv(STATS, dtype=str, keep_default_na=False)
    assert list(stats.columns) == ["area", "period", "measure", "value", "unit", "counts_what", "publisher",
                                   "publication", "url", "read_on", "note"]
    assert stats["url"].str.match(r"https?://").all()
    assert stats["period"].str.fullmatch(r"\d{4}(-\d\d/\d{4}-\d\d)?").all()
    assert (stats["unit"] != "").all() and pd.to_numeric(stats["value"]).notna().all()
    assert not stats["url"].str.contains(".onion", regex=False).any()
    declared = {p: france_prep.official(stats, "incidents_declared", str(p)) for p in range(2018, 2025)}
    assert all(declared.values()), "a yearly ANS figure of 2018-2024 is missing"
    assert declared[2021].value == 733 and declared[2023].value == 581
    assert declared[2022].value == 564  # the final figure, not the preliminary 588


@pytest.mark.slow  # runs the dashboard in AppTest
@pytest.mark.parametrize(("lang", "title", "claim_word"), [
    ("fr", "Cyberattaques contre les structures de santé en France", "une par semaine"),
    ("en", "Cyberattacks on health organisations in France", "one a week"),
])
def test_the_france_page_in_apptest(lang, title, claim_word):
    if not (ROOT / "data" / "incidents.csv").exists():
        pytest.skip("data/incidents.csv is not built")
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app/views/france.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == title
    panel = " ".join(m.value for m in at.markdown)
    assert claim_word in panel and "47" in panel and "59" in panel  # HFDS and CERT Santé, 2021
    attacks = at.dataframe[-1].value
    assert attacks.iloc[:, 2].eq("Dax").any()  # the list names the town
    assert len(at.get("plotly_chart")) == 4
