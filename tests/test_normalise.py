"""Shared recoding helpers: name keys and country names."""

from __future__ import annotations

import pytest

from collectors.text.normalise import country_code, distinctive_words, name_key


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


@pytest.mark.parametrize("url, canonical", [
    ("https://Example.org/a?utm_source=x&id=3#top", "https://example.org/a?id=3"),
    ("https://databreaches.net/?p=1&#038;pk_campaign=feed&#038;pk_kwd=x", "https://databreaches.net/?p=1"),
    ("https://news.example.org/story?fbclid=abc", "https://news.example.org/story"),
    ("http://abcdefghijklmnop.onion/leak", None),
    ("n/a", None),
    ("https://exa[mple.org/story", None),  # found by fuzzing: urlsplit() raises on an unbalanced "["
    (None, None),
])
def test_canonical_url_drops_tracking_and_refuses_leak_sites(url, canonical):
    from collectors.text.urls import canonical_url

    assert canonical_url(url) == canonical


def test_url_key_ignores_scheme_www_and_trailing_slash():
    from collectors.text.urls import url_key

    assert url_key("http://www.ucc.or.jp/2025/02/17259/") == url_key("https://ucc.or.jp/2025/02/17259") == \
        "ucc.or.jp/2025/02/17259"
    assert url_key("https://x.fr/a?id=2") != url_key("https://x.fr/a?id=3")
