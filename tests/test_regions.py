"""The region tables in data/mappings/: every ISO 3166-1 country has its UN M49 region, and the
French régions are the 18 current ones.

country_region.csv was generated from pycountry (codes, English and French names) and the UN M49
assignments (https://unstats.un.org/unsd/methodology/m49/), then checked row by row against a public copy:
lukes/ISO-3166-Countries-with-Regional-Codes, all/all.csv @ b6e238f1e1ab5ac5ba11dfb37612efcecce9b3a6
(all 249 codes agree on sub-region and intermediate region). XK Kosovo is not in M49: it is placed with
Serbia, in Southern Europe. Antarctica (AQ) has no M49 region: its cells are empty.
"""

from __future__ import annotations

import gettext

import pandas as pd
import pycountry
import pytest

from collectors.text import normalise

REGIONS = {
    "Africa": {"Northern Africa", "Sub-Saharan Africa"},
    "Americas": {"Latin America and the Caribbean", "Northern America"},
    "Asia": {"Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"},
    "Europe": {"Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"},
    "Oceania": {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"},
}
INTERMEDIATE = {
    "Sub-Saharan Africa": {"Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa"},
    "Latin America and the Caribbean": {"Caribbean", "Central America", "South America"},
    "Northern Europe": {"Channel Islands"},
}


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return normalise.mapping("country_region")


def test_every_iso_code_and_kosovo_is_there_once(table):
    assert list(table.columns) == ["country", "name", "region", "subregion", "intermediate_region", "name_fr"]
    assert table["country"].is_unique
    assert set(table["country"]) == {c.alpha_2 for c in pycountry.countries} | {"XK"}
    assert list(table["country"]) == sorted(table["country"])  # readable diffs


def test_regions_and_subregions_come_from_the_m49_sets(table):
    for row in table.itertuples():
        if row.country == "AQ":
            assert row.region == row.subregion == row.intermediate_region == ""
            continue
        assert row.subregion in REGIONS[row.region], row
        if row.intermediate_region:
            assert row.intermediate_region in INTERMEDIATE[row.subregion], row
    # M49 splits these two sub-regions further everywhere.
    split = table["subregion"].isin(["Sub-Saharan Africa", "Latin America and the Caribbean"])
    assert (table.loc[split, "intermediate_region"] != "").all()


@pytest.mark.parametrize(("code", "region", "subregion"), [
    ("FR", "Europe", "Western Europe"),
    ("DE", "Europe", "Western Europe"),
    ("GB", "Europe", "Northern Europe"),
    ("MX", "Americas", "Latin America and the Caribbean"),
    ("US", "Americas", "Northern America"),
    ("EG", "Africa", "Northern Africa"),
    ("TR", "Asia", "Western Asia"),
    ("AU", "Oceania", "Australia and New Zealand"),
    ("RU", "Europe", "Eastern Europe"),
    ("CY", "Asia", "Western Asia"),
    ("XK", "Europe", "Southern Europe"),
    ("GG", "Europe", "Northern Europe"),
    ("RE", "Africa", "Sub-Saharan Africa"),
])
def test_spot_checks(table, code, region, subregion):
    row = table.set_index("country").loc[code]
    assert (row["region"], row["subregion"]) == (region, subregion)


def test_names_come_from_pycountry_in_english_and_french(table):
    rows = table.set_index("country")
    assert rows.loc["US", "name"] == "United States of America"  # the row as it was before this table
    assert rows.loc["DE", "name"] == "Germany" and rows.loc["DE", "name_fr"] == "Allemagne"
    assert rows.loc["GB", "name_fr"] == "Royaume-Uni"
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    for country in pycountry.countries:
        assert rows.loc[country.alpha_2, "name_fr"] == french(country.name)
    assert (table["name"] != "").all() and (table["name_fr"] != "").all()


def test_normalise_regions_looks_codes_up():
    codes = pd.Series(["FR", "US", "MX", "CY", "ZZ"], dtype="str")
    result = normalise.regions(codes)
    assert list(result["region"].iloc[:4]) == ["Europe", "Americas", "Americas", "Asia"]
    assert list(result["subregion"].iloc[:4]) == ["Western Europe", "Northern America",
                                                  "Latin America and the Caribbean", "Western Asia"]
    assert result.iloc[4].isna().all()  # unknown code: no region rather than a guess


# --- French régions ----------------------------------------------------------------------------

def test_french_regions_are_the_18_current_ones():
    regions = normalise.mapping("fr_regions")
    assert list(regions.columns) == ["subdivision", "name_fr", "name_en", "insee_code", "iso_3166_1"]
    assert len(regions) == 18 and regions["subdivision"].is_unique and regions["insee_code"].is_unique
    for code in regions["subdivision"]:
        assert pycountry.subdivisions.get(code=code) is not None, code
    metropolitan = regions.loc[regions["iso_3166_1"] == "FR"]
    assert len(metropolitan) == 13  # 12 régions and Corse
    # The five overseas régions also have ISO 3166-1 codes of their own.
    overseas = regions.loc[regions["iso_3166_1"] != "FR"].set_index("subdivision")["iso_3166_1"]
    assert overseas.to_dict() == {"FR-971": "GP", "FR-972": "MQ", "FR-973": "GF", "FR-974": "RE", "FR-976": "YT"}
    named = regions.set_index("subdivision")
    assert named.loc["FR-IDF", "name_fr"] == "Île-de-France" and named.loc["FR-IDF", "insee_code"] == "11"
    assert named.loc["FR-BRE", "name_en"] == "Brittany" and named.loc["FR-20R", "name_fr"] == "Corse"
