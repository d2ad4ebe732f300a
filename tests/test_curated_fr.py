"""The curated list of French attacks: the committed file, and bad rows named by their line."""

from __future__ import annotations

import pandas as pd
import pytest

from collectors import runner
from collectors.errors import SourceFormatError
from collectors.sources import curated_fr

HEADER = ",".join(curated_fr.COLUMNS)
GOOD = ("fr-2021-ch-dax,2021-02-09,day,,Centre hospitalier de Dax-Côte d'Argent,chu_ch,Dax,40,FR-NAQ,ransomware,"
        "downtime;diversion,,,https://www.francebleu.fr/x,,,2026-12-01")


def test_the_committed_list_parses_and_every_row_has_a_source():
    rows = runner.parse_source(curated_fr, curated_fr.CURATED_FILE.read_bytes())
    table = curated_fr.read_table(curated_fr.CURATED_FILE.read_bytes())
    assert len(rows) == len(table) >= 60
    assert rows["source_url"].str.match(r"https?://").all() and not rows["source_url"].str.contains(".onion").any()
    assert (rows["country"] == "FR").all()
    dax = rows[rows["locality"] == "Dax"]
    assert len(dax) == 1 and dax["reported_date"].iloc[0] == pd.Timestamp("2021-02-09")
    assert dax["attack_type"].iloc[0] == "ransomware" and bool(dax["is_care_disrupted"].iloc[0])
    monthly = rows[rows["date_precision"] == "month"]
    assert (monthly["incident_date"].dt.day == 1).all()
    # Villefranche-sur-Saône (February 2021) and the Dedalus lab-software leak are in the list.
    assert rows["locality"].eq("Villefranche-sur-Saône").any()
    assert rows["organization"].str.contains("Dedalus").any()


def test_good_row_parses():
    rows = runner.parse_source(curated_fr, f"{HEADER}\n{GOOD}\n".encode())
    assert rows["subdivision"].tolist() == ["FR-NAQ"] and rows["organization_type"].tolist() == ["healthcare_provider"]


@pytest.mark.parametrize(("change", "message"), [
    (("2021-02-09,day", "2021-02,day"), "line 3 (fr-2021-bad): incident_date '2021-02' does not match"),
    (("chu_ch", "hopital"), "establishment_type 'hopital' is not one of"),
    (("FR-NAQ", "FR-XXX"), "region 'FR-XXX' is not an ISO 3166-2 code"),
    (("https://www.francebleu.fr/x", "http://abc.onion/leak"), "points into a leak site"),
    (("ransomware", "rançon"), "attack_type 'rançon' is not one of"),
    (("downtime;diversion", "downtime;panic"), "care_effects has 'panic'"),
])
def test_a_bad_row_is_named_by_its_line(change, message):
    bad = GOOD.replace("fr-2021-ch-dax", "fr-2021-bad").replace(*change)
    with pytest.raises(SourceFormatError) as err:
        runner.parse_source(curated_fr, f"{HEADER}\n{GOOD}\n{bad}\n".encode())
    assert message in str(err.value)
    assert "line 2" not in str(err.value)  # the good row is not blamed


def test_every_problem_is_reported_at_once():
    bad1 = GOOD.replace("fr-2021-ch-dax", "fr-2021-a").replace("chu_ch", "x")
    bad2 = GOOD.replace("fr-2021-ch-dax", "fr-2021-b").replace(",40,", ",99,")
    with pytest.raises(SourceFormatError) as err:
        runner.parse_source(curated_fr, f"{HEADER}\n{bad1}\n{bad2}\n{GOOD}\n{GOOD}\n".encode())
    text = str(err.value)
    assert "line 2 (fr-2021-a)" in text and "line 3 (fr-2021-b)" in text and "appears more than once" in text
