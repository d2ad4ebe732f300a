"""Shared recoding helpers: name keys and country names."""

from __future__ import annotations

import pytest

from collectors.normalise import country_code, distinctive_words, name_key


@pytest.mark.parametrize("name, code", [
    ("United States", "US"), ("USA", "US"), ("UK", "GB"), ("us", "US"), ("États-Unis", "US"), ("Allemagne", "DE"), ("fr", "FR"),
    ("Korea, Republic of", "KR"), ("Türkiye", "TR"), ("Kosovo", "XK"), ("ZZ", None), ("Atlantis", None), ("", None),
])
def test_country_names_in_english_and_french_become_iso_codes(name, code):
    assert country_code(name) == code


def test_name_key_ignores_case_accents_spacing_and_punctuation():
    assert name_key("St. Mary’s Hospital, Inc. ") == name_key("ST MARYS HOSPITAL INC") == "stmaryshospitalinc"
    assert name_key("Clínica Sol") == "clinicasol"


def test_distinctive_words_leave_out_generic_ones():
    assert distinctive_words("The Kroger Co., for itself and its affiliates") == {"kroger", "itself", "its",
                                                                                 "affiliates"}
    assert distinctive_words("Community Health Center, Inc.") == {"community"}
